"""Daftar notifikasi portal milik pengguna yang masuk."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils import timezone

from ..models import Notifikasi


@login_required
def notifikasi_daftar(request):
    """Notifikasi milik pengguna sendiri (tidak ada objek unit lain yang terlibat); dibuka = dibaca."""
    semua = Notifikasi.objects.filter(penerima=request.user)
    halaman = Paginator(semua, 30).get_page(request.GET.get("halaman"))
    belum = [n.pk for n in halaman if n.dibaca_pada is None]
    if belum:
        Notifikasi.objects.filter(pk__in=belum).update(dibaca_pada=timezone.now())
    return render(request, "core/notifikasi.html", {"halaman": halaman, "baru": set(belum)})
