"""Sandingan IPP (PEKPPP) | IKM (SKM) | kepatuhan Ombudsman, per unit dan per provinsi. Ukuran luar tidak
pernah dicampur ke dalam IPP.

IPP dibaca dari hasil evaluasi app ini; IKM dan Ombudsman dari ``survei.selectors`` (arah impor satu:
evaluasi → survei). Sandingan provinsi berhalaman: satu halaman unit (urut nama) dan angka ketiga ukuran
untuk unit itu saja, dengan jumlah kueri tetap berapa pun jumlah unit, periode, dan respondennya;
pemanggilnya sudah memastikan pengguna menjangkau semua unit.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from akun import akses
from akun.akses import Kemampuan
from kode_etik.models import Penyelenggara
from survei import selectors as survei_selectors
from survei.ikm import HasilIKM
from survei.models import KepatuhanOmbudsman
from survei.selectors import HasilPeriode

from ..models import Evaluasi

JUMLAH_TAHUN = 3


def penyelenggara_get_for_user(*, user, code) -> Penyelenggara:
    qs = Penyelenggara.objects.all()
    if not akses.boleh(user, Kemampuan.LIHAT_EVALUASI):
        qs = qs.none()
    # Jalur kosong: objeknya Penyelenggara itu sendiri (atau UPTD di bawah unit pengguna).
    return akses.ambil_atau_404(qs, user, jalur="", code=code)


def _ipp_dinilai():
    return Evaluasi.objects.filter(
        hasil__isnull=False, status__in=(Evaluasi.Status.DINILAI, Evaluasi.Status.FINAL)
    )


# --- Satu unit, per tahun ----------------------------------------------------------------------------


@dataclass
class BarisSandingan:
    tahun: int
    ipp: Decimal | None = None
    kategori: str = ""
    predikat: str = ""
    ikm: HasilIKM | None = None
    periode_ikm: str = ""
    ombudsman: KepatuhanOmbudsman | None = None


def sandingan_unit(
    penyelenggara: Penyelenggara, tren: list[HasilPeriode] | None = None
) -> list[BarisSandingan]:
    """Per tahun (terbaru dulu): IPP dan kategori, IKM periode terakhir tahun itu, dan hasil Ombudsman."""
    tren = survei_selectors.tren_unit(penyelenggara) if tren is None else tren
    baris: dict[int, BarisSandingan] = {}
    ipp = _ipp_dinilai().filter(penyelenggara=penyelenggara)
    for h in ipp.values("siklus__tahun", "hasil__ipp_bulat", "hasil__kategori", "hasil__predikat"):
        b = baris.setdefault(h["siklus__tahun"], BarisSandingan(tahun=h["siklus__tahun"]))
        b.ipp, b.kategori, b.predikat = h["hasil__ipp_bulat"], h["hasil__kategori"], h["hasil__predikat"]
    for tahun, h in survei_selectors.ikm_terakhir_per_tahun(tren).items():
        b = baris.setdefault(tahun, BarisSandingan(tahun=tahun))
        b.ikm, b.periode_ikm = h.ikm, h.periode.nama
    for tahun, k in survei_selectors.kepatuhan_per_tahun(penyelenggara).items():
        baris.setdefault(tahun, BarisSandingan(tahun=tahun)).ombudsman = k
    return sorted(baris.values(), key=lambda b: b.tahun, reverse=True)


# --- Seluruh provinsi --------------------------------------------------------------------------------


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


def unit_sandingan():
    """Unit aktif urut nama: daftar yang dipecah per halaman oleh view."""
    return Penyelenggara.objects.filter(aktif=True).order_by("nama", "pk")


def sandingan_provinsi(
    *, tahun: int, unit: list[Penyelenggara], jumlah_tahun: int = JUMLAH_TAHUN
) -> tuple[list[int], list[BarisUnit]]:
    """IPP, IKM, dan Ombudsman ``jumlah_tahun`` terakhir untuk ``unit`` (satu halaman); tiga kueri."""
    daftar_tahun = [tahun - i for i in range(jumlah_tahun)]
    baris = {u.pk: BarisUnit(penyelenggara=u) for u in unit}
    ids = list(baris)

    def sel(unit_id, t) -> NilaiTahun | None:
        b = baris.get(unit_id)
        return None if b is None else b.per_tahun.setdefault(t, NilaiTahun())

    ipp = _ipp_dinilai().filter(siklus__tahun__in=daftar_tahun, penyelenggara_id__in=ids)
    for e in ipp.values("penyelenggara_id", "siklus__tahun", "hasil__ipp_bulat", "hasil__kategori"):
        if n := sel(e["penyelenggara_id"], e["siklus__tahun"]):
            n.ipp, n.kategori = e["hasil__ipp_bulat"], e["hasil__kategori"]
    ikm = survei_selectors.ikm_terakhir_per_unit(daftar_tahun=daftar_tahun, penyelenggara_ids=ids)
    for (unit_id, t), hasil in ikm.items():
        if n := sel(unit_id, t):
            n.ikm = hasil
    ombudsman = survei_selectors.kepatuhan_per_unit(daftar_tahun=daftar_tahun, penyelenggara_ids=ids)
    for (unit_id, t), k in ombudsman.items():
        if n := sel(unit_id, t):
            n.ombudsman = k
    return daftar_tahun, list(baris.values())
