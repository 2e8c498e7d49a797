"""Bacaan untuk formulir survei SKM publik dan pilihan unit/layanan halaman kelolanya; periode dalam lingkup
pengguna dibaca lewat ``selectors_skm`` (``akun.akses``, unit lain 404)."""

from django.http import Http404

from akun import akses
from kode_etik.models import JenisLayanan, Penyelenggara
from survei.models import PeriodeSKM


def periode_publik(*, code) -> PeriodeSKM:
    """Periode untuk formulir publik; unit nonaktif sama dengan tidak ada."""
    periode = PeriodeSKM.objects.select_related("penyelenggara").filter(code=code).first()
    if periode is None or not periode.penyelenggara.aktif:
        raise Http404("Survei tidak ditemukan.")
    return periode


def unit_pilihan(*, user):
    return akses.batasi(Penyelenggara.objects.filter(aktif=True).order_by("nama"), user, jalur="")


def jenis_layanan_periode(periode: PeriodeSKM):
    return JenisLayanan.objects.filter(penyelenggara=periode.penyelenggara_id, aktif=True).order_by("nama")


def jumlah_respons(periode: PeriodeSKM) -> int:
    return periode.respons.count()
