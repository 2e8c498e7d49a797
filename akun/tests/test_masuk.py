"""Halaman masuk, keluar, ganti sandi, dan penguncian setelah gagal berulang (django-axes)."""

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.urls import reverse

pytestmark = pytest.mark.django_db


def _masuk(client, username, password):
    return client.post(reverse("akun:masuk"), {"username": username, "password": password})


def test_masuk_berhasil_membuka_beranda_peran(client, operator_dinkes):
    r = _masuk(client, "operator.dinkes", "sandi-uji-123")
    assert r.status_code == 302
    beranda = client.get(r.url).content.decode()
    assert "Operator" in beranda and "Dinas Kesehatan" in beranda


def test_sandi_salah_dijawab_dalam_bahasa_indonesia(client, operator_dinkes):
    r = _masuk(client, "operator.dinkes", "salah")
    assert r.status_code == 200
    assert "Nama pengguna atau kata sandi salah" in r.content.decode()
    assert "_auth_user_id" not in client.session


def test_terkunci_setelah_gagal_berulang_walau_sandi_benar(client, operator_dinkes):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _masuk(client, "operator.dinkes", "salah")
    r = _masuk(client, "operator.dinkes", "sandi-uji-123")
    assert r.status_code == 429
    assert "Akun terkunci sementara" in r.content.decode()
    assert "_auth_user_id" not in client.session
    assert (
        AccessAttempt.objects.get(username="operator.dinkes").failures_since_start
        >= settings.AXES_FAILURE_LIMIT
    )


def test_sandi_tidak_pernah_disimpan_di_catatan_percobaan(client, operator_dinkes):
    _masuk(client, "operator.dinkes", "rahasia-sekali-987")
    percobaan = AccessAttempt.objects.get(username="operator.dinkes")
    assert "rahasia-sekali-987" not in percobaan.post_data


def test_keluar_hanya_lewat_post(client, operator_dinkes):
    client.force_login(operator_dinkes)
    assert client.get(reverse("akun:keluar")).status_code == 405
    client.post(reverse("akun:keluar"))
    assert "_auth_user_id" not in client.session


def test_ganti_sandi(client, operator_dinkes):
    client.force_login(operator_dinkes)
    r = client.post(
        reverse("akun:ganti_sandi"),
        {
            "old_password": "sandi-uji-123",
            "new_password1": "Kaltim-Berakhlak-2025",
            "new_password2": "Kaltim-Berakhlak-2025",
        },
    )
    assert r.status_code == 302
    operator_dinkes.refresh_from_db()
    assert operator_dinkes.check_password("Kaltim-Berakhlak-2025")


def test_ganti_sandi_salah_tidak_mengubah_apa_pun(client, operator_dinkes):
    client.force_login(operator_dinkes)
    r = client.post(
        reverse("akun:ganti_sandi"),
        {
            "old_password": "bukan",
            "new_password1": "Kaltim-Berakhlak-2025",
            "new_password2": "Kaltim-Berakhlak-2025",
        },
    )
    assert r.status_code == 200
    operator_dinkes.refresh_from_db()
    assert operator_dinkes.check_password("sandi-uji-123")


def test_halaman_perlu_login_dialihkan_ke_masuk(client):
    r = client.get(reverse("kode_etik:pelaksana_list"))
    assert r.status_code == 302 and r.url.startswith(reverse("akun:masuk"))


def test_createsuperuser_membuat_akun_admin_tanpa_unit(db):
    """Akun admin pertama di produksi dibuat dengan ``manage.py createsuperuser`` (docs/penerapan.md)."""
    from django.core.management import call_command

    from akun.models import Pengguna

    call_command("createsuperuser", "--noinput", username="admin.pertama", email="a@kaltimprov.go.id")
    admin = Pengguna.objects.get(username="admin.pertama")
    assert admin.peran == "admin" and admin.is_superuser and admin.is_staff and admin.penyelenggara is None


def test_nama_pengguna_terlalu_panjang_ditolak_formulir_bukan_500(client, db):
    """AuthenticationForm membatasi panjang hanya di widget; axes menyimpan nama pengguna (kolom 255)."""
    from axes.models import AccessAttempt
    from django.urls import reverse

    r = client.post(reverse("akun:masuk"), {"username": "x" * 300, "password": "salah"})
    assert r.status_code == 200 and "150" in r.content.decode()
    assert not AccessAttempt.objects.exists()
