"""Ukur halaman ber-grafik: kunjungan pertama dengan simpanan grafik kosong (dingin) terhadap kunjungan
berikutnya (hangat), berpasangan dan berselang-seling, pada data demo (``manage.py demo``) dan setelan
produksi.

Dingin = semua ``GrafikTersimpan`` dibuang (di luar pengukuran) sehingga halaman menggambar setiap grafiknya
sendiri dan menyimpannya; ini kasus terburuk yang hanya terjadi bila tugas penyiapan belum berjalan. Di
produksi grafik sudah digambar tugas latar sesudah datanya berubah, sehingga kunjungan pertama sama dengan
hangat. Dicetak juga jumlah panggilan penggambar per kunjungan (hangat harus 0).

    BENCH_DB=kaltim_bench_grafik .venv/bin/python bench/grafik_halaman.py [--ulang 5]
"""

import argparse
import io
import sys
import time
from pathlib import Path

AKAR = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(AKAR), str(AKAR / "bench")]

from bersama.basis_data import basis_data_sekali_pakai, pasang_url  # noqa: E402
from bersama.lingkungan import kumpulkan_statis, pasang_produksi  # noqa: E402
from bersama.mesin import Pantau  # noqa: E402
from bersama.ukur import ringkas, sasaran  # noqa: E402

SASARAN_RASIO = 1.2  # issue 17: dingin ≤ 1,2× hangat


def halaman() -> list[tuple[str, str]]:
    """(akun, path) halaman ber-grafik dari data demo."""
    from django.urls import reverse

    from evaluasi.models import Evaluasi, SiklusMonev
    from survei.models import PeriodeSKM

    terbit = SiklusMonev.objects.filter(dipublikasikan_pada__isnull=False).order_by("-tahun").first()
    berjalan = SiklusMonev.objects.order_by("-tahun").first()
    dinkes = Evaluasi.objects.filter(siklus=terbit, penyelenggara__kode__icontains="DINKES").first()
    periode = PeriodeSKM.objects.filter(menerima_jawaban=False).order_by("mulai").first()
    return [
        ("biro", reverse("evaluasi:siklus_detail", args=[berjalan.code])),
        ("kepala.dinkes", reverse("evaluasi:detail", args=[dinkes.code])),
        ("", reverse("evaluasi:publik_siklus", args=[terbit.tahun])),
        ("", reverse("evaluasi:publik_unit", args=[terbit.tahun, dinkes.code])),
        ("kepala.dinkes", reverse("survei:skm_hasil", args=[periode.code])),
        ("biro", reverse("sanksi:ringkasan") + f"?tahun={berjalan.tahun}"),
    ]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--ulang", type=int, default=5)
    args = parser.parse_args()
    ulang = max(3, args.ulang)

    import django

    django.setup()
    from django.core.management import call_command
    from django.test import Client

    from akun.models import Pengguna
    from kaltim_yanlik.core import grafik
    from kaltim_yanlik.core.models import GrafikTersimpan

    gambar_asli, panggilan = grafik.gambar, [0]

    def menghitung(spek):
        panggilan[0] += 1
        return gambar_asli(spek)

    grafik.gambar = menghitung
    kumpulkan_statis()
    hasil = []
    with basis_data_sekali_pakai(NAMA_DB):
        call_command("demo", stdout=io.StringIO())
        klien = {"": Client()}
        for nama in ("biro", "kepala.dinkes"):
            klien[nama] = Client()
            klien[nama].force_login(Pengguna.objects.get(username=nama))
        with Pantau(NAMA_DB) as pantau:
            for akun, path in halaman():
                c = klien[akun]
                c.get(path)  # pemanasan templat dan sesi
                dingin, hangat, rasio, digambar, rasio_cpu = [], [], [], [], []
                for _ in range(ulang):
                    GrafikTersimpan.objects.all().delete()
                    panggilan[0] = 0
                    mulai, cpu = time.perf_counter(), time.process_time()
                    assert c.get(path).status_code == 200, path
                    dingin.append(time.perf_counter() - mulai)
                    cpu_dingin = time.process_time() - cpu
                    digambar.append(panggilan[0])
                    panggilan[0] = 0
                    mulai, cpu = time.perf_counter(), time.process_time()
                    c.get(path)
                    hangat.append(time.perf_counter() - mulai)
                    rasio_cpu.append(cpu_dingin / (time.process_time() - cpu))
                    assert panggilan[0] == 0, f"{path}: grafik digambar ulang pada kunjungan hangat"
                    rasio.append(dingin[-1] / hangat[-1])
                hasil.append((akun or "publik", path, dingin, hangat, rasio, max(digambar), rasio_cpu))

    print(
        f"Basis data {NAMA_DB} (data demo, PostgreSQL, DEBUG=False); {ulang} pasang dingin/hangat per halaman"
    )
    print(pantau.laporan())
    gagal = []
    for akun, path, dingin, hangat, rasio, digambar, rasio_cpu in hasil:
        median = sorted(rasio)[len(rasio) // 2]
        if median > SASARAN_RASIO:
            gagal.append(path)
        print(f"  {akun:<14} {path}")
        rasio_teks = ringkas(rasio, lambda x: f"{x:.2f}×")
        print(f"    dingin ({digambar} grafik digambar): {ringkas(dingin)} ms")
        print(f"    hangat (0 digambar)          : {ringkas(hangat)} ms")
        print(f"    rasio dingin/hangat per pasang: {rasio_teks}; CPU proses {ringkas(rasio_cpu, _kali)}")
    print(
        sasaran(f"Sasaran: dingin ≤ {SASARAN_RASIO}× hangat (median per pasang) di setiap halaman", not gagal)
    )


def _kali(x: float) -> str:
    return f"{x:.2f}×"


if __name__ == "__main__":
    pasang_produksi("kaltim-bench-grafik-")
    NAMA_DB = pasang_url("kaltim_bench_grafik")
    main()
