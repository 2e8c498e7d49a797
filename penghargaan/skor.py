"""Penggabungan nilai tim penilai dan pemeringkatan nominasi — fungsi murni, tanpa basis data.

Aturan (dijelaskan juga di halaman periode):

1. Nilai satu kriteria = rata-rata nilai anggota tim (0–100), dibulatkan 2 desimal (setengah ke atas).
   Kriteria "tidak pernah menerima komplain" tidak dinilai tim: 100 bila data portal bersih, 0 bila ada
   pengaduan atau sanksi dalam periode.
2. Nilai akhir = Σ (bobot × nilai kriteria) / 100, dibulatkan 2 desimal.
3. Urutan: nilai akhir tertinggi. Bila sama, dibandingkan nilai kriteria berbobot terbesar, lalu berikutnya
   (bobot sama: menurut urutan kriteria). Bila semua sama, nominasi berbagi peringkat (1, 1, 3) dan Kepala
   Penyelenggara yang memutuskan.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from kaltim_yanlik.core.grafik import angka_id as angka

DUA_DESIMAL = Decimal("0.01")
SERATUS = Decimal("100")


def bulat(nilai: Decimal) -> Decimal:
    return nilai.quantize(DUA_DESIMAL, rounding=ROUND_HALF_UP)


def persen(nilai: Decimal) -> str:
    """Bobot untuk pesan: 110%, 12,5%."""
    return format(nilai.normalize(), "f").replace(".", ",") + "%"


@dataclass(frozen=True)
class Kriteria:
    id: int
    nama: str
    bobot: Decimal
    dari_data: bool = False
    urutan: int = 0


@dataclass
class HasilNominasi:
    nominasi_id: int
    nama: str
    nilai_kriteria: dict[int, Decimal]
    nilai_akhir: Decimal
    bersih: bool
    peringkat: int = 0
    penjelasan: str = ""
    seri_penuh: bool = False
    lembar_kurang: int = 0
    catatan: list[str] = field(default_factory=list)


def rata_rata(nilai: Iterable[int]) -> Decimal | None:
    daftar = list(nilai)
    if not daftar:
        return None
    return bulat(Decimal(sum(daftar)) / Decimal(len(daftar)))


def nilai_akhir(kriteria: list[Kriteria], nilai_kriteria: Mapping[int, Decimal]) -> Decimal:
    total = sum((k.bobot * nilai_kriteria.get(k.id, Decimal(0)) for k in kriteria), Decimal(0))
    return bulat(total / SERATUS)


def urutan_pembanding(kriteria: list[Kriteria]) -> list[Kriteria]:
    """Kriteria untuk memecah nilai akhir yang sama: bobot terbesar dulu, lalu urutan kriteria."""
    return sorted(kriteria, key=lambda k: (-k.bobot, k.urutan, k.id))


def gabungkan(
    *,
    kriteria: list[Kriteria],
    nominasi: Mapping[int, str],
    nilai: Mapping[tuple[int, int], list[int]],
    bersih: Mapping[int, bool],
) -> list[HasilNominasi]:
    """Nilai per kriteria dan nilai akhir setiap nominasi.

    ``nilai[(nominasi_id, kriteria_id)]`` = daftar nilai dari anggota tim.
    """
    hasil = []
    for nominasi_id, nama in nominasi.items():
        per_kriteria = {}
        for k in kriteria:
            if k.dari_data:
                per_kriteria[k.id] = SERATUS if bersih.get(nominasi_id, True) else Decimal(0)
            else:
                per_kriteria[k.id] = rata_rata(nilai.get((nominasi_id, k.id), [])) or Decimal(0)
        hasil.append(
            HasilNominasi(
                nominasi_id=nominasi_id,
                nama=nama,
                nilai_kriteria=per_kriteria,
                nilai_akhir=nilai_akhir(kriteria, per_kriteria),
                bersih=bersih.get(nominasi_id, True),
            )
        )
    return hasil


def _kunci(h: HasilNominasi, pembanding: list[Kriteria]) -> tuple:
    return (h.nilai_akhir, *(h.nilai_kriteria[k.id] for k in pembanding))


def _penjelasan_seri(a: HasilNominasi, b: HasilNominasi, pembanding: list[Kriteria]) -> str:
    """Mengapa ``a`` di atas ``b`` padahal nilai akhirnya sama."""
    for k in pembanding:
        if a.nilai_kriteria[k.id] != b.nilai_kriteria[k.id]:
            return (
                f"Nilai akhir sama dengan {b.nama} ({angka(a.nilai_akhir)}); unggul pada kriteria "
                f"{k.nama} ({angka(a.nilai_kriteria[k.id])} lawan {angka(b.nilai_kriteria[k.id])})."
            )
    return ""


def peringkatkan(hasil: list[HasilNominasi], kriteria: list[Kriteria]) -> list[HasilNominasi]:
    """Urutkan dan beri peringkat; setiap seri diberi penjelasan yang dapat dibaca Kepala Penyelenggara."""
    pembanding = urutan_pembanding(kriteria)
    urut = sorted(hasil, key=lambda h: (tuple(-x for x in _kunci(h, pembanding)), h.nama))
    for i, h in enumerate(urut):
        sebelumnya = urut[i - 1] if i else None
        if sebelumnya is not None and _kunci(h, pembanding) == _kunci(sebelumnya, pembanding):
            h.peringkat = sebelumnya.peringkat
            h.seri_penuh = sebelumnya.seri_penuh = True
        else:
            h.peringkat = i + 1
    for i, h in enumerate(urut):
        if h.seri_penuh:
            sama = [x.nama for x in urut if x is not h and x.peringkat == h.peringkat]
            h.penjelasan = (
                f"Seri penuh dengan {', '.join(sama)}: nilai akhir dan semua nilai kriteria sama, sehingga "
                f"berbagi peringkat {h.peringkat}; Kepala Penyelenggara yang memutuskan."
            )
        elif i + 1 < len(urut) and urut[i + 1].nilai_akhir == h.nilai_akhir:
            h.penjelasan = _penjelasan_seri(h, urut[i + 1], pembanding)
        elif i and urut[i - 1].nilai_akhir == h.nilai_akhir and not urut[i - 1].seri_penuh:
            h.penjelasan = (
                f"Nilai akhir sama dengan {urut[i - 1].nama}; berada di bawahnya karena kalah pada kriteria "
                "pembanding."
            )
    return urut
