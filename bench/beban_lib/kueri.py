"""Jumlah kueri SQL dan waktu satu permintaan per halaman yang dipakai beban (di proses bench, tanpa beban).

Pelengkap angka beban: halaman yang lambat di bawah beban tetapi sedikit kuerinya berarti biaya CPU
(template, ORM), bukan N+1; jumlah kueri yang tumbuh dengan data berarti N+1.
"""

import time


def _halaman(skenario) -> list[tuple[str, str, str]]:
    biro = next(p for p in skenario.pengguna if p.peran == "biro")
    unit = next(p for p in skenario.pengguna if p.peran != "biro")
    nomor = sorted(skenario.isian_f01)[len(skenario.isian_f01) // 3]
    return [
        ("beranda", biro.username, "/"),
        ("daftar_evaluasi", biro.username, "/evaluasi/"),
        ("siklus", biro.username, f"/evaluasi/siklus/{skenario.siklus_code}/"),
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


ULANG_CPU = 5


def kueri_per_halaman(skenario) -> list[tuple[str, str, str, int, int, float, float]]:
    """(aksi, username, path, status, jumlah kueri, ms, ms CPU median) per halaman, sesudah dihangatkan."""
    from django.db import connection, reset_queries
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
        c.get(path)  # hangatkan cache template dan grafik, seperti di bawah beban
        # Dengan DEBUG=True log kueri proses ini sudah penuh (deque 9.000) oleh persiapan data; tanpa
        # dikosongkan, CaptureQueriesContext menghitung 0.
        reset_queries()
        with CaptureQueriesContext(connection) as kueri:
            mulai = time.perf_counter()
            respons = c.get(path)
            md = (time.perf_counter() - mulai) * 1000
        cpu = []
        for _ in range(ULANG_CPU):
            awal = time.process_time()
            c.get(path)
            cpu.append((time.process_time() - awal) * 1000)
        median_cpu = sorted(cpu)[len(cpu) // 2]
        hasil.append((aksi, username, path, respons.status_code, len(kueri), md, median_cpu))
    return hasil
