"""Basis data bench sekali pakai dengan nama yang dapat diatur, tidak pernah basis data uji bersama.

Nama: ``BENCH_DB`` (bawaan per skrip, mis. ``kaltim_bench_dokumen``); server dan kredensial dari
``DATABASE_URL`` (bawaan PostgreSQL lokal). ``make bench`` memberi DATABASE_URL basis data uji; namanya tidak
dipakai, karena basis data bench dihapus dan dibuat ulang (``create_test_db`` dengan TEST NAME).
"""

import contextlib
import os
from urllib.parse import urlsplit

URL_BAWAAN = "postgres://postgres@127.0.0.1:5432/postgres"


def pasang_url(nama_bawaan: str) -> str:
    """Setel DATABASE_URL ke server yang sama dengan nama bench; kembalikan nama basis data bench."""
    dasar = urlsplit(os.environ.get("DATABASE_URL") or URL_BAWAAN)
    if not dasar.scheme.startswith("postgres"):
        dasar = urlsplit(URL_BAWAAN)
    nama = os.environ.get("BENCH_DB", nama_bawaan)
    os.environ["DATABASE_URL"] = dasar._replace(path="/" + nama, query="").geturl()
    return nama


@contextlib.contextmanager
def basis_data_sekali_pakai(nama: str):
    """Buat basis data ``nama`` (dibuang dulu bila sisa putaran lalu ada), migrasi, lalu hapus di akhir."""
    from django.db import connection

    # Tanpa setup_test_environment(): itu memasang instrumen templat uji yang memperlambat render, padahal
    # bench mengukur yang berjalan di produksi.
    asli = connection.settings_dict["NAME"]
    connection.settings_dict.setdefault("TEST", {})["NAME"] = nama
    connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=False)
    try:
        yield nama
    finally:
        connection.creation.destroy_test_db(asli, verbosity=0)
