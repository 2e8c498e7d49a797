"""Rekap satu siklus: peringkat semua lokus, sebaran kategori, rata-rata per aspek, dan pembanding siklus
sebelumnya. Satu susunan data untuk halaman Biro, halaman publik, dan PDF Rekap Provinsi.

Pemanggil sudah memastikan siklus boleh dilihat (kebijakan akses, atau siklus sudah dipublikasikan).
Jumlah kueri tetap berapa pun jumlah lokusnya: hasil dimuat sebagai baris ``values`` tanpa objek model.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Q

from .models import Evaluasi, HasilEvaluasi, SiklusMonev
from .skor import DUA_DESIMAL, bulatkan

STATUS_BERPERINGKAT = (Evaluasi.Status.DINILAI, Evaluasi.Status.FINAL)


@dataclass(frozen=True)
class BarisRekap:
    peringkat: int | None
    evaluasi_code: str
    penyelenggara_id: int
    penyelenggara: str
    jenis_unit: str
    induk: str
    status: str
    ipp: Decimal
    kategori: str
    predikat: str
    nilai_aspek: dict[str, Decimal]
    ipp_lalu: Decimal | None = None

    @property
    def selisih(self) -> Decimal | None:
        return None if self.ipp_lalu is None else self.ipp - self.ipp_lalu

    @property
    def final(self) -> bool:
        return self.status == Evaluasi.Status.FINAL


@dataclass(frozen=True)
class RingkasanSiklus:
    siklus: SiklusMonev
    distribusi: list[tuple[str, str, int]]
    rata_aspek: list[tuple[str, str, Decimal]]
    rata_ipp: Decimal | None
    jumlah_dinilai: int


@dataclass
class RekapSiklus:
    ringkasan: RingkasanSiklus
    baris: list[BarisRekap]
    jumlah_lokus: int
    tanpa_hasil: int
    lalu: RingkasanSiklus | None = None
    kategori_urut: list[str] = field(default_factory=list)

    @property
    def siklus(self) -> SiklusMonev:
        return self.ringkasan.siklus


def _hasil_berperingkat(siklus: SiklusMonev):
    return HasilEvaluasi.objects.filter(
        evaluasi__siklus=siklus, evaluasi__status__in=STATUS_BERPERINGKAT
    ).order_by("peringkat", "-ipp", "evaluasi__penyelenggara__nama")


def peringkat_ringan(siklus: SiklusMonev) -> list[tuple[str, Decimal, str]]:
    """(nama unit, IPP 2 desimal, kategori) semua lokus berperingkat, urut peringkat: data grafik peringkat
    tanpa membangun baris rekap (tanpa nilai aspek JSON) — satu kueri ``values_list``."""
    return list(
        _hasil_berperingkat(siklus).values_list("evaluasi__penyelenggara__nama", "ipp_bulat", "kategori")
    )


def halaman_peringkat(siklus: SiklusMonev, nomor, per_halaman: int):
    """Satu halaman tabel peringkat (``Page`` berisi ``BarisRekap``) tanpa memuat lokus halaman lain."""
    from django.core.paginator import Paginator

    halaman = Paginator(_nilai_baris(_hasil_berperingkat(siklus)), per_halaman).get_page(nomor)
    halaman.object_list = [_ke_baris(b, [], {}) for b in halaman.object_list]
    return halaman


def _baris_hasil(siklus: SiklusMonev, penyelenggara_id: int | None = None) -> list[dict]:
    qs = _hasil_berperingkat(siklus)
    if penyelenggara_id is not None:
        qs = qs.filter(evaluasi__penyelenggara_id=penyelenggara_id)
    return list(_nilai_baris(qs))


def _nilai_baris(qs):
    return qs.values(
        "peringkat",
        "ipp_bulat",
        "kategori",
        "predikat",
        "nilai_aspek",
        "evaluasi__code",
        "evaluasi__status",
        "evaluasi__penyelenggara_id",
        "evaluasi__penyelenggara__nama",
        "evaluasi__penyelenggara__jenis",
        "evaluasi__penyelenggara__induk__nama",
    )


def aspek_berbobot(siklus: SiklusMonev) -> list[tuple[str, str]]:
    """(kode, nama) aspek yang masuk IPP, urut: baris grafik aspek dan kolom rekap."""
    return list(siklus.instrumen.aspek.filter(bobot__gt=0).order_by("urutan").values_list("kode", "nama"))


def _ringkas(siklus: SiklusMonev, baris: list[dict], aspek: list[tuple[str, str]]) -> RingkasanSiklus:
    kategori = list(siklus.instrumen.kategori.order_by("-batas_bawah").values_list("kode", "predikat"))
    jumlah = {kode: 0 for kode, _ in kategori}
    for b in baris:
        jumlah[b["kategori"]] = jumlah.get(b["kategori"], 0) + 1
    n = len(baris)
    rata_aspek = (
        [
            (
                kode,
                nama,
                bulatkan(sum(Decimal(b["nilai_aspek"].get(kode, 0)) for b in baris) / n, DUA_DESIMAL),
            )
            for kode, nama in aspek
        ]
        if n
        else [(kode, nama, Decimal(0)) for kode, nama in aspek]
    )
    rata_ipp = bulatkan(sum(b["ipp_bulat"] for b in baris) / n, DUA_DESIMAL) if n else None
    return RingkasanSiklus(
        siklus=siklus,
        distribusi=[(kode, predikat, jumlah[kode]) for kode, predikat in kategori],
        rata_aspek=rata_aspek,
        rata_ipp=rata_ipp,
        jumlah_dinilai=n,
    )


def siklus_sebelumnya(siklus: SiklusMonev, *, hanya_publik: bool = False) -> SiklusMonev | None:
    qs = SiklusMonev.objects.filter(tahun__lt=siklus.tahun).select_related("instrumen")
    if hanya_publik:
        qs = qs.filter(dipublikasikan_pada__isnull=False)
    return qs.order_by("-tahun").first()


def _ke_baris(b: dict, aspek: list[tuple[str, str]], ipp_lalu: dict[int, Decimal]) -> BarisRekap:
    return BarisRekap(
        peringkat=b["peringkat"],
        evaluasi_code=str(b["evaluasi__code"]),
        penyelenggara_id=b["evaluasi__penyelenggara_id"],
        penyelenggara=b["evaluasi__penyelenggara__nama"],
        jenis_unit=b["evaluasi__penyelenggara__jenis"],
        induk=b["evaluasi__penyelenggara__induk__nama"] or "",
        status=b["evaluasi__status"],
        ipp=b["ipp_bulat"],
        kategori=b["kategori"],
        predikat=b["predikat"],
        nilai_aspek={kode: Decimal(b["nilai_aspek"].get(kode, 0)) for kode, _ in aspek},
        ipp_lalu=ipp_lalu.get(b["evaluasi__penyelenggara_id"]),
    )


def rekap_siklus(
    siklus: SiklusMonev, *, pembanding_hanya_publik: bool = False, pembanding: bool = True
) -> RekapSiklus:
    """Rekap lengkap siklus, dengan pembanding siklus sebelumnya bila ada (dan bila ``pembanding``)."""
    aspek = aspek_berbobot(siklus)
    baris = _baris_hasil(siklus)
    lalu = siklus_sebelumnya(siklus, hanya_publik=pembanding_hanya_publik) if pembanding else None
    ringkasan_lalu, ipp_lalu = None, {}
    if lalu is not None:
        baris_lalu = _baris_hasil(lalu)
        ringkasan_lalu = _ringkas(lalu, baris_lalu, aspek_berbobot(lalu))
        ipp_lalu = {b["evaluasi__penyelenggara_id"]: b["ipp_bulat"] for b in baris_lalu}
    jumlah_lokus = Evaluasi.objects.filter(siklus=siklus).count()
    return RekapSiklus(
        ringkasan=_ringkas(siklus, baris, aspek),
        baris=[_ke_baris(b, aspek, ipp_lalu) for b in baris],
        jumlah_lokus=jumlah_lokus,
        tanpa_hasil=jumlah_lokus - len(baris),
        lalu=ringkasan_lalu,
        kategori_urut=list(siklus.instrumen.kategori.order_by("-batas_bawah").values_list("kode", flat=True)),
    )


def lokus_belum_final(siklus: SiklusMonev) -> int:
    """Lokus yang masih dalam proses (diajukan, dinilai, dikembalikan): siklus belum selesai."""
    proses = Q(status__in=[Evaluasi.Status.DIAJUKAN, Evaluasi.Status.DINILAI, Evaluasi.Status.DIKEMBALIKAN])
    return Evaluasi.objects.filter(proses, siklus=siklus).count()
