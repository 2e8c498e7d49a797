"""Atasan langsung Pelaksana (unit sama, rantai tidak melingkar) dan penempatan di tempat layanan."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from kaltim_yanlik.core.exceptions import DomainError
from kode_etik import services
from kode_etik.models import Pelaksana, Penempatan

pytestmark = pytest.mark.django_db


@pytest.fixture
def atasan(dinkes):
    return Pelaksana.objects.create(nama="Kabid Pelayanan", nip="197801012005011001", penyelenggara=dinkes)


def test_atasan_harus_unit_sama_dan_tanpa_lingkaran(
    operator_dinkes, pelaksana_dinkes, pelaksana_labkes, atasan
):
    pelaksana_dinkes.atasan_langsung = pelaksana_labkes
    with pytest.raises(ValidationError, match="unit yang sama"):
        services.pelaksana_simpan(
            pelaksana=pelaksana_dinkes, oleh=operator_dinkes, field_diubah=["atasan_langsung"]
        )
    pelaksana_dinkes.atasan_langsung = atasan
    services.pelaksana_simpan(
        pelaksana=pelaksana_dinkes, oleh=operator_dinkes, field_diubah=["atasan_langsung"]
    )
    atasan.atasan_langsung = pelaksana_dinkes
    with pytest.raises(ValidationError, match="melingkar"):
        services.pelaksana_simpan(pelaksana=atasan, oleh=operator_dinkes, field_diubah=["atasan_langsung"])
    atasan.atasan_langsung = atasan
    with pytest.raises(ValidationError, match="dirinya sendiri"):
        services.pelaksana_simpan(pelaksana=atasan, oleh=operator_dinkes, field_diubah=["atasan_langsung"])
    assert Pelaksana.objects.get(pk=atasan.pk).atasan_langsung is None


def test_atasan_lewat_formulir_dan_halaman(
    client, operator_dinkes, pelaksana_dinkes, pelaksana_labkes, atasan
):
    client.force_login(operator_dinkes)
    url = reverse("kode_etik:pelaksana_ubah", args=[pelaksana_dinkes.code])
    data = {"nama": pelaksana_dinkes.nama, "nip": pelaksana_dinkes.nip, "kategori": "pegawai",
            "penyelenggara": pelaksana_dinkes.penyelenggara_id, "aktif": "on"}  # fmt: skip
    # Atasan unit lain tidak ada di pilihan formulir: ditolak tanpa tersimpan.
    r = client.post(url, data | {"atasan_langsung": pelaksana_labkes.pk})
    assert r.status_code == 200 and not Pelaksana.objects.get(pk=pelaksana_dinkes.pk).atasan_langsung_id
    assert client.post(url, data | {"atasan_langsung": atasan.pk}).status_code == 302
    halaman = client.get(reverse("kode_etik:pelaksana_detail", args=[atasan.code])).content.decode()
    assert "Bawahan langsung" in halaman and pelaksana_dinkes.nama in halaman


def test_impor_atasan_lewat_nip_dan_lingkaran_ditolak(client, biro, dinkes, atasan):
    client.force_login(biro)
    csv = (
        "nip,nama,jabatan,kategori,penyelenggara_kode,atasan_nip,aktif\n"
        f"199001012015011001,Staf Baru,Petugas Loket,petugas,{dinkes.kode},{atasan.nip},1\n"
    )
    berkas = SimpleUploadedFile("pelaksana.csv", csv.encode(), content_type="text/csv")
    r = client.post(reverse("admin:kode_etik_pelaksana_import"), {"resource": "0", "format": "0",
                                                                 "import_file": berkas})  # fmt: skip
    assert "confirm_form" in r.context, r.content.decode()[:2000]
    client.post(reverse("admin:kode_etik_pelaksana_process_import"), r.context["confirm_form"].initial)
    assert Pelaksana.objects.get(nip="199001012015011001").atasan_langsung == atasan
    # Atasan yang NIP-nya tidak ada: baris ditolak dengan pesan, tidak ada yang tersimpan.
    csv_salah = csv.replace(atasan.nip, "199912312020121001").replace(
        "199001012015011001", "199101012015011002"
    )
    berkas = SimpleUploadedFile("pelaksana.csv", csv_salah.encode(), content_type="text/csv")
    r = client.post(reverse("admin:kode_etik_pelaksana_import"), {"resource": "0", "format": "0",
                                                                 "import_file": berkas})  # fmt: skip
    assert "tidak ditemukan" in r.content.decode() and not Pelaksana.objects.filter(nip="199101012015011002")


def test_penempatan_lewat_halaman_mengakhiri_yang_lama(
    client, operator_dinkes, pelaksana_dinkes, kepala_samsat
):
    loket = pelaksana_dinkes.penyelenggara.jenis_layanan.create(nama="Loket rekomendasi")
    url = reverse("kode_etik:penempatan_catat", args=[pelaksana_dinkes.code])
    client.force_login(operator_dinkes)
    r = client.post(url, {"penempatan-tempat": "", "penempatan-mulai": "2026-01-05"})
    assert r.status_code == 400 and "Pilih jenis layanan atau tuliskan tempat" in r.content.decode()
    assert not Penempatan.objects.exists()
    data = {"penempatan-jenis_layanan": loket.code, "penempatan-mulai": "2026-01-05"}
    assert client.post(url, data).status_code == 302
    data = {
        "penempatan-tempat": "Ruang konsultasi",
        "penempatan-mulai": "2026-03-02",
        "penempatan-keterangan": "Rotasi",
    }
    assert client.post(url, data).status_code == 302
    lama, baru = Penempatan.objects.order_by("mulai")
    assert (lama.selesai, baru.selesai, baru.nama_tempat) == (date(2026, 3, 2), None, "Ruang konsultasi")
    # Mulai sebelum penempatan berjalan: ditolak dengan tanggalnya.
    r = client.post(url, {"penempatan-tempat": "Gudang", "penempatan-mulai": "2026-02-01"})
    assert r.status_code == 400 and "2 Maret 2026" in r.content.decode()
    halaman = client.get(reverse("kode_etik:pelaksana_detail", args=[pelaksana_dinkes.code])).content.decode()
    assert "Loket rekomendasi" in halaman and "Ruang konsultasi" in halaman and "sekarang" in halaman
    client.force_login(kepala_samsat)
    assert client.post(url, data).status_code == 404
    assert Penempatan.objects.count() == 2


def test_layanan_unit_lain_tidak_dapat_menjadi_penempatan(operator_dinkes, pelaksana_dinkes, samsat):
    layanan_samsat = samsat.jenis_layanan.create(nama="Balik nama")
    with pytest.raises(DomainError, match="unit lain"):
        services.penempatan_catat(pelaksana=pelaksana_dinkes, jenis_layanan=layanan_samsat, tempat="",
                                  mulai=date(2026, 1, 5), keterangan="", oleh=operator_dinkes)  # fmt: skip
