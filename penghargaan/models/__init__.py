from .pelaksana import (
    AnggotaTimPenilai,
    KriteriaPenghargaan,
    NilaiPenghargaan,
    Nominasi,
    PenerimaPenghargaan,
    PeriodePenghargaan,
    TahapBerjenjang,
)
from .penyelenggara import PenerimaPenyelenggara, PenghargaanPenyelenggara

__all__ = [
    "AnggotaTimPenilai",
    "KriteriaPenghargaan",
    "NilaiPenghargaan",
    "Nominasi",
    "PenerimaPenghargaan",
    "PenerimaPenyelenggara",
    "PenghargaanPenyelenggara",
    "PeriodePenghargaan",
    "TahapBerjenjang",
]
