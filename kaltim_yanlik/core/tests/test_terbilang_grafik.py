"""Fungsi murni inti: bilangan terbilang untuk naskah dinas dan grafik SVG yang deterministik."""

from datetime import date
from decimal import Decimal

import pytest

from kaltim_yanlik.core.grafik import angka_id, grafik_batang_horizontal, grafik_sebaran_urut
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


def test_angka_desimal_koma():
    assert angka_id(Decimal("3.75")) == "3,75"
    assert angka_id(5) == "5,00"
    assert angka_id(Decimal("0.5"), 1) == "0,5"


def test_grafik_batang_deterministik_dengan_teks_dan_label_aria():
    # Tanpa simpanan (@tersimpan): dua render sungguhan harus menghasilkan SVG yang sama persis.
    render = grafik_batang_horizontal.__wrapped__
    svg = render(["Kebijakan <Pelayanan>", "SDM"], [Decimal("3.2"), 4], judul="Nilai & target", target=5)
    assert svg == render(
        ["Kebijakan <Pelayanan>", "SDM"], [Decimal("3.2"), 4], judul="Nilai & target", target=5
    )
    assert svg.startswith('<svg role="img" aria-label="Nilai &amp; target"')
    assert 'width="100%"' in svg
    # Teks tetap teks (bukan kurva) dan di-escape: nama unit dari data tidak dapat menyisipkan markup.
    assert "Kebijakan &lt;Pelayanan&gt;" in svg and "<Pelayanan>" not in svg
    assert "3,20" in svg and "4,00" in svg


def test_dua_grafik_berbeda_tidak_berbagi_id():
    import re

    a = grafik_batang_horizontal(["A"], [1], judul="a")
    b = grafik_batang_horizontal(["B"], [2], judul="b")
    id_a, id_b = set(re.findall(r'id="([^"]+)"', a)), set(re.findall(r'id="([^"]+)"', b))
    assert id_a and id_b and not id_a & id_b


def test_sebaran_urut_menggambar_satu_bentuk_per_warna():
    nilai = [Decimal(5) - Decimal(i) / 250 for i in range(1000)]
    warna = ["#146c43"] * 300 + ["#e0b400"] * 500 + ["#a11d21"] * 200
    svg = grafik_sebaran_urut(nilai, judul="Sebaran", warna=warna)
    # Seribu lokus menjadi tiga bentuk berwarna, bukan seribu batang.
    assert (
        svg.count("fill: #146c43") == 1
        and svg.count("fill: #e0b400") == 1
        and svg.count("fill: #a11d21") == 1
    )
    assert len(svg) < 60_000
