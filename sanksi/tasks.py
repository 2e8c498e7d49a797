"""Tugas Celery app sanksi: tipis, memanggil service."""

from celery import shared_task
from django.utils import timezone


@shared_task
def upaya_pengingat_task() -> int:
    """Pengingat H-3/H-1 batas keputusan keberatan dan banding; lewat batas ke Biro (dijadwalkan harian)."""
    from .services import upaya_pengingat_kirim

    return upaya_pengingat_kirim(tanggal=timezone.localdate())
