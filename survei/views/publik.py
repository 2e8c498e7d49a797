"""Formulir SKM publik (tanpa login) yang dibuka dari kode QR unit, dan halaman terima kasih.

Perlindungan banjir sama dengan formulir pengaduan (``core.pembatas``): batas per alamat (HTTP 429), umpan,
dan waktu isi minimum. Periode yang tidak ada, ditutup, atau di luar tanggalnya dijawab halaman 404 yang
ramah.
"""

from django.conf import settings
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from kaltim_yanlik.core import pembatas
from kaltim_yanlik.core.exceptions import DomainError

from .. import selectors, services
from ..forms import SurveiForm
from ..services import alasan_formulir_tutup

_TEMPLAT = "survei/publik/form.html"
# Satu loket bisa berbagi satu alamat (Wi-Fi kantor): batas SKM sendiri, lebih longgar dari pengaduan.
BATAS_BAWAAN = "20/600"


def _form(periode, data=None) -> SurveiForm:
    return SurveiForm(data, layanan_qs=selectors.jenis_layanan_periode(periode))


def _tampil(request, periode, form, status=200, galat_batas=""):
    konteks = {"periode": periode, "unit": periode.penyelenggara, "form": form, "galat_batas": galat_batas}
    return render(request, _TEMPLAT, konteks, status=status)


def _tutup(request, periode=None, alasan="Survei yang Anda cari tidak ditemukan."):
    return render(request, "survei/publik/tutup.html", {"periode": periode, "alasan": alasan}, status=404)


def _kirim(request, periode):
    try:
        pembatas.wajib_dalam_batas(
            lingkup="skm.kirim",
            alamat=pembatas.alamat_klien(request),
            batas=getattr(settings, "BATAS_KIRIM_SKM", BATAS_BAWAAN),
        )
    except pembatas.BatasTerlampaui as e:
        return _tampil(request, periode, _form(periode), status=429, galat_batas=e.pesan)
    form = _form(periode, request.POST)
    if form.is_valid():
        try:
            services.respons_kirim_publik(
                periode=periode, alamat_ip=pembatas.alamat_klien(request), **form.data_service()
            )
        except DomainError as e:
            form.add_error(None, e.pesan)
        else:
            return redirect("survei:survei_terima_kasih", code=periode.code)
    return _tampil(request, periode, form, status=400)


@require_http_methods(["GET", "POST"])
def survei_publik(request, code):
    try:
        periode = selectors.periode_publik(code=code)
    except Http404:  # dijawab halaman ramah yang sama dengan periode tertutup
        return _tutup(request)
    alasan = alasan_formulir_tutup(periode)
    if alasan:
        return _tutup(request, periode, alasan)
    if request.method == "POST":
        return _kirim(request, periode)
    return _tampil(request, periode, _form(periode))


@require_GET
def survei_terima_kasih(request, code):
    try:
        periode = selectors.periode_publik(code=code)
    except Http404:
        return _tutup(request)
    return render(
        request, "survei/publik/terima_kasih.html", {"periode": periode, "unit": periode.penyelenggara}
    )
