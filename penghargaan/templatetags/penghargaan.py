"""Tag templat penghargaan untuk halaman app lain tanpa membalik arah impor antar-app.

Halaman Penyelenggara dan Pelaksana (``kode_etik``) memuat ``{% load penghargaan %}`` lalu memanggil
``{% penghargaan_unit unit %}`` atau ``{% penghargaan_pelaksana pelaksana %}``. Halaman itu diambil lewat
kebijakan akses, jadi yang tampil di sini adalah data unit yang memang dijangkau pengguna.
"""

from django import template

from .. import selectors

register = template.Library()


@register.inclusion_tag("penghargaan/_unit.html", takes_context=True)
def penghargaan_unit(context, penyelenggara):
    # ``request`` diteruskan untuk kartu dokumen piagam (hak unduh diperiksa ulang di view dokumen).
    return {
        "request": context["request"],
        "unit": penyelenggara,
        "gubernur": selectors.penghargaan_unit(penyelenggara=penyelenggara),
        "pelaksana": selectors.penghargaan_pelaksana_unit(penyelenggara=penyelenggara)[:10],
    }


@register.inclusion_tag("penghargaan/_pelaksana.html")
def penghargaan_pelaksana(pelaksana):
    return {"daftar": selectors.penghargaan_pelaksana(pelaksana=pelaksana)}
