"""Sandingan provinsi IPP | IKM | Ombudsman: nilai per unit dan tahun, hak akses, kueri tetap, tahun aneh."""

from datetime import date
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from evaluasi.models import Evaluasi, HasilEvaluasi
from evaluasi.selectors.sandingan import sandingan_provinsi, unit_sandingan
from evaluasi.views import sandingan as views_sandingan
from kode_etik.models import Penyelenggara
from survei.models import KepatuhanOmbudsman, PeriodeSKM, ResponSKM

pytestmark = pytest.mark.django_db


def _periode(unit, tahun, nilai=4, n=2, bulan=6):
    periode = PeriodeSKM.objects.create(
        penyelenggara=unit, nama=f"SKM {tahun}-{bulan}", mulai=date(tahun, 1, 1),
        selesai=date(tahun, bulan, 28), populasi=100,
    )  # fmt: skip
    ResponSKM.objects.bulk_create(
        ResponSKM(periode=periode, diterima_pada=timezone.now(), **{f"u{i}": nilai for i in range(1, 10)})
        for _ in range(n)
    )
    return periode


@pytest.fixture
def data(buat_siklus, dinkes, samsat, biro):
    siklus = buat_siklus(dinkes, samsat, tahun=2026)
    ev = siklus.evaluasi.get(penyelenggara=dinkes)
    Evaluasi.objects.filter(pk=ev.pk).update(status=Evaluasi.Status.FINAL)
    HasilEvaluasi.objects.create(
        evaluasi=ev, nilai_aspek={}, ipp=Decimal("3.4700"), ipp_bulat=Decimal("3.47"), kategori="B-",
        predikat="Baik dengan Catatan", dihitung_pada=timezone.now(),
    )  # fmt: skip
    _periode(dinkes, 2026, nilai=2, bulan=6)
    _periode(dinkes, 2026, nilai=4, bulan=12)  # periode terakhir tahun itu yang dipakai
    _periode(samsat, 2025, nilai=3)
    KepatuhanOmbudsman.objects.create(penyelenggara=dinkes, tahun=2025, nilai=Decimal("81.50"), zona="hijau")


def test_nilai_per_unit_dan_tahun(data, dinkes, samsat):
    tahun, baris = sandingan_provinsi(tahun=2026, unit=list(unit_sandingan()))
    assert tahun == [2026, 2025, 2024]
    per_unit = {b.penyelenggara.pk: b for b in baris}
    d = per_unit[dinkes.pk].per_tahun
    assert (d[2026].ipp, d[2026].kategori, d[2026].ikm.ikm.ikm) == (Decimal("3.47"), "B-", Decimal("100.00"))
    assert d[2025].ombudsman.zona == "hijau" and d[2025].ikm is None
    assert per_unit[samsat.pk].per_tahun[2025].ikm.ikm.ikm == Decimal("75.00")
    assert 2026 not in per_unit[samsat.pk].per_tahun  # samsat belum dinilai 2026


def test_halaman_hanya_untuk_yang_menjangkau_semua_unit(data, client, biro, pimpinan, kepala_dinkes):
    url = reverse("evaluasi:sandingan_provinsi")
    client.force_login(kepala_dinkes)
    assert client.get(url).status_code == 403
    client.force_login(pimpinan)
    r = client.get(url, {"tahun": 2026})
    assert r.status_code == 200 and "3,47" in r.content.decode() and "Hijau" in r.content.decode()
    client.force_login(biro)
    assert client.get(url, {"tahun": "99999999999"}).status_code == 200


def test_kueri_tidak_bergantung_jumlah_periode(data, client, biro, dinkes):
    client.force_login(biro)
    url = reverse("evaluasi:sandingan_provinsi") + "?tahun=2026"
    client.get(url)
    with CaptureQueriesContext(connection) as sedikit:
        client.get(url)
    for bulan in range(1, 6):
        _periode(dinkes, 2024, bulan=bulan, n=3)
    with CaptureQueriesContext(connection) as banyak:
        client.get(url)
    assert len(banyak) == len(sedikit)


def test_berhalaman_dan_kueri_tidak_bergantung_jumlah_unit(data, client, biro, dinkes, monkeypatch):
    """Halaman memuat PER_HALAMAN unit saja; menambah unit (dengan SKM dan Ombudsman) tidak menambah kueri
    atau baris yang dirender."""
    monkeypatch.setattr(views_sandingan, "PER_HALAMAN", 2)
    client.force_login(biro)
    url = reverse("evaluasi:sandingan_provinsi")
    client.get(url, {"tahun": 2026})
    with CaptureQueriesContext(connection) as sedikit:
        r = client.get(url, {"tahun": 2026})
    assert len(r.context["baris"]) == 2
    unit = Penyelenggara.objects.bulk_create(
        Penyelenggara(kode=f"PD-SAND-{n:02}", nama=f"Dinas Sandingan {n:02}") for n in range(8)
    )
    for u in unit:
        _periode(u, 2026)
        KepatuhanOmbudsman.objects.create(penyelenggara=u, tahun=2026, nilai=Decimal("70.00"), zona="kuning")
    with CaptureQueriesContext(connection) as banyak:
        r = client.get(url, {"tahun": 2026, "halaman": 3})
    assert len(banyak) == len(sedikit)
    semua = list(unit_sandingan().values_list("nama", flat=True))
    assert r.context["halaman"].paginator.num_pages == (len(semua) + 1) // 2 and len(semua) >= 10
    assert [b.penyelenggara.nama for b, _ in r.context["baris"]] == semua[4:6]
    isi = r.content.decode()
    assert "tahun=2026&halaman=2" in isi and "tahun=2026&halaman=4" in isi  # tahun ikut di tautan
    assert "70,00" in isi  # angka Ombudsman unit di halaman ini
