"""Notifikasi: hanya milik sendiri, membuka daftar tidak mengubah apa pun, ditandai dibaca lewat POST (satu
atau semua), e-mail per penerima, kunci mencegah ganda."""

import pytest
from django.core import mail
from django.urls import reverse

from kaltim_yanlik.core.models import Notifikasi
from kaltim_yanlik.core.notifikasi import notifikasi_kirim

pytestmark = pytest.mark.django_db


def test_halaman_hanya_memuat_notifikasi_sendiri_dan_tidak_mengubah_apa_pun(
    client, operator_dinkes, operator_samsat
):
    notifikasi_kirim(penerima=[operator_dinkes], judul="Evaluasi Dinkes dikembalikan")
    notifikasi_kirim(penerima=[operator_samsat], judul="Evaluasi Samsat dikembalikan")
    client.force_login(operator_dinkes)
    beranda = client.get(reverse("beranda")).content.decode()
    assert "1 baru" in beranda
    isi = client.get(reverse("notifikasi")).content.decode()
    assert "Evaluasi Dinkes dikembalikan" in isi
    assert "Evaluasi Samsat" not in isi
    # GET tidak mengubah keadaan: notifikasi tetap belum dibaca sampai pengguna menandainya (POST).
    assert Notifikasi.objects.filter(penerima=operator_dinkes, dibaca_pada__isnull=True).count() == 1
    assert "1 baru" in client.get(reverse("beranda")).content.decode()


def test_tandai_satu_dibaca_lewat_post_lalu_membuka_tautannya(client, operator_dinkes, operator_samsat):
    notifikasi_kirim(penerima=[operator_dinkes], judul="A", tautan="/evaluasi/")
    notifikasi_kirim(penerima=[operator_dinkes], judul="B")
    notifikasi_kirim(penerima=[operator_samsat], judul="C")
    a, b = Notifikasi.objects.get(judul="A"), Notifikasi.objects.get(judul="B")
    c = Notifikasi.objects.get(judul="C")
    client.force_login(operator_dinkes)
    assert client.get(reverse("notifikasi_baca")).status_code == 405
    r = client.post(reverse("notifikasi_baca"), {"notifikasi": a.pk, "buka": "on"})
    assert (r.status_code, r.url) == (302, "/evaluasi/")
    a.refresh_from_db(), b.refresh_from_db()
    assert a.dibaca_pada is not None and b.dibaca_pada is None
    # Notifikasi orang lain: 404, tidak tersentuh.
    assert client.post(reverse("notifikasi_baca"), {"notifikasi": c.pk}).status_code == 404
    c.refresh_from_db()
    assert c.dibaca_pada is None


def test_tandai_semua_dibaca_hanya_milik_sendiri(client, operator_dinkes, operator_samsat):
    notifikasi_kirim(penerima=[operator_dinkes, operator_samsat], judul="Pengingat")
    notifikasi_kirim(penerima=[operator_dinkes], judul="Kedua")
    client.force_login(operator_dinkes)
    assert "Tandai semua dibaca" in client.get(reverse("notifikasi")).text
    assert client.post(reverse("notifikasi_baca_semua")).status_code == 302
    assert not Notifikasi.objects.filter(penerima=operator_dinkes, dibaca_pada__isnull=True).exists()
    assert Notifikasi.objects.filter(penerima=operator_samsat, dibaca_pada__isnull=True).exists()


def test_penandaan_butuh_csrf(operator_dinkes):
    from django.test import Client

    notifikasi_kirim(penerima=[operator_dinkes], judul="A")
    klien = Client(enforce_csrf_checks=True)
    klien.force_login(operator_dinkes)
    assert klien.post(reverse("notifikasi_baca_semua")).status_code == 403
    assert Notifikasi.objects.filter(dibaca_pada__isnull=True).count() == 1


def test_email_terpisah_per_penerima_setelah_commit(
    django_capture_on_commit_callbacks, kepala_dinkes, operator_dinkes
):
    kepala_dinkes.email, operator_dinkes.email = "kepala@dinkes.go.id", "operator@dinkes.go.id"
    with django_capture_on_commit_callbacks(execute=True):
        notifikasi_kirim(penerima=[kepala_dinkes, operator_dinkes], judul="Pengingat", isi="Isi pengingat")
    assert sorted(m.to[0] for m in mail.outbox) == ["kepala@dinkes.go.id", "operator@dinkes.go.id"]
    assert all(len(m.to) == 1 and m.subject == "[Kaltim YANLIK] Pengingat" for m in mail.outbox)


def test_kunci_mencegah_notifikasi_ganda(kepala_dinkes):
    assert notifikasi_kirim(penerima=[kepala_dinkes], judul="H-3", kunci="pengingat:x:3") == 1
    assert notifikasi_kirim(penerima=[kepala_dinkes], judul="H-3", kunci="pengingat:x:3") == 0
    assert Notifikasi.objects.count() == 1
