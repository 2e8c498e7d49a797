"""Hari kerja: akhir pekan, hari libur, deret cuti bersama (Idulfitri 2026), akhir tahun, dan batas masukan.

Data libur 2026 dari migrasi ``core/0006`` (SKB 3 Menteri); hari libur tahun lain dibuat di uji yang perlu.
"""

from datetime import date

import pytest

from kaltim_yanlik.core.hari_kerja import (
    hari_kerja_antara,
    libur_terlewati,
    tahun_tanpa_libur,
    tambah_hari_kerja,
    tanggal_lengkap,
)
from kaltim_yanlik.core.models import HariLibur

pytestmark = pytest.mark.django_db


def test_data_2026_dari_skb_tiga_menteri():
    libur = HariLibur.objects.filter(tanggal__year=2026)
    assert libur.filter(jenis="libur_nasional").count() == 17
    assert libur.filter(jenis="cuti_bersama").count() == 8
    assert libur.get(tanggal=date(2026, 3, 21)).nama.startswith("Idulfitri")


@pytest.mark.parametrize(
    ("awal", "n", "harapan"),
    [
        # Akhir pekan: Jumat + 1 = Senin; Sabtu/Minggu + 1 = Senin.
        (date(2026, 1, 9), 1, date(2026, 1, 12)),
        (date(2026, 1, 10), 1, date(2026, 1, 12)),
        (date(2026, 1, 11), 5, date(2026, 1, 19)),  # 12–15, Isra Mikraj (Jumat 16) dilewati, lalu 19
        # Hari libur di tengah pekan: Kamis 15 Januari + 1 = Senin 19 (Jumat 16 Isra Mikraj).
        (date(2026, 1, 15), 1, date(2026, 1, 19)),
        # Deret Nyepi–Idulfitri: 18 cuti, 19 libur, 20 cuti, 21–22 libur (Sabtu–Minggu), 23–24 cuti.
        (date(2026, 3, 17), 1, date(2026, 3, 25)),
        (date(2026, 3, 17), 10, date(2026, 4, 8)),  # Jumat 3 April (Wafat Yesus Kristus) juga dilewati
        # Akhir tahun: 24 cuti bersama, 25 Natal, lalu akhir pekan.
        (date(2026, 12, 23), 1, date(2026, 12, 28)),
        (date(2025, 12, 31), 21, date(2026, 2, 2)),  # melewati Tahun Baru dan Isra Mikraj 2026
    ],
)
def test_tambah_hari_kerja(awal, n, harapan):
    assert tambah_hari_kerja(awal, n) == harapan


def test_pergantian_tahun_memakai_libur_tahun_berikutnya_bila_tercatat():
    # Tanpa data 2027, Jumat 1 Januari 2027 terhitung hari kerja; halaman kasus memperingatkannya.
    assert tambah_hari_kerja(date(2026, 12, 31), 1) == date(2027, 1, 1)
    assert tahun_tanpa_libur(date(2026, 12, 31), date(2027, 1, 1)) == [2027]
    HariLibur.objects.create(tanggal=date(2027, 1, 1), nama="Tahun Baru 2027 Masehi", jenis="libur_nasional")
    assert tambah_hari_kerja(date(2026, 12, 31), 1) == date(2027, 1, 4)
    assert hari_kerja_antara(date(2026, 12, 23), date(2027, 1, 4)) == 5  # 28, 29, 30, 31 Des; 4 Jan
    assert tahun_tanpa_libur(date(2026, 12, 31), date(2027, 1, 4)) == []


@pytest.mark.parametrize("n", [0, -1, -21])
def test_n_kurang_dari_satu_ditolak(n):
    with pytest.raises(ValueError, match="1 atau lebih"):
        tambah_hari_kerja(date(2026, 3, 2), n)


def test_hari_kerja_antara_sesudah_awal_sampai_akhir():
    assert hari_kerja_antara(date(2026, 3, 17), date(2026, 4, 8)) == 10
    assert hari_kerja_antara(date(2026, 1, 9), date(2026, 1, 12)) == 1  # Jumat → Senin
    assert hari_kerja_antara(date(2026, 1, 10), date(2026, 1, 11)) == 0  # Sabtu → Minggu
    assert hari_kerja_antara(date(2026, 3, 2), date(2026, 3, 2)) == 0
    assert hari_kerja_antara(date(2026, 3, 9), date(2026, 3, 2)) == 0


@pytest.mark.parametrize("awal", [date(2026, 1, 1), date(2026, 3, 13), date(2026, 5, 12), date(2026, 12, 18)])
def test_tambah_dan_antara_saling_balik(awal):
    for n in (1, 3, 10, 21):
        assert hari_kerja_antara(awal, tambah_hari_kerja(awal, n)) == n


def test_satu_kueri_untuk_seluruh_rentang(django_assert_num_queries):
    with django_assert_num_queries(1):
        tambah_hari_kerja(date(2026, 3, 17), 21)
    with django_assert_num_queries(1):
        hari_kerja_antara(date(2026, 1, 1), date(2026, 12, 31))


def test_libur_yang_terlewati_hanya_hari_biasa():
    nama = [h.nama for h in libur_terlewati(date(2026, 3, 17), date(2026, 4, 8))]
    # Idulfitri hari pertama dan kedua jatuh pada Sabtu–Minggu: tidak menggeser tenggat, tidak disebut.
    assert nama == [
        "Cuti bersama Hari Suci Nyepi",
        "Hari Suci Nyepi (Tahun Baru Saka 1948)",
        "Cuti bersama Idulfitri 1447 H",
        "Cuti bersama Idulfitri 1447 H",
        "Cuti bersama Idulfitri 1447 H",
        "Wafat Yesus Kristus",
    ]


def test_tanggal_lengkap_berbahasa_indonesia():
    assert tanggal_lengkap(date(2026, 2, 2)) == "Senin, 2 Februari 2026"
    assert tanggal_lengkap(date(2026, 3, 22)) == "Minggu, 22 Maret 2026"
