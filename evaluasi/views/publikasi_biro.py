"""Publikasi hasil siklus oleh Biro Organisasi: kartu status di halaman siklus, konfirmasi, dan penarikan.

Hanya pemegang kemampuan ``PUBLIKASIKAN_HASIL`` (Biro, admin) yang melihat tombolnya; view tetap memeriksa
hak itu sendiri (403) karena tombol yang tersembunyi bukan pengaman. Aturan publikasi ada di service.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from akun import akses
from akun.akses import Kemampuan
from kaltim_yanlik.core.exceptions import DomainError

from .. import selectors, services
from ..forms.publikasi import TarikPublikasiForm


def publikasi_konteks(siklus, user) -> dict:
    """Isi kartu Publikasi di halaman siklus; alasan penolakan dihitung hanya bagi yang boleh menerbitkan."""
    boleh = akses.boleh(user, Kemampuan.PUBLIKASIKAN_HASIL)
    terbit = siklus.dipublikasikan
    return {
        "boleh": boleh,
        "terbit": terbit,
        "pada": siklus.dipublikasikan_pada,
        "oleh": siklus.dipublikasikan_oleh if terbit else None,
        "penghalang": services.alasan_belum_dapat_dipublikasikan(siklus) if boleh and not terbit else None,
        "form_tarik": TarikPublikasiForm() if boleh and terbit else None,
        "versi": list(siklus.versi_publikasi.select_related("oleh").order_by("-nomor")),
    }


def _siklus_untuk_publikasi(user, code):
    siklus = selectors.siklus_get_for_user(user=user, code=code)
    akses.wajib(user, Kemampuan.PUBLIKASIKAN_HASIL)
    return siklus


def _ke_kartu(siklus):
    return redirect(reverse("evaluasi:siklus_detail", args=[siklus.code]) + "#publikasi")


@login_required
@require_http_methods(["GET", "POST"])
def siklus_publikasikan(request, code):
    """GET: halaman konfirmasi (apa yang terbit, apa yang tidak); POST: terbitkan."""
    siklus = _siklus_untuk_publikasi(request.user, code)
    if request.method == "GET":
        konteks = {
            "siklus": siklus,
            "jumlah": selectors.jumlah_per_status(siklus=siklus, user=request.user),
            "penghalang": services.alasan_belum_dapat_dipublikasikan(siklus),
        }
        return render(request, "evaluasi/biro/publikasi_konfirmasi.html", konteks)
    try:
        services.siklus_publikasikan(siklus=siklus, oleh=request.user)
    except DomainError as e:
        messages.error(request, f"Hasil belum dipublikasikan: {e.pesan}")
        return _ke_kartu(siklus)
    messages.success(request, f"Hasil {siklus.nama} dipublikasikan dan kini dapat dibuka tanpa login.")
    return _ke_kartu(siklus)


@login_required
@require_POST
def siklus_tarik_publikasi(request, code):
    siklus = _siklus_untuk_publikasi(request.user, code)
    form = TarikPublikasiForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Publikasi belum ditarik: " + " ".join(form.errors["alasan"]))
        return _ke_kartu(siklus)
    try:
        services.siklus_tarik_publikasi(siklus=siklus, alasan=form.cleaned_data["alasan"], oleh=request.user)
    except DomainError as e:
        messages.error(request, f"Publikasi belum ditarik: {e.pesan}")
        return _ke_kartu(siklus)
    messages.success(request, f"Publikasi {siklus.nama} ditarik; halaman publiknya tidak dapat dibuka lagi.")
    return _ke_kartu(siklus)
