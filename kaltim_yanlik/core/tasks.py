"""Tugas latar bersama. Tipis: menerima data JSON, memanggil fungsi Django, mengulang bila gagal."""

from smtplib import SMTPException

from celery import shared_task
from django.core.mail import send_mail


@shared_task(bind=True, max_retries=3, default_retry_delay=60)
def kirim_email_task(self, subjek: str, isi: str, penerima: list[str]) -> int:
    """Kirim satu e-mail teks; gangguan SMTP diulang hingga tiga kali."""
    try:
        return send_mail(subjek, isi, None, penerima)
    except (SMTPException, OSError) as exc:
        raise self.retry(exc=exc) from exc
