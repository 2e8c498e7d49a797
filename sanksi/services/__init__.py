"""Penulisan app sanksi, dikelompokkan per sub-proses; diekspor ulang di sini."""

from .pelanggaran import (
    bap_catat,
    batas_keberatan,
    keberatan_catat,
    keberatan_putus,
    pelanggaran_buka,
    pelanggaran_selesaikan,
    pelanggaran_tidak_terbukti,
    pemanggilan_catat,
    pemeriksaan_catat,
    rujukan_catat,
    rujukan_hasil_catat,
    sanksi_jatuhkan,
)
from .pengaduan import pengaduan_catat, pengaduan_kirim_publik, pengaduan_ubah_status

__all__ = [
    "bap_catat",
    "batas_keberatan",
    "keberatan_catat",
    "keberatan_putus",
    "pelanggaran_buka",
    "pelanggaran_selesaikan",
    "pelanggaran_tidak_terbukti",
    "pemanggilan_catat",
    "pemeriksaan_catat",
    "pengaduan_catat",
    "pengaduan_kirim_publik",
    "pengaduan_ubah_status",
    "rujukan_catat",
    "rujukan_hasil_catat",
    "sanksi_jatuhkan",
]
