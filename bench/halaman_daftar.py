"""Ukur halaman daftar Penyelenggara dan Pelaksana dengan data besar: median waktu dan jumlah kueri.

Berjalan pada basis data uji sementara (DATABASE_URL bila ada, selain itu SQLite di memori) yang dibuat
dan dihapus oleh skrip ini. Angka dicetak, tidak dinilai: bandingkan antar-perubahan.

    .venv/bin/python bench/halaman_daftar.py [--unit 1000] [--pelaksana-per-unit 10] [--ulang 15]
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kaltim_yanlik.settings_test")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402
from django.urls import reverse  # noqa: E402


def isi_data(jumlah_unit: int, per_unit: int):
    from akun.models import Pengguna, Peran
    from kode_etik.models import Pelaksana, Penyelenggara

    pd = Penyelenggara.objects.bulk_create(
        Penyelenggara(kode=f"PD-{i:04d}", nama=f"Dinas Uji {i:04d}") for i in range(jumlah_unit // 2)
    )
    uptd = Penyelenggara.objects.bulk_create(
        Penyelenggara(kode=f"UPTD-{i:04d}", nama=f"UPTD Uji {i:04d}", jenis="UPTD", induk=pd[i % len(pd)])
        for i in range(jumlah_unit - len(pd))
    )
    Pelaksana.objects.bulk_create(
        Pelaksana(nama=f"Pegawai {u.kode}-{j}", penyelenggara=u) for u in pd + uptd for j in range(per_unit)
    )
    biro = Pengguna.objects.create(username="biro", peran=Peran.BIRO)
    kepala = Pengguna.objects.create(username="kepala", peran=Peran.KEPALA, penyelenggara=pd[0])
    return biro, kepala


def ukur(client, url, ulang):
    client.get(url)
    waktu = []
    for _ in range(ulang):
        mulai = time.perf_counter()
        respons = client.get(url)
        waktu.append(time.perf_counter() - mulai)
        assert respons.status_code == 200, respons.status_code
    with CaptureQueriesContext(connection) as kueri:
        client.get(url)
    return statistics.median(waktu) * 1000, len(kueri)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--unit", type=int, default=1000)
    parser.add_argument("--pelaksana-per-unit", type=int, default=10)
    parser.add_argument("--ulang", type=int, default=15)
    args = parser.parse_args()

    setup_test_environment()
    nama_asli = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        biro, kepala = isi_data(args.unit, args.pelaksana_per_unit)
        jumlah_pelaksana = args.unit * args.pelaksana_per_unit
        print(f"Basis data: {connection.vendor}; {args.unit} unit, {jumlah_pelaksana} Pelaksana")
        for user in (biro, kepala):
            client = Client()
            client.force_login(user)
            for nama in ("kode_etik:penyelenggara_list", "kode_etik:pelaksana_list", "beranda"):
                median, jumlah = ukur(client, reverse(nama), args.ulang)
                print(f"  {user.username:7} {nama:32} median {median:7.1f} ms  {jumlah:3d} kueri")
    finally:
        connection.creation.destroy_test_db(nama_asli, verbosity=0)


if __name__ == "__main__":
    main()
