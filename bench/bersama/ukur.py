"""Pengukuran jujur: pasangan berselang-seling (A, B, A, B, …) dan ringkasan min / median."""

import statistics
import time
from collections.abc import Callable


def ms(detik: float) -> str:
    return f"{detik * 1000:,.0f}".replace(",", ".")


def ringkas(nilai: list[float], satuan: Callable[[float], str] = ms) -> str:
    """'min X / median Y' dari daftar hasil (≥ 3 ulangan)."""
    return f"min {satuan(min(nilai))} / median {satuan(statistics.median(nilai))}"


def sekali(
    fungsi: Callable[[], object], persiapan: Callable[[], object] = lambda: None
) -> tuple[float, float]:
    """(detik dinding, detik CPU proses) satu panggilan; ``persiapan`` di luar pengukuran."""
    persiapan()
    dinding, cpu = time.perf_counter(), time.process_time()
    fungsi()
    return time.perf_counter() - dinding, time.process_time() - cpu


def berpasangan(a: Callable, b: Callable, ulang: int, persiapan_a=lambda: None, persiapan_b=lambda: None):
    """Ukur A dan B berselang-seling ``ulang`` kali; kembalikan (dinding A, dinding B, rasio A/B per pasang,
    CPU A, CPU B). Gangguan mesin mengenai kedua anggota pasangan yang sama, sehingga rasio lebih jujur
    daripada membagi median dua deret yang diukur pada waktu berbeda."""
    wa, wb, rasio, ca, cb = [], [], [], [], []
    for _ in range(ulang):
        da, pa = sekali(a, persiapan_a)
        db, pb = sekali(b, persiapan_b)
        wa.append(da), wb.append(db), rasio.append(da / db), ca.append(pa), cb.append(pb)
    return wa, wb, rasio, ca, cb


def sasaran(teks: str, lolos: bool) -> str:
    return f"{teks} → {'TERCAPAI' if lolos else 'BELUM'}"
