from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from akun import akses
from akun.akses import Kemampuan
from kaltim_yanlik.core.exceptions import DomainError

from . import selectors, services
from .forms import (
    JenisLayananForm,
    PelaksanaFilterForm,
    PelaksanaForm,
    PenempatanForm,
    PenyelenggaraFilterForm,
    PenyelenggaraForm,
)
from .models import JenisLayanan, Larangan, Pelaksana

PER_HALAMAN = 25


def _halaman(request, qs):
    return Paginator(qs, PER_HALAMAN).get_page(request.GET.get("halaman"))


def _simpan_form(request, form, simpan, **kwargs) -> bool:
    """Simpan instance form lewat service; kesalahan validasi dikembalikan ke form, tidak menjadi 500."""
    if not form.is_valid():
        return False
    try:
        simpan(oleh=request.user, field_diubah=form.changed_data, **kwargs)
    except ValidationError as e:
        form.add_error(None, e)
        return False
    return True


def kode_etik_publik(request):
    """Halaman publik "Kode Etik Pelayanan Publik": norma dan larangan Pergub 8/2025."""
    larangan = list(selectors.larangan_semua())
    jalur = Larangan.JalurSanksi
    return render(
        request,
        "kode_etik/kode_etik_publik.html",
        {
            "kelompok_norma": selectors.norma_per_kelompok(),
            "larangan": larangan,
            "huruf_administratif": [x.huruf for x in larangan if x.jalur_sanksi == jalur.ADMINISTRATIF],
            "huruf_perundang": [x.huruf for x in larangan if x.jalur_sanksi == jalur.PERUNDANG_UNDANGAN],
        },
    )


@login_required
def penyelenggara_list(request):
    akses.wajib(request.user, Kemampuan.LIHAT_PENYELENGGARA)
    filter_form = PenyelenggaraFilterForm(request.GET or None)
    kriteria = filter_form.cleaned_data if filter_form.is_valid() else {}
    qs = selectors.penyelenggara_daftar(user=request.user, **kriteria)
    return render(
        request,
        "kode_etik/penyelenggara_list.html",
        {
            "filter_form": filter_form,
            "halaman": _halaman(request, qs),
            "boleh_tambah": akses.boleh(request.user, Kemampuan.KELOLA_PENYELENGGARA),
        },
    )


@login_required
def penyelenggara_detail(request, code):
    unit = selectors.penyelenggara_get_for_user(user=request.user, code=code)
    user = request.user
    return render(
        request,
        "kode_etik/penyelenggara_detail.html",
        {
            "unit": unit,
            "unit_bawahan": selectors.penyelenggara_qs_for_user(user=user).filter(induk=unit),
            "jenis_layanan": unit.jenis_layanan.all(),
            "jumlah_pelaksana": selectors.pelaksana_daftar(user=user, penyelenggara=unit).count(),
            "boleh_ubah": akses.boleh(user, Kemampuan.KELOLA_PENYELENGGARA),
            "boleh_kelola_layanan": akses.boleh_ubah_di_unit(user, Kemampuan.KELOLA_JENIS_LAYANAN, unit),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def penyelenggara_form(request, code=None):
    akses.wajib(request.user, Kemampuan.KELOLA_PENYELENGGARA)
    unit = selectors.penyelenggara_get_for_user(user=request.user, code=code) if code else None
    form = PenyelenggaraForm(request.POST or None, instance=unit)
    if request.method == "POST" and _simpan_form(
        request, form, services.penyelenggara_simpan, penyelenggara=form.instance
    ):
        messages.success(request, f"Data {form.instance.nama} tersimpan.")
        return redirect("kode_etik:penyelenggara_detail", code=form.instance.code)
    return render(request, "kode_etik/penyelenggara_form.html", {"form": form, "unit": unit})


@login_required
def pelaksana_list(request):
    user = request.user
    akses.wajib(user, Kemampuan.LIHAT_PELAKSANA)
    pilihan = selectors.penyelenggara_pilihan_for_user(user=user)
    filter_form = PelaksanaFilterForm(request.GET or None, penyelenggara_pilihan=pilihan)
    kriteria = filter_form.cleaned_data if filter_form.is_valid() else {}
    qs = selectors.pelaksana_daftar(user=user, **kriteria)
    return render(
        request,
        "kode_etik/pelaksana_list.html",
        {
            "filter_form": filter_form,
            "halaman": _halaman(request, qs),
            "boleh_tambah": akses.boleh(user, Kemampuan.KELOLA_PELAKSANA),
            "pilihan_unit": [(c, s or n) for c, n, s in pilihan.values_list("code", "nama", "singkatan")],
            "unit_terpilih": request.GET.get("penyelenggara", ""),
        },
    )


def _render_pelaksana(request, pelaksana, form_penempatan=None, status=200):
    boleh_ubah = akses.boleh_ubah_di_unit(request.user, Kemampuan.KELOLA_PELAKSANA, pelaksana.penyelenggara)
    if boleh_ubah and form_penempatan is None:
        form_penempatan = PenempatanForm(pelaksana=pelaksana, prefix="penempatan")
    return render(
        request,
        "kode_etik/pelaksana_detail.html",
        {
            "pelaksana": pelaksana,
            "boleh_ubah": boleh_ubah,
            "penempatan": selectors.penempatan_pelaksana(pelaksana=pelaksana),
            "bawahan": selectors.bawahan_pelaksana(user=request.user, pelaksana=pelaksana),
            "form_penempatan": form_penempatan if boleh_ubah else None,
        },
        status=status,
    )


@login_required
def pelaksana_detail(request, code):
    pelaksana = selectors.pelaksana_get_for_user(user=request.user, code=code)
    return _render_pelaksana(request, pelaksana)


@login_required
@require_POST
def penempatan_catat(request, code):
    """Catat penempatan baru Pelaksana (penempatan sebelumnya berakhir); salah isi: 400 dengan pesan."""
    pelaksana = selectors.pelaksana_get_for_user(user=request.user, code=code)
    akses.wajib_ubah_di_unit(request.user, Kemampuan.KELOLA_PELAKSANA, pelaksana.penyelenggara)
    form = PenempatanForm(request.POST, pelaksana=pelaksana, prefix="penempatan")
    if form.is_valid():
        try:
            services.penempatan_catat(pelaksana=pelaksana, oleh=request.user, **form.cleaned_data)
        except DomainError as e:
            form.add_error(None, e.pesan)
        else:
            messages.success(request, f"Penempatan {pelaksana.nama} tercatat.")
            return redirect("kode_etik:pelaksana_detail", code=pelaksana.code)
    return _render_pelaksana(request, pelaksana, form_penempatan=form, status=400)


@login_required
@require_http_methods(["GET", "POST"])
def pelaksana_form(request, code=None):
    user = request.user
    akses.wajib(user, Kemampuan.KELOLA_PELAKSANA)
    pelaksana = selectors.pelaksana_get_for_user(user=user, code=code) if code else Pelaksana()
    if code:
        akses.wajib_ubah_di_unit(user, Kemampuan.KELOLA_PELAKSANA, pelaksana.penyelenggara)
    pilihan = selectors.penyelenggara_pilihan_for_user(user=user)
    awal = {"penyelenggara": user.penyelenggara_id} if not code and user.penyelenggara_id else None
    form = PelaksanaForm(
        request.POST or None, instance=pelaksana, initial=awal, penyelenggara_pilihan=pilihan
    )
    if request.method == "POST" and _simpan_form(
        request, form, services.pelaksana_simpan, pelaksana=form.instance
    ):
        messages.success(request, f"Data Pelaksana {form.instance.nama} tersimpan.")
        return redirect("kode_etik:pelaksana_detail", code=form.instance.code)
    return render(
        request, "kode_etik/pelaksana_form.html", {"form": form, "pelaksana": pelaksana if code else None}
    )


@login_required
@require_http_methods(["GET", "POST"])
def jenis_layanan_form(request, unit_code, code=None):
    unit = selectors.penyelenggara_get_for_user(user=request.user, code=unit_code)
    akses.wajib_ubah_di_unit(request.user, Kemampuan.KELOLA_JENIS_LAYANAN, unit)
    layanan = get_object_or_404(unit.jenis_layanan, code=code) if code else JenisLayanan(penyelenggara=unit)
    form = JenisLayananForm(request.POST or None, instance=layanan)
    if request.method == "POST" and _simpan_form(
        request, form, services.jenis_layanan_simpan, jenis_layanan=form.instance
    ):
        messages.success(request, f"Jenis layanan {form.instance.nama} tersimpan.")
        return redirect("kode_etik:penyelenggara_detail", code=unit.code)
    return render(
        request, "kode_etik/jenis_layanan_form.html", {"form": form, "unit": unit, "layanan": layanan}
    )
