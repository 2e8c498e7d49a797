"""Pengaturan dibaca dari lingkungan; mode produksi tanpa SECRET_KEY menolak berjalan."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CETAK = (
    "import django; django.setup(); from django.conf import settings as s; "
    "print(s.DATABASES['default']['ENGINE'], s.CELERY_TASK_ALWAYS_EAGER, s.MEDIA_ROOT, s.EMAIL_BACKEND, "
    "s.LANGUAGE_CODE, s.TIME_ZONE, s.USE_TZ, s.DEBUG)"
)


def _jalankan(env_tambahan: dict) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k in ("PATH", "HOME", "LANG")}
    env.update({"DJANGO_SETTINGS_MODULE": "kaltim_yanlik.settings", **env_tambahan})
    return subprocess.run(
        [sys.executable, "-c", CETAK], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )


def test_tanpa_lingkungan_berjalan_pada_bawaan_tertanam():
    hasil = _jalankan({})
    assert hasil.returncode == 0, hasil.stderr
    engine, eager, media, email, bahasa, zona, tz, debug = hasil.stdout.split()
    assert engine == "django.db.backends.sqlite3"
    assert eager == "True"
    assert media == str(ROOT / "var" / "media")
    assert email == "django.core.mail.backends.console.EmailBackend"
    assert (bahasa, zona, tz, debug) == ("id", "Asia/Makassar", "True", "True")


def test_produksi_tanpa_secret_key_menolak_berjalan():
    hasil = _jalankan({"DEBUG": "False"})
    assert hasil.returncode != 0
    assert "SECRET_KEY wajib diisi bila DEBUG=False" in hasil.stderr


def test_produksi_dengan_lingkungan_memakai_postgres_dan_broker():
    hasil = _jalankan(
        {
            "DEBUG": "False",
            "SECRET_KEY": "uji-" + "x" * 60,
            "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/kaltim_yanlik",
            "REDIS_URL": "redis://127.0.0.1:6379/0",
            "ALLOWED_HOSTS": "yanlik.kaltimprov.go.id",
        }
    )
    assert hasil.returncode == 0, hasil.stderr
    engine, eager, *_rest, debug = hasil.stdout.split()
    assert engine == "django.db.backends.postgresql"
    assert eager == "False"
    assert debug == "False"


def test_setelan_keberatan_lama_diperingatkan_karena_kini_data(monkeypatch):
    """SANKSI_BATAS_KEBERATAN_HARI diganti data admin (hari kerja); nilainya di .env memicu peringatan."""
    from kaltim_yanlik.core.checks import periksa_setelan_usang

    monkeypatch.delenv("SANKSI_BATAS_KEBERATAN_HARI", raising=False)
    assert periksa_setelan_usang() == []
    monkeypatch.setenv("SANKSI_BATAS_KEBERATAN_HARI", "14")
    peringatan = periksa_setelan_usang()
    assert [p.id for p in peringatan] == ["core.W002"] and "Aturan upaya administratif" in peringatan[0].msg
