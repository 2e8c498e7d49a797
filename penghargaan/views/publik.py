"""Halaman publik penghargaan: unit yang menerima penghargaan Gubernur dan Pelaksana penerima penghargaan
Kepala Penyelenggara yang menyetujui namanya ditampilkan. Tanpa nilai, NIP, atau data penilaian."""

from django.shortcuts import render
from django.views.decorators.http import require_GET

from ..selectors_publik import penghargaan_publik


@require_GET
def publik(request):
    return render(request, "penghargaan/publik.html", {"tahun": penghargaan_publik()})
