"""Bantuan uji bersama untuk alur monev: berkas kecil yang sah, isi/teks halaman, unggah, dan nilai F-02."""

import html
import io
import re

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from evaluasi import services
from evaluasi.models import Indikator

PDF_KECIL = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def png_kecil() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "green").save(buffer, format="PNG")
    return buffer.getvalue()


def berkas(nama="bukti.pdf", isi=PDF_KECIL) -> SimpleUploadedFile:
    return SimpleUploadedFile(nama, isi, content_type="application/pdf")


def isi_halaman(r) -> str:
    return html.unescape(r.content.decode())


def teks_halaman(r) -> str:
    """Teks yang dibaca pengguna: tanpa tag, spasi dirapatkan."""
    return " ".join(re.sub(r"<[^>]+>", " ", isi_halaman(r)).split())


def indikator(instrumen, nomor) -> Indikator:
    return Indikator.objects.get(aspek__instrumen=instrumen, nomor=nomor)


def nomor_dinilai(instrumen) -> list[int]:
    qs = Indikator.objects.filter(aspek__instrumen=instrumen, suplemen=False).order_by("nomor")
    return list(qs.values_list("nomor", flat=True))


def unggah(evaluasi, slot, oleh, nama="bukti.pdf", isi=PDF_KECIL):
    return services.bukti_unggah(
        evaluasi=evaluasi,
        slot=slot,
        berkas=berkas(nama, isi),
        berlaku_tanggal=evaluasi.siklus.pengisian_mulai,
        oleh=oleh,
    )


def unggah_slot_wajib(evaluasi, oleh):
    """Isi setiap slot wajib dari indikator yang diklaim di atas level 0 (syarat pengajuan)."""
    for slot in services.slot_wajib_kosong(evaluasi):
        unggah(evaluasi, slot, oleh)


def nilai(evaluasi, oleh, level_per_nomor, alasan=""):
    for nomor, level in level_per_nomor.items():
        services.penilaian_simpan(
            evaluasi=evaluasi,
            indikator=indikator(evaluasi.siklus.instrumen, nomor),
            level=level,
            catatan="",
            rekomendasi="",
            alasan=alasan,
            oleh=oleh,
        )
