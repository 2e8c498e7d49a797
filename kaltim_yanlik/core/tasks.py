"""Tugas latar bersama. Tipis: menerima data JSON, memanggil fungsi Django, mengulang bila gagal."""

from datetime import timedelta
from smtplib import SMTPException

from celery import shared_task
from django.conf import settings
from django.core.mail import send_mail


@shared_task(bind=True, max_retries=3, default_retry_delay=60)
def kirim_email_task(self, subjek: str, isi: str, penerima: list[str]) -> int:
    """Kirim satu e-mail teks; gangguan SMTP diulang hingga tiga kali."""
    try:
        return send_mail(subjek, isi, None, penerima)
    except (SMTPException, OSError) as exc:
        raise self.retry(exc=exc) from exc


@shared_task(acks_late=True, reject_on_worker_lost=True)
def dokumen_render_task(dokumen_id: int) -> str:
    """Render satu dokumen PDF. Bila worker mati di tengah render, tugas dikirim ulang (acks_late) dan
    berkas lama tetap berlaku sampai yang baru tersimpan utuh."""
    from .dokumen import dokumen_proses

    dokumen = dokumen_proses(dokumen_id=dokumen_id)
    return dokumen.status if dokumen else "dilewati"


@shared_task
def dokumen_antre_ulang_task() -> int:
    """Berkala (settings CELERY_BEAT_SCHEDULE): antrekan lagi dokumen PDF yang tertahan "antri"."""
    from .dokumen import dokumen_antre_ulang

    return dokumen_antre_ulang(lebih_lama_dari=timedelta(seconds=settings.DOKUMEN_ANTRE_ULANG_DETIK))


@shared_task
def kiriman_bersihkan_task() -> int:
    """Buang kunci kiriman sekali yang sudah tua (dijadwalkan harian di settings)."""
    from .kiriman import kiriman_bersihkan

    return kiriman_bersihkan()


@shared_task
def grafik_bersihkan_task() -> int:
    """Berkala: buang SVG grafik tersimpan yang lebih tua dari GRAFIK_SIMPAN_HARI (data lama)."""
    from .grafik import bersihkan

    return bersihkan(lebih_lama_dari=timedelta(days=settings.GRAFIK_SIMPAN_HARI))
