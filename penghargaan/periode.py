"""Rentang tanggal periode penghargaan: periode berkala dimulai tanggal 1 dan berakhir di akhir bulan ke-n."""

import calendar
from datetime import date

from django.utils.formats import date_format

from .ketentuan import BULAN_PERIODE, JenisPeriode


def akhir_periode(jenis: str, mulai: date) -> date:
    """Tanggal terakhir periode berkala yang dimulai ``mulai`` (tanggal 1 suatu bulan)."""
    bulan = BULAN_PERIODE[JenisPeriode(jenis)]
    indeks = mulai.month - 1 + bulan - 1
    tahun, bulan_akhir = mulai.year + indeks // 12, indeks % 12 + 1
    return date(tahun, bulan_akhir, calendar.monthrange(tahun, bulan_akhir)[1])


def galat_rentang(jenis: str, mulai: date, selesai: date | None) -> str | None:
    """Pesan bila rentang tidak sesuai jenis periode, atau ``None`` bila sah."""
    if jenis == JenisPeriode.INSIDENTIL:
        if selesai is None:
            return "Periode insidentil memerlukan tanggal selesai."
        if selesai < mulai:
            return "Tanggal selesai tidak boleh sebelum tanggal mulai."
        return None
    if mulai.day != 1:
        return "Periode berkala dimulai pada tanggal 1 suatu bulan."
    return None


def label_periode(jenis: str, mulai: date, selesai: date) -> str:
    """Label yang dibaca orang: "November 2026", "Oktober–Desember 2026", "1–15 Maret 2026"."""
    if jenis == JenisPeriode.INSIDENTIL:
        return f"{date_format(mulai, 'j F Y')} s.d. {date_format(selesai, 'j F Y')}"
    if jenis == JenisPeriode.BULANAN:
        return date_format(mulai, "F Y")
    if jenis == JenisPeriode.TAHUNAN and mulai.month == 1:
        return f"Tahun {mulai.year}"
    if mulai.year == selesai.year:
        return f"{date_format(mulai, 'F')}–{date_format(selesai, 'F Y')}"
    return f"{date_format(mulai, 'F Y')}–{date_format(selesai, 'F Y')}"
