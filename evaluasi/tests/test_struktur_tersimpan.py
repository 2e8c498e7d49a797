"""Struktur dan potret instrumen yang disimpan per proses: dipakai ulang selama instrumen tidak berubah,
dimuat ulang begitu indikator, aspek, atau kategori diubah (juga dari proses lain, lewat cap datanya)."""

from decimal import Decimal

import pytest

from evaluasi.models import InstrumenVersi
from evaluasi.struktur_tersimpan import potret_tersimpan, struktur_tersimpan

pytestmark = pytest.mark.django_db


def _segar(instrumen):
    # Objek baru setiap "permintaan": cap dihitung ulang dari basis data, seperti di proses web mana pun.
    return InstrumenVersi.objects.get(pk=instrumen.pk)


def test_dipakai_ulang_lalu_dimuat_ulang_setelah_indikator_berubah(instrumen_2025, django_assert_num_queries):
    pertama = struktur_tersimpan(_segar(instrumen_2025))
    instrumen = _segar(instrumen_2025)
    with django_assert_num_queries(3):  # hanya cap; struktur dari simpanan
        assert struktur_tersimpan(instrumen) is pertama
    indikator = pertama[0].indikator.all()[0]
    indikator.teks = "Teks indikator yang baru diperbarui admin"
    indikator.save()
    baru = struktur_tersimpan(_segar(instrumen_2025))
    assert baru is not pertama
    assert baru[0].indikator.all()[0].teks == "Teks indikator yang baru diperbarui admin"


def test_potret_mengikuti_perubahan_bobot_aspek_dan_kategori(instrumen_2025):
    lama = potret_tersimpan(_segar(instrumen_2025))
    aspek = instrumen_2025.aspek.order_by("urutan").first()
    aspek.bobot = aspek.bobot + Decimal("1")
    aspek.save()
    baru = potret_tersimpan(_segar(instrumen_2025))
    assert baru is not lama and baru.aspek[0].bobot == lama.aspek[0].bobot + 1
    kategori = instrumen_2025.kategori.get(kode="A")
    kategori.predikat = "Prima Sekali"
    kategori.save()
    assert any(k.predikat == "Prima Sekali" for k in potret_tersimpan(_segar(instrumen_2025)).kategori)
