"""Pemberitahuan: satu baris ``Notifikasi`` per penerima di portal, dan e-mail lewat Celery setelah commit."""

import logging

from django.db import transaction
from django.utils import timezone

from .models import Notifikasi
from .tasks import kirim_email_task

logger = logging.getLogger(__name__)


def notifikasi_kirim(*, penerima, judul: str, isi: str = "", tautan: str = "", kunci: str = "") -> int:
    """Kirim ke setiap ``penerima``; dengan ``kunci``, penerima yang sudah menerimanya dilewati."""
    penerima = [p for p in penerima if p.is_active]
    if kunci:
        sudah = set(
            Notifikasi.objects.filter(kunci=kunci, penerima__in=penerima).values_list(
                "penerima_id", flat=True
            )
        )
        penerima = [p for p in penerima if p.pk not in sudah]
    Notifikasi.objects.bulk_create(
        [Notifikasi(penerima=p, judul=judul, isi=isi, tautan=tautan, kunci=kunci) for p in penerima]
    )
    teks = f"{isi}\n\n{tautan}".strip()
    alamat = sorted({p.email for p in penerima if p.email})
    if alamat:
        transaction.on_commit(lambda: _antrekan_email(f"[Kaltim YANLIK] {judul}", teks, alamat))
    return len(penerima)


def _antrekan_email(subjek: str, teks: str, daftar_alamat: list[str]) -> None:
    """Satu e-mail per alamat: penerima tidak saling melihat alamat satu sama lain.

    Broker mati (Redis) tidak boleh menggagalkan request yang datanya sudah ter-commit, dan tidak menunggu
    broker sekali per alamat: berhenti pada galat pertama dan catat sisanya. Notifikasi di portal sudah
    tersimpan; hanya e-mail salinannya yang tidak terkirim.
    """
    for urutan, alamat in enumerate(daftar_alamat):
        try:
            kirim_email_task.delay(subjek, teks, [alamat])
        except Exception:  # noqa: BLE001 — galat broker apa pun: catat, jangan jatuhkan request
            sisa = len(daftar_alamat) - urutan
            logger.exception("Broker tidak terjangkau: %s e-mail «%s» tidak diantrekan", sisa, subjek)
            return


def notifikasi_tandai_dibaca(*, penerima, notifikasi: Notifikasi | None = None) -> int:
    """Tandai satu notifikasi (atau semua yang belum dibaca) milik ``penerima`` sebagai dibaca."""
    qs = Notifikasi.objects.filter(penerima=penerima, dibaca_pada__isnull=True)
    if notifikasi is not None:
        qs = qs.filter(pk=notifikasi.pk)
    return qs.update(dibaca_pada=timezone.now())
