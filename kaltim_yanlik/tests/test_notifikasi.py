"""Notifikasi: hanya milik sendiri, dibaca saat dibuka, e-mail per penerima, kunci mencegah ganda."""

import pytest
from django.core import mail
from django.urls import reverse

from kaltim_yanlik.core.models import Notifikasi
from kaltim_yanlik.core.notifikasi import notifikasi_kirim

pytestmark = pytest.mark.django_db


def test_halaman_hanya_memuat_notifikasi_sendiri_dan_menandai_dibaca(
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
    assert not Notifikasi.objects.filter(penerima=operator_dinkes, dibaca_pada__isnull=True).exists()
    assert Notifikasi.objects.filter(penerima=operator_samsat, dibaca_pada__isnull=True).exists()


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
