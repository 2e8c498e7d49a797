"""Demo dokumen PDF: Rekap Provinsi setiap siklus dan laporan serta berita acara Dinas Kesehatan 2025 sudah
jadi, agar akun demo langsung dapat mengunduh contoh dokumen. Render berjalan setelah transaksi demo selesai
(tugas latar; eager pada bawaan tertanam). Dokumen yang sudah selesai tidak dibuat ulang.

Rekap Provinsi 2025 diterbitkan dua kali (revisi 2 beralasan), agar kartu dokumen memperlihatkan riwayat
terbitan; keduanya dirender langsung di langkah ini.
"""

from akun.models import Pengguna
from kaltim_yanlik.core.dokumen import dokumen_minta, dokumen_proses, dokumen_untuk
from kaltim_yanlik.core.models import DokumenPDF

from ..dokumen import BERITA_ACARA, LAPORAN, REKAP
from ..models import Evaluasi, HasilEvaluasi, SiklusMonev

UNIT_CONTOH = "PD-DINKES"


def _minta_bila_belum(jenis, subjek, oleh) -> bool:
    ada = dokumen_untuk(jenis=jenis, subjek=subjek)
    if ada and ada.status == DokumenPDF.Status.SELESAI:
        return False
    dokumen_minta(jenis=jenis, subjek=subjek, oleh=oleh)
    return True


def dokumen_demo(konteks):
    biro = Pengguna.objects.filter(username="biro").first()
    if biro is None:
        return
    diminta = 0
    for siklus in SiklusMonev.objects.all():
        if HasilEvaluasi.objects.filter(evaluasi__siklus=siklus).exists():
            diminta += _minta_bila_belum(REKAP, siklus, biro)
    contoh = (
        Evaluasi.objects.filter(
            penyelenggara__kode=UNIT_CONTOH, status=Evaluasi.Status.FINAL, hasil__isnull=False
        )
        .order_by("-siklus__tahun")
        .first()
    )
    if contoh is not None:
        diminta += _minta_bila_belum(LAPORAN, contoh, biro)
        diminta += _minta_bila_belum(BERITA_ACARA, contoh, biro)
    lalu = SiklusMonev.objects.filter(versi_publikasi__nomor=2).order_by("-tahun").first()
    if lalu is not None:
        _rekap_berevisi(lalu, biro)
    konteks["stdout"].write(f"Dokumen PDF contoh diantrekan: {diminta}")


def _rekap_berevisi(siklus, biro) -> None:
    """Revisi 2 Rekap Provinsi siklus terkoreksi: terbitan lama tetap dapat diunduh dari kartu dokumen."""
    ada = dokumen_untuk(jenis=REKAP, subjek=siklus)
    if ada is not None and ada.revisi.count() >= 2:
        return
    dokumen = ada or dokumen_minta(jenis=REKAP, subjek=siklus, oleh=biro)
    if not dokumen.revisi.exists():
        dokumen_proses(dokumen_id=dokumen.pk)
    rujukan = siklus.versi_publikasi.get(nomor=2).rujukan
    dokumen_minta(jenis=REKAP, subjek=siklus, oleh=biro, alasan=f"Peringkat diperbarui sesuai {rujukan}.")
    dokumen_proses(dokumen_id=dokumen.pk)
    # Data demo saja: revisi bertanggal saat terbit dan saat koreksi, bukan saat demo dimuat.
    for nomor, versi in ((1, 1), (2, 2)):
        pada = siklus.versi_publikasi.get(nomor=versi).diterbitkan_pada
        dokumen.revisi.filter(nomor=nomor).update(diminta_pada=pada, selesai_pada=pada)
