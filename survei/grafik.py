"""Grafik SKM (``core.grafik``): NRR per unsur dengan unsur lemah disorot, dan tren IKM unit.

``grafik_periode_siapkan`` menggambar di latar grafik sebuah periode yang datanya baru berubah (jawaban,
impor, NRR); halaman hasil, halaman SKM unit, dan Laporan SKM PDF membaca SVG tersimpan yang sama.
"""

from collections.abc import Sequence

from kaltim_yanlik.core.grafik import Grafik, Spesifikasi, batang_horizontal, garis, siapkan, tampilkan

WARNA_BAIK = "#1f5f99"
WARNA_LEMAH = "#d63c2f"
JUDUL_NRR = "NRR per unsur SKM; unsur lemah (mutu C atau D) berwarna merah"
JUDUL_NRR_LAPORAN = "Nilai rata-rata (NRR) per unsur, skala 1–4"


def spek_nrr(unsur: Sequence, judul: str = JUDUL_NRR, digit: int = 3) -> Spesifikasi:
    """NRR U1–U9 (skala 1–4); unsur bermutu C/D berwarna merah."""
    return batang_horizontal(
        [f"{u.kode} {u.nama}" for u in unsur],
        [u.nrr for u in unsur],
        judul=judul,
        batas=(0, 4),
        warna=[WARNA_LEMAH if u.lemah else WARNA_BAIK for u in unsur],
        digit=digit,
    )


def spek_nrr_laporan(unsur: Sequence) -> Spesifikasi:
    """NRR per unsur untuk Laporan SKM PDF (dua desimal, judul dokumen)."""
    return spek_nrr(unsur, judul=JUDUL_NRR_LAPORAN, digit=2)


def spek_tren_ikm(tren: Sequence) -> Spesifikasi:
    """IKM setiap periode yang datanya cukup, urut waktu."""
    titik = [h for h in tren if h.cukup_data]
    return garis(
        [h.periode.nama for h in titik],
        [h.ikm.ikm for h in titik],
        judul="Tren IKM antarperiode",
        batas=(25, 100),
    )


def grafik_nrr(unsur: Sequence, judul: str = JUDUL_NRR, digit: int = 3) -> Grafik:
    return tampilkan(spek_nrr(unsur, judul, digit))


def grafik_tren_ikm(tren: Sequence) -> Grafik:
    return tampilkan(spek_tren_ikm(tren))


def grafik_periode_siapkan(periode) -> int:
    """Gambar grafik NRR (halaman dan laporan) serta tren IKM unit periode ini yang belum tersimpan."""
    from .selectors import hasil_periode, tren_unit

    hasil = hasil_periode(periode)
    tren = tren_unit(periode.penyelenggara)
    daftar = [spek_nrr_laporan(hasil.unsur)] if hasil.unsur else []
    if hasil.cukup_data:
        daftar.append(spek_nrr(hasil.unsur))
    if any(h.cukup_data for h in tren):
        daftar.append(spek_tren_ikm(tren))
    return siapkan(daftar)
