"""Bacaan halaman publik hasil monev (tanpa login), dari potret versi publikasi (``PublikasiSiklus``).

Hanya siklus yang sedang dipublikasikan yang terbaca; yang belum atau tidak lagi dipublikasikan dijawab 404,
sama dengan tahun, nomor versi, atau kode yang tidak ada. Angka tidak pernah dibaca dari ``HasilEvaluasi``
yang hidup: hanya koreksi (yang menerbitkan versi baru) yang dapat mengubah apa yang dibaca publik. Potret
hanya memuat hasil (IPP, kategori, peringkat, nilai per aspek, pembanding): catatan evaluator, isian F-01,
bukti, dan sanggahan tidak pernah ada di dalamnya.
"""

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from django.db.models import Exists, OuterRef, QuerySet
from django.http import Http404

from ..models import PublikasiSiklus


@dataclass(frozen=True)
class IdentitasSiklus:
    tahun: int
    nama: str


@dataclass(frozen=True)
class Versi:
    nomor: int
    diterbitkan_pada: datetime
    alasan: str
    rujukan: str


@dataclass(frozen=True)
class Ringkasan:
    siklus: IdentitasSiklus
    distribusi: list[tuple[str, str, int]]
    rata_aspek: list[tuple[str, str, Decimal]]
    rata_ipp: Decimal | None
    jumlah_dinilai: int
    versi: int | None = None


@dataclass(frozen=True)
class BarisPublik:
    peringkat: int | None
    evaluasi_code: str
    penyelenggara_code: str
    penyelenggara: str
    jenis_unit: str
    induk: str
    ipp: Decimal
    kategori: str
    predikat: str
    nilai_aspek: dict[str, Decimal]
    ipp_lalu: Decimal | None = None

    @property
    def selisih(self) -> Decimal | None:
        return None if self.ipp_lalu is None else self.ipp - self.ipp_lalu


@dataclass
class RekapPublik:
    """Satu versi hasil terbit sebuah siklus, siap ditampilkan."""

    siklus: IdentitasSiklus
    versi: Versi
    semua_versi: list[Versi]
    dipublikasikan_pada: datetime
    ringkasan: Ringkasan
    baris: list[BarisPublik]
    jumlah_lokus: int
    tidak_mengajukan: list[dict]
    lalu: Ringkasan | None = None
    kategori_urut: list[str] = field(default_factory=list)

    @property
    def terbaru(self) -> bool:
        return self.versi.nomor == self.semua_versi[-1].nomor

    @property
    def koreksi(self) -> list[Versi]:
        return [v for v in self.semua_versi if v.nomor > 1]


def _d(teks) -> Decimal | None:
    return None if teks is None else Decimal(teks)


def _ringkasan(tahun: int, nama: str, r: dict, versi: int | None = None) -> Ringkasan:
    return Ringkasan(
        siklus=IdentitasSiklus(tahun, nama),
        distribusi=[(d["kode"], d["predikat"], d["jumlah"]) for d in r["distribusi"]],
        rata_aspek=[(a["kode"], a["nama"], Decimal(a["nilai"])) for a in r["rata_aspek"]],
        rata_ipp=_d(r["rata_ipp"]),
        jumlah_dinilai=r["jumlah_dinilai"],
        versi=versi,
    )


def _baris(u: dict) -> BarisPublik:
    pembanding = u.get("pembanding")
    return BarisPublik(
        peringkat=u["peringkat"],
        evaluasi_code=u["evaluasi"],
        penyelenggara_code=u["penyelenggara"],
        penyelenggara=u["nama"],
        jenis_unit=u["jenis"],
        induk=u["induk"],
        ipp=Decimal(u["ipp"]),
        kategori=u["kategori"],
        predikat=u["predikat"],
        nilai_aspek={kode: Decimal(nilai) for kode, nilai in u["nilai_aspek"].items()},
        ipp_lalu=_d(pembanding["ipp"]) if pembanding else None,
    )


def _versi(v: PublikasiSiklus) -> Versi:
    return Versi(nomor=v.nomor, diterbitkan_pada=v.diterbitkan_pada, alasan=v.alasan, rujukan=v.rujukan)


def versi_terbit_qs() -> QuerySet[PublikasiSiklus]:
    """Versi publikasi milik siklus yang sedang dipublikasikan (ditarik = tidak terbaca)."""
    return PublikasiSiklus.objects.filter(siklus__dipublikasikan_pada__isnull=False)


def _terbaru(qs: QuerySet[PublikasiSiklus]) -> QuerySet[PublikasiSiklus]:
    lebih_baru = PublikasiSiklus.objects.filter(siklus=OuterRef("siklus"), nomor__gt=OuterRef("nomor"))
    return qs.exclude(Exists(lebih_baru))


def _tahun_terbit() -> set[int]:
    return set(versi_terbit_qs().values_list("siklus__tahun", flat=True))


def rekap_terbit(*, tahun: int, nomor: int | None = None) -> RekapPublik:
    """Versi ``nomor`` (bawaan: terakhir) siklus terbit ``tahun``; 404 bila tidak ada. Tiga kueri."""
    semua = list(
        versi_terbit_qs()
        .filter(siklus__tahun=tahun)
        .select_related("siklus")
        .only("nomor", "diterbitkan_pada", "alasan", "rujukan", "siklus__dipublikasikan_pada")
        .order_by("nomor")
    )
    if not semua:
        raise Http404("Hasil evaluasi tidak ditemukan.")
    pilih = semua[-1] if nomor is None else next((v for v in semua if v.nomor == nomor), None)
    if pilih is None:
        raise Http404("Versi publikasi tidak ditemukan.")
    potret = PublikasiSiklus.objects.values_list("potret", flat=True).get(pk=pilih.pk)
    return _rekap(potret, pilih, semua)


def _rekap(potret: dict, pilih: PublikasiSiklus, semua: list[PublikasiSiklus]) -> RekapPublik:
    siklus = IdentitasSiklus(potret["siklus"]["tahun"], potret["siklus"]["nama"])
    lalu = potret.get("pembanding")
    # Pembanding yang publikasinya kemudian ditarik tidak ikut ditampilkan.
    if lalu and lalu["tahun"] not in _tahun_terbit():
        lalu = None
    baris = [_baris(u) for u in potret["unit"]]
    if lalu is None:
        baris = [BarisPublik(**{**b.__dict__, "ipp_lalu": None}) for b in baris]
    return RekapPublik(
        siklus=siklus,
        versi=_versi(pilih),
        semua_versi=[_versi(v) for v in semua],
        dipublikasikan_pada=semua[0].diterbitkan_pada,
        ringkasan=_ringkasan(siklus.tahun, siklus.nama, potret["ringkasan"]),
        baris=baris,
        jumlah_lokus=potret["jumlah_lokus"],
        tidak_mengajukan=potret["tidak_mengajukan"],
        lalu=_ringkasan(lalu["tahun"], lalu["nama"], lalu["ringkasan"], lalu["versi"]) if lalu else None,
        kategori_urut=[k["kode"] for k in potret["kategori"]],
    )


@dataclass(frozen=True)
class SiklusTerbit:
    siklus: IdentitasSiklus
    versi: Versi
    dipublikasikan_pada: datetime
    jumlah_lokus: int
    ringkasan: Ringkasan


def daftar_siklus_terbit() -> list[SiklusTerbit]:
    """Versi terakhir setiap siklus terbit, terbaru dahulu (dua kueri berapa pun jumlah siklusnya)."""
    terakhir = list(_terbaru(versi_terbit_qs()).order_by("-siklus__tahun"))
    pertama = dict(versi_terbit_qs().filter(nomor=1).values_list("siklus_id", "diterbitkan_pada"))
    hasil = []
    for v in terakhir:
        p = v.potret
        hasil.append(
            SiklusTerbit(
                siklus=IdentitasSiklus(p["siklus"]["tahun"], p["siklus"]["nama"]),
                versi=_versi(v),
                dipublikasikan_pada=pertama.get(v.siklus_id, v.diterbitkan_pada),
                jumlah_lokus=p["jumlah_lokus"],
                ringkasan=_ringkasan(p["siklus"]["tahun"], p["siklus"]["nama"], p["ringkasan"]),
            )
        )
    return hasil


def baris_lokus_terbit(*, rekap: RekapPublik, code) -> BarisPublik:
    """Baris satu evaluasi dalam versi ini; kode evaluasi siklus lain atau tanpa hasil → 404."""
    for baris in rekap.baris:
        if baris.evaluasi_code == str(code):
            return baris
    raise Http404("Hasil evaluasi tidak ditemukan.")


def riwayat_ipp_terbit(*, penyelenggara_code: str, sebelum_tahun: int) -> list[dict]:
    """IPP satu unit pada versi terakhir siklus terbit sebelum ``sebelum_tahun``, terbaru dahulu.

    Satu kueri; potret setiap siklus sebelumnya dibaca utuh (siklus tahunan: sedikit baris).
    """
    hasil = []
    versi = _terbaru(versi_terbit_qs().filter(siklus__tahun__lt=sebelum_tahun)).order_by("-siklus__tahun")
    for potret in versi.values_list("potret", flat=True):
        for u in potret["unit"]:
            if u["penyelenggara"] == penyelenggara_code:
                hasil.append(
                    {
                        "tahun": potret["siklus"]["tahun"],
                        "evaluasi_code": u["evaluasi"],
                        "ipp": Decimal(u["ipp"]),
                        "kategori": u["kategori"],
                        "predikat": u["predikat"],
                        "peringkat": u["peringkat"],
                    }
                )
    return hasil
