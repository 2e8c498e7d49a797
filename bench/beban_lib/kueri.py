"""Jumlah kueri SQL dan waktu satu permintaan per halaman yang dipakai beban, pada konfigurasi yang disajikan.

Dijalankan sebagai proses sendiri dengan lingkungan server gunicorn (DEBUG=False, basis data, CONN_MAX_AGE
yang sama), bukan di proses bench (yang memakai DEBUG bawaan): angka kueri dan CPU per halaman adalah milik
konfigurasi produksi. Halaman yang lambat di bawah beban tetapi sedikit kuerinya berarti biaya CPU
(templat, ORM); jumlah kueri yang tumbuh dengan data berarti N+1.

    python bench/beban_lib/kueri.py <skenario.json>   # dipanggil bench/beban.py
"""

import json
import sys
import time
from pathlib import Path
from types import SimpleNamespace

ULANG_CPU = 5


def _halaman(skenario) -> list[tuple[str, str, str]]:
    biro = next(p for p in skenario.pengguna if p.peran == "biro")
    unit = next(p for p in skenario.pengguna if p.peran != "biro")
    nomor = sorted(skenario.isian_f01)[len(skenario.isian_f01) // 3]
    return [
        ("beranda", biro.username, "/"),
        ("daftar_evaluasi", biro.username, "/evaluasi/"),
        ("siklus", biro.username, f"/evaluasi/siklus/{skenario.siklus_code}/"),
        ("daftar_siklus", biro.username, "/evaluasi/siklus/"),
        ("daftar_pengaduan", biro.username, "/penegakan/pengaduan/"),
        ("daftar_pelaksana", biro.username, "/pelaksana/"),
        ("beranda", unit.username, "/"),
        ("daftar_evaluasi", unit.username, "/evaluasi/"),
        ("daftar_pengaduan", unit.username, "/penegakan/pengaduan/"),
        ("daftar_pelaksana", unit.username, "/pelaksana/"),
        ("detail_evaluasi", unit.username, f"/evaluasi/{unit.evaluasi_code}/"),
        ("detail_evaluasi", unit.username, f"/evaluasi/{unit.evaluasi_lalu_code}/"),
        ("f01_buka", unit.username, f"/evaluasi/{unit.evaluasi_code}/indikator/{nomor}/"),
    ]


def kueri_per_halaman(skenario) -> list[tuple[str, str, str, int, int, float, float]]:
    """(aksi, username, path, status, jumlah kueri, ms, ms CPU median) per halaman, sesudah dihangatkan."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from akun.models import Pengguna

    klien: dict[str, Client] = {}
    hasil = []
    for aksi, username, path in _halaman(skenario):
        if username not in klien:
            klien[username] = Client()
            klien[username].force_login(Pengguna.objects.get(username=username))
        c = klien[username]
        c.get(path)  # hangatkan templat dan koneksi, seperti di bawah beban
        with CaptureQueriesContext(connection) as kueri:
            mulai = time.perf_counter()
            respons = c.get(path)
            md = (time.perf_counter() - mulai) * 1000
        # Dihitung sekarang: daftar kueri tertangkap dibaca dari log koneksi, yang dikosongkan setiap
        # permintaan berikutnya (sinyal request_started).
        jumlah = len(kueri)
        cpu = []
        for _ in range(ULANG_CPU):
            awal = time.process_time()
            c.get(path)
            cpu.append((time.process_time() - awal) * 1000)
        median_cpu = sorted(cpu)[len(cpu) // 2]
        hasil.append((aksi, username, path, respons.status_code, jumlah, md, median_cpu))
    return hasil


def _skenario(berkas: str):
    data = json.loads(Path(berkas).read_text())
    return SimpleNamespace(
        pengguna=[SimpleNamespace(**p) for p in data["pengguna"]],
        siklus_code=data["siklus_code"],
        isian_f01={int(k): v for k, v in data["isian_f01"].items()},
    )


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    import django

    django.setup()
    for baris in kueri_per_halaman(_skenario(sys.argv[1])):
        print(json.dumps(baris))
