"""Bacaan SKM: hasil IKM satu periode, tren per unit, ringkasan RTL, dan sandingan IPP | IKM | Ombudsman.

IKM tidak pernah disimpan: ia dihitung dari jumlah nilai per unsur (satu kueri agregat) atau dari NRR yang
dimasukkan unit, lewat fungsi murni ``evaluasi.skm``. Pengambilan objek untuk halaman selalu lewat
``akun.akses`` (unit lain = 404).
"""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, QuerySet, Sum

from akun import akses
from akun.akses import Kemampuan
from kode_etik.models import Penyelenggara
from survei.models import UNSUR_FIELDS, KepatuhanOmbudsman, PeriodeSKM, RencanaTindakLanjut, ResponSKM

from .models import Evaluasi
from .skm import MUTU_LEMAH, UNSUR, HasilIKM, hitung_ikm, mutu_unsur, ukuran_sampel

TIGA_DESIMAL = Decimal("0.001")
SERATUS = Decimal(100)


# --- Objek dalam lingkup pengguna ------------------------------------------------------------------


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


def penyelenggara_get_for_user(*, user, code) -> Penyelenggara:
    qs = Penyelenggara.objects.all()
    if not akses.boleh(user, Kemampuan.LIHAT_EVALUASI):
        qs = qs.none()
    # Jalur kosong: objeknya Penyelenggara itu sendiri (atau UPTD di bawah unit pengguna).
    return akses.ambil_atau_404(qs, user, jalur="", code=code)


# --- Hasil IKM satu periode ------------------------------------------------------------------------


@dataclass(frozen=True)
class NilaiUnsur:
    kode: str
    nama: str
    nrr: Decimal
    mutu: str

    @property
    def lemah(self) -> bool:
        return self.mutu in MUTU_LEMAH


@dataclass(frozen=True)
class HasilPeriode:
    periode: PeriodeSKM
    ikm: HasilIKM | None  # None: belum cukup data
    unsur: list[NilaiUnsur]
    jumlah_responden: int
    target_sampel: int

    @property
    def cukup_data(self) -> bool:
        return self.ikm is not None

    @property
    def unsur_lemah(self) -> list[NilaiUnsur]:
        return [u for u in self.unsur if u.lemah]

    @property
    def sampel_terpenuhi(self) -> bool:
        return self.jumlah_responden >= self.target_sampel


def _jumlah_per_unsur() -> dict:
    # Jumlah (bukan rata-rata float basis data) agar NRR dihitung eksak dalam Decimal.
    return {f"jumlah_{u}": Sum(f"respons__{u}") for u in UNSUR_FIELDS}


def _nrr(periode: PeriodeSKM, baris: dict, n: int) -> list[Decimal] | None:
    """NRR sembilan unsur dari jumlah nilai responden atau dari isian NRR unit; None bila belum ada."""
    if periode.sumber == PeriodeSKM.Sumber.NRR:
        nilai = [getattr(periode, f"nrr_{u}") for u in UNSUR_FIELDS]
        return None if any(v is None for v in nilai) else nilai
    if not n:
        return None
    return [Decimal(baris[f"jumlah_{u}"]) / n for u in UNSUR_FIELDS]


def _jumlah_responden(periode: PeriodeSKM, n: int) -> int:
    if periode.sumber == PeriodeSKM.Sumber.NRR:
        return periode.jumlah_responden_nrr or 0
    return n


def _hasil(periode: PeriodeSKM, baris: dict, n: int) -> HasilPeriode:
    nrr = _nrr(periode, baris, n)
    unsur = []
    if nrr is not None:
        unsur = [
            NilaiUnsur(kode=kode, nama=nama, nrr=nilai.quantize(TIGA_DESIMAL), mutu=mutu_unsur(nilai))
            for (kode, nama), nilai in zip(UNSUR, nrr, strict=True)
        ]
    return HasilPeriode(
        periode=periode,
        ikm=hitung_ikm(nrr) if nrr is not None else None,
        unsur=unsur,
        jumlah_responden=_jumlah_responden(periode, n),
        target_sampel=ukuran_sampel(periode.populasi),
    )


def hasil_periode(periode: PeriodeSKM) -> HasilPeriode:
    """IKM, mutu, kinerja, NRR per unsur (dengan tanda lemah) dan responden terhadap target sampel."""
    agregat = {f"jumlah_{u}": Sum(u) for u in UNSUR_FIELDS}
    baris = ResponSKM.objects.filter(periode=periode).aggregate(n=Count("pk"), **agregat)
    return _hasil(periode, baris, baris["n"])


def tren_unit(penyelenggara: Penyelenggara) -> list[HasilPeriode]:
    """Hasil setiap periode unit, urut waktu; satu kueri berapa pun jumlah periode dan respondennya."""
    qs = (
        PeriodeSKM.objects.filter(penyelenggara=penyelenggara)
        .annotate(n_respons=Count("respons"), **_jumlah_per_unsur())
        .order_by("mulai", "selesai")
    )
    return [_hasil(p, {k: getattr(p, k) for k in _jumlah_per_unsur()}, p.n_respons) for p in qs]


# --- Rencana tindak lanjut (indikator PEKPPP 8 dan 9) ----------------------------------------------


@dataclass(frozen=True)
class RingkasanRTL:
    butir: list[RencanaTindakLanjut]
    jumlah: int
    selesai: int
    tepat_waktu: int
    persen_selesai: Decimal | None
    persen_tepat_waktu: Decimal | None
    rata_hari_terlambat: Decimal | None  # rata-rata di antara butir yang selesai melewati tenggat


def _persen(bagian: int, keseluruhan: int) -> Decimal | None:
    if not keseluruhan:
        return None
    return (Decimal(bagian) * SERATUS / keseluruhan).quantize(Decimal("0.01"))


def ringkasan_rtl(periode: PeriodeSKM) -> RingkasanRTL:
    """Butir RTL satu periode dengan persentase selesai dan selesai tepat waktu (≤ tenggat).

    Persen tepat waktu dihitung atas *semua* butir, bukan hanya yang selesai: butir yang belum selesai belum
    ditindaklanjuti tepat waktu, dan unit tidak boleh tampak lebih baik dengan menunda penyelesaian.
    """
    butir = list(periode.rtl.order_by("tenggat", "created_at"))
    selesai = [b for b in butir if b.selesai_pada]
    telat = [(b.selesai_pada - b.tenggat).days for b in selesai if b.selesai_pada > b.tenggat]
    return RingkasanRTL(
        butir=butir,
        jumlah=len(butir),
        selesai=len(selesai),
        tepat_waktu=len(selesai) - len(telat),
        persen_selesai=_persen(len(selesai), len(butir)),
        persen_tepat_waktu=_persen(len(selesai) - len(telat), len(butir)),
        rata_hari_terlambat=(Decimal(sum(telat)) / len(telat)).quantize(Decimal("0.1")) if telat else None,
    )


# --- Sandingan per tahun: IPP | IKM | Ombudsman ----------------------------------------------------


@dataclass
class BarisSandingan:
    tahun: int
    ipp: Decimal | None = None
    kategori: str = ""
    predikat: str = ""
    ikm: HasilIKM | None = None
    periode_ikm: str = ""
    ombudsman: KepatuhanOmbudsman | None = None


def _ipp_per_tahun(penyelenggara: Penyelenggara) -> list[dict]:
    qs = Evaluasi.objects.filter(
        penyelenggara=penyelenggara,
        hasil__isnull=False,
        status__in=(Evaluasi.Status.DINILAI, Evaluasi.Status.FINAL),
    )
    return list(qs.values("siklus__tahun", "hasil__ipp_bulat", "hasil__kategori", "hasil__predikat"))


def _ikm_terakhir_per_tahun(tren: list[HasilPeriode]) -> dict[int, HasilPeriode]:
    # Tren sudah urut waktu: periode yang selesai paling akhir dalam setahun menimpa yang sebelumnya.
    return {h.periode.selesai.year: h for h in tren if h.cukup_data}


def sandingan_unit(
    penyelenggara: Penyelenggara, tren: list[HasilPeriode] | None = None
) -> list[BarisSandingan]:
    """Per tahun (terbaru dulu): IPP dan kategori, IKM periode terakhir tahun itu, dan hasil Ombudsman."""
    tren = tren_unit(penyelenggara) if tren is None else tren
    baris: dict[int, BarisSandingan] = {}
    for h in _ipp_per_tahun(penyelenggara):
        b = baris.setdefault(h["siklus__tahun"], BarisSandingan(tahun=h["siklus__tahun"]))
        b.ipp, b.kategori, b.predikat = h["hasil__ipp_bulat"], h["hasil__kategori"], h["hasil__predikat"]
    for tahun, h in _ikm_terakhir_per_tahun(tren).items():
        b = baris.setdefault(tahun, BarisSandingan(tahun=tahun))
        b.ikm, b.periode_ikm = h.ikm, h.periode.nama
    for k in KepatuhanOmbudsman.objects.filter(penyelenggara=penyelenggara):
        baris.setdefault(k.tahun, BarisSandingan(tahun=k.tahun)).ombudsman = k
    return sorted(baris.values(), key=lambda b: b.tahun, reverse=True)


# --- Kepatuhan Ombudsman (halaman Biro) ------------------------------------------------------------


def kepatuhan_ombudsman_qs_for_user(*, user, tahun: int | None = None) -> QuerySet[KepatuhanOmbudsman]:
    if not akses.boleh(user, Kemampuan.LIHAT_EVALUASI):
        return KepatuhanOmbudsman.objects.none()
    qs = akses.batasi(KepatuhanOmbudsman.objects.select_related("penyelenggara", "dicatat_oleh"), user)
    if tahun:
        qs = qs.filter(tahun=tahun)
    return qs.order_by("-tahun", "-nilai", "penyelenggara__nama")


def tahun_ombudsman(*, user) -> list[int]:
    qs = kepatuhan_ombudsman_qs_for_user(user=user)
    return sorted(set(qs.values_list("tahun", flat=True)), reverse=True)


# --- Bukti SKM di F-01 -----------------------------------------------------------------------------

# Indikator PEKPPP yang menilai penyelenggaraan, publikasi, dan tindak lanjut SKM (regulations.md §3.8).
NOMOR_INDIKATOR_SKM = (6, 7, 8, 9)
JUMLAH_PERIODE_BUKTI = 2


@dataclass(frozen=True)
class BuktiSKM:
    hasil: HasilPeriode
    rtl: RingkasanRTL


def bukti_skm_untuk_evaluasi(evaluasi) -> list[BuktiSKM]:
    """Periode SKM terbaru unit lokus yang berakhir paling lambat pada tahun siklus, beserta hasil dan RTL."""
    periode = PeriodeSKM.objects.filter(
        penyelenggara=evaluasi.penyelenggara_id, selesai__year__lte=evaluasi.siklus.tahun
    ).order_by("-selesai")[:JUMLAH_PERIODE_BUKTI]
    return [BuktiSKM(hasil=hasil_periode(p), rtl=ringkasan_rtl(p)) for p in periode]
