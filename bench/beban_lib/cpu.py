"""Waktu CPU per pihak selama jendela ukur, dari /proc (Linux): gunicorn, worker Celery, PostgreSQL, klien.

Mesin berbagi dua inti dengan pekerjaan lain, sehingga latensi saja menyesatkan; CPU per permintaan di
server tidak bergantung pada seberapa sibuk mesin dan memberi taksiran kapasitas pada mesin yang sepi.
"""

import os
import resource
from pathlib import Path

_TIK = os.sysconf("SC_CLK_TCK")
# Backend yang ditutup di tengah jendela (CONN_MAX_AGE habis) hilang dari /proc beserta CPU-nya.
POSTGRES = "postgres (batas bawah)"


def _baca_stat(pid_dir: Path) -> tuple[int, float] | None:
    """(pgrp, detik CPU user+sys) satu proses, atau None bila proses sudah hilang."""
    try:
        isi = (pid_dir / "stat").read_text()
    except OSError:
        return None
    kolom = isi[isi.rindex(")") + 2 :].split()
    return int(kolom[2]), (int(kolom[11]) + int(kolom[12])) / _TIK


def _cmdline(pid_dir: Path) -> str:
    try:
        return (pid_dir / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return ""


def potret(grup: dict[str, int], nama_db: str) -> dict[str, float]:
    """Detik CPU kumulatif per nama grup proses (pgid), backend PostgreSQL basis data bench, dan klien."""
    hasil = dict.fromkeys(grup, 0.0)
    hasil[POSTGRES] = 0.0
    pgid_ke_nama = {pgid: nama for nama, pgid in grup.items()}
    penanda_db = f" {nama_db} "
    for pid_dir in Path("/proc").iterdir():
        if not pid_dir.name.isdigit():
            continue
        stat = _baca_stat(pid_dir)
        if stat is None:
            continue
        pgrp, detik = stat
        if pgrp in pgid_ke_nama:
            hasil[pgid_ke_nama[pgrp]] += detik
        elif penanda_db in _cmdline(pid_dir) and "postgres" in _cmdline(pid_dir):
            hasil[POSTGRES] += detik  # judul proses backend: "postgres: user db host(port) ..."
    pakai = resource.getrusage(resource.RUSAGE_SELF)
    hasil["klien bench"] = pakai.ru_utime + pakai.ru_stime
    return hasil


def mesin() -> tuple[float, float]:
    """(detik CPU sibuk, detik total) semua inti dari /proc/stat."""
    kolom = [int(x) for x in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
    diam = kolom[3] + kolom[4]  # idle + iowait
    return (sum(kolom) - diam) / _TIK, sum(kolom) / _TIK


def selisih(awal: dict[str, float], akhir: dict[str, float]) -> dict[str, float]:
    return {k: akhir.get(k, 0.0) - awal.get(k, 0.0) for k in akhir}
