"""Tag templat kasus untuk halaman app lain tanpa membalik arah impor antar-app.

``kode_etik`` berada di kiri ``sanksi`` dan tidak boleh mengimpornya; halaman Pelaksana cukup memuat
``{% load kasus %}`` dan memanggil ``{% kasus_pelaksana pelaksana %}``.
"""

from django import template

from akun import akses, kewenangan
from akun.akses import Kemampuan
from akun.kewenangan import Subjek, Tindakan

from .. import selectors

register = template.Library()


@register.inclusion_tag("sanksi/kasus/_kasus_pelaksana.html", takes_context=True)
def kasus_pelaksana(context, pelaksana):
    """Kasus dan sanksi seorang Pelaksana dalam lingkup pengguna yang sedang masuk."""
    user = context["request"].user
    unit = pelaksana.penyelenggara
    return {
        "pelaksana": pelaksana,
        "daftar_kasus": selectors.pelanggaran_pelaksana(user=user, pelaksana=pelaksana),
        "daftar_sanksi": selectors.sanksi_pelaksana(user=user, pelaksana=pelaksana),
        "boleh_buka": kewenangan.boleh(user, Tindakan.BUKA_KASUS, subjek=_subjek(pelaksana), unit=unit),
        "boleh_lihat": akses.boleh(user, Kemampuan.LIHAT_PENEGAKAN),
    }


def _subjek(pelaksana) -> str:
    return (
        Subjek.KEPALA_PENYELENGGARA if pelaksana.penyelenggara.kepala_id == pelaksana.pk else Subjek.PELAKSANA
    )
