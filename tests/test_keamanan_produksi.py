"""Mode produksi: header keamanan dan CSP, cookie aman, CSRF, penguncian login, dan sandi yang tidak pernah
tercatat (log, jejak audit, catatan django-axes). Pengaturan produksi disalin dari settings.py saat DEBUG
mati."""

import logging
import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.conf import settings
from django.test import Client, override_settings
from django.urls import reverse

from akun.models import Pengguna, Peran
from kaltim_yanlik.core.grafik import grafik_batang_horizontal
from kaltim_yanlik.core.keamanan import KEBIJAKAN_CSP
from kaltim_yanlik.core.models import JejakAudit

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[1]
SANDI_LAMA = "sandi-uji-123"  # dari conftest.py
SANDI_SALAH = "Salah-Tebak-Sandi-7391"
SANDI_BARU = "Kaltim-Berakhlak-Ganti-5120"
SANDI_ADMIN = "Sandi-Pengguna-Baru-8842"

# Sama dengan settings.py saat DEBUG=False (SECURE = not DEBUG); uji ini menjaga nilainya, bukan rumusnya.
PRODUKSI = override_settings(
    DEBUG=False,
    SESSION_COOKIE_SECURE=True,
    CSRF_COOKIE_SECURE=True,
    SECURE_SSL_REDIRECT=True,
    SECURE_HSTS_SECONDS=31_536_000,
    SECURE_HSTS_INCLUDE_SUBDOMAINS=True,
    SECURE_HSTS_PRELOAD=True,
)


class _KlienHttps(Client):
    """Setiap permintaan lewat HTTPS, seperti di belakang TLS produksi."""

    def generic(self, *args, secure=True, **kwargs):
        return super().generic(*args, secure=True, **kwargs)


def _klien_https(**opsi) -> Client:
    return _KlienHttps(**opsi)


@pytest.fixture
def https():
    """Klien HTTPS dalam mode produksi (tanpa HTTPS, SECURE_SSL_REDIRECT mengalihkan semua permintaan)."""
    with PRODUKSI:
        yield _klien_https()


def _arahan_csp(header: str) -> dict[str, list[str]]:
    arahan = {}
    for bagian in header.split(";"):
        nama, *nilai = bagian.split()
        arahan[nama] = nilai
    return arahan


def test_http_dialihkan_ke_https():
    with PRODUKSI:
        r = Client().get(reverse("akun:masuk"))
    assert r.status_code == 301 and r.url.startswith("https://")


def test_header_keamanan_di_halaman(https):
    r = https.get(reverse("akun:masuk"))
    assert r.status_code == 200
    assert r["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    assert r["X-Content-Type-Options"] == "nosniff"
    assert r["Referrer-Policy"] == "same-origin"
    assert r["X-Frame-Options"] == "DENY"
    assert r["Cross-Origin-Opener-Policy"] == "same-origin"
    assert "camera=()" in r["Permissions-Policy"] and "geolocation=()" in r["Permissions-Policy"]
    csp = _arahan_csp(r["Content-Security-Policy"])
    assert csp["default-src"] == ["'self'"]
    assert csp["script-src"] == ["'self'"]  # tanpa 'unsafe-inline' / 'unsafe-eval'
    assert csp["object-src"] == ["'none'"]
    assert csp["frame-ancestors"] == ["'none'"]
    assert csp["base-uri"] == ["'self'"] and csp["form-action"] == ["'self'"]
    assert csp["img-src"] == ["'self'", "data:"]
    assert "'unsafe-inline'" not in csp["style-src"]


def test_csp_juga_di_halaman_galat_dan_admin(https, biro):
    assert "Content-Security-Policy" in https.get("/tidak-ada/")
    https.force_login(biro)
    assert "Content-Security-Policy" in https.get(reverse("admin:index"))


def test_halaman_debug_django_tanpa_csp_hanya_saat_debug(client):
    # Halaman 404 teknis Django (DEBUG) memakai gaya/skrip inline; di produksi templat 404 portal dipakai.
    with override_settings(DEBUG=True):
        r = client.get("/tidak-ada/")
    assert r.status_code == 404 and "Content-Security-Policy" not in r
    r = client.get("/tidak-ada/")
    assert r.status_code == 404 and "Content-Security-Policy" in r


@override_settings(CSP_LAPOR_SAJA=True)
def test_csp_lapor_saja_lewat_pengaturan(client):
    r = client.get(reverse("akun:masuk"))
    assert r["Content-Security-Policy-Report-Only"] == KEBIJAKAN_CSP
    assert "Content-Security-Policy" not in r


@pytest.mark.django_db
def test_grafik_svg_tanpa_gaya_inline_sehingga_style_src_tanpa_pengecualian():
    """Grafik memakai atribut presentasi SVG, bukan <style> atau style="...": style-src cukup 'self'."""
    grafik = grafik_batang_horizontal(["A", "B"], [1, 2], judul="Uji", target=5)
    for svg in (grafik.svg_lebar, grafik.svg_sempit):
        assert "<style" not in svg and " style=" not in svg
    assert _arahan_csp(KEBIJAKAN_CSP)["style-src"] == ["'self'"]


def test_templat_tanpa_skrip_inline_dan_handler_on():
    """CSP memblokir keduanya; templat baru harus memakai berkas static/js/*.js."""
    pelanggaran = []
    for berkas in (ROOT / "templates").rglob("*.html"):
        if berkas.relative_to(ROOT / "templates").parts[0] == "dokumen":
            continue  # templat PDF (WeasyPrint), tidak dibuka peramban
        teks = berkas.read_text()
        for tag in re.findall(r"<script\b[^>]*>", teks):
            if "src=" not in tag:
                pelanggaran.append(f"{berkas}: {tag}")
        pelanggaran += [f"{berkas}: {m}" for m in re.findall(r"\son[a-z]+\s*=", teks)]
        pelanggaran += [f"{berkas}: <style>" for _ in re.findall(r"<style\b", teks)]
    assert not pelanggaran


def test_cookie_sesi_dan_csrf_aman(https, operator_dinkes):
    r = https.get(reverse("akun:masuk"))
    csrf = r.cookies[settings.CSRF_COOKIE_NAME]
    assert csrf["secure"] and csrf["samesite"] == "Lax"
    r = https.post(reverse("akun:masuk"), {"username": "operator.dinkes", "password": SANDI_LAMA})
    assert r.status_code == 302
    sesi = r.cookies[settings.SESSION_COOKIE_NAME]
    assert sesi["secure"] and sesi["httponly"] and sesi["samesite"] == "Lax"


def test_csrf_ditegakkan_dengan_halaman_indonesia(operator_dinkes):
    with PRODUKSI:
        klien = _klien_https(enforce_csrf_checks=True)
        r = klien.post(reverse("akun:masuk"), {"username": "operator.dinkes", "password": SANDI_LAMA})
        assert r.status_code == 403
        assert [t.name for t in r.templates][0] == "403_csrf.html"  # bukan templat bawaan (gaya inline)
        assert "Verifikasi CSRF gagal" in r.content.decode()
        assert "_auth_user_id" not in klien.session
        # Dengan token yang sah (dan Origin yang sama, wajib di HTTPS), permintaan yang sama diterima.
        klien.get(reverse("akun:masuk"))
        token = klien.cookies[settings.CSRF_COOKIE_NAME].value
        r = klien.post(
            reverse("akun:masuk"),
            {"username": "operator.dinkes", "password": SANDI_LAMA, "csrfmiddlewaretoken": token},
            headers={"Origin": "https://testserver"},
        )
        assert r.status_code == 302


def test_terkunci_memakai_templat_indonesia_dan_tidak_bisa_masuk(https, operator_dinkes):
    # Dasar penguncian diuji di akun/tests/test_masuk.py; di sini: templat terkunci.html di mode produksi,
    # dan penguncian berlaku per nama pengguna + alamat (akun lain dari alamat yang sama tetap bisa masuk).
    for _ in range(settings.AXES_FAILURE_LIMIT):
        https.post(reverse("akun:masuk"), {"username": "operator.dinkes", "password": SANDI_SALAH})
    r = https.post(reverse("akun:masuk"), {"username": "operator.dinkes", "password": SANDI_LAMA})
    assert r.status_code == 429
    assert "akun/terkunci.html" in [t.name for t in r.templates]
    assert "Akun terkunci sementara" in r.content.decode()
    assert "Content-Security-Policy" in r
    Pengguna.objects.create_user(username="lain", password=SANDI_LAMA, nama="Lain", peran=Peran.PIMPINAN)
    r = https.post(reverse("akun:masuk"), {"username": "lain", "password": SANDI_LAMA})
    assert r.status_code == 302


@pytest.fixture
def semua_log(caplog):
    """Tangkap semua logger pada DEBUG, termasuk yang tingkatnya dinaikkan di LOGGING (axes, celery)."""
    caplog.set_level(logging.DEBUG)
    for nama in list(logging.root.manager.loggerDict):
        caplog.set_level(logging.DEBUG, logger=nama)
    return caplog


def _jejak_teks() -> str:
    return " ".join(
        [str(list(JejakAudit.objects.values_list("data", "objek_repr")))]
        + [str(list(m.objects.values())) for m in (AccessAttempt, AccessFailureLog, AccessLog)]
    )


@pytest.fixture(params=["produksi", "pengembangan"])
def klien_mode(request):
    """Produksi (HTTPS, DEBUG mati) dan pengembangan (DEBUG menyala: setiap kueri SQL ikut tercatat)."""
    if request.param == "produksi":
        with PRODUKSI:
            yield _klien_https()
    else:
        with override_settings(DEBUG=True):
            yield Client()


def test_sandi_tidak_pernah_tercatat(klien_mode, semua_log, operator_dinkes, admin_portal):
    https = klien_mode
    masuk = reverse("akun:masuk")
    https.post(masuk, {"username": "operator.dinkes", "password": SANDI_SALAH})
    https.post(masuk, {"username": "operator.dinkes", "password": SANDI_LAMA})
    r = https.post(
        reverse("akun:ganti_sandi"),
        {"old_password": SANDI_LAMA, "new_password1": SANDI_BARU, "new_password2": SANDI_BARU},
    )
    assert r.status_code == 302
    https.post(reverse("akun:keluar"))

    https.post(masuk, {"username": "admin", "password": SANDI_LAMA})
    r = https.post(
        reverse("admin:akun_pengguna_add"),
        {"username": "pengguna.baru", "nama": "Pengguna Baru", "peran": Peran.PIMPINAN, "is_active": "on"}
        | {"sandi_baru": SANDI_ADMIN},
    )
    assert r.status_code == 302, r.content.decode()[:2000]
    assert Pengguna.objects.get(username="pengguna.baru").check_password(SANDI_ADMIN)
    assert semua_log.records, "tidak ada log yang tertangkap; penangkap log tidak bekerja"
    if settings.DEBUG:  # mode pengembangan: kueri SQL (termasuk INSERT/UPDATE) ikut diperiksa
        assert any(r.name == "django.db.backends" for r in semua_log.records)

    log = "\n".join(
        f"{r.getMessage()} {r.args!r} {getattr(r, 'request', '')!r} {vars(r)!r}" for r in semua_log.records
    )
    jejak = _jejak_teks()
    assert JejakAudit.objects.filter(aksi__startswith="akun.").exists()
    for sandi in (SANDI_LAMA, SANDI_SALAH, SANDI_BARU, SANDI_ADMIN):
        assert sandi not in log
        assert sandi not in jejak


def test_check_deploy_bersih():
    env = {k: v for k, v in os.environ.items() if k in ("PATH", "HOME", "LANG")}
    env |= {
        "DJANGO_SETTINGS_MODULE": "kaltim_yanlik.settings",
        "DEBUG": "False",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "yanlik.kaltimprov.go.id",
    }
    hasil = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert hasil.returncode == 0, hasil.stdout + hasil.stderr
