"""Halaman galat berbahasa Indonesia, termasuk 500 yang tidak bergantung pada konteks apa pun."""

import pytest
from django.db import InterfaceError, OperationalError
from django.test import Client, override_settings
from django.urls import path

from kaltim_yanlik.urls import urlpatterns as pola_portal


def _meledak(request):
    raise RuntimeError("uji galat")


urlpatterns = [*pola_portal, path("uji-500/", _meledak)]
handler500 = "kaltim_yanlik.core.views.galat_500"


@pytest.mark.django_db
@override_settings(ROOT_URLCONF=__name__, DEBUG=False)
def test_500_berbahasa_indonesia():
    r = Client(raise_request_exception=False).get("/uji-500/")
    assert r.status_code == 500
    assert "Terjadi gangguan pada server" in r.content.decode()


@pytest.mark.django_db
def test_403_berbahasa_indonesia(client, pimpinan):
    client.force_login(pimpinan)
    r = client.get("/pelaksana/baru/")
    assert r.status_code == 403
    assert "Akses ditolak" in r.content.decode()


@pytest.mark.django_db
def test_404_berbahasa_indonesia(client):
    r = client.get("/tidak-ada/")
    assert r.status_code == 404
    assert "Halaman tidak ditemukan" in r.content.decode()


@pytest.mark.parametrize(
    "galat", [OperationalError("server closed the connection"), InterfaceError("closed")]
)
def test_galat_koneksi_basis_data_di_luar_view_tetap_503(galat):
    """Galat koneksi yang lolos dari middleware (mis. sesi disimpan sesudah view) → 503, bukan 500."""
    from django.test import RequestFactory

    from kaltim_yanlik.core.views import galat_500

    try:
        raise galat
    except type(galat):
        respons = galat_500(RequestFactory().get("/"))
    assert respons.status_code == 503 and respons["Retry-After"] == "30"
    assert "tidak tersedia" in respons.content.decode().lower()
    try:
        raise ValueError("galat lain")
    except ValueError:
        assert galat_500(RequestFactory().get("/")).status_code == 500


def test_favicon_tersedia_tanpa_login_dan_disebut_halaman_admin(client, admin_portal):
    """Tanpa ikon, setiap halaman admin mencatat GET /favicon.ico 404 di log."""
    r = client.get("/favicon.ico")
    assert r.status_code == 200 and r["Content-Type"] == "image/x-icon"
    assert r.content[:4] == b"\x00\x00\x01\x00"  # berkas ICO sungguhan
    assert "max-age" in r["Cache-Control"]
    client.force_login(admin_portal)
    isi = client.get("/admin/").content.decode()
    assert 'rel="icon"' in isi and "favicon.ico" in isi
