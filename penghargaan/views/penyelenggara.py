"""Halaman penghargaan Gubernur bagi Penyelenggara (Biro Organisasi): daftar, usulan dari siklus final,
satu halaman usulan dengan unit calon, pengeluaran unit beralasan, dan pencatatan Keputusan Gubernur.

Halaman ini berlingkup provinsi: peran yang tidak menjangkau semua unit mendapat 404 untuk halaman
berkode (seperti Rekap Provinsi) dan 403 untuk daftar; unit melihat penghargaannya di halaman unitnya.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from akun import akses
from akun.akses import Kemampuan
from evaluasi.models import SiklusMonev
from evaluasi.selectors import instrumen_terbaru
from kaltim_yanlik.core.exceptions import DomainError

from .. import selectors
from ..forms_penyelenggara import KeluarkanForm, KeputusanGubernurForm, UsulanForm
from ..models import PenghargaanPenyelenggara
from ..services import penyelenggara as services


def _penghargaan(request, code) -> PenghargaanPenyelenggara:
    return selectors.penghargaan_penyelenggara_get_for_user(user=request.user, code=code)


def _ke_detail(penghargaan):
    return redirect("penghargaan:penyelenggara_detail", code=penghargaan.code)


@login_required
@require_GET
def penyelenggara_daftar(request):
    akses.wajib(request.user, Kemampuan.LIHAT_SEMUA_UNIT)
    return render(
        request,
        "penghargaan/penyelenggara/daftar.html",
        {
            "daftar": selectors.penghargaan_penyelenggara_qs(),
            "boleh_usul": akses.boleh(request.user, Kemampuan.KELOLA_PENGHARGAAN_PENYELENGGARA),
        },
    )


def _kategori_pilihan():
    return [
        (k.kode, f"{k.kode} — {k.predikat}") for k in instrumen_terbaru().kategori.order_by("-batas_bawah")
    ]


@login_required
@require_http_methods(["GET", "POST"])
def penyelenggara_usul(request):
    akses.wajib(request.user, Kemampuan.KELOLA_PENGHARGAAN_PENYELENGGARA)
    form = UsulanForm(
        request.POST or None,
        initial={"siklus": request.GET.get("siklus")},
        siklus_qs=SiklusMonev.objects.order_by("-tahun"),
        kategori_pilihan=_kategori_pilihan(),
    )
    if request.method == "POST" and form.is_valid():
        try:
            penghargaan = services.usulan_buat(oleh=request.user, **form.cleaned_data)
        except DomainError as e:
            form.add_error(None, e.pesan)
        else:
            messages.success(request, f"Usulan dibuat: {penghargaan.penerima.count()} unit memenuhi aturan.")
            return _ke_detail(penghargaan)
    return render(request, "penghargaan/penyelenggara/usul.html", {"form": form})


def _render_detail(request, penghargaan, form_keputusan=None, status=200):
    boleh_kelola = akses.boleh(request.user, Kemampuan.KELOLA_PENGHARGAAN_PENYELENGGARA) and (
        penghargaan.status == PenghargaanPenyelenggara.Status.USULAN
    )
    return render(
        request,
        "penghargaan/penyelenggara/detail.html",
        {
            "penghargaan": penghargaan,
            "penerima": selectors.penerima_penyelenggara(penghargaan),
            "boleh_kelola": boleh_kelola,
            "form_keputusan": (form_keputusan or KeputusanGubernurForm()) if boleh_kelola else None,
        },
        status=status,
    )


@login_required
@require_GET
def penyelenggara_detail(request, code):
    return _render_detail(request, _penghargaan(request, code))


def _penerima(penghargaan, penerima_code):
    return get_object_or_404(penghargaan.penerima.select_related("penyelenggara"), code=penerima_code)


@login_required
@require_POST
def penerima_keluarkan(request, code, penerima_code):
    penghargaan = _penghargaan(request, code)
    akses.wajib(request.user, Kemampuan.KELOLA_PENGHARGAAN_PENYELENGGARA)
    penerima = _penerima(penghargaan, penerima_code)
    form = KeluarkanForm(request.POST)
    try:
        if not form.is_valid():
            raise DomainError(form.errors["alasan"][0])
        services.penerima_keluarkan(penerima=penerima, alasan=form.cleaned_data["alasan"], oleh=request.user)
    except DomainError as e:
        messages.error(request, e.pesan)
    else:
        messages.success(request, f"{penerima.penyelenggara.nama} dikeluarkan dari usulan.")
    return _ke_detail(penghargaan)


@login_required
@require_POST
def penerima_kembalikan(request, code, penerima_code):
    penghargaan = _penghargaan(request, code)
    akses.wajib(request.user, Kemampuan.KELOLA_PENGHARGAAN_PENYELENGGARA)
    penerima = _penerima(penghargaan, penerima_code)
    try:
        services.penerima_kembalikan(penerima=penerima, oleh=request.user)
    except DomainError as e:
        messages.error(request, e.pesan)
    else:
        messages.success(request, f"{penerima.penyelenggara.nama} dikembalikan ke usulan.")
    return _ke_detail(penghargaan)


@login_required
@require_POST
def penyelenggara_tetapkan(request, code):
    penghargaan = _penghargaan(request, code)
    akses.wajib(request.user, Kemampuan.KELOLA_PENGHARGAAN_PENYELENGGARA)
    form = KeputusanGubernurForm(request.POST)
    if form.is_valid():
        try:
            services.penghargaan_tetapkan(penghargaan=penghargaan, oleh=request.user, **form.cleaned_data)
        except DomainError as e:
            form.add_error(None, e.pesan)
        except PermissionDenied as e:
            form.add_error(None, str(e))
            return _render_detail(request, penghargaan, form_keputusan=form, status=403)
        else:
            messages.success(request, "Keputusan Gubernur dicatat. Piagam setiap unit dapat dibuat.")
            return _ke_detail(penghargaan)
    return _render_detail(request, penghargaan, form_keputusan=form, status=400)
