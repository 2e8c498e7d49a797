"""Tugas Celery evaluasi: tipis, menerima id, memanggil service."""

from celery import shared_task
from django.db import transaction

from kaltim_yanlik.core.ketahanan import jeda_uji


@shared_task(acks_late=True, reject_on_worker_lost=True, max_retries=3, default_retry_delay=30)
def siklus_hitung_ulang_task(siklus_id: int) -> int:
    """Hitung ulang hasil dan peringkat satu siklus; aman diulang (hasil diganti utuh, satu transaksi)."""
    from .models import SiklusMonev
    from .services import siklus_hitung_ulang

    with transaction.atomic():
        jumlah = siklus_hitung_ulang(siklus=SiklusMonev.objects.get(pk=siklus_id))
        # Uji ketahanan: worker dimatikan setelah semua baris ditulis tetapi sebelum commit.
        jeda_uji("HITUNG_ULANG_JEDA_UJI")
    return jumlah


@shared_task
def pengingat_pengisian_task() -> int:
    """Kirim pengingat H-7, H-3, H-1 penutupan pengisian mandiri (dijadwalkan harian di settings)."""
    from .jendela import hari_ini
    from .services import pengingat_pengisian_kirim

    return pengingat_pengisian_kirim(tanggal=hari_ini())
