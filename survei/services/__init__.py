"""Penulisan app survei, dikelompokkan per sub-proses; diekspor ulang di sini."""

from .ombudsman import kepatuhan_ombudsman_catat, zona_ombudsman_simpan, zona_untuk
from .rtl import rtl_selesaikan, rtl_tambah, rtl_ubah
from .skm import (
    ImporDitolak,
    alasan_formulir_tutup,
    nrr_simpan,
    periode_skm_buat,
    periode_skm_ubah,
    respons_impor,
    respons_kirim_publik,
)

__all__ = [
    "ImporDitolak",
    "alasan_formulir_tutup",
    "kepatuhan_ombudsman_catat",
    "nrr_simpan",
    "periode_skm_buat",
    "periode_skm_ubah",
    "respons_impor",
    "respons_kirim_publik",
    "rtl_selesaikan",
    "rtl_tambah",
    "rtl_ubah",
    "zona_ombudsman_simpan",
    "zona_untuk",
]
