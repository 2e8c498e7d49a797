"""Halaman sanggahan: Kepala unit menyanggah level satu indikator, Biro menjawab, semua pihak membaca
pertukarannya, dan lampiran diunduh lewat kebijakan akses.

Objek di luar lingkup pengguna dijawab 404 oleh selector (halaman, unduhan); peran tanpa hak menulis
mendapat 403 saat mengirim. Aturan sanggahan diputuskan service; ``DomainError`` menjadi galat formulir.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from akun import akses
from akun.akses import Kemampuan
from kaltim_yanlik.core import kiriman
from kaltim_yanlik.core.exceptions import DomainError
from kaltim_yanlik.core.unggahan import sajikan_unggahan

from .. import selectors, services
from ..forms.sanggahan import JawabanSanggahanForm, SanggahanForm
from ..jendela import wajib_dalam_jendela
from ..models import Evaluasi, Indikator, Sanggahan

PER_HALAMAN = 25
Status = Sanggahan.Status


# --- Bantuan bersama -------------------------------------------------------------------------------


def _alasan_dari_jendela(siklus, *fase: str) -> str:
    try:
        wajib_dalam_jendela(siklus, *fase)
    except DomainError as e:
        return e.pesan
    return ""


def alasan_tidak_boleh_sanggah(user, evaluasi) -> str:
    """Kosong bila ``user`` dapat menyanggah pada evaluasi ini hari ini; selain itu alasannya.

    Cermin tampilan dari aturan ``services.sanggahan``: service tetap yang memutuskan saat menyimpan.
    """
    if not akses.boleh_ubah_di_unit(user, Kemampuan.SANGGAH_EVALUASI, evaluasi.penyelenggara):
        return "Hanya Kepala Penyelenggara unit ini yang dapat mengajukan sanggahan."
    if evaluasi.status != Evaluasi.Status.DINILAI:
        return (
            f"Evaluasi berstatus {evaluasi.get_status_display().lower()}; sanggahan hanya dapat diajukan "
            "atas evaluasi yang selesai dinilai Biro Organisasi."
        )
    return _alasan_dari_jendela(evaluasi.siklus, "perbaikan")


def _alasan_tidak_boleh_jawab(user, sanggahan) -> str:
    if not akses.boleh(user, Kemampuan.NILAI_EVALUASI):
        return "Mode baca saja: hanya evaluator Biro Organisasi yang menjawab sanggahan."
    if sanggahan.status != Status.DIAJUKAN:
        return ""
    return _alasan_dari_jendela(sanggahan.evaluasi.siklus, "perbaikan", "finalisasi")


def konteks_sanggahan(user, evaluasi) -> dict:
    """Tautan sanggahan pada ringkasan evaluasi unit: boleh menyanggah, indikator yang masih menunggu
    jawaban, dan jumlah seluruh pertukaran (dua kueri)."""
    qs = selectors.sanggahan_qs_for_user(user=user).filter(evaluasi=evaluasi)
    terbuka = qs.filter(status=Status.DIAJUKAN).values_list("indikator__nomor", flat=True)
    return {
        "boleh_sanggah": not alasan_tidak_boleh_sanggah(user, evaluasi),
        "nomor_disanggah": set(terbuka),
        "jumlah_sanggahan": qs.count(),
    }


def _indikator_atau_404(evaluasi, nomor) -> Indikator:
    qs = Indikator.objects.select_related("aspek")
    return get_object_or_404(qs, aspek__instrumen_id=evaluasi.siklus.instrumen_id, nomor=nomor)


# --- Unit: mengajukan sanggahan atas satu indikator ------------------------------------------------


def _render_ajukan(request, evaluasi, indikator, form, status=200):
    penilaian = evaluasi.penilaian.filter(indikator=indikator).first()
    sebelumnya = selectors.sanggahan_evaluasi(evaluasi=evaluasi, user=request.user).filter(
        indikator=indikator
    )
    konteks = {
        "evaluasi": evaluasi,
        "siklus": evaluasi.siklus,
        "indikator": indikator,
        "penilaian": penilaian,
        "form": form,
        "pilihan_level": list(zip(form["level_diminta"], indikator.deskripsi_level, strict=True)),
        "sebelumnya": sebelumnya,
        "alasan_tidak_boleh": alasan_tidak_boleh_sanggah(request.user, evaluasi),
    }
    return render(request, "evaluasi/sanggahan/ajukan.html", konteks, status=status)


def _kirim_sanggahan(request, evaluasi, indikator):
    akses.wajib_ubah_di_unit(request.user, Kemampuan.SANGGAH_EVALUASI, evaluasi.penyelenggara)
    form = SanggahanForm(request.POST, request.FILES)
    if form.is_valid():
        kunci = form.cleaned_data.pop(kiriman.BIDANG)

        def ajukan():
            services.sanggahan_ajukan(
                evaluasi=evaluasi, indikator=indikator, oleh=request.user, **form.cleaned_data
            )
            return reverse("evaluasi:sanggahan_daftar", args=[evaluasi.code]), {}

        try:
            hasil = kiriman.jalankan_sekali(
                kunci=kunci, lingkup="evaluasi.sanggahan.ajukan", pengguna=request.user, aksi=ajukan
            )
        except DomainError as e:
            form.add_error(None, e.pesan)
        else:
            if hasil.ulang:
                return kiriman.jawab_ulang(request, hasil)
            messages.success(
                request,
                f"Sanggahan atas indikator {indikator.nomor} diajukan ke Biro Organisasi. "
                "Jawabannya akan diberitahukan kepada unit Anda.",
            )
            return redirect("evaluasi:sanggahan_daftar", code=evaluasi.code)
    return _render_ajukan(request, evaluasi, indikator, form, status=400)


@login_required
@require_http_methods(["GET", "POST"])
def sanggahan_ajukan(request, code, nomor):
    evaluasi = selectors.evaluasi_get_for_user(user=request.user, code=code)
    indikator = _indikator_atau_404(evaluasi, nomor)
    if request.method == "POST":
        return _kirim_sanggahan(request, evaluasi, indikator)
    return _render_ajukan(request, evaluasi, indikator, SanggahanForm())


# --- Semua pihak: pertukaran sanggahan satu evaluasi -----------------------------------------------


@login_required
@require_GET
def sanggahan_daftar(request, code):
    user = request.user
    evaluasi = selectors.evaluasi_get_for_user(user=user, code=code)
    return render(
        request,
        "evaluasi/sanggahan/daftar.html",
        {
            "evaluasi": evaluasi,
            "siklus": evaluasi.siklus,
            "daftar": selectors.sanggahan_evaluasi(evaluasi=evaluasi, user=user),
            "alasan_tidak_boleh": alasan_tidak_boleh_sanggah(user, evaluasi),
            "boleh_jawab": akses.boleh(user, Kemampuan.NILAI_EVALUASI),
            "semua_unit": akses.menjangkau_semua_unit(user),
        },
    )


# --- Biro: satu sanggahan dan jawabannya -----------------------------------------------------------


def _render_detail(request, sanggahan, form, status=200):
    evaluasi = sanggahan.evaluasi
    penilaian = (
        evaluasi.penilaian.filter(indikator=sanggahan.indikator_id).prefetch_related("riwayat__oleh").first()
    )
    konteks = {
        "s": sanggahan,
        "evaluasi": evaluasi,
        "siklus": evaluasi.siklus,
        "indikator": sanggahan.indikator,
        "penilaian": penilaian,
        "tangga": list(enumerate(sanggahan.indikator.deskripsi_level)),
        "form": form,
        "alasan_tidak_boleh": _alasan_tidak_boleh_jawab(request.user, sanggahan),
        "semua_unit": akses.menjangkau_semua_unit(request.user),
    }
    return render(request, "evaluasi/sanggahan/detail.html", konteks, status=status)


def _kirim_jawaban(request, sanggahan):
    akses.wajib(request.user, Kemampuan.NILAI_EVALUASI)
    form = JawabanSanggahanForm(request.POST)
    if form.is_valid():
        try:
            sanggahan = services.sanggahan_jawab(
                sanggahan=sanggahan,
                diterima=form.diterima(),
                jawaban=form.cleaned_data["jawaban"],
                level_baru=form.cleaned_data["level_baru"],
                oleh=request.user,
            )
        except DomainError as e:
            form.add_error(None, e.pesan)
        else:
            messages.success(
                request,
                f"Sanggahan {sanggahan.evaluasi.penyelenggara.nama_pendek} atas indikator "
                f"{sanggahan.indikator.nomor} {sanggahan.get_status_display().lower()}; "
                "unit telah diberi tahu.",
            )
            return redirect("evaluasi:sanggahan_detail", code=sanggahan.code)
    return _render_detail(request, sanggahan, form, status=400)


@login_required
@require_http_methods(["GET", "POST"])
def sanggahan_detail(request, code):
    sanggahan = selectors.sanggahan_get_for_user(user=request.user, code=code)
    if request.method == "POST":
        return _kirim_jawaban(request, sanggahan)
    boleh_jawab = sanggahan.status == Status.DIAJUKAN and not _alasan_tidak_boleh_jawab(
        request.user, sanggahan
    )
    form = JawabanSanggahanForm(initial={"level_baru": sanggahan.level_diminta}) if boleh_jawab else None
    return _render_detail(request, sanggahan, form)


# --- Biro: sanggahan satu siklus -------------------------------------------------------------------


@login_required
@require_GET
def sanggahan_siklus(request, code):
    user = request.user
    siklus = selectors.siklus_get_for_user(user=user, code=code)
    akses.wajib(user, Kemampuan.LIHAT_SEMUA_UNIT)
    semua = request.GET.get("status") == "semua"
    qs = selectors.sanggahan_qs_for_user(user=user).filter(evaluasi__siklus=siklus)
    qs = qs.order_by("-diajukan_pada") if semua else selectors.sanggahan_terbuka(siklus=siklus, user=user)
    return render(
        request,
        "evaluasi/sanggahan/siklus.html",
        {
            "siklus": siklus,
            "semua": semua,
            "jumlah_terbuka": selectors.sanggahan_terbuka_jumlah(siklus=siklus, user=user),
            "halaman": Paginator(qs, PER_HALAMAN).get_page(request.GET.get("halaman")),
        },
    )


# --- Lampiran --------------------------------------------------------------------------------------


@login_required
@require_GET
def lampiran_lihat(request, code):
    """Sajikan lampiran sanggahan di peramban tanpa memberinya kuasa atas origin portal."""
    lampiran = selectors.lampiran_sanggahan_get_for_user(user=request.user, code=code)
    return sajikan_unggahan(lampiran.berkas, nama=lampiran.nama_asli, jenis_isi=lampiran.jenis_isi)
