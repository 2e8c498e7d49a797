"""Halaman petugas untuk pengaduan: daftar bersaring, detail dengan riwayat dan ubah status, pencatatan dari
saluran lain, dan unduhan lampiran.

Setiap objek diambil lewat selector yang memakai ``akun.akses``: pengaduan unit lain dijawab 404 (halaman,
ubah status, lampiran). Peran tanpa hak mengelola mendapat 403 saat mengirim. Aturan alur diputuskan
service; ``DomainError`` menjadi galat formulir.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from akun import akses, kewenangan
from akun.akses import Kemampuan
from akun.kewenangan import Subjek, Tindakan
from kaltim_yanlik.core.exceptions import DomainError
from kaltim_yanlik.core.unggahan import sajikan_unggahan

from .. import selectors_pengaduan as selectors
from .. import services
from ..forms_pengaduan import PengaduanCatatForm, PengaduanFilterForm, UbahStatusForm
from ..services.pengaduan import status_berikutnya

PER_HALAMAN = 25


@login_required
@require_GET
def pengaduan_daftar(request):
    user = request.user
    akses.wajib(user, Kemampuan.LIHAT_PENEGAKAN)
    unit = selectors.unit_pilihan_for_user(user=user)
    filter_form = PengaduanFilterForm(request.GET or None, unit_qs=unit)
    kriteria = filter_form.cleaned_data if filter_form.is_valid() else {}
    qs = selectors.pengaduan_daftar(user=user, **{k: v for k, v in kriteria.items() if v})
    return render(
        request,
        "sanksi/pengaduan/daftar.html",
        {
            "filter_form": filter_form,
            "halaman": Paginator(qs, PER_HALAMAN).get_page(request.GET.get("halaman")),
            "banyak_unit": unit.count() > 1,
            "unit_terpilih": request.GET.get("penyelenggara", ""),
            "pilihan_unit": [
                (code, singkatan or nama)
                for code, singkatan, nama in unit.values_list("code", "singkatan", "nama")
            ],
            "boleh_catat": akses.boleh(user, Kemampuan.KELOLA_PENGADUAN),
        },
    )


def _form_status(pengaduan, data=None):
    pilihan = status_berikutnya(pengaduan)
    return UbahStatusForm(data, pilihan_status=pilihan) if pilihan else None


def _render_detail(request, pengaduan, form, status=200):
    user = request.user
    boleh_kelola = akses.boleh_ubah_di_unit(user, Kemampuan.KELOLA_PENGADUAN, pengaduan.penyelenggara)
    return render(
        request,
        "sanksi/pengaduan/detail.html",
        {
            "p": pengaduan,
            "riwayat": selectors.riwayat_pengaduan(pengaduan=pengaduan),
            "lampiran": pengaduan.lampiran.all(),
            "form": form if boleh_kelola else None,
            # Kasus Pasal 10 yang dibuka dari pengaduan ini, dan apakah pengguna boleh membuka yang baru.
            "kasus_terkait": pengaduan.pelanggaran.select_related("pelaksana", "larangan"),
            "boleh_buka_kasus": pengaduan.status != pengaduan.Status.DITOLAK
            and kewenangan.boleh(
                user, Tindakan.BUKA_KASUS, subjek=Subjek.PELAKSANA, unit=pengaduan.penyelenggara
            ),
        },
        status=status,
    )


@login_required
@require_GET
def pengaduan_detail(request, code):
    pengaduan = selectors.pengaduan_get_for_user(user=request.user, code=code)
    return _render_detail(request, pengaduan, _form_status(pengaduan))


@login_required
@require_POST
def pengaduan_ubah_status(request, code):
    pengaduan = selectors.pengaduan_get_for_user(user=request.user, code=code)
    akses.wajib_ubah_di_unit(request.user, Kemampuan.KELOLA_PENGADUAN, pengaduan.penyelenggara)
    form = _form_status(pengaduan, request.POST)
    if form is None:
        messages.error(
            request, f"Pengaduan berstatus {pengaduan.get_status_display().lower()}; tidak dapat diubah lagi."
        )
        return redirect("sanksi:pengaduan_detail", code=pengaduan.code)
    if form.is_valid():
        try:
            pengaduan = services.pengaduan_ubah_status(
                pengaduan=pengaduan, oleh=request.user, **form.cleaned_data
            )
        except DomainError as e:
            form.add_error(None, e.pesan)
        else:
            messages.success(
                request,
                f"Status pengaduan {pengaduan.kode_lacak} kini {pengaduan.get_status_display().lower()}.",
            )
            return redirect("sanksi:pengaduan_detail", code=pengaduan.code)
    return _render_detail(request, pengaduan, form, status=400)


def _form_catat(user, data=None, files=None) -> PengaduanCatatForm:
    unit = selectors.unit_pilihan_for_user(user=user)
    return PengaduanCatatForm(
        data,
        files,
        unit_qs=unit,
        layanan_qs=selectors.jenis_layanan_pilihan(unit_qs=unit),
        pelaksana_qs=selectors.pelaksana_pilihan_for_user(user=user),
    )


@login_required
@require_http_methods(["GET", "POST"])
def pengaduan_catat(request):
    user = request.user
    akses.wajib(user, Kemampuan.KELOLA_PENGADUAN)
    form = _form_catat(user, request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            pengaduan = services.pengaduan_catat(oleh=user, **form.cleaned_data)
        except DomainError as e:
            form.add_error(None, e.pesan)
        else:
            messages.success(
                request,
                f"Pengaduan {pengaduan.kode_lacak} tercatat. Sampaikan kode lacak ini kepada pelapor.",
            )
            return redirect("sanksi:pengaduan_detail", code=pengaduan.code)
    status = 400 if request.method == "POST" else 200
    return render(request, "sanksi/pengaduan/catat.html", {"form": form}, status=status)


@login_required
@require_GET
def lampiran_lihat(request, code):
    """Sajikan lampiran pengaduan tanpa memberinya kuasa atas origin portal (sama dengan bukti dukung)."""
    lampiran = selectors.lampiran_pengaduan_get_for_user(user=request.user, code=code)
    return sajikan_unggahan(lampiran.berkas, nama=lampiran.nama_asli, jenis_isi=lampiran.jenis_isi)
