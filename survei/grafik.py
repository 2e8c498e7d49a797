"""Grafik SKM (SVG dari ``core.grafik``): NRR per unsur dengan unsur lemah disorot, dan tren IKM unit."""

from collections.abc import Sequence

from kaltim_yanlik.core.grafik import grafik_batang_horizontal, grafik_garis

WARNA_BAIK = "#1f5f99"
WARNA_LEMAH = "#d63c2f"


def grafik_nrr(
    unsur: Sequence,
    judul: str = "NRR per unsur SKM; unsur lemah (mutu C atau D) berwarna merah",
    digit: int = 3,
) -> str:
    """NRR U1–U9 (skala 1–4); unsur bermutu C/D berwarna merah. Dipakai halaman hasil dan Laporan SKM PDF."""
    return grafik_batang_horizontal(
        [f"{u.kode} {u.nama}" for u in unsur],
        [u.nrr for u in unsur],
        judul=judul,
        batas=(0, 4),
        warna=[WARNA_LEMAH if u.lemah else WARNA_BAIK for u in unsur],
        digit=digit,
    )


def grafik_tren_ikm(tren: Sequence) -> str:
    """IKM setiap periode yang datanya cukup, urut waktu."""
    titik = [h for h in tren if h.cukup_data]
    return grafik_garis(
        [h.periode.nama for h in titik],
        [h.ikm.ikm for h in titik],
        judul="Tren IKM antarperiode",
        batas=(25, 100),
    )
