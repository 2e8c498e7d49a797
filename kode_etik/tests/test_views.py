"""Halaman Penyelenggara dan Pelaksana: formulir, masukan buruk, lingkup, dan jumlah kueri."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kaltim_yanlik.core.models import JejakAudit
from kode_etik.models import Pelaksana, Penyelenggara

pytestmark = pytest.mark.django_db


def _data_pelaksana(unit, **lain):
    return {
        "nama": "Nur Aisyah",
        "nip": "199203152019032011",
        "jabatan": "Petugas Loket",
        "kategori": "petugas",
        "penyelenggara": unit.pk,
        "aktif": "on",
        **lain,
    }


def test_operator_menambah_pelaksana_di_unitnya_dan_tercatat(client, operator_dinkes, dinkes):
    client.force_login(operator_dinkes)
    r = client.post(reverse("kode_etik:pelaksana_baru"), _data_pelaksana(dinkes))
    pelaksana = Pelaksana.objects.get(nip="199203152019032011")
    assert r.status_code == 302 and r.url == reverse("kode_etik:pelaksana_detail", args=[pelaksana.code])
    jejak = JejakAudit.objects.get(aksi="kode_etik.pelaksana.dibuat", object_id=str(pelaksana.pk))
    assert jejak.pengguna == operator_dinkes and jejak.penyelenggara_id == dinkes.pk


def test_operator_tidak_dapat_menambah_pelaksana_ke_unit_lain(client, operator_dinkes, samsat):
    client.force_login(operator_dinkes)
    r = client.post(reverse("kode_etik:pelaksana_baru"), _data_pelaksana(samsat))
    assert r.status_code == 200
    assert "Masukkan pilihan yang valid" in r.content.decode()
    assert not Pelaksana.objects.filter(penyelenggara=samsat).exists()


def test_operator_tidak_dapat_memindahkan_pelaksana_unit_lain_lewat_post(
    client, operator_dinkes, dinkes, pelaksana_samsat
):
    client.force_login(operator_dinkes)
    r = client.post(
        reverse("kode_etik:pelaksana_ubah", args=[pelaksana_samsat.code]), _data_pelaksana(dinkes)
    )
    assert r.status_code == 404
    pelaksana_samsat.refresh_from_db()
    assert pelaksana_samsat.penyelenggara.kode == "UPTD-SAMSAT-SMD"


@pytest.mark.parametrize("nip", ["12345", "19920315201903201X", "1992031520190320111"])
def test_nip_tidak_sah_ditolak_dengan_pesan(client, operator_dinkes, dinkes, nip):
    client.force_login(operator_dinkes)
    r = client.post(reverse("kode_etik:pelaksana_baru"), _data_pelaksana(dinkes, nip=nip))
    assert r.status_code == 200
    isi = r.content.decode()
    assert "NIP harus terdiri atas 18 digit angka" in isi or "paling banyak 18 karakter" in isi
    assert not Pelaksana.objects.exists()


def test_nip_boleh_kosong_dan_spasi_dibuang(client, operator_dinkes, dinkes):
    client.force_login(operator_dinkes)
    client.post(reverse("kode_etik:pelaksana_baru"), _data_pelaksana(dinkes, nip="", nama="Tenaga Kontrak"))
    client.post(reverse("kode_etik:pelaksana_baru"), _data_pelaksana(dinkes, nip="19920315 201903 2 011"))
    assert set(Pelaksana.objects.values_list("nip", flat=True)) == {"", "199203152019032011"}


def test_nip_ganda_ditolak(client, operator_dinkes, dinkes, pelaksana_dinkes):
    client.force_login(operator_dinkes)
    r = client.post(reverse("kode_etik:pelaksana_baru"), _data_pelaksana(dinkes, nip=pelaksana_dinkes.nip))
    assert r.status_code == 200
    assert Pelaksana.objects.filter(nip=pelaksana_dinkes.nip).count() == 1


def test_ubah_pelaksana_tidak_menghapus_data_lain(client, kepala_dinkes, pelaksana_dinkes):
    client.force_login(kepala_dinkes)
    data = _data_pelaksana(
        pelaksana_dinkes.penyelenggara, nama="dr. Rina W., M.Kes.", nip=pelaksana_dinkes.nip
    )
    client.post(reverse("kode_etik:pelaksana_ubah", args=[pelaksana_dinkes.code]), data)
    pelaksana_dinkes.refresh_from_db()
    assert pelaksana_dinkes.nama == "dr. Rina W., M.Kes."
    assert JejakAudit.objects.get(aksi="kode_etik.pelaksana.diubah").data["nama"] == "dr. Rina W., M.Kes."


def test_biro_menambah_uptd_tanpa_induk_ditolak(client, biro):
    client.force_login(biro)
    r = client.post(
        reverse("kode_etik:penyelenggara_baru"),
        {"kode": "UPTD-X", "nama": "UPTD X", "jenis": "UPTD", "aktif": "on"},
    )
    assert r.status_code == 200
    assert "UPTD wajib memiliki Perangkat Daerah induk" in r.content.decode()
    assert not Penyelenggara.objects.filter(kode="UPTD-X").exists()


def test_biro_menetapkan_kepala_penyelenggara(client, biro, dinkes, pelaksana_dinkes, pelaksana_samsat):
    client.force_login(biro)
    url = reverse("kode_etik:penyelenggara_ubah", args=[dinkes.code])
    data = {"kode": dinkes.kode, "nama": dinkes.nama, "jenis": "PD", "aktif": "on"}
    r = client.post(url, {**data, "kepala": pelaksana_samsat.pk})
    assert r.status_code == 200  # Pelaksana unit lain bukan pilihan yang sah
    client.post(url, {**data, "kepala": pelaksana_dinkes.pk})
    dinkes.refresh_from_db()
    assert dinkes.kepala == pelaksana_dinkes


def test_saringan_tidak_dikenal_tidak_menjadi_500(client, biro, pelaksana_dinkes):
    client.force_login(biro)
    r = client.get(reverse("kode_etik:pelaksana_list"), {"penyelenggara": "bukan-uuid", "kategori": "x"})
    assert r.status_code == 200
    assert pelaksana_dinkes.nama in r.content.decode()
    r = client.get(reverse("kode_etik:pelaksana_list"), {"halaman": "9999"})
    assert r.status_code == 200


def test_url_kode_tidak_ada_dijawab_404_berbahasa_indonesia(client, biro):
    client.force_login(biro)
    r = client.get("/pelaksana/00000000-0000-0000-0000-000000000000/")
    assert r.status_code == 404
    assert "Halaman tidak ditemukan" in r.content.decode()


def _buat_unit(jumlah, awal):
    for i in range(awal, awal + jumlah):
        unit = Penyelenggara.objects.create(kode=f"PD-{i}", nama=f"Dinas Uji {i}")
        Pelaksana.objects.create(nama=f"Pegawai {i}", penyelenggara=unit)


@pytest.mark.parametrize("url_name", ["kode_etik:penyelenggara_list", "kode_etik:pelaksana_list", "beranda"])
def test_jumlah_kueri_halaman_daftar_tidak_tumbuh_dengan_data(client, biro, url_name):
    client.force_login(biro)
    _buat_unit(3, 0)
    with CaptureQueriesContext(connection) as sedikit:
        assert client.get(reverse(url_name)).status_code == 200
    _buat_unit(20, 100)
    with CaptureQueriesContext(connection) as banyak:
        assert client.get(reverse(url_name)).status_code == 200
    assert len(banyak) == len(sedikit)
