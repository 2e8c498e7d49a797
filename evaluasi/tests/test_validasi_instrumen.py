from dataclasses import replace
from decimal import Decimal

import pytest

from evaluasi.skor import IndikatorSkor, KategoriSkor
from evaluasi.validasi_instrumen import (
    dengan_indikator,
    periksa_bobot,
    periksa_instrumen,
    periksa_kategori,
)

pytestmark = pytest.mark.django_db


def _ubah_indikator(potret, nomor, **ubah):
    aspek, indikator = potret.per_nomor[nomor]
    return dengan_indikator(potret, replace(indikator, **ubah), aspek_pk=aspek.pk)


def _ubah_aspek(potret, kode, **ubah):
    return replace(potret, aspek=tuple(replace(a, **ubah) if a.kode == kode else a for a in potret.aspek))


def _ubah_kategori(potret, kode, bawah=None, atas=None):
    def ubah(k):
        if k.kode != kode:
            return k
        return replace(
            k,
            batas_bawah=Decimal(bawah) if bawah else k.batas_bawah,
            batas_atas=Decimal(atas) if atas else k.batas_atas,
        )

    return replace(potret, kategori=tuple(ubah(k) for k in potret.kategori))


def test_instrumen_2025_valid(potret_2025):
    assert periksa_instrumen(potret_2025) == []


def test_bobot_indikator_tidak_100_ditolak_dengan_jumlahnya(potret_2025):
    potret = _ubah_indikator(potret_2025, 1, bobot=Decimal(12))

    assert periksa_bobot(potret) == [
        "Jumlah bobot indikator aspek I (Kebijakan Pelayanan) = 95,00 % (harus 100 %)."
    ]


def test_bobot_indikator_berdesimal_ditampilkan_dengan_koma(potret_2025):
    potret = _ubah_indikator(potret_2025, 29, bobot=Decimal("50.25"))

    assert periksa_bobot(potret) == [
        "Jumlah bobot indikator aspek VI (Inovasi Pelayanan Publik) = 100,25 % (harus 100 %)."
    ]


def test_bobot_aspek_tidak_100_ditolak_dengan_jumlahnya(potret_2025):
    potret = _ubah_aspek(potret_2025, "I", bobot=Decimal(20))

    assert periksa_bobot(potret) == ["Jumlah bobot aspek = 96,00 % (harus 100 %)."]


def test_indikator_suplemen_tidak_ikut_dijumlah_tetapi_wajib_berbobot_nol(potret_2025):
    potret = _ubah_indikator(potret_2025, 31, bobot=Decimal(5))

    assert periksa_bobot(potret) == [
        "Indikator suplemen 31 pada aspek VII (Informasi Tambahan) harus berbobot 0 % (tercatat 5,00 %)."
    ]


def test_indikator_dinilai_pada_aspek_berbobot_nol_ditolak(potret_2025):
    potret = _ubah_indikator(potret_2025, 31, suplemen=False)

    (masalah,) = periksa_bobot(potret)
    assert "Aspek VII (Informasi Tambahan) berbobot 0 % tetapi memuat indikator yang dinilai (31)" in masalah


def test_indikator_pindah_aspek_mengubah_dua_jumlah(potret_2025):
    aspek_ii, _ = potret_2025.per_nomor[10]
    _, ind_1 = potret_2025.per_nomor[1]

    potret = dengan_indikator(potret_2025, ind_1, aspek_pk=aspek_ii.pk)

    assert periksa_bobot(potret) == [
        "Jumlah bobot indikator aspek I (Kebijakan Pelayanan) = 83,00 % (harus 100 %).",
        "Jumlah bobot indikator aspek II (Profesionalisme SDM) = 117,00 % (harus 100 %).",
    ]


def test_nomor_indikator_kembar_ditolak(potret_2025):
    aspek, _ = potret_2025.per_nomor[2]
    kembar = IndikatorSkor(nomor=2, kode="2.b", bobot=Decimal(0))

    potret = dengan_indikator(potret_2025, kembar, aspek_pk=aspek.pk)

    assert periksa_bobot(potret) == ["Nomor indikator 2 dipakai lebih dari sekali."]


def test_tanpa_aspek_ditolak(potret_2025):
    assert periksa_bobot(replace(potret_2025, aspek=())) == ["Instrumen belum memiliki aspek."]


def test_kategori_2025_menutup_0_sampai_5(potret_2025):
    assert periksa_kategori(potret_2025) == []


def test_celah_antar_kategori_ditolak(potret_2025):
    potret = _ubah_kategori(potret_2025, "E", atas="1.40")

    assert periksa_kategori(potret) == ["Celah antara kategori E dan D: IPP 1,41–1,50 tidak berkategori."]


def test_tumpang_tindih_kategori_ditolak(potret_2025):
    potret = _ubah_kategori(potret_2025, "A", bawah="4.50")

    assert periksa_kategori(potret) == ["Kategori A- (4,01–4,50) dan A (4,50–5,00) tumpang tindih."]


def test_kategori_harus_mulai_dari_nol_dan_berakhir_di_lima(potret_2025):
    potret = _ubah_kategori(_ubah_kategori(potret_2025, "F", bawah="0.50"), "A", atas="4.99")

    assert periksa_kategori(potret) == [
        "Rentang kategori harus mulai dari 0,00 (terendah: F 0,50–1,00).",
        "Rentang kategori harus berakhir di 5,00 (tertinggi: A 4,51–4,99).",
    ]


def test_batas_bawah_melebihi_batas_atas_ditolak(potret_2025):
    potret = _ubah_kategori(potret_2025, "C", bawah="3.00", atas="2.60")

    assert "Kategori C: batas bawah 3,00 melebihi batas atas 2,60." in periksa_kategori(potret)


def test_kode_kategori_kembar_dan_kategori_kosong_ditolak(potret_2025):
    kembar = KategoriSkor(kode="A", predikat="x", batas_bawah=Decimal(5), batas_atas=Decimal(5))

    assert "Kode kategori A dipakai lebih dari sekali." in periksa_kategori(
        replace(potret_2025, kategori=(*potret_2025.kategori, kembar))
    )
    assert periksa_kategori(replace(potret_2025, kategori=())) == ["Instrumen belum memiliki kategori IPP."]
