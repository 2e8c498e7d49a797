"""Tugas Celery survei: tipis, menerima id, memanggil fungsi app."""

from celery import shared_task


@shared_task(max_retries=2, default_retry_delay=30)
def grafik_periode_siapkan_task(periode_id: int) -> int:
    """Gambar grafik NRR dan tren IKM periode SKM yang datanya baru berubah (bila belum tersimpan)."""
    from .grafik import grafik_periode_siapkan
    from .models import PeriodeSKM

    periode = PeriodeSKM.objects.select_related("penyelenggara").filter(pk=periode_id).first()
    return grafik_periode_siapkan(periode) if periode else 0
