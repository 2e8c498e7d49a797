"""``{% kartu_dokumen "jenis" subjek %}``: status, unduhan dan tombol buat/ulang satu dokumen PDF."""

from django import template

from ..dokumen import dokumen_untuk, jenis_dokumen

register = template.Library()


@register.inclusion_tag("core/_kartu_dokumen.html", takes_context=True)
def kartu_dokumen(context, jenis: str, subjek, keterangan: str = ""):
    request = context["request"]
    return {
        "jd": jenis_dokumen(jenis),
        "subjek": subjek,
        "dokumen": dokumen_untuk(jenis=jenis, subjek=subjek),
        "keterangan": keterangan,
        "next": request.get_full_path(),
        "csrf_token": context.get("csrf_token"),
    }
