"""Bacaan kepatuhan Ombudsman: daftar Biro per tahun (lewat ``akun.akses``) dan angka per unit dan tahun
yang disandingkan ``evaluasi`` dengan IPP."""

from django.db.models import QuerySet

from akun import akses
from akun.akses import Kemampuan
from kode_etik.models import Penyelenggara

from ..models import KepatuhanOmbudsman


def kepatuhan_ombudsman_qs_for_user(*, user, tahun: int | None = None) -> QuerySet[KepatuhanOmbudsman]:
    if not akses.boleh(user, Kemampuan.LIHAT_EVALUASI):
        return KepatuhanOmbudsman.objects.none()
    qs = akses.batasi(KepatuhanOmbudsman.objects.select_related("penyelenggara", "dicatat_oleh"), user)
    if tahun:
        qs = qs.filter(tahun=tahun)
    return qs.order_by("-tahun", "-nilai", "penyelenggara__nama")


def tahun_ombudsman(*, user) -> list[int]:
    qs = kepatuhan_ombudsman_qs_for_user(user=user)
    return list(qs.order_by("-tahun").values_list("tahun", flat=True).distinct())


def kepatuhan_per_tahun(penyelenggara: Penyelenggara) -> dict[int, KepatuhanOmbudsman]:
    """Tahun → hasil Ombudsman unit yang sudah diambil pemanggil lewat kebijakan akses."""
    return {k.tahun: k for k in KepatuhanOmbudsman.objects.filter(penyelenggara=penyelenggara)}


def kepatuhan_per_unit(
    *, daftar_tahun: list[int], penyelenggara_ids: list[int] | None = None
) -> dict[tuple[int, int], KepatuhanOmbudsman]:
    """(id unit, tahun) → hasil Ombudsman seluruh provinsi atau unit ``penyelenggara_ids``; pemanggil
    menjangkau semua unit. Satu kueri."""
    qs = KepatuhanOmbudsman.objects.filter(tahun__in=daftar_tahun)
    if penyelenggara_ids is not None:
        qs = qs.filter(penyelenggara_id__in=penyelenggara_ids)
    return {(k.penyelenggara_id, k.tahun): k for k in qs}
