"""``{% kartu_dokumen "jenis" subjek %}``: status, unduhan, revisi terbit, dan tombol buat/ulang (hanya bagi
yang berwenang menerbitkan) satu dokumen PDF."""

from django import template

from ..dokumen import boleh_terbitkan, dokumen_untuk, jenis_dokumen

register = template.Library()


@register.inclusion_tag("core/_kartu_dokumen.html", takes_context=True)
def kartu_dokumen(context, jenis: str, subjek, keterangan: str = ""):
    request = context["request"]
    dokumen = dokumen_untuk(jenis=jenis, subjek=subjek)
    revisi = list(dokumen.revisi.select_related("diminta_oleh")) if dokumen else []
    return {
        "jd": jenis_dokumen(jenis),
        "subjek": subjek,
        "dokumen": dokumen,
        "revisi": revisi,
        # Tombol buat/buat ulang hanya bagi yang berwenang menerbitkan; pembaca hanya mengunduh.
        "boleh": boleh_terbitkan(request.user, jenis=jenis, subjek=subjek),
        "keterangan": keterangan,
        "next": request.get_full_path(),
        "csrf_token": context.get("csrf_token"),
    }
