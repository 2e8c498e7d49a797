"""Grafik hasil monev (SVG dari ``core.grafik``), dipakai halaman web, halaman publik, dan PDF yang sama.

Warna kategori mengikuti urutan kategori instrumen (tertinggi hijau → terendah merah), bukan kode tetap,
karena kategori adalah data versi instrumen.
"""

from collections.abc import Sequence
from decimal import Decimal

from kaltim_yanlik.core.grafik import grafik_batang_horizontal, grafik_batang_vertikal, grafik_sebaran_urut

TARGET_IPP = 5
# Dari hijau tua ke merah; dipetakan merata pada jumlah kategori instrumen.
_PALET = ["#146c43", "#198754", "#3d9a5f", "#8bb83f", "#e0b400", "#f0a202", "#e8710a", "#d63c2f", "#a11d21"]


def warna_kategori(kode_kategori_urut: Sequence[str]) -> dict[str, str]:
    """Kode kategori (urut tertinggi → terendah) → warna."""
    n = len(kode_kategori_urut)
    if n == 0:
        return {}
    return {
        kode: _PALET[round(i * (len(_PALET) - 1) / max(n - 1, 1))]
        for i, kode in enumerate(kode_kategori_urut)
    }


def grafik_aspek(aspek: Sequence[tuple[str, str, Decimal]]) -> str:
    """Nilai per aspek (kode, nama, nilai 0–5) terhadap target 5."""
    return grafik_batang_horizontal(
        [f"{kode}. {nama}" for kode, nama, _ in aspek],
        [nilai for _, _, nilai in aspek],
        judul="Nilai per aspek terhadap target 5",
        target=TARGET_IPP,
        label_target="Target 5",
    )


def grafik_distribusi(distribusi: Sequence[tuple[str, str, int]]) -> str:
    """Jumlah lokus per kategori: (kode, predikat, jumlah), urut tertinggi → terendah."""
    warna = warna_kategori([kode for kode, _, _ in distribusi])
    return grafik_batang_vertikal(
        [kode for kode, _, _ in distribusi],
        [n for _, _, n in distribusi],
        judul="Sebaran lokus per kategori",
        warna=[warna[kode] for kode, _, _ in distribusi],
    )


PANJANG_LABEL_MAKS = 40


def _pendekkan(nama: str) -> str:
    """Nama unit panjang dipotong di grafik (tabel di sebelahnya memuat nama lengkap)."""
    return nama if len(nama) <= PANJANG_LABEL_MAKS else nama[: PANJANG_LABEL_MAKS - 1].rstrip() + "…"


def grafik_peringkat(baris: Sequence[tuple[str, Decimal, str]], kategori_urut: Sequence[str]) -> str:
    """Peringkat lokus: (nama, IPP, kode kategori), sudah urut menurun.

    Sampai 40 lokus setiap lokus diberi nama; lebih dari itu nama tidak terbaca lagi, sehingga semua lokus
    digambar sebagai sebaran berurut berwarna kategori (tabel peringkat di sebelahnya memuat namanya).
    """
    warna = warna_kategori(kategori_urut)
    if len(baris) <= 40:
        return grafik_batang_horizontal(
            [f"{i}. {_pendekkan(nama)}" for i, (nama, _, _) in enumerate(baris, start=1)],
            [ipp for _, ipp, _ in baris],
            judul="Peringkat IPP lokus",
            target=TARGET_IPP,
            label_target="Target 5",
            warna=[warna.get(kat, "#1f5f99") for _, _, kat in baris],
            # Batang lebih rapat agar 40 lokus tetap muat satu halaman A4 di bawah judulnya.
            tinggi_batang=0.32 if len(baris) <= 12 else 0.2,
        )
    return grafik_sebaran_urut(
        [ipp for _, ipp, _ in baris],
        judul=f"IPP {len(baris)} lokus menurut peringkat",
        warna=[warna.get(kat, "#1f5f99") for _, _, kat in baris],
    )
