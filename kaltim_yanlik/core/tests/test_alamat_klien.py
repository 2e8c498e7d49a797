"""Alamat klien di belakang reverse proxy: header yang ditimpa proxy bila dikonfigurasi, REMOTE_ADDR bila
tidak; dipakai pembatas kiriman publik dan django-axes."""

import pytest
from django.test import RequestFactory

from kaltim_yanlik.core.pembatas import alamat_ip, alamat_klien


def _permintaan(**meta):
    return RequestFactory().get("/", REMOTE_ADDR="127.0.0.1", **meta)


def test_tanpa_konfigurasi_header_klien_diabaikan(settings):
    settings.ALAMAT_KLIEN_HEADER = ""
    assert alamat_ip(_permintaan(HTTP_X_REAL_IP="203.0.113.9")) == "127.0.0.1"


def test_header_proxy_dipakai_dan_nilai_paling_kanan_yang_dipercaya(settings):
    settings.ALAMAT_KLIEN_HEADER = "HTTP_X_REAL_IP"
    assert alamat_ip(_permintaan(HTTP_X_REAL_IP="203.0.113.9")) == "203.0.113.9"
    assert alamat_ip(_permintaan(HTTP_X_REAL_IP="10.6.6.6, 203.0.113.9")) == "203.0.113.9"
    assert alamat_ip(_permintaan()) == "127.0.0.1"  # header tidak ada: jatuh ke REMOTE_ADDR


def test_alamat_tidak_diketahui(settings):
    settings.ALAMAT_KLIEN_HEADER = ""
    permintaan = RequestFactory().get("/")
    permintaan.META.pop("REMOTE_ADDR", None)
    assert alamat_ip(permintaan) is None and alamat_klien(permintaan) == "tidak-diketahui"


@pytest.mark.django_db
def test_axes_mencatat_alamat_dari_header_proxy(settings, client, kepala_dinkes):
    from axes.models import AccessAttempt
    from django.urls import reverse

    settings.ALAMAT_KLIEN_HEADER = "HTTP_X_REAL_IP"
    client.post(
        reverse("akun:masuk"),
        {"username": "kepala.dinkes", "password": "salah"},
        HTTP_X_REAL_IP="198.51.100.7",
    )
    assert AccessAttempt.objects.get().ip_address == "198.51.100.7"


def test_setelan_batas_salah_ketik_gagal_saat_pemeriksaan_sistem(settings):
    from kaltim_yanlik.core.checks import periksa_setelan_batas

    assert periksa_setelan_batas() == []
    settings.BATAS_KIRIM_PUBLIK = "lima/600"
    [galat] = periksa_setelan_batas()
    assert galat.id == "core.E001" and "BATAS_KIRIM_PUBLIK" in galat.hint
