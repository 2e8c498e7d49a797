"""Pemeriksaan sistem Django untuk setelan portal: setelan yang salah ketik gagal saat mulai (``check``,
``runserver``, gunicorn lewat ``check --deploy`` di CI), bukan sebagai 500 pada setiap kiriman publik."""

from django.conf import settings
from django.core.checks import Error, register

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
