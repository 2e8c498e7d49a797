"""Keadaan mesin selama pengukuran: jumlah inti, beban rata-rata, dan CPU yang dipakai proses lain.

Mesin berbagi dua inti dengan pekerjaan lain; angka bench tanpa keterangan ini menyesatkan. ``Pantau``
mencatat /proc/stat dan CPU setiap proses di awal dan akhir jendela ukur, lalu melaporkan berapa detik-CPU
dipakai proses di luar bench (beserta lima pemakai terbesar), sehingga putaran yang bising terlihat.
"""

import os
import resource
import time
from dataclasses import dataclass, field
from pathlib import Path

_TIK = os.sysconf("SC_CLK_TCK")


def _cpu_mesin() -> tuple[float, float]:
    """(detik CPU sibuk, detik total) semua inti."""
    kolom = [int(x) for x in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
    diam = kolom[3] + kolom[4]
    return (sum(kolom) - diam) / _TIK, sum(kolom) / _TIK


def _cpu_proses() -> dict[int, tuple[str, float]]:
    """pid → (nama singkat, detik CPU user+sys) setiap proses yang terbaca."""
    hasil = {}
    for d in Path("/proc").iterdir():
        if not d.name.isdigit():
            continue
        try:
            isi = (d / "stat").read_text()
            perintah = (d / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace").strip()
        except OSError:
            continue
        kolom = isi[isi.rindex(")") + 2 :].split()
        nama = perintah[:90] or isi[isi.index("(") + 1 : isi.rindex(")")]
        hasil[int(d.name)] = (nama, (int(kolom[11]) + int(kolom[12])) / _TIK)
    return hasil


def _cpu_diri() -> float:
    diri, anak = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return diri.ru_utime + diri.ru_stime + anak.ru_utime + anak.ru_stime


def _keturunan(pid: int, proses: dict) -> set[int]:
    """pid dan semua keturunannya (PostgreSQL backend bench tidak termasuk; dilaporkan apa adanya)."""
    induk = {}
    for p in proses:
        try:
            kolom = Path(f"/proc/{p}/stat").read_text()
            induk[p] = int(kolom[kolom.rindex(")") + 2 :].split()[1])
        except OSError:
            continue
    hasil, antre = {pid}, [pid]
    while antre:
        kini = antre.pop()
        for anak, ortu in induk.items():
            if ortu == kini and anak not in hasil:
                hasil.add(anak)
                antre.append(anak)
    return hasil


def _load(nilai) -> str:
    return "/".join(f"{x:.2f}" for x in nilai)


@dataclass
class Pantau:
    """Pantau satu jendela ukur: ``with Pantau(nama_db) as p: ...`` lalu ``p.laporan()``.

    Proses backend PostgreSQL yang melayani basis data ``nama_db`` dihitung sebagai milik bench."""

    nama_db: str = ""
    mulai: float = 0.0
    mesin_awal: tuple[float, float] = (0.0, 0.0)
    diri_awal: float = 0.0
    proses_awal: dict = field(default_factory=dict)
    load_awal: tuple = ()
    hasil: dict = field(default_factory=dict)

    def __enter__(self):
        self.load_awal = os.getloadavg()
        self.proses_awal = _cpu_proses()
        self.mesin_awal, self.diri_awal, self.mulai = _cpu_mesin(), _cpu_diri(), time.monotonic()
        return self

    def __exit__(self, *exc):
        mesin_akhir, diri_akhir = _cpu_mesin(), _cpu_diri()
        proses_akhir = _cpu_proses()
        milik_bench = _keturunan(os.getpid(), proses_akhir)
        sibuk = mesin_akhir[0] - self.mesin_awal[0]
        kapasitas = mesin_akhir[1] - self.mesin_awal[1]
        diri = diri_akhir - self.diri_awal
        lain, postgres_bench, keturunan = [], 0.0, 0.0
        penanda = f" {self.nama_db} " if self.nama_db else None
        for pid, (nama, detik) in proses_akhir.items():
            selisih = detik - self.proses_awal.get(pid, (nama, 0.0))[1]
            if pid in milik_bench:
                if pid != os.getpid():
                    keturunan += max(selisih, 0.0)  # gunicorn, worker Celery, proses anak bench
                continue
            if penanda and penanda in f"{nama} " and nama.startswith("postgres"):
                postgres_bench += max(selisih, 0.0)
            elif selisih > 0.05:
                lain.append((selisih, pid, nama))
        lain.sort(reverse=True)
        self.hasil = {
            "detik": time.monotonic() - self.mulai,
            "kapasitas": kapasitas,
            "sibuk": sibuk,
            "bench": diri + keturunan,
            "postgres": postgres_bench,
            "lain": max(0.0, sibuk - diri - keturunan - postgres_bench),
            "teratas": lain[:5],
            "load": (self.load_awal, os.getloadavg()),
        }
        return False

    def laporan(self, awalan: str = "  ") -> str:
        h = self.hasil
        if not h:
            return ""
        baris = [
            f"{awalan}mesin: {os.cpu_count()} inti; beban rata-rata 1/5/15 menit awal {_load(h['load'][0])}, "
            f"akhir {_load(h['load'][1])}",
            f"{awalan}CPU selama {h['detik']:.0f} s (kapasitas {h['kapasitas']:.0f} detik-CPU): bench "
            f"{h['bench']:.1f} s + PostgreSQL-nya {h['postgres']:.1f} s; proses lain {h['lain']:.1f} s "
            f"({h['lain'] / max(h['kapasitas'], 1e-9):.0%} dari mesin)",
        ]
        for detik, pid, nama in h["teratas"]:
            baris.append(f"{awalan}  lain: {detik:6.1f} s  pid {pid:<7} {nama}")
        return "\n".join(baris)
