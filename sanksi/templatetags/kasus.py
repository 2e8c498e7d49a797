"""Tag templat kasus untuk halaman app lain tanpa membalik arah impor antar-app.

``kode_etik`` berada di kiri ``sanksi`` dan tidak boleh mengimpornya; halaman Pelaksana cukup memuat
``{% load kasus %}`` dan memanggil ``{% kasus_pelaksana pelaksana %}``.
"""

from django import template

from akun import akses
from akun.akses import Kemampuan

from .. import selectors

register = template.Library()


@register.inclusion_tag("sanksi/kasus/_kasus_pelaksana.html", takes_context=True)
def kasus_pelaksana(context, pelaksana):
    """Kasus dan sanksi seorang Pelaksana dalam lingkup pengguna yang sedang masuk."""
    user = context["request"].user
    return {
        "pelaksana": pelaksana,
        "daftar_kasus": selectors.pelanggaran_pelaksana(user=user, pelaksana=pelaksana),
        "daftar_sanksi": selectors.sanksi_pelaksana(user=user, pelaksana=pelaksana),
        "boleh_buka": akses.boleh_ubah_di_unit(user, Kemampuan.SIAPKAN_KASUS, pelaksana.penyelenggara),
        "boleh_lihat": akses.boleh(user, Kemampuan.LIHAT_PENEGAKAN),
    }
