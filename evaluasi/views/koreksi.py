"""Koreksi hasil final oleh Biro Organisasi: halaman formulir yang dicapai dari halaman F-02 evaluasi final.

Akses: evaluasi di luar lingkup → 404 (selector); peran tanpa ``KOREKSI_HASIL`` (pimpinan, unit) → 403.
Aturan koreksi di ``services.evaluasi_koreksi``; ``DomainError`` menjadi galat formulir, tanpa perubahan.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.formats import number_format
from django.views.decorators.http import require_http_methods

from akun import akses
from akun.akses import Kemampuan
from kaltim_yanlik.core.exceptions import DomainError

from .. import selectors, services
from ..forms.koreksi import KoreksiForm


def _form(evaluasi, data=None) -> KoreksiForm:
    struktur = selectors.struktur_instrumen(instrumen=evaluasi.siklus.instrumen)
    indikator = [i for aspek in struktur for i in aspek.indikator.all()]
    sekarang = dict(evaluasi.penilaian.values_list("indikator__nomor", "level"))
    return KoreksiForm(data, indikator=indikator, level_sekarang=sekarang)


@login_required
@require_http_methods(["GET", "POST"])
def evaluasi_koreksi(request, code):
    evaluasi = selectors.evaluasi_get_for_user(user=request.user, code=code)
    akses.wajib(request.user, Kemampuan.KOREKSI_HASIL)
    form = _form(evaluasi, request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            koreksi = services.evaluasi_koreksi(
                evaluasi=evaluasi,
                level_per_nomor=form.level_per_nomor(),
                alasan=form.cleaned_data["alasan"],
                rujukan=form.cleaned_data["rujukan"],
                oleh=request.user,
            )
        except DomainError as e:
            form.add_error(None, e.pesan)
        else:
            versi = koreksi.versi_publikasi.first()
            pesan = (
                f"Koreksi tercatat: IPP {number_format(koreksi.ipp_lama, 2)} → "
                f"{number_format(koreksi.ipp_baru, 2)} ({koreksi.kategori_baru}); peringkat diperbarui."
            )
            if versi:
                pesan += f" Versi publikasi {versi.nomor} terbit dengan alasan koreksi ini."
            messages.success(request, pesan)
            return redirect("evaluasi:nilai", code=evaluasi.code)
    return render(
        request,
        "evaluasi/biro/koreksi.html",
        {
            "evaluasi": evaluasi,
            "hasil": getattr(evaluasi, "hasil", None),
            "form": form,
            "riwayat": evaluasi.koreksi.select_related("oleh").order_by("-pada"),
            "final": evaluasi.status == evaluasi.Status.FINAL,
        },
        status=400 if request.method == "POST" else 200,
    )
