"""F-01 indikator 6–9 menawarkan hasil SKM dan status RTL dari portal sebagai bukti; indikator lain tidak."""

from datetime import date

import pytest
from django.urls import reverse
from django.utils import timezone

from survei.models import PeriodeSKM, ResponSKM

pytestmark = pytest.mark.django_db


@pytest.fixture
def evaluasi_dinkes(buat_siklus, dinkes):
    return buat_siklus(dinkes, tahun=2026).evaluasi.get()


@pytest.fixture
def periode_dinkes(dinkes):
    periode = PeriodeSKM.objects.create(
        penyelenggara=dinkes,
        nama="Semester I 2026",
        mulai=date(2026, 1, 1),
        selesai=date(2026, 6, 30),
        populasi=50,
    )
    ResponSKM.objects.bulk_create(
        ResponSKM(periode=periode, diterima_pada=timezone.now(), **{f"u{i}": 4 for i in range(1, 10)})
        for _ in range(3)
    )
    return periode


def test_indikator_skm_menampilkan_ikm_dan_laporan(client, kepala_dinkes, evaluasi_dinkes, periode_dinkes):
    client.force_login(kepala_dinkes)
    isi = client.get(reverse("evaluasi:f01", args=[evaluasi_dinkes.code, 8])).content.decode()
    assert "Bukti dari SKM di portal" in isi
    assert "Semester I 2026" in isi and "IKM <strong>100,00</strong>" in isi
    assert "3 responden dari target 44" in isi
    assert reverse("survei:skm_hasil", args=[periode_dinkes.code]) in isi
    assert "Laporan SKM" in isi


def test_indikator_lain_tanpa_kotak_skm(client, kepala_dinkes, evaluasi_dinkes, periode_dinkes):
    client.force_login(kepala_dinkes)
    isi = client.get(reverse("evaluasi:f01", args=[evaluasi_dinkes.code, 10])).content.decode()
    assert "Bukti dari SKM di portal" not in isi


def test_periode_unit_lain_tidak_ditawarkan(client, kepala_samsat, buat_siklus, samsat, periode_dinkes):
    evaluasi = buat_siklus(samsat, tahun=2026).evaluasi.get()
    client.force_login(kepala_samsat)
    isi = client.get(reverse("evaluasi:f01", args=[evaluasi.code, 6])).content.decode()
    assert "Bukti dari SKM di portal" in isi and "Semester I 2026" not in isi
    assert "belum memiliki periode SKM" in isi
