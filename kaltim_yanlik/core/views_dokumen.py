"""Permintaan, status, dan unduhan dokumen PDF.

Hak atas dokumen adalah hak atas subjeknya: setiap view mengambil subjek lewat ``ambil_subjek`` milik app
pemiliknya (kebijakan ``akun.akses``), sehingga dokumen unit lain dijawab 404 sama seperti subjeknya.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.timezone import localtime
from django.views.decorators.http import require_GET, require_POST

from .dokumen import dokumen_minta, jenis_dokumen
from .models import DokumenPDF


def _jenis_atau_404(kode: str):
    try:
        return jenis_dokumen(kode)
    except KeyError:
        raise Http404("Jenis dokumen tidak dikenal.") from None


def _dokumen_untuk_pengguna(user, code) -> DokumenPDF:
    dokumen = get_object_or_404(DokumenPDF.objects.select_related("content_type"), code=code)
    jd = _jenis_atau_404(dokumen.jenis)
    subjek = dokumen.subjek
    if subjek is None:
        raise Http404("Subjek dokumen sudah tidak ada.")
    jd.ambil_subjek(user, subjek.code)  # 404 bila subjek di luar lingkup pengguna
    return dokumen


def _kembali(request):
    tujuan = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(tujuan, {request.get_host()}, require_https=request.is_secure()):
        return redirect(tujuan)
    return redirect("beranda")


@login_required
@require_POST
def dokumen_buat(request, jenis, subjek_code):
    jd = _jenis_atau_404(jenis)
    subjek = jd.ambil_subjek(request.user, subjek_code)
    dokumen_minta(jenis=jenis, subjek=subjek, oleh=request.user)
    messages.info(request, f"{jd.judul} sedang dibuat. Halaman ini menampilkan tautan unduh setelah selesai.")
    return _kembali(request)


@login_required
@require_GET
def dokumen_status(request, code):
    dokumen = _dokumen_untuk_pengguna(request.user, code)
    selesai = dokumen.selesai_pada and date_format(localtime(dokumen.selesai_pada), "j F Y H:i")
    return JsonResponse(
        {
            "status": dokumen.status,
            "label": dokumen.get_status_display(),
            "alasan": dokumen.alasan_gagal,
            "selesai_pada": selesai or None,
            "unduh": reverse("dokumen_unduh", args=[dokumen.code]) if dokumen.berkas else None,
        }
    )


@login_required
@require_GET
def dokumen_unduh(request, code):
    dokumen = _dokumen_untuk_pengguna(request.user, code)
    if not dokumen.berkas:
        raise Http404("Dokumen belum selesai dibuat.")
    try:
        berkas = dokumen.berkas.open("rb")
    except FileNotFoundError:
        raise Http404("Berkas dokumen tidak ditemukan; buat ulang dokumen ini.") from None
    return FileResponse(berkas, content_type="application/pdf", filename=dokumen.nama_berkas)
