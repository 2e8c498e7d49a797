"""Dokumen PDF bersama semua app: registri jenis dokumen, permintaan render, dan pemrosesan di latar.

Setiap app mendaftarkan jenis dokumennya (``daftarkan``) di ``AppConfig.ready``: template, penyusun konteks,
nama berkas, dan ``ambil_subjek(user, code)`` yang mengambil subjek lewat kebijakan akses app tersebut
(404 di luar lingkup). ``core`` tidak mengimpor app domain; ia hanya menjalankan apa yang didaftarkan.

Alur: ``dokumen_minta`` (request) → tugas ``dokumen_render_task`` → ``dokumen_proses`` (worker):
antri → diproses → selesai | gagal (dengan alasan; dapat diminta ulang).
"""

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone

from .audit import audit_catat
from .ketahanan import jeda_uji
from .models import DokumenPDF
from .pdf import html_ke_pdf

logger = logging.getLogger(__name__)

# Permintaan yang masih antri/diproses lebih lama dari ini dianggap macet (worker mati, broker hilang)
# dan boleh diantrekan lagi; di bawahnya permintaan ganda diabaikan.
BATAS_MACET = timedelta(minutes=10)


@dataclass(frozen=True)
class JenisDokumen:
    kode: str
    judul: str
    template: str
    ambil_subjek: Callable[[Any, Any], Any]
    konteks: Callable[[Any], dict]
    nama_berkas: Callable[[Any], str]
    unit_subjek: Callable[[Any], int | None] = lambda subjek: None


_REGISTRI: dict[str, JenisDokumen] = {}


def daftarkan(jenis: JenisDokumen) -> None:
    if jenis.kode in _REGISTRI and _REGISTRI[jenis.kode] != jenis:
        raise ValueError(f"Jenis dokumen {jenis.kode!r} sudah didaftarkan.")
    _REGISTRI[jenis.kode] = jenis


def pilihan_jenis_naskah() -> list[tuple[str, str]]:
    """(kode, judul) jenis dokumen terdaftar, untuk memilih naskah yang diberi dasar hukum."""
    return sorted(((j.kode, j.judul) for j in _REGISTRI.values()), key=lambda p: p[1])


def jenis_naskah_label(kode: str) -> str:
    jenis = _REGISTRI.get(kode)
    return jenis.judul if jenis else kode


def jenis_dokumen(kode: str) -> JenisDokumen:
    """Jenis terdaftar; ``KeyError`` bila tidak ada (view menjawabnya 404)."""
    return _REGISTRI[kode]


def dokumen_untuk(*, jenis: str, subjek) -> DokumenPDF | None:
    """Dokumen yang sudah pernah diminta untuk subjek ini, atau None."""
    ct = ContentType.objects.get_for_model(subjek)
    return DokumenPDF.objects.filter(jenis=jenis, content_type=ct, object_id=str(subjek.pk)).first()


def _sedang_diantre(dokumen: DokumenPDF) -> bool:
    return dokumen.sedang_berjalan and dokumen.diminta_pada > timezone.now() - BATAS_MACET


@transaction.atomic
def dokumen_minta(*, jenis: str, subjek, oleh) -> DokumenPDF:
    """Antrekan render dokumen ``jenis`` untuk ``subjek``; permintaan ganda selagi berjalan diabaikan.

    Hak atas subjek sudah diperiksa pemanggil lewat ``JenisDokumen.ambil_subjek``.
    """
    jd = jenis_dokumen(jenis)
    ct = ContentType.objects.get_for_model(subjek)
    dokumen, baru = DokumenPDF.objects.select_for_update().get_or_create(
        jenis=jenis,
        content_type=ct,
        object_id=str(subjek.pk),
        defaults={"nama_berkas": jd.nama_berkas(subjek), "diminta_pada": timezone.now()},
    )
    if not baru and _sedang_diantre(dokumen):
        return dokumen
    dokumen.status, dokumen.alasan_gagal = DokumenPDF.Status.ANTRI, ""
    dokumen.diminta_oleh, dokumen.diminta_pada = oleh, timezone.now()
    dokumen.nama_berkas = jd.nama_berkas(subjek)
    dokumen.penyelenggara_id = jd.unit_subjek(subjek)
    dokumen.save()
    audit_catat(
        objek=dokumen,
        aksi="dokumen.diminta",
        oleh=oleh,
        penyelenggara_id=dokumen.penyelenggara_id,
        data={"jenis": jenis, "subjek": str(subjek)},
    )
    dokumen_id = dokumen.pk
    transaction.on_commit(lambda: _antrekan(dokumen_id), robust=True)
    return dokumen


def _antrekan(dokumen_id: int) -> None:
    from .tasks import dokumen_render_task

    dokumen_render_task.delay(dokumen_id)


def dokumen_antre_ulang(*, lebih_lama_dari: timedelta) -> int:
    """Antrekan lagi dokumen yang tertahan; jumlah yang terkirim.

    Tertahan = "antri" lebih lama dari ``lebih_lama_dari`` (broker mati saat ``_antrekan``, galatnya hanya
    dicatat di log, atau Redis kehilangan pesannya), atau "diproses" lebih lama dari ``BATAS_MACET`` (tugasnya
    mati tanpa sempat mencatat gagal, mis. PostgreSQL hilang di tengah render). Tugas berkala memanggil ini.
    Dokumen yang terkirim kembali berstatus "antri" dengan ``diminta_pada`` baru, sehingga jadwal berikutnya
    tidak mengirimnya lagi selama pesan itu masih menunggu worker (tanpa ini setiap jadwal menambah satu pesan
    ganda per dokumen). Pesan ganda yang tetap ada tidak merender ulang hasil yang sudah selesai
    (``_tandai_diproses`` melewatinya). Berhenti pada galat broker pertama, agar broker yang masih mati tidak
    ditunggu per dokumen.
    """
    sekarang = timezone.now()
    tertahan = DokumenPDF.objects.filter(
        Q(status=DokumenPDF.Status.ANTRI, diminta_pada__lt=sekarang - lebih_lama_dari)
        | Q(status=DokumenPDF.Status.DIPROSES, mulai_pada__lt=sekarang - BATAS_MACET)
    )
    terkirim = 0
    for dokumen_id in tertahan.values_list("pk", flat=True).order_by("diminta_pada"):
        try:
            _antrekan(dokumen_id)
        except Exception:  # noqa: BLE001 — galat broker apa pun: coba lagi pada jadwal berikutnya
            sisa = tertahan.count() - terkirim
            logger.warning("Broker belum dapat dihubungi; %s dokumen menunggu jadwal berikutnya", sisa)
            break
        DokumenPDF.objects.filter(pk=dokumen_id).update(status=DokumenPDF.Status.ANTRI, diminta_pada=sekarang)
        terkirim += 1
    return terkirim


def _tandai_diproses(dokumen_id: int) -> DokumenPDF | None:
    with transaction.atomic():
        dokumen = DokumenPDF.objects.select_for_update().filter(pk=dokumen_id).first()
        if dokumen is None or dokumen.status == DokumenPDF.Status.SELESAI:
            return None  # sudah selesai oleh pengiriman tugas sebelumnya (acks_late mengirim ulang)
        dokumen.status, dokumen.mulai_pada = DokumenPDF.Status.DIPROSES, timezone.now()
        dokumen.percobaan += 1
        dokumen.save(update_fields=["status", "mulai_pada", "percobaan", "updated_at"])
        return dokumen


def susun_html(dokumen: DokumenPDF) -> str:
    """HTML dokumen dari template jenisnya dan konteks subjek (dipakai juga oleh bench)."""
    jd = jenis_dokumen(dokumen.jenis)
    subjek = dokumen.subjek
    if subjek is None:
        raise LookupError("Subjek dokumen sudah tidak ada.")
    konteks = {**jd.konteks(subjek), "dokumen": dokumen, "judul_dokumen": jd.judul}
    return render_to_string(jd.template, konteks)


def _alasan(exc: Exception) -> str:
    if isinstance(exc, LookupError):
        return "Data yang menjadi dasar dokumen ini sudah tidak ada."
    teknis = f"{type(exc).__name__}: {exc}"[:300]
    return (
        "Dokumen gagal disusun. Coba buat ulang; bila terus gagal, sampaikan rincian ini kepada admin "
        f"portal. Rincian teknis: {teknis}"
    )


def dokumen_proses(*, dokumen_id: int) -> DokumenPDF | None:
    """Render satu dokumen (di worker). Berkas baru ditukar dalam satu transaksi; gagal dicatat alasannya."""
    dokumen = _tandai_diproses(dokumen_id)
    if dokumen is None:
        return None
    mulai = time.monotonic()
    try:
        pdf = html_ke_pdf(susun_html(dokumen))
        jeda_uji("DOKUMEN_JEDA_UJI")  # uji ketahanan: worker dimatikan di sini, berkas lama tetap berlaku
    except Exception as exc:  # noqa: BLE001 — setiap galat render dicatat sebagai status gagal, bukan hilang
        logger.exception("Render dokumen %s gagal", dokumen_id)
        DokumenPDF.objects.filter(pk=dokumen_id).update(
            status=DokumenPDF.Status.GAGAL, alasan_gagal=_alasan(exc), selesai_pada=timezone.now()
        )
        return DokumenPDF.objects.get(pk=dokumen_id)
    return _simpan_hasil(dokumen_id, pdf, int((time.monotonic() - mulai) * 1000))


def _simpan_hasil(dokumen_id: int, pdf: bytes, durasi_md: int) -> DokumenPDF:
    with transaction.atomic():
        dokumen = DokumenPDF.objects.select_for_update().get(pk=dokumen_id)
        lama = dokumen.berkas.name if dokumen.berkas else ""
        dokumen.berkas.save("dokumen.pdf", ContentFile(pdf), save=False)
        dokumen.status, dokumen.alasan_gagal = DokumenPDF.Status.SELESAI, ""
        dokumen.ukuran, dokumen.durasi_md, dokumen.selesai_pada = len(pdf), durasi_md, timezone.now()
        dokumen.save()
        if lama:
            storage = dokumen.berkas.storage
            transaction.on_commit(lambda: storage.delete(lama))
    return dokumen
