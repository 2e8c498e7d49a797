"""Bacaan halaman publik hasil monev (tanpa login): hanya siklus yang sudah dipublikasikan.

Setiap bacaan di sini berangkat dari ``siklus_terbit_qs``; siklus yang belum (atau tidak lagi) dipublikasikan
dijawab 404, sama dengan tahun atau kode yang tidak ada. Datanya hanya hasil (IPP, kategori, peringkat, nilai
per aspek) dari ``evaluasi.rekap``: catatan evaluator, isian F-01, bukti, dan sanggahan tidak pernah dimuat.
"""

from dataclasses import dataclass

from django.db.models import Count, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from ..models import HasilEvaluasi, SiklusMonev
from ..rekap import (
    STATUS_BERPERINGKAT,
    BarisRekap,
    RekapSiklus,
    RingkasanSiklus,
    lokus_tanpa_hasil,
    rekap_siklus,
    ringkasan_siklus,
)


@dataclass(frozen=True)
class SiklusTerbit:
    siklus: SiklusMonev
    jumlah_lokus: int
    ringkasan: RingkasanSiklus


def siklus_terbit_qs() -> QuerySet[SiklusMonev]:
    return SiklusMonev.objects.filter(dipublikasikan_pada__isnull=False).select_related("instrumen")


def siklus_terbit_get(*, tahun: int) -> SiklusMonev:
    return get_object_or_404(siklus_terbit_qs(), tahun=tahun)


def daftar_siklus_terbit() -> list[SiklusTerbit]:
    """Siklus terbit, terbaru dahulu, dengan ringkasannya (kueri per siklus, bukan per lokus)."""
    qs = siklus_terbit_qs().annotate(jumlah_lokus=Count("evaluasi")).order_by("-tahun")
    return [SiklusTerbit(siklus=s, jumlah_lokus=s.jumlah_lokus, ringkasan=ringkasan_siklus(s)) for s in qs]


def rekap_terbit(*, tahun: int) -> RekapSiklus:
    """Rekap siklus terbit; pembandingnya siklus terbit sebelumnya, tidak pernah siklus yang belum terbit."""
    return rekap_siklus(siklus_terbit_get(tahun=tahun), pembanding_hanya_publik=True)


def baris_lokus_terbit(*, rekap: RekapSiklus, code) -> BarisRekap:
    """Baris peringkat satu evaluasi siklus ini; kode evaluasi siklus lain atau tanpa hasil → 404."""
    for baris in rekap.baris:
        if baris.evaluasi_code == str(code):
            return baris
    raise Http404("Hasil evaluasi tidak ditemukan.")


def riwayat_ipp_terbit(*, penyelenggara_id: int, sebelum_tahun: int) -> list[dict]:
    """IPP satu unit pada siklus terbit sebelum ``sebelum_tahun``, terbaru dahulu (satu kueri)."""
    qs = HasilEvaluasi.objects.filter(
        evaluasi__penyelenggara_id=penyelenggara_id,
        evaluasi__status__in=STATUS_BERPERINGKAT,
        evaluasi__siklus__dipublikasikan_pada__isnull=False,
        evaluasi__siklus__tahun__lt=sebelum_tahun,
    )
    return list(
        qs.order_by("-evaluasi__siklus__tahun").values(
            "ipp_bulat", "kategori", "predikat", "peringkat", "evaluasi__code", "evaluasi__siklus__tahun"
        )
    )


def lokus_tidak_mengajukan(*, siklus: SiklusMonev) -> list[dict]:
    """Lokus siklus terbit yang tidak mengajukan penilaian mandiri (tanpa nilai)."""
    return lokus_tanpa_hasil(siklus)
