"""Halaman galat berbahasa Indonesia, termasuk 500 yang tidak bergantung pada konteks apa pun."""

import pytest
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
