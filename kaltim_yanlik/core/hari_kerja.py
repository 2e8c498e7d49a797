"""Hari kerja: Senin–Jumat yang bukan hari libur nasional atau cuti bersama tercatat (``core.HariLibur``).

Dipakai untuk tenggat yang oleh peraturan dihitung dalam hari kerja (UU 30/2014 Pasal 77–78: keberatan dan
banding). Hari libur satu rentang dimuat dengan satu kueri, tidak satu kueri per hari. Tahun yang belum
memiliki satu pun hari libur tercatat tetap dihitung (hanya Sabtu dan Minggu dilewati); ``tahun_tanpa_libur``
memberi tahu pemanggil agar halaman dapat memperingatkannya.
"""

from datetime import date, timedelta

from .models import HariLibur
from .terbilang import BULAN, HARI

SABTU = 5  # date.weekday(): Senin 0 … Minggu 6


def libur_antara(awal: date, akhir: date) -> set[date]:
    """Tanggal hari libur tercatat dalam ``[awal, akhir]`` (inklusif), satu kueri."""
    if akhir < awal:
        return set()
    return set(HariLibur.objects.filter(tanggal__range=(awal, akhir)).values_list("tanggal", flat=True))


def _hari_kerja(tanggal: date, libur: set[date]) -> bool:
    return tanggal.weekday() < SABTU and tanggal not in libur


def tambah_hari_kerja(tanggal: date, n: int) -> date:
    """Tanggal hari kerja ke-``n`` sesudah ``tanggal`` (hitungan mulai esok harinya); ``n`` ≥ 1.

    Contoh: Jumat 16 Januari 2026 (Isra Mikraj) + 1 → Senin 19 Januari 2026.
    """
    if n < 1:
        raise ValueError(f"Jumlah hari kerja harus 1 atau lebih, bukan {n}.")
    # Jendela yang pasti cukup untuk n hari kerja pada kalender biasa; bila libur panjang menghabiskannya,
    # jendela berikutnya dimuat (satu kueri per jendela, bukan per hari).
    sisa, hari = n, tanggal
    while True:
        awal, akhir = hari + timedelta(days=1), hari + timedelta(days=sisa * 2 + 14)
        libur = libur_antara(awal, akhir)
        while hari < akhir:
            hari += timedelta(days=1)
            if _hari_kerja(hari, libur):
                sisa -= 1
                if sisa == 0:
                    return hari


def hari_kerja_antara(awal: date, akhir: date) -> int:
    """Jumlah hari kerja sesudah ``awal`` sampai dengan ``akhir``; 0 bila ``akhir`` ≤ ``awal``."""
    if akhir <= awal:
        return 0
    libur = libur_antara(awal + timedelta(days=1), akhir)
    jumlah, hari = 0, awal
    while hari < akhir:
        hari += timedelta(days=1)
        jumlah += _hari_kerja(hari, libur)
    return jumlah


def libur_terlewati(awal: date, akhir: date) -> list[HariLibur]:
    """Hari libur pada hari biasa (Senin–Jumat) dalam ``(awal, akhir]``: yang membuat tenggat bergeser."""
    qs = HariLibur.objects.filter(tanggal__gt=awal, tanggal__lte=akhir).order_by("tanggal")
    return [h for h in qs if h.tanggal.weekday() < SABTU]


def tahun_tanpa_libur(awal: date, akhir: date) -> list[int]:
    """Tahun dalam ``(awal, akhir]`` yang belum memiliki hari libur tercatat (hitungannya belum lengkap)."""
    if akhir <= awal:
        return []
    tahun = set(range((awal + timedelta(days=1)).year, akhir.year + 1))
    tercatat = set(
        HariLibur.objects.filter(tanggal__year__in=tahun).values_list("tanggal__year", flat=True).distinct()
    )
    return sorted(tahun - tercatat)


def tanggal_lengkap(tanggal: date) -> str:
    """“Senin, 2 Februari 2026”: tanggal pada pesan tenggat, tidak bergantung pada bahasa aktif."""
    return f"{HARI[tanggal.weekday()]}, {tanggal.day} {BULAN[tanggal.month - 1]} {tanggal.year}"
