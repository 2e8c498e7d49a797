"""Halaman galat berbahasa Indonesia."""

import sys

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db import InterfaceError, OperationalError
from django.http import HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.utils import timezone

from .ketahanan import halaman_tidak_tersedia
from .models import Notifikasi


def galat_403(request, exception=None):
    return render(request, "403.html", status=403)


def galat_404(request, exception=None):
    return render(request, "404.html", status=404)


def galat_500(request):
    # Tanpa konteks request: halaman 500 tidak boleh bergantung pada apa pun yang mungkin sedang rusak.
    # Galat koneksi basis data yang lolos dari LayananTidakTersediaMiddleware (mis. saat sesi disimpan
    # sesudah view, ketika PostgreSQL baru saja mati) tetap dijawab 503 "layanan sedang tidak tersedia".
    if isinstance(sys.exc_info()[1], (OperationalError, InterfaceError)):
        return halaman_tidak_tersedia()
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
