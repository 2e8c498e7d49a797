"""Daftar kasus berbatas: berhalaman, saringan unit dirangkai tanpa widget per opsi, dan jumlah kueri yang
tidak bertambah bersama jumlah kasus dan unit."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kode_etik.models import Pelaksana, Penyelenggara
from sanksi.views import kasus as views_kasus

from .test_ringkasan import _kasus

pytestmark = pytest.mark.django_db


def _kasus_di_unit_baru(jumlah: int, oleh) -> list:
    unit = Penyelenggara.objects.bulk_create(
        Penyelenggara(kode=f"PD-KAS-{n:03}", nama=f"Dinas Kasus {n:03}") for n in range(jumlah)
    )
    pelaksana = Pelaksana.objects.bulk_create(
        Pelaksana(nama=f"Pegawai {u.kode}", penyelenggara=u) for u in unit
    )
    return [_kasus(p, "ab"[n % 2], oleh) for n, p in enumerate(pelaksana)]


def test_daftar_kasus_berhalaman_dan_kueri_tetap(client, biro, pelaksana_dinkes, monkeypatch):
    monkeypatch.setattr(views_kasus, "PER_HALAMAN", 4)
    _kasus(pelaksana_dinkes, "a", biro)
    client.force_login(biro)
    url = reverse("sanksi:kasus_daftar")
    client.get(url)
    with CaptureQueriesContext(connection) as sedikit:
        client.get(url)
    _kasus_di_unit_baru(10, biro)
    with CaptureQueriesContext(connection) as banyak:
        r = client.get(url, {"halaman": 2})
    assert len(banyak) == len(sedikit)
    halaman = r.context["halaman"]
    assert halaman.paginator.count == 11 and halaman.paginator.num_pages == 3 and len(halaman) == 4
    isi = r.content.decode()
    assert "halaman=1" in isi and "halaman=3" in isi
    # Setiap unit dalam jangkauan menjadi satu opsi saringan (plus "Semua unit").
    assert isi.count('<option value="') - isi.count('<option value="">') >= 11 + 1


def test_saringan_unit_tetap_bekerja_dan_terpilih(client, biro, pelaksana_dinkes, dinkes):
    kasus = _kasus_di_unit_baru(3, biro)
    _kasus(pelaksana_dinkes, "a", biro)
    client.force_login(biro)
    unit = kasus[1].penyelenggara
    r = client.get(reverse("sanksi:kasus_daftar"), {"penyelenggara": unit.code})
    assert [k.pk for k in r.context["halaman"]] == [kasus[1].pk]
    assert f'<option value="{unit.code}" selected>{unit.nama}</option>' in r.content.decode()
