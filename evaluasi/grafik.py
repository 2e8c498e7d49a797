"""Grafik hasil monev (``core.grafik``), sama di halaman Biro, halaman unit, halaman publik, dan PDF.

Setiap grafik punya spesifikasi (``spek_*``: data yang dibakukan) dan tampilannya (``grafik_*``: SVG
tersimpan, atau digambar sekali bila belum ada). ``grafik_siklus_siapkan`` menggambar di latar semua
grafik sebuah siklus yang datanya berubah (dipanggil tugas sesudah hitung ulang, simpan F-02, sanggahan,
dan publikasi), sehingga halaman dan PDF hanya membacanya.

Warna kategori mengikuti urutan kategori instrumen (tertinggi hijau → terendah merah), bukan kode tetap,
karena kategori adalah data versi instrumen.
"""

from collections.abc import Sequence
from decimal import Decimal

from kaltim_yanlik.core.grafik import (
    Grafik,
    Spesifikasi,
    antrekan_sesudah_commit,
    batang_horizontal,
    batang_vertikal,
    sebaran_urut,
    siapkan,
    tampilkan,
)

TARGET_IPP = 5
# Dari hijau tua ke merah; dipetakan merata pada jumlah kategori instrumen.
_PALET = ["#146c43", "#198754", "#3d9a5f", "#8bb83f", "#e0b400", "#f0a202", "#e8710a", "#d63c2f", "#a11d21"]
PANJANG_LABEL_MAKS = 40
# Sampai sekian lokus setiap lokus diberi nama di grafik peringkat; di atasnya nama tidak terbaca lagi.
LOKUS_BERNAMA_MAKS = 40


def warna_kategori(kode_kategori_urut: Sequence[str]) -> dict[str, str]:
    """Kode kategori (urut tertinggi → terendah) → warna."""
    n = len(kode_kategori_urut)
    if n == 0:
        return {}
    return {
        kode: _PALET[round(i * (len(_PALET) - 1) / max(n - 1, 1))]
        for i, kode in enumerate(kode_kategori_urut)
    }


def _pendekkan(nama: str) -> str:
    """Nama unit panjang dipotong di grafik (tabel di sebelahnya memuat nama lengkap)."""
    return nama if len(nama) <= PANJANG_LABEL_MAKS else nama[: PANJANG_LABEL_MAKS - 1].rstrip() + "…"


# --- Spesifikasi -------------------------------------------------------------------------------------


def spek_aspek(aspek: Sequence[tuple[str, str, Decimal]]) -> Spesifikasi:
    """Nilai per aspek (kode, nama, nilai 0–5) terhadap target 5."""
    return batang_horizontal(
        [f"{kode}. {nama}" for kode, nama, _ in aspek],
        [nilai for _, _, nilai in aspek],
        judul="Nilai per aspek terhadap target 5",
        target=TARGET_IPP,
        label_target="Target 5",
    )


def spek_aspek_hasil(aspek_berbobot: Sequence[tuple[str, str]], nilai_aspek: dict) -> Spesifikasi:
    """Grafik aspek satu hasil evaluasi dari ``HasilEvaluasi.nilai_aspek`` (halaman unit, publik, laporan)."""
    return spek_aspek([(kode, nama, Decimal(nilai_aspek.get(kode, 0))) for kode, nama in aspek_berbobot])


def spek_distribusi(distribusi: Sequence[tuple[str, str, int]]) -> Spesifikasi:
    """Jumlah lokus per kategori: (kode, predikat, jumlah), urut tertinggi → terendah."""
    warna = warna_kategori([kode for kode, _, _ in distribusi])
    return batang_vertikal(
        [kode for kode, _, _ in distribusi],
        [n for _, _, n in distribusi],
        judul="Sebaran lokus per kategori",
        warna=[warna[kode] for kode, _, _ in distribusi],
    )


def spek_peringkat(baris: Sequence[tuple[str, Decimal, str]], kategori_urut: Sequence[str]) -> Spesifikasi:
    """Peringkat lokus: (nama, IPP, kode kategori), sudah urut menurun.

    Sampai 40 lokus setiap lokus diberi nama; lebih dari itu semua lokus digambar sebagai sebaran berurut
    berwarna kategori (tabel peringkat di sebelahnya memuat namanya).
    """
    warna = warna_kategori(kategori_urut)
    warna_baris = [warna.get(kat, "#1f5f99") for _, _, kat in baris]
    if len(baris) <= LOKUS_BERNAMA_MAKS:
        return batang_horizontal(
            [f"{i}. {_pendekkan(nama)}" for i, (nama, _, _) in enumerate(baris, start=1)],
            [ipp for _, ipp, _ in baris],
            judul="Peringkat IPP lokus",
            target=TARGET_IPP,
            label_target="Target 5",
            warna=warna_baris,
            # Batang lebih rapat agar 40 lokus tetap muat satu halaman A4 di bawah judulnya.
            rapat=len(baris) > 12,
        )
    jumlah = dict.fromkeys(kategori_urut, 0)
    for _, _, kat in baris:
        jumlah[kat] = jumlah.get(kat, 0) + 1
    uraian = f"{len(baris)} lokus menurut peringkat; per kategori: " + ", ".join(
        f"{kat} {n}" for kat, n in jumlah.items() if n
    )
    return sebaran_urut(
        [ipp for _, ipp, _ in baris],
        judul=f"IPP {len(baris)} lokus menurut peringkat",
        warna=warna_baris,
        uraian=uraian + ".",
    )


def spek_siklus(rekap) -> dict[str, Spesifikasi | None]:
    """Tiga grafik satu siklus dari ``rekap.rekap_siklus``: sebaran kategori, peringkat, rata-rata aspek."""
    peringkat = [(b.penyelenggara, b.ipp, b.kategori) for b in rekap.baris]
    return {
        "distribusi": spek_distribusi(rekap.ringkasan.distribusi),
        "peringkat": spek_peringkat(peringkat, rekap.kategori_urut) if peringkat else None,
        "aspek": spek_aspek(rekap.ringkasan.rata_aspek),
    }


# --- Tampilan (SVG tersimpan) --------------------------------------------------------------------------


def grafik_aspek(aspek: Sequence[tuple[str, str, Decimal]]) -> Grafik:
    return tampilkan(spek_aspek(aspek))


def grafik_aspek_hasil(aspek_berbobot: Sequence[tuple[str, str]], nilai_aspek: dict) -> Grafik:
    return tampilkan(spek_aspek_hasil(aspek_berbobot, nilai_aspek))


def grafik_distribusi(distribusi: Sequence[tuple[str, str, int]]) -> Grafik:
    return tampilkan(spek_distribusi(distribusi))


def grafik_peringkat(baris: Sequence[tuple[str, Decimal, str]], kategori_urut: Sequence[str]) -> Grafik:
    return tampilkan(spek_peringkat(baris, kategori_urut))


def grafik_siklus(
    rekap, hanya: Sequence[str] = ("distribusi", "peringkat", "aspek")
) -> dict[str, Grafik | None]:
    """Grafik siklus yang diminta (``hanya``), dari SVG tersimpan."""
    return {
        nama: tampilkan(spek) if spek else None for nama, spek in spek_siklus(rekap).items() if nama in hanya
    }


# --- Penyiapan di latar ---------------------------------------------------------------------------------


def grafik_siklus_siapkan(siklus, *, evaluasi_id: int | None = None) -> int:
    """Gambar grafik siklus dan grafik aspek hasilnya (semua, atau satu evaluasi) yang belum tersimpan.

    Jumlah kueri tetap berapa pun jumlah lokusnya (rekap satu kali, hasil sebagai baris ``values``);
    kembalikan jumlah grafik yang digambar.
    """
    from .models import HasilEvaluasi
    from .rekap import aspek_berbobot, rekap_siklus

    rekap = rekap_siklus(siklus, pembanding=False)
    aspek = aspek_berbobot(siklus)
    hasil = HasilEvaluasi.objects.filter(evaluasi__siklus=siklus)
    if evaluasi_id is not None:
        hasil = hasil.filter(evaluasi_id=evaluasi_id)
    daftar = [s for s in spek_siklus(rekap).values() if s]
    daftar += [spek_aspek_hasil(aspek, n) for n in hasil.values_list("nilai_aspek", flat=True)]
    return siapkan(daftar)


def grafik_antrekan(*, siklus_id: int, evaluasi_id: int | None = None) -> None:
    """Siapkan grafik di latar setelah transaksi ini di-commit (simpan F-02, sanggahan, publikasi)."""
    from .tasks import grafik_siklus_siapkan_task

    antrekan_sesudah_commit(grafik_siklus_siapkan_task, siklus_id, evaluasi_id)
