"""Indeks Pelayanan Publik (IPP) dari level 0–5 per indikator (regulations.md §2.6–2.8).

    NilaiAspek_a = Σ_i (w_i × s_i)        IPP = Σ_a (W_a × NilaiAspek_a)

Perhitungan bekerja atas ``InstrumenSkor``, potret bobot dan kategori yang dimuat sekali dari basis data
(``muat_instrumen_skor``). Fungsi ``hitung_ipp_dari`` dan ``peningkatan_terbesar`` murni, sehingga
penghitungan ulang massal cukup memuat potret satu kali tanpa kueri per evaluasi. ``hitung_ipp`` adalah
pembungkus praktis yang memuat potret sendiri.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from functools import cached_property
from types import MappingProxyType

from .selectors import instrumen_terbaru

LEVEL_MIN, LEVEL_MAKS = 0, 5
EMPAT_DESIMAL = Decimal("0.0001")
DUA_DESIMAL = Decimal("0.01")
SERATUS = Decimal(100)


@dataclass(frozen=True)
class IndikatorSkor:
    nomor: int
    kode: str
    bobot: Decimal  # persen di dalam aspeknya
    suplemen: bool = False
    pk: int | None = None


@dataclass(frozen=True)
class AspekSkor:
    kode: str
    nama: str
    bobot: Decimal  # persen dari IPP
    indikator: tuple[IndikatorSkor, ...]
    pk: int | None = None

    @property
    def dinilai(self) -> tuple[IndikatorSkor, ...]:
        """Indikator yang masuk IPP; indikator suplemen (mis. no. 31, sistem antrian) tidak."""
        return tuple(i for i in self.indikator if not i.suplemen)


@dataclass(frozen=True)
class KategoriSkor:
    kode: str
    predikat: str
    batas_bawah: Decimal
    batas_atas: Decimal


@dataclass(frozen=True)
class InstrumenSkor:
    tahun: int
    jenis: str
    aspek: tuple[AspekSkor, ...]
    kategori: tuple[KategoriSkor, ...]

    @cached_property
    def per_nomor(self) -> dict[int, tuple[AspekSkor, IndikatorSkor]]:
        return {i.nomor: (a, i) for a in self.aspek for i in a.indikator}


@dataclass(frozen=True)
class HasilIPP:
    ipp: Decimal  # 4 desimal, untuk disimpan
    ipp_bulat: Decimal  # 2 desimal, dasar kategori dan yang ditampilkan
    kategori: str
    predikat: str
    nilai_aspek: Mapping[str, Decimal]  # kode aspek → nilai aspek 0–5 (4 desimal)


@dataclass(frozen=True)
class Peningkatan:
    nomor: int
    kode: str
    aspek: str
    level: int
    per_langkah: Decimal  # kenaikan IPP bila level naik satu
    hingga_lima: Decimal  # kenaikan IPP bila level naik sampai 5


def muat_instrumen_skor(instrumen) -> InstrumenSkor:
    """Potret bobot dan kategori ``instrumen`` (InstrumenVersi) untuk perhitungan tanpa kueri lanjutan.

    Tiga kueri ``values`` tanpa membangun objek model: teks level indikator yang panjang tidak ikut dimuat,
    karena potret ini dibuat ulang setiap simpan F-02.
    """
    from .models import Indikator

    per_aspek: dict[int, list[IndikatorSkor]] = {}
    kolom = ("aspek_id", "nomor", "kode", "bobot", "suplemen", "pk")
    for aspek_id, nomor, kode, bobot, suplemen, pk in (
        Indikator.objects.filter(aspek__instrumen=instrumen).order_by("nomor").values_list(*kolom)
    ):
        per_aspek.setdefault(aspek_id, []).append(
            IndikatorSkor(nomor=nomor, kode=kode, bobot=bobot, suplemen=suplemen, pk=pk)
        )
    baris_aspek = instrumen.aspek.order_by("urutan").values_list("pk", "kode", "nama", "bobot")
    aspek = tuple(
        AspekSkor(kode=kode, nama=nama, bobot=bobot, pk=pk, indikator=tuple(per_aspek.get(pk, ())))
        for pk, kode, nama, bobot in baris_aspek
    )
    kategori = tuple(
        KategoriSkor(kode=kode, predikat=predikat, batas_bawah=bawah, batas_atas=atas)
        for kode, predikat, bawah, atas in instrumen.kategori.values_list(
            "kode", "predikat", "batas_bawah", "batas_atas"
        )
    )
    return InstrumenSkor(tahun=instrumen.tahun, jenis=instrumen.jenis, aspek=aspek, kategori=kategori)


def bulatkan(nilai: Decimal, skala: Decimal) -> Decimal:
    """Pembulatan setengah ke atas (4,505 → 4,51), bukan pembulatan bankir bawaan Decimal."""
    return nilai.quantize(skala, rounding=ROUND_HALF_UP)


def _level_sah(nomor, nilai) -> int:
    # bool adalah turunan int di Python; True tidak boleh lolos sebagai level 1.
    if isinstance(nilai, bool) or not isinstance(nilai, int) or not LEVEL_MIN <= nilai <= LEVEL_MAKS:
        raise ValueError(f"Level indikator {nomor} harus bilangan bulat 0–5, bukan {nilai!r}.")
    return nilai


def periksa_level(instrumen: InstrumenSkor, level: Mapping[int, int | None]) -> dict[int, int]:
    """Level yang sah per nomor indikator; nilai None berarti belum dinilai dan dilewati (dihitung 0)."""
    sah = {}
    for nomor, nilai in level.items():
        if nomor not in instrumen.per_nomor:
            raise ValueError(
                f"Indikator nomor {nomor!r} tidak ada dalam instrumen {instrumen.tahun} "
                f"jenis {instrumen.jenis}."
            )
        if nilai is not None:
            sah[nomor] = _level_sah(nomor, nilai)
    return sah


def _nilai_aspek(aspek: AspekSkor, level: Mapping[int, int]) -> Decimal:
    # Indikator tanpa level dihitung 0 dan bobot TIDAK dinormalkan ulang (§2.6).
    return sum((i.bobot * level.get(i.nomor, 0) for i in aspek.dinilai), Decimal(0)) / SERATUS


def kategori_untuk(instrumen: InstrumenSkor, ipp_bulat: Decimal) -> KategoriSkor:
    """Kategori yang rentangnya (inklusif, 2 desimal) memuat ``ipp_bulat``."""
    for kategori in instrumen.kategori:
        if kategori.batas_bawah <= ipp_bulat <= kategori.batas_atas:
            return kategori
    raise ValueError(
        f"IPP {ipp_bulat} tidak masuk rentang kategori mana pun pada instrumen {instrumen.tahun}."
    )


def hitung_ipp_dari(instrumen: InstrumenSkor, level: Mapping[int, int | None]) -> HasilIPP:
    """IPP atas potret ``instrumen``; ``level`` memetakan nomor indikator → level 0–5."""
    sah = periksa_level(instrumen, level)
    nilai = {a.kode: _nilai_aspek(a, sah) for a in instrumen.aspek if a.dinilai}
    return _hasil_dari_nilai_aspek(instrumen, nilai)


def hitung_ipp_dari_jumlah_aspek(instrumen: InstrumenSkor, jumlah: Mapping[str, Decimal]) -> HasilIPP:
    """IPP dari Σ(bobot indikator × level) per kode aspek, yang sudah dijumlah di basis data.

    Dipakai penghitungan ulang satu siklus (ribuan lokus) agar baris level tidak perlu dibawa ke Python;
    hasilnya identik dengan ``hitung_ipp_dari`` (diuji). Jumlahnya eksak 2 desimal, jadi dibulatkan dulu ke
    2 desimal untuk membuang galat float bila basis data (SQLite) mengembalikan float.
    """
    nilai = {
        a.kode: bulatkan(Decimal(str(jumlah.get(a.kode, 0))), DUA_DESIMAL) / SERATUS
        for a in instrumen.aspek
        if a.dinilai
    }
    return _hasil_dari_nilai_aspek(instrumen, nilai)


def _hasil_dari_nilai_aspek(instrumen: InstrumenSkor, nilai: Mapping[str, Decimal]) -> HasilIPP:
    dinilai = [a for a in instrumen.aspek if a.dinilai]
    ipp = sum((a.bobot * nilai[a.kode] for a in dinilai), Decimal(0)) / SERATUS
    # Kategori dari nilai eksak yang dibulatkan sekali ke 2 desimal, bukan dari nilai 4 desimal:
    # pembulatan bertingkat (4,50495 → 4,5050 → 4,51) dapat menaikkan kategori secara keliru.
    ipp_bulat = bulatkan(ipp, DUA_DESIMAL)
    kategori = kategori_untuk(instrumen, ipp_bulat)
    return HasilIPP(
        ipp=bulatkan(ipp, EMPAT_DESIMAL),
        ipp_bulat=ipp_bulat,
        kategori=kategori.kode,
        predikat=kategori.predikat,
        nilai_aspek=MappingProxyType({kode: bulatkan(n, EMPAT_DESIMAL) for kode, n in nilai.items()}),
    )


def hitung_ipp(level: Mapping[int, int | None], instrumen=None) -> HasilIPP:
    """IPP untuk ``level``; tanpa ``instrumen`` dipakai instrumen aktif terbaru jenis A.

    ``instrumen`` boleh InstrumenVersi atau InstrumenSkor yang sudah dimuat.
    """
    if instrumen is None:
        instrumen = instrumen_terbaru()
    if not isinstance(instrumen, InstrumenSkor):
        instrumen = muat_instrumen_skor(instrumen)
    return hitung_ipp_dari(instrumen, level)


def peningkatan_terbesar(
    instrumen: InstrumenSkor, level: Mapping[int, int | None], n: int = 5
) -> list[Peningkatan]:
    """``n`` indikator yang paling menaikkan IPP per satu langkah level (bobot aspek × bobot indikator).

    Indikator yang sudah level 5 dan indikator suplemen dilewati. Urutan: kenaikan per langkah terbesar,
    lalu sisa kenaikan hingga level 5 terbesar, lalu nomor indikator.
    """
    sah = periksa_level(instrumen, level)
    calon = []
    for aspek in instrumen.aspek:
        for indikator in aspek.dinilai:
            sekarang = sah.get(indikator.nomor, 0)
            if sekarang >= LEVEL_MAKS:
                continue
            per_langkah = aspek.bobot * indikator.bobot / (SERATUS * SERATUS)
            calon.append(
                Peningkatan(
                    nomor=indikator.nomor,
                    kode=indikator.kode,
                    aspek=aspek.kode,
                    level=sekarang,
                    per_langkah=bulatkan(per_langkah, EMPAT_DESIMAL),
                    hingga_lima=bulatkan(per_langkah * (LEVEL_MAKS - sekarang), EMPAT_DESIMAL),
                )
            )
    calon.sort(key=lambda p: (-p.per_langkah, -p.hingga_lima, p.nomor))
    return calon[:n]
