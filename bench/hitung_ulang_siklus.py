"""Ukur penghitungan ulang hasil satu siklus (N lokus × 30 indikator) dibanding satu agregat SQL.

Membuat basis data uji sementara pada DATABASE_URL (bawaan: PostgreSQL lokal), mengisi siklus dengan level
F-02 acak secara massal, lalu mencetak median waktu dan jumlah kueri ``siklus_hitung_ulang`` (Python +
``skor.hitung_ipp_dari``, termasuk peringkat dan penyimpanan) di samping satu kueri SUM yang menghitung IPP
yang sama di basis data, serta memastikan keduanya memberi IPP yang sama.

    .venv/bin/python bench/hitung_ulang_siklus.py [--lokus 1000] [--ulang 5]
"""

import argparse
import os
import random
import statistics
import sys
import time
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kaltim_yanlik.settings_test")
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/kaltim_bench")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.db.models import F, Sum  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402


def isi_siklus(jumlah_lokus: int):
    from datetime import date

    from evaluasi.models import Evaluasi, Indikator, InstrumenVersi, PenilaianIndikator, SiklusMonev
    from kode_etik.models import Penyelenggara

    instrumen = InstrumenVersi.objects.get(tahun=2025, jenis="A")
    hari = date(2026, 1, 1)
    jendela = {
        f"{f}_{b}": hari
        for f in ("pengisian", "penilaian", "perbaikan", "finalisasi")
        for b in ("mulai", "selesai")
    }
    siklus = SiklusMonev.objects.create(tahun=2026, nama="Bench", instrumen=instrumen, **jendela)
    unit = Penyelenggara.objects.bulk_create(
        Penyelenggara(kode=f"PD-{i:05d}", nama=f"Unit {i:05d}") for i in range(jumlah_lokus)
    )
    evaluasi = Evaluasi.objects.bulk_create(
        Evaluasi(siklus=siklus, penyelenggara=u, status=Evaluasi.Status.DINILAI) for u in unit
    )
    indikator = list(Indikator.objects.filter(aspek__instrumen=instrumen, suplemen=False))
    rng = random.Random(1)  # noqa: S311
    PenilaianIndikator.objects.bulk_create(
        (
            PenilaianIndikator(evaluasi=e, indikator=i, level=rng.randint(0, 5))
            for e in evaluasi
            for i in indikator
        ),
        batch_size=5000,
    )
    return siklus


def ipp_sql(siklus) -> dict[int, Decimal]:
    from evaluasi.models import PenilaianIndikator

    baris = (
        PenilaianIndikator.objects.filter(
            evaluasi__siklus=siklus, indikator__suplemen=False, level__isnull=False
        )
        .values("evaluasi_id")
        .annotate(ipp=Sum(F("indikator__aspek__bobot") * F("indikator__bobot") * F("level")))
    )
    return {b["evaluasi_id"]: (b["ipp"] / 10000).quantize(Decimal("0.0001")) for b in baris}


def ukur(fungsi, ulang, persiapan=lambda: None):
    waktu = []
    for _ in range(ulang):
        persiapan()
        mulai = time.perf_counter()
        fungsi()
        waktu.append(time.perf_counter() - mulai)
    persiapan()
    with CaptureQueriesContext(connection) as kueri:
        fungsi()
    return statistics.median(waktu), len(kueri)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--lokus", type=int, default=1000)
    parser.add_argument("--ulang", type=int, default=5)
    args = parser.parse_args()

    from evaluasi.models import HasilEvaluasi
    from evaluasi.services import siklus_hitung_ulang

    setup_test_environment()
    nama_asli = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        siklus = isi_siklus(args.lokus)
        mulai = time.perf_counter()
        siklus_hitung_ulang(siklus=siklus)
        t_pertama = time.perf_counter() - mulai

        # Setelah hitungan pertama, ulangan hanya menulis baris yang berubah. Untuk mengukur kasus terberat,
        # setiap ulangan diawali (di luar pengukuran) dengan mengosongkan IPP sehingga semua baris berubah.
        t_python, q_python = ukur(
            lambda: siklus_hitung_ulang(siklus=siklus),
            args.ulang,
            persiapan=lambda: HasilEvaluasi.objects.update(ipp=0),
        )
        t_tetap, _ = ukur(lambda: siklus_hitung_ulang(siklus=siklus), args.ulang)
        t_sql, q_sql = ukur(lambda: ipp_sql(siklus), args.ulang)
        hasil = dict(HasilEvaluasi.objects.values_list("evaluasi_id", "ipp"))
        assert hasil == ipp_sql(siklus), "IPP dari Python dan dari SQL berbeda"
        print(f"Basis data: {connection.vendor}; {args.lokus} lokus × 30 indikator")
        print(f"  hitung ulang pertama: {t_pertama * 1000:8.1f} ms (semua baris hasil baru)")
        median_ms = t_python * 1000
        print(f"  siklus_hitung_ulang : median {median_ms:8.1f} ms  {q_python:3d} kueri (semua berubah)")
        print(f"  tanpa perubahan     : median {t_tetap * 1000:8.1f} ms (dijalankan dua kali)")
        print(f"  agregat SQL (SUM)   : median {t_sql * 1000:8.1f} ms  {q_sql:3d} kueri (hanya IPP)")
        print(f"  rasio semua berubah : {t_python / t_sql:.2f}×   (IPP sama untuk {len(hasil)} lokus)")
        print(f"  rasio tanpa ubahan  : {t_tetap / t_sql:.2f}×")
    finally:
        connection.creation.destroy_test_db(nama_asli, verbosity=0)


if __name__ == "__main__":
    main()
