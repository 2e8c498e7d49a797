"""IKM dan ukuran sampel SKM terhadap regulations.md §3.5–3.7 dan batas pita buatan sendiri."""

from decimal import Decimal

import pytest

from survei.ikm import UNSUR, hitung_ikm, mutu_kinerja, mutu_unsur, ukuran_sampel

CONTOH_37 = ["3.62", "3.48", "3.45", "3.10", "3.52", "3.62", "3.66", "3.30", "2.95"]


def test_contoh_37_ikm_85_28_mutu_b_baik():
    hasil = hitung_ikm([Decimal(v) for v in CONTOH_37])
    assert (hasil.ikm, hasil.mutu, hasil.kinerja) == (Decimal("85.28"), "B", "Baik")
    assert hasil.rata_nrr == Decimal("3.4111")


def test_contoh_37_dengan_penimbang_permen_0_11():
    hasil = hitung_ikm(CONTOH_37, penimbang=Decimal("0.11"))
    assert (hasil.ikm, hasil.mutu) == (Decimal("84.43"), "B")


def test_unsur_u9_contoh_37_lemah():
    assert mutu_unsur(Decimal("2.95")) == "C"
    assert [mutu_unsur(Decimal(v)) for v in CONTOH_37].count("C") == 1


@pytest.mark.parametrize(
    ("ikm", "mutu", "kinerja"),
    [
        ("100.00", "A", "Sangat Baik"),
        ("88.31", "A", "Sangat Baik"),
        ("88.305", "A", "Sangat Baik"),  # dibulatkan setengah ke atas → 88,31
        ("88.30", "B", "Baik"),
        ("76.61", "B", "Baik"),
        ("76.60", "C", "Kurang Baik"),
        ("65.00", "C", "Kurang Baik"),
        ("64.99", "D", "Tidak Baik"),
        ("25.00", "D", "Tidak Baik"),
    ],
)
def test_tepi_pita_mutu(ikm, mutu, kinerja):
    assert mutu_kinerja(Decimal(ikm)) == (mutu, kinerja)


def test_ujung_skala():
    assert hitung_ikm([4] * 9).ikm == Decimal("100.00")
    assert (hitung_ikm([1] * 9).ikm, hitung_ikm([1] * 9).mutu) == (Decimal("25.00"), "D")


@pytest.mark.parametrize(
    "nrr",
    [
        [3] * 8,
        [3] * 10,
        [],
        "333333333",
        [3] * 8 + [0.99],
        [3] * 8 + [4.01],
        [3] * 8 + ["tiga"],
        [3] * 8 + [True],
        [3] * 8 + [None],
        [3] * 8 + [float("nan")],
    ],
)
def test_masukan_tidak_sah_ditolak(nrr):
    with pytest.raises(ValueError, match="NRR|IKM"):
        hitung_ikm(nrr)


def test_sembilan_unsur():
    assert [kode for kode, _ in UNSUR] == [f"U{i}" for i in range(1, 10)]


TABEL_36 = {
    10: 10, 20: 19, 30: 28, 50: 44, 75: 63, 80: 66, 90: 73, 100: 80, 150: 108, 200: 132, 250: 152, 300: 169,
    350: 183, 380: 191, 400: 196, 500: 217, 750: 254, 1000: 278, 1500: 306, 1700: 313, 1800: 317, 2000: 322,
    3000: 341, 5000: 357, 10000: 370, 20000: 377, 50000: 381, 1000000: 384,
}  # fmt: skip


@pytest.mark.parametrize(("populasi", "sampel"), sorted(TABEL_36.items()))
def test_ukuran_sampel_tabel_36(populasi, sampel):
    assert ukuran_sampel(populasi) == sampel


def test_ukuran_sampel_populasi_kecil_dan_tidak_sah():
    assert ukuran_sampel(1) == 1
    assert all(ukuran_sampel(n) <= n for n in range(1, 60))
    for salah in (0, -5, 2.5, "100", True, None):
        with pytest.raises(ValueError, match="Populasi"):
            ukuran_sampel(salah)
