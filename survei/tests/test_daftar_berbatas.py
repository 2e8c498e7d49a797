"""Daftar SKM dan daftar kepatuhan Ombudsman berhalaman; jumlah kueri tidak bertambah bersama datanya."""

from datetime import date
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kode_etik.models import Penyelenggara
from survei.models import KepatuhanOmbudsman, PeriodeSKM
from survei.views import ombudsman as views_ombudsman
from survei.views import periode as views_periode

pytestmark = pytest.mark.django_db


def _unit(jumlah: int) -> list[Penyelenggara]:
    return Penyelenggara.objects.bulk_create(
        Penyelenggara(kode=f"PD-SV-{n:03}", nama=f"Dinas Survei {n:03}") for n in range(jumlah)
    )


def _kueri(client, url, **kueri) -> tuple[int, object]:
    with CaptureQueriesContext(connection) as daftar:
        r = client.get(url, kueri)
    return len(daftar), r


def _periode(daftar_unit):
    PeriodeSKM.objects.bulk_create(
        PeriodeSKM(
            penyelenggara=u,
            nama="Semester I",
            mulai=date(2026, 1, 1),
            selesai=date(2026, 6, 30),
            populasi=100,
        )  # fmt: skip
        for u in daftar_unit
    )


def test_daftar_skm_berhalaman_kueri_tetap(client, biro, monkeypatch):
    monkeypatch.setattr(views_periode, "PER_HALAMAN", 3)
    unit = _unit(8)
    _periode(unit[:1])  # mulai dari satu baris: daftar kosong tidak menjalankan kueri halamannya
    client.force_login(biro)
    url = reverse("survei:skm_daftar")
    client.get(url)
    sedikit, _ = _kueri(client, url)
    _periode(unit[1:])
    banyak, r = _kueri(client, url, halaman=2)
    assert banyak == sedikit
    halaman = r.context["halaman"]
    assert halaman.paginator.count == 8 and len(halaman) == 3
    assert [p.penyelenggara.nama for p in halaman] == [u.nama for u in unit[3:6]]


def test_daftar_ombudsman_berhalaman_kueri_tetap_dan_tahun_ikut(client, biro, monkeypatch):
    monkeypatch.setattr(views_ombudsman, "PER_HALAMAN", 4)
    unit = _unit(6)

    def catat(daftar_unit, tahun):
        KepatuhanOmbudsman.objects.bulk_create(
            KepatuhanOmbudsman(penyelenggara=u, tahun=t, nilai=Decimal(60 + n), zona="kuning")
            for n, u in enumerate(daftar_unit)
            for t in tahun
        )

    catat(unit[:1], (2025,))
    client.force_login(biro)
    url = reverse("survei:ombudsman_daftar")
    client.get(url, {"tahun": 2025})
    sedikit, _ = _kueri(client, url, tahun=2025)
    catat(unit[1:], (2025,))
    catat(unit, (2024,))
    banyak, r = _kueri(client, url, tahun=2025, halaman=2)
    assert banyak == sedikit
    halaman = r.context["halaman"]
    assert halaman.paginator.count == 6 and len(halaman) == 2 and {k.tahun for k in halaman} == {2025}
    assert r.context["pilihan_tahun"] == [2025, 2024]
    assert "tahun=2025&halaman=1" in r.content.decode()
