"""Halaman penghargaan Pelaksana: daftar periode, pembuatan, satu halaman periode dengan seluruh langkahnya,
susunan tim, lembar nilai per anggota tim, dan penetapan penerima.

Periode di luar lingkup pengguna dijawab 404 oleh selector; tindakan tulis hanya untuk Kepala Penyelenggara
unit itu sendiri (403 bagi yang lain). ``DomainError`` dari service menjadi pesan, tidak pernah 500.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from akun import akses
from akun.akses import Kemampuan
from kaltim_yanlik.core.exceptions import DomainError

from .. import selectors
from ..forms_pelaksana import (
    BobotForm,
    KriteriaTambahForm,
    LembarNilaiForm,
    NominasiForm,
    PenetapanForm,
    PeriodeForm,
    TahapBerjenjangForm,
    TimForm,
)
from ..models import PeriodePenghargaan
from ..services import berjenjang as services_berjenjang
from ..services import periode as services
from ..skor import __doc__ as ATURAN_SKOR

Status = PeriodePenghargaan.Status


def _periode(request, code, *, tulis: bool = False) -> PeriodePenghargaan:
    akses.wajib(request.user, Kemampuan.LIHAT_PENGHARGAAN)
    periode = selectors.periode_get_for_user(user=request.user, code=code)
    if tulis:
        services.wajib_kelola(request.user, periode.penyelenggara)
    return periode


def _ke_periode(periode, jangkar: str = ""):
    response = redirect("penghargaan:periode_detail", code=periode.code)
    if jangkar:
        response["Location"] += f"#{jangkar}"
    return response


def _pesan_galat_form(request, form) -> None:
    for daftar in form.errors.values():
        for galat in daftar:
            messages.error(request, galat)


@login_required
@require_GET
def periode_daftar(request):
    akses.wajib(request.user, Kemampuan.LIHAT_PENGHARGAAN)
    user = request.user
    return render(
        request,
        "penghargaan/pelaksana/daftar.html",
        {
            "daftar": selectors.periode_daftar(user=user),
            "boleh_buat": user.penyelenggara_id is not None
            and services.boleh_kelola(user, user.penyelenggara),
            "semua_unit": akses.menjangkau_semua_unit(user),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def periode_baru(request):
    user = request.user
    if user.penyelenggara_id is None:
        raise PermissionDenied("Hanya Kepala Penyelenggara yang membuka periode penghargaan Pelaksana.")
    services.wajib_kelola(user, user.penyelenggara)
    form = PeriodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            periode = services.periode_buat(
                penyelenggara=user.penyelenggara, jenis=d["jenis"], mulai=d["mulai"], selesai=d["selesai"],
                nama_penghargaan=d["nama_penghargaan"], metode=d["metode"], oleh=user,
            )  # fmt: skip
        except DomainError as e:
            form.add_error(None, e.pesan)
        else:
            messages.success(request, "Periode penghargaan dibuat dengan enam kriteria Pergub 8/2025.")
            return _ke_periode(periode)
    return render(request, "penghargaan/pelaksana/baru.html", {"form": form, "unit": user.penyelenggara})


@login_required
@require_GET
def periode_detail(request, code):
    periode = _periode(request, code)
    penilaian = selectors.penilaian_periode(periode)
    kepala = services.boleh_kelola(request.user, periode.penyelenggara)
    persiapan = periode.status == Status.PERSIAPAN
    penerima = selectors.penerima_periode(periode) if periode.status == Status.DITETAPKAN else []
    konteks = {
        "periode": periode,
        "penilaian": penilaian,
        "kepala": kepala,
        "boleh_ubah": kepala and persiapan,
        "galat_tim": services.galat_susunan_tim(periode, penilaian.tim),
        "aturan_skor": ATURAN_SKOR,
        "penerima": penerima,
        "penerima_ids": {p.nominasi_id for p in penerima},
        "rantai": [(penilaian.nominasi[n_id], daftar) for n_id, daftar in penilaian.tahap.items()],
    }
    if kepala and persiapan:
        calon = (
            selectors.pelaksana_calon(periode=periode)
            .exclude(pk__in=[a.pelaksana_id for a in penilaian.tim])
            .exclude(pk__in=[n.pelaksana_id for n in penilaian.nominasi.values()])
        )
        konteks.update(
            form_kriteria=KriteriaTambahForm(),
            form_nominasi=NominasiForm(calon=calon),
        )
    return render(request, "penghargaan/pelaksana/detail.html", konteks)


@login_required
@require_POST
def kriteria_bobot(request, code):
    periode = _periode(request, code, tulis=True)
    form = BobotForm(request.POST, kriteria=periode.kriteria.all())
    if not form.is_valid():
        _pesan_galat_form(request, form)
        return _ke_periode(periode, "kriteria")
    try:
        services.kriteria_atur_bobot(periode=periode, bobot=form.bobot(), oleh=request.user)
    except DomainError as e:
        messages.error(request, e.pesan)
    else:
        messages.success(request, "Bobot kriteria disimpan.")
    return _ke_periode(periode, "kriteria")


@login_required
@require_POST
def kriteria_tambah(request, code):
    periode = _periode(request, code, tulis=True)
    form = KriteriaTambahForm(request.POST)
    if not form.is_valid():
        _pesan_galat_form(request, form)
        return _ke_periode(periode, "kriteria")
    try:
        services.kriteria_tambah(periode=periode, oleh=request.user, **form.cleaned_data)
    except DomainError as e:
        messages.error(request, e.pesan)
    else:
        messages.success(request, f"Kriteria “{form.cleaned_data['nama']}” ditambahkan.")
    return _ke_periode(periode, "kriteria")


@login_required
@require_POST
def kriteria_hapus(request, code, kriteria_code):
    periode = _periode(request, code, tulis=True)
    kriteria = selectors.kriteria_get(periode=periode, code=kriteria_code)
    try:
        services.kriteria_hapus(kriteria=kriteria, oleh=request.user)
    except DomainError as e:
        messages.error(request, e.pesan)
    else:
        messages.success(request, f"Kriteria “{kriteria.nama}” dihapus.")
    return _ke_periode(periode, "kriteria")


@login_required
@require_http_methods(["GET", "POST"])
def tim_susun(request, code):
    periode = _periode(request, code, tulis=True)
    kepala = periode.penyelenggara.kepala
    calon = selectors.pelaksana_calon(periode=periode).exclude(pk=getattr(kepala, "pk", None))
    tim = list(periode.tim.select_related("pelaksana"))
    awal = {
        "sekretaris": next((a.pelaksana_id for a in tim if a.peran == "sekretaris"), None),
        "anggota": [a.pelaksana_id for a in tim if a.peran == "anggota"],
    }
    form = TimForm(request.POST or None, calon=calon, initial=awal)
    if request.method == "POST" and form.is_valid():
        try:
            services.tim_tetapkan(periode=periode, oleh=request.user, **form.cleaned_data)
        except DomainError as e:
            form.add_error(None, e.pesan)
        else:
            messages.success(request, "Tim penilai disusun.")
            return _ke_periode(periode, "tim")
    return render(
        request, "penghargaan/pelaksana/tim.html", {"periode": periode, "form": form, "ketua": kepala}
    )


@login_required
@require_POST
def nominasi_tambah(request, code):
    periode = _periode(request, code, tulis=True)
    form = NominasiForm(request.POST, calon=selectors.pelaksana_calon(periode=periode))
    if not form.is_valid():
        _pesan_galat_form(request, form)
        return _ke_periode(periode, "nominasi")
    try:
        services.nominasi_tambah(periode=periode, oleh=request.user, **form.cleaned_data)
    except DomainError as e:
        messages.error(request, e.pesan)
    else:
        messages.success(request, f"{form.cleaned_data['pelaksana'].nama} dinominasikan.")
    return _ke_periode(periode, "nominasi")


@login_required
@require_POST
def nominasi_hapus(request, code, nominasi_code):
    periode = _periode(request, code, tulis=True)
    nominasi = selectors.nominasi_get(periode=periode, code=nominasi_code)
    try:
        services.nominasi_hapus(nominasi=nominasi, oleh=request.user)
    except DomainError as e:
        messages.error(request, e.pesan)
    else:
        messages.success(request, f"Nominasi {nominasi.pelaksana.nama} dihapus.")
    return _ke_periode(periode, "nominasi")


@login_required
@require_POST
def penilaian_mulai(request, code):
    periode = _periode(request, code, tulis=True)
    try:
        services.penilaian_mulai(periode=periode, oleh=request.user)
    except DomainError as e:
        messages.error(request, e.pesan)
    else:
        messages.success(request, "Penilaian dimulai: kriteria, tim, dan nominasi dikunci.")
    return _ke_periode(periode, "penilaian")


@login_required
@require_POST
def penilaian_buka_kembali(request, code):
    periode = _periode(request, code, tulis=True)
    try:
        services.penilaian_kembali_persiapan(periode=periode, oleh=request.user)
    except DomainError as e:
        messages.error(request, e.pesan)
    else:
        messages.info(request, "Periode kembali ke persiapan; nilai yang sudah masuk tetap tersimpan.")
    return _ke_periode(periode)


@login_required
@require_http_methods(["GET", "POST"])
def lembar_nilai(request, code, anggota_code):
    periode = _periode(request, code, tulis=request.method == "POST")
    anggota = selectors.anggota_get(periode=periode, code=anggota_code)
    kriteria = periode.kriteria.filter(dari_data=False).order_by("urutan", "id")
    nominasi = periode.nominasi.select_related("pelaksana").order_by("pelaksana__nama")
    form = LembarNilaiForm(
        request.POST or None,
        nominasi=nominasi,
        kriteria=kriteria,
        awal=selectors.nilai_lembar(anggota=anggota),
    )
    bisa_isi = periode.status == Status.PENILAIAN and services.boleh_kelola(
        request.user, periode.penyelenggara
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.lembar_nilai_simpan(anggota=anggota, nilai=form.nilai(), oleh=request.user)
        except DomainError as e:
            form.add_error(None, e.pesan)
        else:
            messages.success(request, f"Lembar nilai {anggota.pelaksana.nama} disimpan.")
            return _ke_periode(periode, "penilaian")
    return render(
        request,
        "penghargaan/pelaksana/lembar.html",
        {"periode": periode, "anggota": anggota, "form": form, "kriteria": kriteria, "bisa_isi": bisa_isi},
    )


@login_required
@require_http_methods(["GET", "POST"])
def tahap_berjenjang(request, code, tahap_code):
    """Nilai satu tingkat penilaian berjenjang satu nominasi (atasan langsung atau peninjau di atasnya)."""
    periode = _periode(request, code, tulis=request.method == "POST")
    tahap = selectors.tahap_get(periode=periode, code=tahap_code)
    kriteria = periode.kriteria.filter(dari_data=False).order_by("urutan", "id")
    awal = {int(k): v for k, v in tahap.nilai.items()} or services_berjenjang.nominasi_awal(tahap.nominasi)
    form = TahapBerjenjangForm(
        request.POST or None, kriteria=kriteria, awal=awal, initial={"catatan": tahap.catatan}
    )
    bisa_isi = periode.status == Status.PENILAIAN and services.boleh_kelola(
        request.user, periode.penyelenggara
    )
    if request.method == "POST" and form.is_valid():
        try:
            services_berjenjang.tahap_berjenjang_simpan(
                tahap=tahap, nilai=form.nilai(), catatan=form.cleaned_data["catatan"], oleh=request.user
            )
        except DomainError as e:
            form.add_error(None, e.pesan)
        else:
            messages.success(request, f"Nilai tingkat {tahap.tingkat} ({tahap.penilai.nama}) disimpan.")
            return _ke_periode(periode, "penilaian")
    rantai = list(
        tahap.nominasi.tahap_berjenjang.select_related("penilai", "dicatat_oleh").order_by("tingkat")
    )
    return render(
        request,
        "penghargaan/pelaksana/berjenjang.html",
        {"periode": periode, "tahap": tahap, "rantai": rantai, "form": form, "bisa_isi": bisa_isi},
        status=400 if request.method == "POST" else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def periode_tetapkan(request, code):
    periode = _periode(request, code, tulis=True)
    penilaian = selectors.penilaian_periode(periode)
    urut = [penilaian.nominasi[h.nominasi_id] for h in penilaian.hasil]
    form = PenetapanForm(request.POST or None, nominasi=urut)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            services.periode_tetapkan(
                periode=periode, penerima=form.penerima(), nomor_keputusan=d["nomor_keputusan"],
                tanggal_keputusan=d["tanggal_keputusan"], oleh=request.user,
            )  # fmt: skip
        except DomainError as e:
            form.add_error(None, e.pesan)
        else:
            messages.success(request, "Penerima penghargaan ditetapkan. Keputusan dan piagam dapat dibuat.")
            return _ke_periode(periode, "penetapan")
    baris = [
        (h, penilaian.nominasi[h.nominasi_id], rekam, form.bidang_nominasi(penilaian.nominasi[h.nominasi_id]))
        for h, _n, rekam, _nilai in penilaian.baris()
    ]
    return render(
        request,
        "penghargaan/pelaksana/tetapkan.html",
        {"periode": periode, "penilaian": penilaian, "form": form, "baris": baris},
    )


@login_required
@require_GET
def tanpa_periode(request):
    """Biro: unit yang dalam satu tahun tidak menjalankan periode penghargaan Pelaksana (BAB 5)."""
    akses.wajib(request.user, Kemampuan.LIHAT_SEMUA_UNIT)
    sekarang = timezone.localdate().year
    try:
        tahun = int(request.GET.get("tahun") or sekarang)
    except ValueError:
        tahun = sekarang
    tahun = min(max(tahun, 2025), sekarang + 1)
    unit = selectors.unit_tanpa_periode(user=request.user, tahun=tahun)
    return render(
        request,
        "penghargaan/pelaksana/tanpa_periode.html",
        {"unit": unit, "tahun": tahun, "pilihan_tahun": range(sekarang + 1, 2024, -1), "semua_unit": True},
    )
