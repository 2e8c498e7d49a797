"""Halaman galat berbahasa Indonesia."""

import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponseServerError
from django.shortcuts import render
from django.template import loader

from ..ketahanan import halaman_tidak_tersedia


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
