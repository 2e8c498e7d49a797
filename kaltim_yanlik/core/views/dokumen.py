"""Permintaan, status, dan unduhan dokumen PDF (terbaru dan setiap revisi).

Hak melihat dokumen adalah hak atas subjeknya: setiap view mengambil subjek lewat ``ambil_subjek`` milik app
pemiliknya (kebijakan ``akun.akses``), sehingga dokumen unit lain dijawab 404 sama seperti subjeknya. Hak
menerbitkan (ulang) adalah aturan jenis dokumennya: pembaca mendapat 403 dan tidak ada yang diantrekan.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.timezone import localtime
from django.views.decorators.http import require_GET, require_POST

from ..dokumen import dokumen_minta, jenis_dokumen
from ..exceptions import DomainError
from ..models import DokumenPDF, RevisiDokumen


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
    try:
        alasan = request.POST.get("alasan", "")[:2000]
        dokumen = dokumen_minta(jenis=jenis, subjek=subjek, oleh=request.user, alasan=alasan)
    except DomainError as e:
        messages.error(request, f"{jd.judul} belum diterbitkan ulang: {e.pesan}")
        return _kembali(request)
    # Tanpa worker (Celery eager, bawaan tertanam) render sudah selesai saat transaksi request di-commit.
    transaction.on_commit(lambda: _beri_tahu_hasil(request, jd.judul, dokumen.pk))
    return _kembali(request)


def _beri_tahu_hasil(request, judul: str, dokumen_id: int) -> None:
    dokumen = DokumenPDF.objects.get(pk=dokumen_id)
    if dokumen.status == DokumenPDF.Status.SELESAI:
        messages.success(request, f"{judul} selesai dibuat dan siap diunduh.")
    elif dokumen.status == DokumenPDF.Status.GAGAL:
        messages.error(request, f"{judul} gagal dibuat: {dokumen.alasan_gagal}")
    else:
        messages.info(request, f"{judul} sedang dibuat; tautan unduh tampil di halaman ini setelah selesai.")


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


@login_required
@require_GET
def dokumen_revisi_unduh(request, code, nomor):
    """Berkas satu revisi (terbitan lama tetap dapat diunduh, dengan tanggalnya di nama berkas)."""
    dokumen = _dokumen_untuk_pengguna(request.user, code)
    revisi = get_object_or_404(RevisiDokumen, dokumen=dokumen, nomor=nomor)
    try:
        berkas = revisi.berkas.open("rb")
    except FileNotFoundError:
        raise Http404("Berkas revisi ini tidak ditemukan di penyimpanan.") from None
    dasar = dokumen.nama_berkas.removesuffix(".pdf")
    nama = f"{dasar}-revisi-{revisi.nomor}-{localtime(revisi.selesai_pada):%Y%m%d}.pdf"
    return FileResponse(berkas, content_type="application/pdf", filename=nama)
