"""Tugas Celery evaluasi: tipis, menerima id, memanggil service."""

from celery import shared_task


@shared_task(acks_late=True, max_retries=3, default_retry_delay=30)
def siklus_hitung_ulang_task(siklus_id: int) -> int:
    """Hitung ulang hasil dan peringkat satu siklus; aman diulang (hasil diganti utuh, satu transaksi)."""
    from .models import SiklusMonev
    from .services import siklus_hitung_ulang

    return siklus_hitung_ulang(siklus=SiklusMonev.objects.get(pk=siklus_id))


@shared_task
def pengingat_pengisian_task() -> int:
    """Kirim pengingat H-7, H-3, H-1 penutupan pengisian mandiri (dijadwalkan harian di settings)."""
    from .jendela import hari_ini
    from .services import pengingat_pengisian_kirim

    return pengingat_pengisian_kirim(tanggal=hari_ini())
