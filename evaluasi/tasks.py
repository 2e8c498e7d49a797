"""Tugas Celery evaluasi: tipis, menerima id, memanggil service."""

import logging

from celery import shared_task
from django.db import transaction
from kombu.exceptions import OperationalError as BrokerTidakTerjangkau

from kaltim_yanlik.core.exceptions import DomainError
from kaltim_yanlik.core.ketahanan import jeda_uji

logger = logging.getLogger(__name__)


@shared_task(acks_late=True, reject_on_worker_lost=True, max_retries=3, default_retry_delay=30)
def siklus_hitung_ulang_task(siklus_id: int) -> int:
    """Hitung ulang hasil dan peringkat satu siklus; aman diulang (hasil diganti utuh, satu transaksi)."""
    from .grafik import grafik_siklus_siapkan
    from .models import SiklusMonev
    from .services import siklus_hitung_ulang

    siklus = SiklusMonev.objects.get(pk=siklus_id)
    try:
        with transaction.atomic():
            jumlah = siklus_hitung_ulang(siklus=siklus)
            # Uji ketahanan: worker dimatikan setelah semua baris ditulis tetapi sebelum commit.
            jeda_uji("HITUNG_ULANG_JEDA_UJI")
    except DomainError as galat:
        # Antrean lama untuk siklus yang kini final: tidak ada yang dihitung (bukan kegagalan yang diulang).
        logger.warning("Hitung ulang siklus %s dilewati: %s", siklus_id, galat.pesan)
        return 0
    # Sesudah commit, masih di tugas ini: grafik peringkat dan sebaran dari data baru digambar sekali di sini,
    # bukan oleh halaman pertama yang dibuka.
    grafik_siklus_siapkan(siklus)
    return jumlah


@shared_task(max_retries=2, default_retry_delay=30)
def grafik_siklus_siapkan_task(siklus_id: int, evaluasi_id: int | None = None) -> int:
    """Gambar grafik siklus (dan grafik aspek semua hasil, atau satu evaluasi) yang belum tersimpan."""
    from .grafik import grafik_siklus_siapkan
    from .models import SiklusMonev

    siklus = SiklusMonev.objects.filter(pk=siklus_id).first()
    return grafik_siklus_siapkan(siklus, evaluasi_id=evaluasi_id) if siklus else 0


@shared_task
def pengingat_pengisian_task() -> int:
    """Kirim pengingat H-7, H-3, H-1 penutupan pengisian mandiri (dijadwalkan harian di settings)."""
    from .jendela import hari_ini
    from .services import pengingat_pengisian_kirim

    return pengingat_pengisian_kirim(tanggal=hari_ini())


def siklus_hitung_ulang_antrekan(siklus_id: int) -> None:
    """Antrekan hitung ulang siklus; bila broker tidak terjangkau, hitung langsung di proses ini.

    Berbeda dengan dokumen PDF (tercatat "antri" dan diantrekan lagi oleh jadwal berkala), hitung ulang tidak
    punya catatan yang dapat diantrekan lagi, sehingga tanpa ini permintaannya hilang selagi Redis mati.
    Hitungnya satu transaksi dan cepat (bench/hitung_ulang_siklus.py), jadi aman dijalankan di request.
    """
    try:
        siklus_hitung_ulang_task.delay(siklus_id)
    except BrokerTidakTerjangkau as exc:
        logger.warning("Broker tidak terjangkau (%s); siklus %s dihitung ulang langsung", exc, siklus_id)
        siklus_hitung_ulang_task(siklus_id)
