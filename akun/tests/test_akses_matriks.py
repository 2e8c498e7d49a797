"""Matriks akses: peran × unit sendiri × unit lain, untuk halaman Penyelenggara, Pelaksana, dan admin."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def _status(client, user, url):
    client.force_login(user)
    return client.get(url).status_code


# (persona, halaman milik unit sendiri → status, halaman unit lain → status)
HALAMAN_DETAIL = [
    ("admin_portal", 200, 200),
    ("biro", 200, 200),
    ("sekda", 200, 200),
    ("pimpinan", 200, 200),
    ("kepala_dinkes", 200, 404),
    ("operator_dinkes", 200, 404),
]


@pytest.mark.parametrize(("persona", "sendiri", "lain"), HALAMAN_DETAIL)
def test_detail_penyelenggara_dan_pelaksana(
    client, request, persona, sendiri, lain, pelaksana_dinkes, pelaksana_samsat
):
    user = request.getfixturevalue(persona)
    milik_sendiri = [
        reverse("kode_etik:penyelenggara_detail", args=[pelaksana_dinkes.penyelenggara.code]),
        reverse("kode_etik:pelaksana_detail", args=[pelaksana_dinkes.code]),
    ]
    milik_lain = [
        reverse("kode_etik:penyelenggara_detail", args=[pelaksana_samsat.penyelenggara.code]),
        reverse("kode_etik:pelaksana_detail", args=[pelaksana_samsat.code]),
    ]
    assert [_status(client, user, u) for u in milik_sendiri] == [sendiri] * 2
    assert [_status(client, user, u) for u in milik_lain] == [lain] * 2


# (persona, ubah Pelaksana unit sendiri, ubah Pelaksana unit lain)
HALAMAN_UBAH_PELAKSANA = [
    ("admin_portal", 200, 200),
    ("biro", 200, 200),
    ("sekda", 403, 403),
    ("pimpinan", 403, 403),
    ("kepala_dinkes", 200, 404),
    ("operator_dinkes", 200, 404),
]


@pytest.mark.parametrize(("persona", "sendiri", "lain"), HALAMAN_UBAH_PELAKSANA)
def test_ubah_pelaksana(client, request, persona, sendiri, lain, pelaksana_dinkes, pelaksana_samsat):
    user = request.getfixturevalue(persona)
    assert _status(client, user, reverse("kode_etik:pelaksana_ubah", args=[pelaksana_dinkes.code])) == sendiri
    assert _status(client, user, reverse("kode_etik:pelaksana_ubah", args=[pelaksana_samsat.code])) == lain


@pytest.mark.parametrize(
    ("persona", "harapan"),
    [
        ("admin_portal", 200),
        ("biro", 200),
        ("pimpinan", 403),
        ("kepala_dinkes", 403),
        ("operator_dinkes", 403),
    ],
)
def test_ubah_penyelenggara_hanya_biro_dan_admin(client, request, persona, harapan, dinkes):
    user = request.getfixturevalue(persona)
    assert _status(client, user, reverse("kode_etik:penyelenggara_ubah", args=[dinkes.code])) == harapan


@pytest.mark.parametrize(
    ("persona", "sendiri", "lain"),
    [
        ("admin_portal", 200, 200),
        ("biro", 200, 200),
        ("pimpinan", 404, 404),
        ("kepala_dinkes", 404, 404),
        ("operator_dinkes", 404, 404),
    ],
)
def test_admin_pelaksana_dan_penyelenggara(
    client, request, persona, sendiri, lain, pelaksana_dinkes, pelaksana_samsat
):
    user = request.getfixturevalue(persona)
    for objek, harapan in ((pelaksana_dinkes, sendiri), (pelaksana_samsat, lain)):
        url_pelaksana = reverse("admin:kode_etik_pelaksana_change", args=[objek.pk])
        url_unit = reverse("admin:kode_etik_penyelenggara_change", args=[objek.penyelenggara.pk])
        assert _status(client, user, url_pelaksana) == harapan
        assert _status(client, user, url_unit) == harapan


def test_admin_tanpa_login_dialihkan_ke_halaman_masuk(client, dinkes):
    r = client.get(reverse("admin:kode_etik_penyelenggara_change", args=[dinkes.pk]), follow=True)
    assert r.redirect_chain[-1][0].startswith(reverse("akun:masuk"))
    assert "Masuk ke Kaltim YANLIK" in r.content.decode()
    assert dinkes.nama not in r.content.decode()


def test_admin_objek_tidak_ada_dijawab_404_bukan_dialihkan(client, biro):
    client.force_login(biro)
    assert client.get(reverse("admin:kode_etik_pelaksana_change", args=[999_999])).status_code == 404


def test_kepala_uptd_tidak_menjangkau_pd_induknya(
    client, kepala_labkes, dinkes, pelaksana_dinkes, pelaksana_labkes
):
    client.force_login(kepala_labkes)
    assert client.get(reverse("kode_etik:penyelenggara_detail", args=[dinkes.code])).status_code == 404
    assert client.get(reverse("kode_etik:pelaksana_detail", args=[pelaksana_dinkes.code])).status_code == 404
    assert client.get(reverse("kode_etik:pelaksana_detail", args=[pelaksana_labkes.code])).status_code == 200


def test_kepala_pd_menjangkau_uptd_di_bawahnya(client, kepala_dinkes, labkes, pelaksana_labkes):
    client.force_login(kepala_dinkes)
    assert client.get(reverse("kode_etik:penyelenggara_detail", args=[labkes.code])).status_code == 200
    assert client.get(reverse("kode_etik:pelaksana_detail", args=[pelaksana_labkes.code])).status_code == 200
    assert client.get(reverse("kode_etik:pelaksana_ubah", args=[pelaksana_labkes.code])).status_code == 200


def test_daftar_pelaksana_hanya_memuat_lingkup_sendiri(
    client, operator_samsat, pelaksana_dinkes, pelaksana_samsat
):
    client.force_login(operator_samsat)
    isi = client.get(reverse("kode_etik:pelaksana_list")).content.decode()
    assert pelaksana_samsat.nama in isi
    assert pelaksana_dinkes.nama not in isi


def test_daftar_penyelenggara_opd_tidak_memuat_unit_lain(client, kepala_dinkes, labkes, samsat):
    client.force_login(kepala_dinkes)
    isi = client.get(reverse("kode_etik:penyelenggara_list")).content.decode()
    assert labkes.nama in isi
    assert samsat.nama not in isi
    assert "Dinas Kesehatan" in isi


def test_sekda_membaca_semua_unit_tetapi_tidak_memakai_admin(client, sekda, pelaksana_samsat):
    """Sekda berlingkup provinsi seperti pimpinan; keputusannya lewat tabel kewenangan, bukan admin situs."""
    client.force_login(sekda)
    assert client.get(reverse("kode_etik:pelaksana_detail", args=[pelaksana_samsat.code])).status_code == 200
    assert client.get(reverse("sanksi:kasus_daftar")).status_code == 200
    assert client.get(reverse("admin:index")).status_code == 404
    assert client.get(reverse("sanksi:kasus_buka")).status_code == 403
