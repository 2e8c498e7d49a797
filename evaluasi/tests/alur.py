"""Bantuan uji bersama untuk alur monev: berkas kecil yang sah, isi/teks halaman, unggah, dan nilai F-02."""

import html
import importlib
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


def pasang_instrumen_2025():
    """Pasang ulang instrumen 2025 (migrasi 0002) pada model kini, untuk uji transactional_db yang
    mengosongkan data migrasi. Teks dasar hukum 0002 kini daftar ``core.DasarHukum`` (migrasi 0008–0010),
    jadi ditautkan menurut kodenya. Tidak berbuat apa-apa bila instrumen masih ada."""
    from django.apps import apps

    from evaluasi.models import InstrumenDasarHukum, InstrumenVersi
    from kaltim_yanlik.core.models import DasarHukum

    migrasi = importlib.import_module("evaluasi.migrations.0002_instrumen_2025")
    data = {k: v for k, v in migrasi.INSTRUMEN.items() if k != "dasar_hukum"}
    asli, migrasi.INSTRUMEN = migrasi.INSTRUMEN, data
    try:
        migrasi.pasang(apps, None)
    finally:
        migrasi.INSTRUMEN = asli
    instrumen = InstrumenVersi.objects.get(tahun=2025, jenis="A")
    for urutan, kode in enumerate(("permenpanrb-pekppp", "pedoman-menpanrb-pekppp"), start=1):
        dh = DasarHukum.objects.filter(kode=kode).first()
        if dh is not None:
            InstrumenDasarHukum.objects.get_or_create(
                instrumen=instrumen, dasar_hukum=dh, defaults={"urutan": urutan}
            )
    return instrumen
