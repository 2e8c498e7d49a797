"""Migrasi data 0002 memasang instrumen 2025 persis seperti regulations.md §2.2–2.7 dan §6.2."""

import importlib
from collections import defaultdict
from decimal import Decimal

import pytest
from django.apps import apps

from evaluasi.models import Aspek, Indikator, InstrumenVersi, KategoriIPP, SlotBukti
from evaluasi.usulan_level import periksa_definisi, usulkan_level

from . import regulasi

pytestmark = pytest.mark.django_db
MIGRASI = importlib.import_module("evaluasi.migrations.0002_instrumen_2025")


def test_instrumen_2025_jenis_a_aktif_dengan_dasar_hukum(instrumen_2025):
    # Teks lama "PermenPANRB 29/2022 jo. 4/2023; Pedoman MenPANRB 5/2023" dipindah ke daftar core.DasarHukum.
    assert instrumen_2025.aktif
    urut = [d.dasar_hukum for d in instrumen_2025.dasar_hukum_urut.select_related("dasar_hukum")]
    assert [d.singkatan for d in urut] == ["PermenPANRB 29/2022 jo. 4/2023", "Pedoman MenPANRB 5/2023"]
    assert [d.kode for d in urut] == ["permenpanrb-pekppp", "pedoman-menpanrb-pekppp"]
    assert not urut[1].terkonfirmasi


def test_bobot_aspek_sesuai_regulasi(instrumen_2025):
    bobot = {a.kode: a.bobot for a in instrumen_2025.aspek.all()}

    assert bobot == {kode: Decimal(b) for kode, b in regulasi.BOBOT_ASPEK.items()}


def test_tiga_puluh_indikator_dinilai_dan_satu_suplemen(instrumen_2025):
    indikator = Indikator.objects.filter(aspek__instrumen=instrumen_2025)

    assert sorted(indikator.filter(suplemen=False).values_list("nomor", flat=True)) == list(range(1, 31))
    (suplemen,) = indikator.filter(suplemen=True)
    assert (suplemen.nomor, suplemen.bobot, suplemen.aspek.kode) == (31, 0, "VII")


def test_kode_aspek_dan_bobot_indikator_sesuai_regulasi(instrumen_2025):
    indikator = Indikator.objects.filter(aspek__instrumen=instrumen_2025, suplemen=False).select_related(
        "aspek"
    )

    tercatat = {i.nomor: (i.kode, i.bobot, i.aspek.kode) for i in indikator}

    harapan = {
        nomor: (kode, Decimal(bobot), aspek)
        for aspek, nomor_aspek in regulasi.ASPEK_INDIKATOR.items()
        for nomor in nomor_aspek
        if nomor in regulasi.INDIKATOR
        for kode, bobot, _ in [regulasi.INDIKATOR[nomor]]
    }
    assert tercatat == harapan


def test_bobot_indikator_berjumlah_100_per_aspek(instrumen_2025):
    jumlah = defaultdict(Decimal)
    for i in Indikator.objects.filter(aspek__instrumen=instrumen_2025, suplemen=False).select_related(
        "aspek"
    ):
        jumlah[i.aspek.kode] += i.bobot

    assert dict(jumlah) == dict.fromkeys(["I", "II", "III", "IV", "V", "VI"], 100)
    assert sum(a.bobot for a in instrumen_2025.aspek.all()) == 100


def test_bobot_global_sesuai_kolom_regulasi(instrumen_2025):
    for i in Indikator.objects.filter(aspek__instrumen=instrumen_2025, suplemen=False).select_related(
        "aspek"
    ):
        assert i.aspek.bobot * i.bobot / 100 == regulasi.BOBOT_GLOBAL[i.nomor], i.nomor


def test_kategori_sesuai_tabel_regulasi(instrumen_2025):
    tercatat = {k.kode: (k.batas_bawah, k.batas_atas, k.predikat) for k in instrumen_2025.kategori.all()}

    assert tercatat == {
        kode: (Decimal(bawah), Decimal(atas), predikat)
        for kode, (bawah, atas, predikat) in regulasi.KATEGORI.items()
    }


def test_setiap_indikator_lengkap_level_isian_dan_bukti(instrumen_2025):
    for indikator in Indikator.objects.filter(aspek__instrumen=instrumen_2025).prefetch_related("slot_bukti"):
        assert len(indikator.deskripsi_level) == 6 and all(t.strip() for t in indikator.deskripsi_level)
        assert periksa_definisi(indikator.aturan_usulan, indikator.opsi_f01) == [], indikator.nomor
        assert usulkan_level(indikator, {}) == 0
        slot = list(indikator.slot_bukti.all())
        assert slot and [s.urutan for s in slot] == list(range(1, len(slot) + 1))
        indikator.full_clean()


def test_bukti_dukung_memuat_butir_6_2(instrumen_2025):
    nama = {
        s.indikator.nomor: s.nama
        for s in SlotBukti.objects.filter(indikator__aspek__instrumen=instrumen_2025, wajib=True)
        .select_related("indikator")
        .order_by("-urutan")
    }
    assert "SK" in nama[1] and "Standar Pelayanan" in nama[1]
    assert "kode etik" in nama[11]
    assert "Maklumat" in nama[5]
    # Keputusan migrasi: bukti §6.2 ind. 21 dan 29 hanya relevan untuk sebagian level, jadi tidak wajib.
    assert set(nama) == set(range(1, 32)) - {21, 29}


def test_lepas_menghapus_dan_pasang_memasang_ulang(instrumen_2025, monkeypatch):
    # Uji memakai model kini: teks dasar hukum 0002 kini daftar core.DasarHukum (migrasi 0007–0009),
    # jadi field teks itu dilepas dari data 0002 sebelum ``pasang`` dijalankan pada model kini.
    monkeypatch.setattr(
        MIGRASI, "INSTRUMEN", {k: v for k, v in MIGRASI.INSTRUMEN.items() if k != "dasar_hukum"}
    )
    MIGRASI.lepas(apps, None)
    assert not InstrumenVersi.objects.exists()
    assert not (Aspek.objects.exists() or Indikator.objects.exists() or KategoriIPP.objects.exists())

    MIGRASI.pasang(apps, None)
    MIGRASI.pasang(apps, None)  # dijalankan ulang tidak menggandakan

    assert InstrumenVersi.objects.count() == 1
    assert Indikator.objects.count() == 31
