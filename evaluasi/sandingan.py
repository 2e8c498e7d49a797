"""Sandingan provinsi: untuk setiap unit dan beberapa tahun, IPP (PEKPPP), IKM (SKM periode terakhir tahun
itu), dan kepatuhan Ombudsman berdampingan. Ukuran luar tidak pernah dicampur ke dalam IPP.

Empat kueri berapa pun jumlah unit, periode, dan respondennya. Pemanggil sudah memastikan pengguna menjangkau
semua unit.
"""

from dataclasses import dataclass, field

from django.db.models import Count

from kode_etik.models import Penyelenggara
from survei.models import KepatuhanOmbudsman, PeriodeSKM

from .models import Evaluasi
from .selectors_skm import HasilPeriode, _hasil, _jumlah_per_unsur

JUMLAH_TAHUN = 3


@dataclass
class NilaiTahun:
    ipp: object = None
    kategori: str = ""
    ikm: HasilPeriode | None = None
    ombudsman: KepatuhanOmbudsman | None = None


@dataclass
class BarisUnit:
    penyelenggara: Penyelenggara
    per_tahun: dict[int, NilaiTahun] = field(default_factory=dict)

    def tahun(self, daftar_tahun: list[int]) -> list[tuple[int, NilaiTahun]]:
        return [(t, self.per_tahun.get(t, NilaiTahun())) for t in daftar_tahun]


def sandingan_provinsi(*, tahun: int, jumlah_tahun: int = JUMLAH_TAHUN) -> tuple[list[int], list[BarisUnit]]:
    daftar_tahun = [tahun - i for i in range(jumlah_tahun)]
    baris = {
        u.pk: BarisUnit(penyelenggara=u) for u in Penyelenggara.objects.filter(aktif=True).order_by("nama")
    }

    def sel(unit_id, t) -> NilaiTahun | None:
        b = baris.get(unit_id)
        return None if b is None else b.per_tahun.setdefault(t, NilaiTahun())

    for e in Evaluasi.objects.filter(
        siklus__tahun__in=daftar_tahun,
        hasil__isnull=False,
        status__in=(Evaluasi.Status.DINILAI, Evaluasi.Status.FINAL),
    ).values("penyelenggara_id", "siklus__tahun", "hasil__ipp_bulat", "hasil__kategori"):
        if n := sel(e["penyelenggara_id"], e["siklus__tahun"]):
            n.ipp, n.kategori = e["hasil__ipp_bulat"], e["hasil__kategori"]
    periode = (
        PeriodeSKM.objects.filter(selesai__year__in=daftar_tahun)
        .annotate(n_respons=Count("respons"), **_jumlah_per_unsur())
        .order_by("selesai")
    )
    for p in periode:
        hasil = _hasil(p, {k: getattr(p, k) for k in _jumlah_per_unsur()}, p.n_respons)
        # Urut menurut tanggal selesai: periode terakhir dalam setahun menimpa yang lebih awal.
        if hasil.cukup_data and (n := sel(p.penyelenggara_id, p.selesai.year)):
            n.ikm = hasil
    for k in KepatuhanOmbudsman.objects.filter(tahun__in=daftar_tahun):
        if n := sel(k.penyelenggara_id, k.tahun):
            n.ombudsman = k
    return daftar_tahun, list(baris.values())
