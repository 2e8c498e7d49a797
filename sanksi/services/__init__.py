"""Penulisan app sanksi, dikelompokkan per sub-proses; diekspor ulang di sini."""

from .pelanggaran import (
    bap_catat,
    batas_keberatan,
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
from .upaya import banding_catat, banding_putus, keberatan_catat, keberatan_putus, upaya_pengingat_kirim

__all__ = [
    "banding_catat",
    "banding_putus",
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
    "upaya_pengingat_kirim",
]
