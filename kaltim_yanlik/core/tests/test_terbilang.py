"""Bilangan dan tanggal terbilang untuk naskah dinas (berita acara, keputusan)."""

from datetime import date

import pytest

from kaltim_yanlik.core.terbilang import tanggal_terbilang, terbilang


@pytest.mark.parametrize(
    ("n", "kata"),
    [
        (0, "nol"),
        (1, "satu"),
        (10, "sepuluh"),
        (11, "sebelas"),
        (15, "lima belas"),
        (20, "dua puluh"),
        (99, "sembilan puluh sembilan"),
        (100, "seratus"),
        (111, "seratus sebelas"),
        (999, "sembilan ratus sembilan puluh sembilan"),
        (1000, "seribu"),
        (1100, "seribu seratus"),
        (2026, "dua ribu dua puluh enam"),
        (11000, "sebelas ribu"),
        (100000, "seratus ribu"),
        (1_000_000, "satu juta"),
        (2_500_000, "dua juta lima ratus ribu"),
        (3_000_000_001, "tiga miliar satu"),
    ],
)
def test_terbilang(n, kata):
    assert terbilang(n) == kata


@pytest.mark.parametrize("n", [-1, 10**12])
def test_terbilang_di_luar_rentang(n):
    with pytest.raises(ValueError, match="terbilang"):
        terbilang(n)


def test_tanggal_terbilang_untuk_berita_acara():
    assert tanggal_terbilang(date(2026, 11, 23)) == (
        "Senin tanggal dua puluh tiga bulan November tahun dua ribu dua puluh enam"
    )
    assert tanggal_terbilang(date(2025, 1, 1)).startswith("Rabu tanggal satu bulan Januari")
