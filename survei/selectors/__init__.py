"""Bacaan app survei, dikelompokkan per sub-proses; diekspor ulang di sini.

``evaluasi`` membaca survei hanya lewat fungsi yang diekspor di sini (tren dan IKM per tahun, Ombudsman per
tahun, bukti SKM untuk F-01); arah impornya satu: ``survei`` tidak pernah mengimpor ``evaluasi``.
"""

from .hasil import (
    BuktiSKM,
    HasilPeriode,
    NilaiUnsur,
    RingkasanRTL,
    bukti_skm,
    hasil_periode,
    ikm_terakhir_per_tahun,
    ikm_terakhir_per_unit,
    ringkasan_rtl,
    tren_unit,
)
from .ombudsman import (
    kepatuhan_ombudsman_qs_for_user,
    kepatuhan_per_tahun,
    kepatuhan_per_unit,
    tahun_ombudsman,
)
from .periode import periode_skm_get_for_user, periode_skm_qs_for_user, rtl_get_for_user, unit_pilihan
from .publik import jenis_layanan_periode, jumlah_respons, periode_publik

__all__ = [
    "BuktiSKM",
    "HasilPeriode",
    "NilaiUnsur",
    "RingkasanRTL",
    "bukti_skm",
    "hasil_periode",
    "ikm_terakhir_per_tahun",
    "ikm_terakhir_per_unit",
    "jenis_layanan_periode",
    "jumlah_respons",
    "kepatuhan_ombudsman_qs_for_user",
    "kepatuhan_per_tahun",
    "kepatuhan_per_unit",
    "periode_publik",
    "periode_skm_get_for_user",
    "periode_skm_qs_for_user",
    "ringkasan_rtl",
    "rtl_get_for_user",
    "tahun_ombudsman",
    "tren_unit",
    "unit_pilihan",
]
