"""Notifikasi portal milik pengguna yang masuk: daftar (membuka tidak mengubah apa pun) dan penandaan dibaca
lewat POST (satu notifikasi, atau "tandai semua dibaca"), dilindungi CSRF."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_POST

from ..models import Notifikasi
from ..notifikasi import notifikasi_tandai_dibaca


class BacaForm(forms.Form):
    notifikasi = forms.IntegerField(min_value=1, max_value=2**63 - 1)
    buka = forms.BooleanField(required=False)


@login_required
@require_GET
def notifikasi_daftar(request):
    """Notifikasi milik pengguna sendiri (tidak ada objek unit lain yang terlibat); membuka tidak menandai."""
    semua = Notifikasi.objects.filter(penerima=request.user)
    halaman = Paginator(semua, 30).get_page(request.GET.get("halaman"))
    ada_baru = Notifikasi.objects.filter(penerima=request.user, dibaca_pada__isnull=True).exists()
    return render(request, "core/notifikasi.html", {"halaman": halaman, "ada_baru": ada_baru})


@login_required
@require_POST
def notifikasi_baca(request):
    """Tandai satu notifikasi sendiri dibaca (``buka``: lalu ke tautannya). Milik orang lain → 404."""
    form = BacaForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Notifikasi tidak dikenal.")
        return redirect("notifikasi")
    notifikasi = get_object_or_404(Notifikasi, pk=form.cleaned_data["notifikasi"], penerima=request.user)
    notifikasi_tandai_dibaca(penerima=request.user, notifikasi=notifikasi)
    tautan = notifikasi.tautan
    aman = url_has_allowed_host_and_scheme(tautan, {request.get_host()}, require_https=request.is_secure())
    if form.cleaned_data["buka"] and tautan and aman:
        return redirect(tautan)
    return redirect("notifikasi")


@login_required
@require_POST
def notifikasi_baca_semua(request):
    jumlah = notifikasi_tandai_dibaca(penerima=request.user)
    messages.success(
        request, f"{jumlah} notifikasi ditandai dibaca." if jumlah else "Tidak ada notifikasi baru."
    )
    return redirect("notifikasi")
