"""Verifikasi dua langkah (WAJIB_2FA): pendaftaran, masuk dengan kode, kode salah dan kode ulang ditolak,
kode cadangan sekali pakai, admin Django ikut terkunci, penguncian axes tetap pada langkah kata sandi."""

import re
import time

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from kaltim_yanlik.core.models import JejakAudit

pytestmark = pytest.mark.django_db
SANDI = "sandi-uji-123"


@pytest.fixture(autouse=True)
def wajib_2fa(settings):
    settings.WAJIB_2FA = True
    # Tanpa jeda antarpercobaan di uji alur; uji jeda menyalakannya sendiri.
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    settings.OTP_STATIC_THROTTLE_FACTOR = 0


def _masuk(client, username, next_=""):
    data = {"username": username, "password": SANDI}
    return client.post(reverse("akun:masuk") + (f"?next={next_}" if next_ else ""), data)


def _kode(perangkat, langkah_maju: int = 0) -> str:
    totp = TOTP(perangkat.bin_key, perangkat.step, perangkat.t0, perangkat.digits, perangkat.drift)
    totp.time = time.time() + langkah_maju * perangkat.step
    return f"{totp.token():06d}"


def _daftar(client, user) -> list[str]:
    """Masuk, buka pendaftaran (QR + rahasia teks), konfirmasi dengan kode; kembalikan kode cadangan."""
    r = _masuk(client, user.username)
    assert r.url.startswith(reverse("akun:dua_faktor_daftar"))
    halaman = client.get(r.url)
    assert "<svg" in halaman.text
    perangkat = TOTPDevice.objects.get(user=user, confirmed=False)
    rahasia = re.search(r'id="rahasia-teks">([A-Z2-7 ]+)<', halaman.text).group(1).replace(" ", "")
    from base64 import b32encode

    assert rahasia == b32encode(perangkat.bin_key).decode().rstrip("=")
    r = client.post(reverse("akun:dua_faktor_daftar"), {"kode": _kode(perangkat)}, follow=True)
    assert r.status_code == 200 and "hanya ditampilkan sekarang" in r.text
    # Sekali saja: muat ulang tidak menampilkannya lagi.
    assert (
        "hanya ditampilkan sekarang"
        not in client.get(reverse("akun:dua_faktor_kode_cadangan"), follow=True).text
    )
    return re.findall(r'<span class="d-block border rounded py-1 user-select-all">(\w+)</span>', r.text)


def test_peran_istimewa_tanpa_verifikasi_tidak_membuka_apa_pun(client, biro):
    r = _masuk(client, "biro")
    assert r.status_code == 302 and r.url.startswith(reverse("akun:dua_faktor_daftar"))
    for url in (reverse("beranda"), reverse("evaluasi:siklus_daftar"), reverse("admin:index")):
        jawab = client.get(url)
        assert jawab.status_code == 302 and jawab.url.startswith(reverse("akun:dua_faktor_daftar")), url


def test_daftar_keluar_lalu_masuk_dengan_sandi_dan_kode(client, biro):
    cadangan = _daftar(client, biro)
    assert len(cadangan) == 10
    assert client.get(reverse("beranda")).status_code == 200  # sesi pendaftaran sudah terverifikasi
    client.post(reverse("akun:keluar"))

    r = _masuk(client, "biro", next_=reverse("evaluasi:siklus_daftar"))
    assert r.url.startswith(reverse("akun:dua_faktor_verifikasi"))
    assert client.get(reverse("evaluasi:siklus_daftar")).status_code == 302
    perangkat = TOTPDevice.objects.get(user=biro, confirmed=True)
    r = client.post(r.url, {"kode": _kode(perangkat, langkah_maju=1)})
    assert r.status_code == 302 and r.url == reverse("evaluasi:siklus_daftar")
    assert client.get(reverse("evaluasi:siklus_daftar")).status_code == 200
    assert JejakAudit.objects.filter(aksi="akun.2fa.didaftarkan", pengguna=biro).exists()


def test_kode_salah_dan_kode_yang_diulang_ditolak_dan_dicatat(client, admin_portal):
    _daftar(client, admin_portal)
    client.post(reverse("akun:keluar"))
    perangkat = TOTPDevice.objects.get(user=admin_portal, confirmed=True)
    _masuk(client, "admin")
    url = reverse("akun:dua_faktor_verifikasi")

    salah = client.post(url, {"kode": "000000" if _kode(perangkat, 1) != "000000" else "111111"})
    assert salah.status_code == 400 and "Kode salah" in salah.text
    kode = _kode(perangkat, langkah_maju=1)
    assert client.post(url, {"kode": kode}).status_code == 302
    client.post(reverse("akun:keluar"))

    _masuk(client, "admin")
    ulang = client.post(url, {"kode": kode})  # langkah waktu yang sama: kode sudah terpakai
    assert ulang.status_code == 400 and "sudah pernah dipakai" in ulang.text
    assert client.get(reverse("admin:index")).status_code == 302
    assert JejakAudit.objects.filter(aksi="akun.2fa.kode_salah", pengguna=admin_portal).count() == 2


def test_kode_cadangan_berlaku_sekali(client, biro):
    cadangan = _daftar(client, biro)
    client.post(reverse("akun:keluar"))
    url = reverse("akun:dua_faktor_verifikasi")
    _masuk(client, "biro")
    assert client.post(url, {"kode": cadangan[0]}).status_code == 302
    assert client.get(reverse("beranda")).status_code == 200
    client.post(reverse("akun:keluar"))
    _masuk(client, "biro")
    assert client.post(url, {"kode": cadangan[0]}).status_code == 400
    assert JejakAudit.objects.filter(aksi="akun.2fa.kode_cadangan_dipakai").count() == 1


def test_kode_cadangan_dapat_dibuat_ulang_dan_yang_lama_hangus(client, biro):
    lama = _daftar(client, biro)
    r = client.post(reverse("akun:dua_faktor_kode_cadangan"), follow=True)
    baru = re.findall(r'<span class="d-block border rounded py-1 user-select-all">(\w+)</span>', r.text)
    assert len(baru) == 10 and not set(baru) & set(lama)
    client.post(reverse("akun:keluar"))
    _masuk(client, "biro")
    assert client.post(reverse("akun:dua_faktor_verifikasi"), {"kode": lama[1]}).status_code == 400


def test_kode_salah_berturut_diperlambat(client, biro, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 60
    _daftar(client, biro)
    client.post(reverse("akun:keluar"))
    perangkat = TOTPDevice.objects.get(user=biro, confirmed=True)
    _masuk(client, "biro")
    url = reverse("akun:dua_faktor_verifikasi")
    client.post(url, {"kode": "12345x"[:5] + "9"})
    r = client.post(url, {"kode": _kode(perangkat, langkah_maju=1)})  # benar, tetapi masih dalam jeda
    assert r.status_code == 400 and "Terlalu banyak kode salah" in r.text


def test_penguncian_axes_tetap_pada_langkah_sandi(client, biro):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(reverse("akun:masuk"), {"username": "biro", "password": "salah"})
    assert _masuk(client, "biro").status_code == 429
    assert AccessAttempt.objects.get(username="biro").failures_since_start >= settings.AXES_FAILURE_LIMIT


def test_daftar_ulang_butuh_sesi_terverifikasi(client, biro):
    _daftar(client, biro)
    client.post(reverse("akun:keluar"))
    _masuk(client, "biro")  # kata sandi saja
    r = client.get(reverse("akun:dua_faktor_daftar"))
    assert r.status_code == 302 and r.url.startswith(reverse("akun:dua_faktor_verifikasi"))
    assert TOTPDevice.objects.filter(user=biro).count() == 1


def test_peran_lain_tidak_terdampak_dan_halaman_2fa_404(client, operator_dinkes, pimpinan):
    r = _masuk(client, "operator.dinkes")
    assert r.url == reverse("beranda")
    assert client.get(reverse("akun:dua_faktor_daftar")).status_code == 404


def test_mati_tanpa_wajib_2fa(client, biro, settings):
    settings.WAJIB_2FA = False
    assert _masuk(client, "biro").url == reverse("beranda")
    assert client.get(reverse("akun:dua_faktor_verifikasi")).status_code == 404


def test_sekda_ikut_wajib_dan_peran_di_luar_daftar_tidak(client, sekda, pimpinan, settings):
    assert _masuk(client, "sekda").url.startswith(reverse("akun:dua_faktor_daftar"))
    client.post(reverse("akun:keluar"))
    assert _masuk(client, "pimpinan").url == reverse("beranda")
    # Daftar peran adalah data (settings): nama peran yang tidak ada tidak mengganggu siapa pun.
    settings.PERAN_WAJIB_2FA = ["peran-yang-belum-ada"]
    client.post(reverse("akun:keluar"))
    assert _masuk(client, "sekda").url == reverse("beranda")
