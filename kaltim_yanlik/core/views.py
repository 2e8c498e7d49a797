"""Halaman galat berbahasa Indonesia."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.utils import timezone

from .models import Notifikasi


def galat_403(request, exception=None):
    return render(request, "403.html", status=403)


def galat_404(request, exception=None):
    return render(request, "404.html", status=404)


def galat_500(request):
    # Tanpa konteks request: halaman 500 tidak boleh bergantung pada apa pun yang mungkin sedang rusak.

    return HttpResponseServerError(loader.get_template("500.html").render())


@login_required
def notifikasi_daftar(request):
    """Notifikasi milik pengguna sendiri (tidak ada objek unit lain yang terlibat); dibuka = dibaca."""
    semua = Notifikasi.objects.filter(penerima=request.user)
    halaman = Paginator(semua, 30).get_page(request.GET.get("halaman"))
    belum = [n.pk for n in halaman if n.dibaca_pada is None]
    if belum:
        Notifikasi.objects.filter(pk__in=belum).update(dibaca_pada=timezone.now())
    return render(request, "core/notifikasi.html", {"halaman": halaman, "baru": set(belum)})
