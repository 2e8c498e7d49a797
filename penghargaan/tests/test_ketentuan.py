"""Ketentuan BAB 5 sebagai data: sah, dan rentang periode berkala dihitung benar."""

from datetime import date

import pytest

from penghargaan.ketentuan import KRITERIA_PERGUB, SUSUNAN_TIM, periksa_ketentuan
from penghargaan.periode import akhir_periode, galat_rentang, label_periode


def test_data_ketentuan_sah():
    assert periksa_ketentuan() == []
    assert [k.kode for k in KRITERIA_PERGUB] == [
        "kehadiran", "kinerja", "kerjasama", "inovatif", "penampilan", "tanpa_komplain",
    ]  # fmt: skip
    assert sum(SUSUNAN_TIM.values()) == 5


@pytest.mark.parametrize(
    ("jenis", "mulai", "selesai"),
    [
        ("bulanan", date(2026, 2, 1), date(2026, 2, 28)),
        ("bulanan", date(2028, 2, 1), date(2028, 2, 29)),
        ("triwulan", date(2026, 10, 1), date(2026, 12, 31)),
        ("caturwulan", date(2026, 11, 1), date(2027, 2, 28)),
        ("semester", date(2026, 7, 1), date(2026, 12, 31)),
        ("tahunan", date(2026, 1, 1), date(2026, 12, 31)),
        ("tahunan", date(2026, 4, 1), date(2027, 3, 31)),
    ],
)
def test_akhir_periode_berkala(jenis, mulai, selesai):
    assert akhir_periode(jenis, mulai) == selesai


def test_galat_rentang():
    assert (
        galat_rentang("bulanan", date(2026, 10, 2), None)
        == "Periode berkala dimulai pada tanggal 1 suatu bulan."
    )
    assert (
        galat_rentang("insidentil", date(2026, 10, 2), None)
        == "Periode insidentil memerlukan tanggal selesai."
    )
    assert "sebelum" in galat_rentang("insidentil", date(2026, 10, 2), date(2026, 10, 1))
    assert galat_rentang("insidentil", date(2026, 10, 2), date(2026, 10, 2)) is None


def test_label_periode():
    assert label_periode("bulanan", date(2026, 10, 1), date(2026, 10, 31)) == "Oktober 2026"
    assert label_periode("triwulan", date(2026, 10, 1), date(2026, 12, 31)) == "Oktober–Desember 2026"
    assert label_periode("caturwulan", date(2026, 11, 1), date(2027, 2, 28)) == "November 2026–Februari 2027"
    assert label_periode("tahunan", date(2026, 1, 1), date(2026, 12, 31)) == "Tahun 2026"
