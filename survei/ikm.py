"""Survei Kepuasan Masyarakat (PermenPANRB 14/2017; regulations.md §3): fungsi murni IKM dan ukuran sampel.

    NRR_u = rata-rata nilai 1–4 unsur u        IKM = (Σ_u NRR_u × penimbang) × 25,  penimbang = 1/9

Penimbang bawaan adalah 1/9 eksak (IKM maksimum 100,00); Permen menulis "0,11", yang dapat diberikan lewat
argumen ``penimbang`` bila sebuah unit harus mengikuti angka itu. Mutu dan kinerja ditentukan dari IKM yang
dibulatkan setengah ke atas ke 2 desimal (§3.5); tabel yang sama dipakai per unsur untuk menandai unsur lemah.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

# (kode, unsur) menurut lampiran Permen; urutan U8/U9 tidak memengaruhi indeks (§3.2).
UNSUR = (
    ("U1", "Persyaratan"),
    ("U2", "Sistem, Mekanisme, dan Prosedur"),
    ("U3", "Waktu Penyelesaian"),
    ("U4", "Biaya/Tarif"),
    ("U5", "Produk Spesifikasi Jenis Pelayanan"),
    ("U6", "Kompetensi Pelaksana"),
    ("U7", "Perilaku Pelaksana"),
    ("U8", "Penanganan Pengaduan, Saran dan Masukan"),
    ("U9", "Sarana dan Prasarana"),
)
NILAI_MIN, NILAI_MAKS = Decimal(1), Decimal(4)
KONVERSI = Decimal(25)
DUA_DESIMAL = Decimal("0.01")

# Batas bawah IKM (skala 25–100, 2 desimal) → mutu, kinerja; urut dari tertinggi (§3.5).
TABEL_MUTU = (
    (Decimal("88.31"), "A", "Sangat Baik"),
    (Decimal("76.61"), "B", "Baik"),
    (Decimal("65.00"), "C", "Kurang Baik"),
    (Decimal("25.00"), "D", "Tidak Baik"),
)
MUTU_LEMAH = ("C", "D")


@dataclass(frozen=True)
class HasilIKM:
    ikm: Decimal  # 2 desimal, skala 25–100
    mutu: str  # A–D
    kinerja: str  # Sangat Baik … Tidak Baik
    rata_nrr: Decimal  # rata-rata tertimbang NRR, skala 1–4 (4 desimal)


def _nilai_sah(nilai, nomor: int) -> Decimal:
    # bool adalah turunan int: True tidak boleh lolos sebagai nilai 1.
    if isinstance(nilai, bool) or nilai is None:
        raise ValueError(f"NRR unsur ke-{nomor} harus angka 1–4, bukan {nilai!r}.")
    try:
        angka = Decimal(str(nilai))
    except InvalidOperation:
        raise ValueError(f"NRR unsur ke-{nomor} harus angka 1–4, bukan {nilai!r}.") from None
    if not angka.is_finite() or not NILAI_MIN <= angka <= NILAI_MAKS:
        raise ValueError(f"NRR unsur ke-{nomor} harus di antara 1 dan 4, bukan {nilai}.")
    return angka


def bulatkan(nilai: Decimal, skala: Decimal = DUA_DESIMAL) -> Decimal:
    return nilai.quantize(skala, rounding=ROUND_HALF_UP)


def mutu_kinerja(ikm: Decimal) -> tuple[str, str]:
    """(mutu, kinerja) untuk IKM skala 25–100; IKM dibulatkan ke 2 desimal lebih dulu."""
    ikm = bulatkan(Decimal(str(ikm)))
    for batas, mutu, kinerja in TABEL_MUTU:
        if ikm >= batas:
            return mutu, kinerja
    raise ValueError(f"IKM {ikm} di bawah 25,00: bukan hasil NRR 1–4.")


def mutu_unsur(nrr: Decimal) -> str:
    """Mutu satu unsur dari NRR-nya (dikonversi ke skala 25–100 seperti IKM)."""
    return mutu_kinerja(bulatkan(_nilai_sah(nrr, 1) * KONVERSI))[0]


def hitung_ikm(nrr: Sequence, *, penimbang: Decimal | None = None) -> HasilIKM:
    """IKM dari sembilan NRR unsur (masing-masing 1–4); selain itu ``ValueError``."""
    if isinstance(nrr, str | bytes) or len(nrr) != len(UNSUR):
        raise ValueError(f"IKM membutuhkan tepat {len(UNSUR)} NRR unsur (U1–U9).")
    nilai = [_nilai_sah(v, i) for i, v in enumerate(nrr, start=1)]
    jumlah = sum(nilai, Decimal(0))
    rata = jumlah / len(nilai) if penimbang is None else jumlah * Decimal(str(penimbang))
    ikm = bulatkan(rata * KONVERSI)
    mutu, kinerja = mutu_kinerja(ikm)
    return HasilIKM(ikm=ikm, mutu=mutu, kinerja=kinerja, rata_nrr=bulatkan(rata, Decimal("0.0001")))


def ukuran_sampel(populasi: int) -> int:
    """Sampel minimal Krejcie–Morgan (95 %, P = 0,5, d = 0,05) untuk ``populasi`` pengguna layanan (§3.6).

    S = 3,841·N·0,25 / (0,05²·(N−1) + 3,841·0,25), dibulatkan setengah ke atas; rumus ini menghasilkan
    setiap baris tabel Krejcie–Morgan.
    """
    if isinstance(populasi, bool) or not isinstance(populasi, int) or populasi < 1:
        raise ValueError(f"Populasi harus bilangan bulat positif, bukan {populasi!r}.")
    chi = Decimal("3.841")
    n = Decimal(populasi)
    sampel = chi * n * Decimal("0.25") / (Decimal("0.0025") * (n - 1) + chi * Decimal("0.25"))
    return int(sampel.quantize(Decimal(1), rounding=ROUND_HALF_UP))
