"""Ukur halaman yang barisnya tumbuh bersama data, pada dua ukuran data (1× dan 10×), dengan setelan produksi.

Setelan yang disajikan (DEBUG=False, statis lewat manifest whitenoise, ``kaltim_yanlik.settings``), bukan
lingkungan uji; basis data sekali pakai ``BENCH_DB`` (bawaan ``kaltim_bench_halaman``). Data: N unit
(bawaan 100) dengan Pelaksana, pengaduan, kasus, SKM, Ombudsman, dan hasil monev; diukur, lalu diperbesar
menjadi 10N dan diukur lagi. Per halaman: min / median ≥ 3 permintaan (sesudah satu pemanasan) dan jumlah
kueri pada kedua ukuran. Sasaran issue 17: halaman rata (dibatasi atau berhalaman), kueri tetap.

    BENCH_DB=kaltim_bench_halaman .venv/bin/python bench/halaman_daftar.py [--unit 100] [--kali 10]
"""

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

AKAR = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(AKAR), str(AKAR / "bench")]

from bersama.basis_data import basis_data_sekali_pakai, pasang_url  # noqa: E402
from bersama.lingkungan import kumpulkan_statis, pasang_produksi  # noqa: E402
from bersama.mesin import Pantau  # noqa: E402

# Waktu pada 10× data boleh sampai sekian kali waktu pada 1× (derau mesin bersama); di atasnya "tumbuh".
BATAS_RATA = 1.5


def halaman(siklus) -> list[tuple[str, str, dict]]:
    """(akun, nama URL, argumen/kueri) untuk setiap halaman yang diukur."""
    from django.urls import reverse

    def u(nama, *args, **kueri):
        alamat = reverse(nama, args=args)
        return alamat + ("?" + "&".join(f"{k}={v}" for k, v in kueri.items()) if kueri else "")

    return [
        ("biro", "beranda", u("beranda")),
        ("biro", "daftar penyelenggara", u("kode_etik:penyelenggara_list")),
        ("biro", "daftar pelaksana", u("kode_etik:pelaksana_list")),
        ("biro", "daftar pengaduan", u("sanksi:pengaduan_daftar")),
        ("biro", "daftar kasus", u("sanksi:kasus_daftar")),
        ("biro", "ringkasan penegakan", u("sanksi:ringkasan", tahun=2026)),
        ("biro", "sandingan IPP·IKM·Ombudsman", u("evaluasi:sandingan_provinsi", tahun=2026)),
        ("biro", "siklus monev (Biro)", u("evaluasi:siklus_detail", siklus.code)),
        ("biro", "daftar evaluasi", u("evaluasi:daftar")),
        ("biro", "daftar SKM", u("survei:skm_daftar")),
        ("biro", "kepatuhan Ombudsman", u("survei:ombudsman_daftar")),
        ("biro", "jejak audit", u("audit")),
        ("kepala", "beranda", u("beranda")),
        ("kepala", "daftar kasus", u("sanksi:kasus_daftar")),
        ("kepala", "ringkasan penegakan", u("sanksi:ringkasan", tahun=2026)),
    ]


def ukur(klien, url: str, ulang: int) -> tuple[list[float], int]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    klien.get(url)  # pemanasan: templat, grafik tersimpan, sesi
    waktu, cpu = [], []
    for _ in range(ulang):
        mulai, mulai_cpu = time.perf_counter(), time.process_time()
        respons = klien.get(url)
        waktu.append((time.perf_counter() - mulai) * 1000)
        cpu.append((time.process_time() - mulai_cpu) * 1000)
        assert respons.status_code == 200, (url, respons.status_code)
    with CaptureQueriesContext(connection) as kueri:
        klien.get(url)
    return waktu, len(kueri), cpu


def putaran(klien: dict, daftar, ulang: int) -> dict:
    return {(akun, nama): ukur(klien[akun], url, ulang) for akun, nama, url in daftar}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--unit", type=int, default=100)
    parser.add_argument("--kali", type=int, default=10)
    parser.add_argument("--ulang", type=int, default=5)
    args = parser.parse_args()
    ulang = max(3, args.ulang)

    import django

    django.setup()
    from bersama.data_halaman import siapkan_dasar, tambah
    from django.test import Client

    kumpulkan_statis()
    rng = random.Random(11)  # noqa: S311
    with basis_data_sekali_pakai(NAMA_DB), Pantau(NAMA_DB) as pantau:
        biro, kepala, _unit, siklus = siapkan_dasar()
        klien = {"biro": Client(), "kepala": Client()}
        klien["biro"].force_login(biro)
        klien["kepala"].force_login(kepala)
        daftar = halaman(siklus)
        tambah(args.unit, 1, siklus, biro, rng)
        kecil = putaran(klien, daftar, ulang)
        tambah(args.unit * (args.kali - 1), args.unit + 1, siklus, biro, rng)
        besar = putaran(klien, daftar, ulang)

    print(
        f"Basis data {NAMA_DB} (PostgreSQL), setelan produksi (DEBUG=False); {ulang} permintaan per halaman"
    )
    print(pantau.laporan())
    n1, n2 = args.unit, args.unit * args.kali
    print(f"  {'akun':<7} {'halaman':<30} {f'{n1} unit: min / median':>24} {f'{n2} unit: min / median':>25}"
          f" {'kueri':>9}  rasio  rata?  CPU proses min 1×→10× (rasio)")  # fmt: skip
    tumbuh, tumbuh_cpu = [], []
    for akun, nama, _url in daftar:
        (w1, q1, c1), (w2, q2, c2) = kecil[(akun, nama)], besar[(akun, nama)]
        rasio, rasio_cpu = min(w2) / min(w1), min(c2) / min(c1)
        rata = rasio <= BATAS_RATA and q1 == q2
        if not rata:
            tumbuh.append(f"{akun} {nama}")
        if rasio_cpu > BATAS_RATA or q1 != q2:
            tumbuh_cpu.append(f"{akun} {nama}")
        print(f"  {akun:<7} {nama:<30} {min(w1):9.1f} / {statistics.median(w1):6.1f} ms "
              f"{min(w2):9.1f} / {statistics.median(w2):6.1f} ms {q1:4d}→{q2:<4d} {rasio:4.2f}× "
              f"{'ya   ' if rata else 'TIDAK'}  {min(c1):5.1f}→{min(c2):5.1f} ms "
              f"({rasio_cpu:4.2f}×)")  # fmt: skip
    print(
        f"Sasaran: setiap halaman rata (min 10× ≤ {BATAS_RATA}× min 1×, kueri sama) → "
        f"{'TERCAPAI' if not tumbuh else 'BELUM: ' + ', '.join(tumbuh)}"
    )
    # CPU proses bench (Django, templat) tidak terpengaruh antrean CPU mesin bersama; waktu PostgreSQL tidak
    # termasuk. Dicetak agar putaran bising tetap dapat dibaca.
    print(f"Menurut CPU proses: {'rata semua' if not tumbuh_cpu else 'tumbuh: ' + ', '.join(tumbuh_cpu)}")


if __name__ == "__main__":
    pasang_produksi("kaltim-bench-halaman-")
    NAMA_DB = pasang_url("kaltim_bench_halaman")
    main()
