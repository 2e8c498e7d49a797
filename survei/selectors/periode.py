"""Periode SKM dan butir RTL dalam lingkup pengguna, serta pilihan unit halaman kelolanya.

Setiap pengambilan objek lewat ``akun.akses``: periode atau RTL unit lain dijawab 404, sama dengan objek yang
tidak ada.
"""

from django.db.models import QuerySet

from akun import akses
from akun.akses import Kemampuan
from kode_etik.models import Penyelenggara

from ..models import PeriodeSKM, RencanaTindakLanjut


def periode_skm_qs_for_user(*, user) -> QuerySet[PeriodeSKM]:
    if not akses.boleh(user, Kemampuan.LIHAT_EVALUASI):
        return PeriodeSKM.objects.none()
    return akses.batasi(PeriodeSKM.objects.select_related("penyelenggara"), user)


def periode_skm_get_for_user(*, user, code) -> PeriodeSKM:
    return akses.ambil_atau_404(periode_skm_qs_for_user(user=user), user, code=code)


def rtl_get_for_user(*, user, code) -> RencanaTindakLanjut:
    qs = RencanaTindakLanjut.objects.select_related("periode__penyelenggara")
    if not akses.boleh(user, Kemampuan.LIHAT_EVALUASI):
        qs = qs.none()
    return akses.ambil_atau_404(qs, user, jalur="periode__penyelenggara", code=code)


def unit_pilihan(*, user) -> QuerySet[Penyelenggara]:
    return akses.batasi(Penyelenggara.objects.filter(aktif=True).order_by("nama"), user, jalur="")
