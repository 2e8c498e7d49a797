"""Norma Pergub 8/2025 terpasang sebagai data oleh migrasi, dan tampil di halaman publik."""

import pytest
from django.urls import reverse

from kode_etik.models import Larangan, Norma

pytestmark = pytest.mark.django_db


def test_empat_belas_larangan_pasal_10_dengan_jalur_sanksinya():
    jalur = dict(Larangan.objects.values_list("huruf", "jalur_sanksi"))
    assert sorted(jalur) == list("abcdefghijklmn")
    assert {h for h, j in jalur.items() if j == "perundang_undangan"} == set("cdfk")
    assert {h for h, j in jalur.items() if j == "administratif"} == set("abeghijlmn")


def test_teks_larangan_sesuai_bahan_diseminasi():
    assert Larangan.objects.get(huruf="c").teks.startswith("Meminta dan/atau menerima imbalan")
    assert "bahasa yang tidak pantas/kasar" in Larangan.objects.get(huruf="i").teks
    assert Larangan.objects.get(huruf="n").teks.startswith("Menghambat, menghindari, menolak")


@pytest.mark.parametrize(
    ("kelompok", "jumlah"),
    [
        ("prinsip", 6),
        ("asas", 12),
        ("tata_aturan", 6),
        ("hak", 11),
        ("kewajiban", 11),
        ("nilai", 10),
        ("budaya", 7),
    ],
)
def test_jumlah_butir_norma_per_kelompok(kelompok, jumlah):
    assert Norma.objects.filter(kelompok=kelompok).count() == jumlah


def test_halaman_kode_etik_terbuka_untuk_publik(client):
    r = client.get(reverse("kode_etik:publik"))
    isi = r.content.decode()
    assert r.status_code == 200
    assert "Kode Etik Pelayanan Publik" in isi
    assert "Ramah, bersahabat dan tersenyum." in isi
    assert "Melakukan korupsi, kolusi, dan nepotisme." in isi
    assert "huruf a, b, e, g, h, i, j, l, m, n dikenakan sanksi administratif" in isi


def test_jalur_di_halaman_publik_mengikuti_data(client):
    Larangan.objects.filter(huruf="k").update(jalur_sanksi="administratif")
    isi = client.get(reverse("kode_etik:publik")).content.decode()
    assert "huruf c, d, f dikenakan sanksi sesuai peraturan perundang-undangan" in isi


def test_admin_dapat_mengubah_jalur_larangan_dan_tercatat(client, admin_portal):
    from kaltim_yanlik.core.models import JejakAudit

    larangan = Larangan.objects.get(huruf="k")
    client.force_login(admin_portal)
    r = client.post(
        reverse("admin:kode_etik_larangan_change", args=[larangan.pk]),
        {"huruf": "k", "teks": larangan.teks, "jalur_sanksi": "administratif"},
    )
    assert r.status_code == 302
    larangan.refresh_from_db()
    assert larangan.jalur_sanksi == "administratif"
    assert JejakAudit.objects.filter(aksi="kode_etik.larangan.diubah", object_id=str(larangan.pk)).exists()


def test_biro_tidak_boleh_mengubah_norma(client, biro):
    larangan = Larangan.objects.get(huruf="a")
    client.force_login(biro)
    r = client.post(
        reverse("admin:kode_etik_larangan_change", args=[larangan.pk]),
        {"huruf": "a", "teks": "diubah", "jalur_sanksi": "perundang_undangan"},
    )
    assert r.status_code == 403
    larangan.refresh_from_db()
    assert larangan.jalur_sanksi == "administratif"
