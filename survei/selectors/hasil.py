"""Hasil SKM: IKM satu periode, tren per unit, ringkasan RTL, dan angka per tahun yang dibaca ``evaluasi``.

IKM tidak pernah disimpan: ia dihitung dari jumlah nilai per unsur (satu kueri agregat) atau dari NRR yang
dimasukkan unit, lewat fungsi murni ``survei.ikm``. Fungsi di sini menerima objek yang sudah diambil lewat
kebijakan akses (``survei.selectors.periode``, atau unit/evaluasi yang sudah diperiksa app pemanggil);
yang membaca seluruh provinsi dipanggil hanya setelah pemanggil memastikan pengguna menjangkau semua unit.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, Sum

from kode_etik.models import Penyelenggara

from ..ikm import MUTU_LEMAH, UNSUR, HasilIKM, hitung_ikm, mutu_unsur, ukuran_sampel
from ..models import UNSUR_FIELDS, PeriodeSKM, RencanaTindakLanjut, ResponSKM

TIGA_DESIMAL = Decimal("0.001")
SERATUS = Decimal(100)


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


# --- Angka per tahun untuk sandingan IPP | IKM | Ombudsman (dibaca app evaluasi) ------------------------


def ikm_terakhir_per_tahun(tren: list[HasilPeriode]) -> dict[int, HasilPeriode]:
    """Tahun → hasil periode yang selesai paling akhir tahun itu dan datanya cukup (``tren`` urut waktu)."""
    # Tren sudah urut waktu: periode yang selesai paling akhir dalam setahun menimpa yang sebelumnya.
    return {h.periode.selesai.year: h for h in tren if h.cukup_data}


def ikm_terakhir_per_unit(
    *, daftar_tahun: list[int], penyelenggara_ids: list[int] | None = None
) -> dict[tuple[int, int], HasilPeriode]:
    """(id unit, tahun) → hasil periode terakhir tahun itu yang datanya cukup; satu kueri. Tanpa
    ``penyelenggara_ids``: seluruh provinsi; dengan: hanya unit itu (satu halaman sandingan).

    Pemanggil sudah memastikan pengguna menjangkau semua unit.
    """
    periode = PeriodeSKM.objects.filter(selesai__year__in=daftar_tahun)
    if penyelenggara_ids is not None:
        periode = periode.filter(penyelenggara_id__in=penyelenggara_ids)
    periode = periode.annotate(n_respons=Count("respons"), **_jumlah_per_unsur()).order_by("selesai")
    hasil = {}
    for p in periode:
        h = _hasil(p, {k: getattr(p, k) for k in _jumlah_per_unsur()}, p.n_respons)
        # Urut menurut tanggal selesai: periode terakhir dalam setahun menimpa yang lebih awal.
        if h.cukup_data:
            hasil[(p.penyelenggara_id, p.selesai.year)] = h
    return hasil


# --- Bukti SKM untuk penilaian mandiri (dibaca app evaluasi) ---------------------------------------


@dataclass(frozen=True)
class BuktiSKM:
    hasil: HasilPeriode
    rtl: RingkasanRTL


def bukti_skm(*, penyelenggara_id: int, sampai_tahun: int, jumlah: int) -> list[BuktiSKM]:
    """``jumlah`` periode SKM terbaru unit yang berakhir paling lambat pada ``sampai_tahun``, dengan hasil dan
    RTL-nya. Pemanggil sudah mengambil unitnya lewat kebijakan akses (mis. evaluasi lokus F-01)."""
    periode = PeriodeSKM.objects.filter(
        penyelenggara=penyelenggara_id, selesai__year__lte=sampai_tahun
    ).order_by("-selesai")[:jumlah]
    return [BuktiSKM(hasil=hasil_periode(p), rtl=ringkasan_rtl(p)) for p in periode]
