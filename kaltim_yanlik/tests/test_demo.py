"""Perintah demo: memuat unit contoh, Pelaksana, dan akun setiap peran; aman dijalankan dua kali."""

import io

import pytest
from django.core.management import call_command
from django.urls import reverse

from akun.models import Pengguna
from kode_etik.models import JenisLayanan, Pelaksana, Penyelenggara

pytestmark = pytest.mark.django_db

AKUN = ["admin", "biro", "pimpinan", "kepala.dinkes", "operator.dinkes", "kepala.samsat", "operator.samsat"]


def _jumlah():
    return (
        Penyelenggara.objects.count(),
        Pelaksana.objects.count(),
        JenisLayanan.objects.count(),
        Pengguna.objects.count(),
    )


def test_demo_dua_kali_tanpa_gandaan_dan_mencetak_sandi():
    keluaran = io.StringIO()
    call_command("demo", stdout=keluaran)
    pertama = _jumlah()
    call_command("demo", stdout=io.StringIO())
    assert _jumlah() == pertama
    assert pertama[0] == 51
    assert Pelaksana.objects.filter(penyelenggara__kode="UPTD-SAMSAT-SMD").exists()
    assert all(unit.kepala_id for unit in Penyelenggara.objects.all())
    teks = keluaran.getvalue()
    assert "yanlik-demo-2025" in teks
    assert all(username in teks for username in AKUN)


def test_setiap_akun_demo_masuk_dan_hanya_melihat_lingkupnya(client):
    call_command("demo", stdout=io.StringIO())
    samsat = Penyelenggara.objects.get(kode="UPTD-SAMSAT-SMD")
    dinkes = Penyelenggara.objects.get(kode="PD-DINKES")
    for username in AKUN:
        client.logout()
        r = client.post(reverse("akun:masuk"), {"username": username, "password": "yanlik-demo-2025"})
        assert r.status_code == 302, username
        daftar = client.get(reverse("kode_etik:penyelenggara_list"), {"cari": "Samsat Samarinda"})
        melihat_samsat = samsat.nama in daftar.content.decode()
        detail_dinkes = client.get(reverse("kode_etik:penyelenggara_detail", args=[dinkes.code])).status_code
        if username.endswith(".dinkes"):
            assert (melihat_samsat, detail_dinkes) == (False, 200), username
        elif username.endswith(".samsat"):
            assert (melihat_samsat, detail_dinkes) == (True, 404), username
        else:
            assert (melihat_samsat, detail_dinkes) == (True, 200), username
