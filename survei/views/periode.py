"""Halaman SKM unit: daftar dan kelola periode, tautan dan kode QR formulir publik, impor jawaban, rekap NRR.

Bacaan lewat ``survei.selectors`` (periode unit lain → 404), penulisan lewat ``survei.services``;
peran tanpa ``KELOLA_SKM`` (pimpinan) mendapat 403 pada setiap halaman tulis.
"""

import segno
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from akun import akses
from akun.akses import Kemampuan
from kaltim_yanlik.core.exceptions import DomainError

from .. import selectors, services
from ..forms import ImporSKMForm, NRRForm, PeriodeSKMForm
from ..ikm import ukuran_sampel
from ..models import UNSUR_FIELDS
from ..pertanyaan import PERTANYAAN
from ..services import ImporDitolak, alasan_formulir_tutup

PER_HALAMAN = 25


def _tautan_publik(request, periode) -> str:
    return request.build_absolute_uri(reverse("survei:survei_publik", kwargs={"code": periode.code}))


def _qr_svg(tautan: str, skala: int) -> str:
    # Koreksi galat "M": masih terbaca bila cetakan sedikit kotor atau terlipat di meja loket; tepi 4 modul
    # adalah zona sunyi baku agar kamera ponsel menemukan kodenya di atas meja yang ramai.
    return segno.make(tautan, error="m").svg_inline(scale=skala, border=4)


def _url_hasil(periode) -> str:
    return reverse("survei:skm_hasil", kwargs={"code": periode.code})


def _periode_kelola(request, code):
    """Periode dalam lingkup (404 di luar) yang boleh dikelola pengguna (403 bila tidak)."""
    periode = selectors.periode_skm_get_for_user(user=request.user, code=code)
    akses.wajib_ubah_di_unit(request.user, Kemampuan.KELOLA_SKM, periode.penyelenggara)
    return periode


@login_required
@require_GET
def skm_daftar(request):
    akses.wajib(request.user, Kemampuan.LIHAT_EVALUASI)
    daftar = selectors.periode_skm_qs_for_user(user=request.user).order_by(
        "penyelenggara__nama", "-mulai", "pk"
    )
    konteks = {
        "halaman": Paginator(daftar, PER_HALAMAN).get_page(request.GET.get("halaman")),
        "boleh_kelola": akses.boleh(request.user, Kemampuan.KELOLA_SKM),
    }
    return render(request, "survei/daftar.html", konteks)


@login_required
@require_http_methods(["GET", "POST"])
def skm_buat(request):
    akses.wajib(request.user, Kemampuan.KELOLA_SKM)
    unit_qs = selectors.unit_pilihan(user=request.user)
    form = PeriodeSKMForm(
        request.POST or None, unit_qs=unit_qs, initial={"penyelenggara": request.user.penyelenggara}
    )
    if request.method == "POST" and form.is_valid():
        try:
            periode = services.periode_skm_buat(oleh=request.user, **form.cleaned_data)
        except DomainError as e:
            form.add_error(None, e.pesan)
        else:
            messages.success(request, f"Periode SKM {periode.nama} dibuat.")
            return redirect("survei:skm_detail", code=periode.code)
    return render(request, "survei/periode_form.html", {"form": form}, status=400 if form.errors else 200)


@login_required
@require_http_methods(["GET", "POST"])
def skm_ubah(request, code):
    periode = _periode_kelola(request, code)
    awal = {f: getattr(periode, f) for f in ("nama", "mulai", "selesai", "populasi", "menerima_jawaban")}
    form = PeriodeSKMForm(request.POST or None, initial=awal)
    if request.method == "POST" and form.is_valid():
        try:
            services.periode_skm_ubah(periode=periode, oleh=request.user, **form.cleaned_data)
        except DomainError as e:
            form.add_error(None, e.pesan)
        else:
            messages.success(request, "Periode SKM diperbarui.")
            return redirect("survei:skm_detail", code=periode.code)
    konteks = {"form": form, "periode": periode}
    return render(request, "survei/periode_form.html", konteks, status=400 if form.errors else 200)


def _nrr_tersimpan(periode) -> list:
    return [(p, getattr(periode, f"nrr_{p.field}")) for p in PERTANYAAN]


@login_required
@require_GET
def skm_detail(request, code):
    periode = selectors.periode_skm_get_for_user(user=request.user, code=code)
    tautan = _tautan_publik(request, periode)
    konteks = {
        "periode": periode,
        "tautan": tautan,
        "qr_svg": _qr_svg(tautan, skala=5),
        "alasan_tutup": alasan_formulir_tutup(periode),
        "jumlah_respons": selectors.jumlah_respons(periode),
        "target_sampel": ukuran_sampel(periode.populasi),
        "nrr": _nrr_tersimpan(periode) if periode.sumber == periode.Sumber.NRR else [],
        "boleh_kelola": akses.boleh_ubah_di_unit(request.user, Kemampuan.KELOLA_SKM, periode.penyelenggara),
        "url_hasil": _url_hasil(periode),
    }
    return render(request, "survei/detail.html", konteks)


@login_required
@require_GET
def skm_qr(request, code):
    periode = selectors.periode_skm_get_for_user(user=request.user, code=code)
    tautan = _tautan_publik(request, periode)
    konteks = {"periode": periode, "tautan": tautan, "qr_svg": _qr_svg(tautan, skala=10)}
    return render(request, "survei/qr_cetak.html", konteks)


@login_required
@require_http_methods(["GET", "POST"])
def skm_impor(request, code):
    periode = _periode_kelola(request, code)
    form = ImporSKMForm(request.POST or None, request.FILES or None)
    galat, status = [], 200
    if request.method == "POST" and form.is_valid():
        try:
            jumlah = services.respons_impor(
                periode=periode, berkas=form.cleaned_data["berkas"], oleh=request.user
            )
        except ImporDitolak as e:
            form.add_error(None, e.pesan)
            galat = e.galat
        else:
            messages.success(request, f"{jumlah} jawaban responden diimpor.")
            return redirect("survei:skm_detail", code=periode.code)
    if form.errors:
        status = 400
    konteks = {"form": form, "periode": periode, "galat_baris": galat}
    return render(request, "survei/impor.html", konteks, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def skm_nrr(request, code):
    periode = _periode_kelola(request, code)
    awal = {f: getattr(periode, f"nrr_{f}") for f in UNSUR_FIELDS}
    awal["jumlah_responden"] = periode.jumlah_responden_nrr
    form = NRRForm(request.POST or None, initial=awal)
    if request.method == "POST" and form.is_valid():
        try:
            services.nrr_simpan(
                periode=periode,
                nrr=form.nrr(),
                jumlah_responden=form.cleaned_data["jumlah_responden"],
                oleh=request.user,
            )
        except DomainError as e:
            form.add_error(None, e.pesan)
        else:
            messages.success(request, "Rekap NRR disimpan.")
            return redirect("survei:skm_detail", code=periode.code)
    konteks = {"form": form, "periode": periode, "pertanyaan": PERTANYAAN}
    return render(request, "survei/nrr.html", konteks, status=400 if form.errors else 200)
