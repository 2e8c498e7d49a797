"""Pemberitahuan: satu baris ``Notifikasi`` per penerima di portal, dan e-mail lewat Celery setelah commit."""

from django.db import transaction

from .models import Notifikasi
from .tasks import kirim_email_task


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
    # Satu e-mail per alamat: penerima tidak saling melihat alamat satu sama lain.
    for alamat in sorted({p.email for p in penerima if p.email}):
        transaction.on_commit(
            lambda alamat=alamat: kirim_email_task.delay(f"[Kaltim YANLIK] {judul}", teks, [alamat])
        )
    return len(penerima)
