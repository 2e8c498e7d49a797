"""Pemeriksaan sistem Django untuk setelan portal: setelan yang salah ketik gagal saat mulai (``check``,
``runserver``, gunicorn lewat ``check --deploy`` di CI), bukan sebagai 500 pada setiap kiriman publik."""

import os

from django.conf import settings
from django.core.checks import Error, Warning, register

from .pembatas import Batas

SETELAN_BATAS = ("BATAS_KIRIM_PUBLIK", "BATAS_LACAK_PUBLIK", "BATAS_KIRIM_SKM")


@register()
def periksa_setelan_batas(app_configs=None, **kwargs) -> list[Error]:
    galat = []
    for nama in SETELAN_BATAS:
        try:
            Batas.dari_teks(getattr(settings, nama))
        except ValueError as e:
            galat.append(
                Error(str(e), hint=f"Perbaiki {nama} di .env, misalnya {nama}=5/600.", id="core.E001")
            )
    return galat


# Setelan lama yang kini menjadi data (diubah di admin); nilainya di .env tidak dibaca lagi.
SETELAN_MENJADI_DATA = {
    "SANKSI_BATAS_KEBERATAN_HARI": "Tenggat keberatan dan banding kini dihitung dalam hari kerja dari data "
    "admin “Aturan upaya administratif” dan “Hari libur”.",
}


@register()
def periksa_setelan_usang(app_configs=None, **kwargs) -> list[Warning]:
    return [
        Warning(f"{nama} tidak dipakai lagi. {arti}", hint=f"Hapus {nama} dari .env.", id="core.W002")
        for nama, arti in SETELAN_MENJADI_DATA.items()
        if nama in os.environ
    ]
