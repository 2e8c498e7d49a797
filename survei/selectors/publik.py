"""Bacaan untuk formulir survei SKM publik (tanpa login): periode dari kode QR dan jenis layanannya."""

from django.http import Http404

from kode_etik.models import JenisLayanan

from ..models import PeriodeSKM


def periode_publik(*, code) -> PeriodeSKM:
    """Periode untuk formulir publik; unit nonaktif sama dengan tidak ada."""
    periode = PeriodeSKM.objects.select_related("penyelenggara").filter(code=code).first()
    if periode is None or not periode.penyelenggara.aktif:
        raise Http404("Survei tidak ditemukan.")
    return periode


def jenis_layanan_periode(periode: PeriodeSKM):
    return JenisLayanan.objects.filter(penyelenggara=periode.penyelenggara_id, aktif=True).order_by("nama")


def jumlah_respons(periode: PeriodeSKM) -> int:
    return periode.respons.count()
