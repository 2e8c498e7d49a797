"""Lingkungan proses bench: setelan produksi (DEBUG=False, seperti env.example) tanpa TLS dan tanpa broker.

Bench mengukur konfigurasi yang disajikan, bukan lingkungan uji: tanpa DEBUG (Django tidak mencatat setiap
kueri), berkas statis lewat manifest whitenoise, tugas Celery dijalankan langsung (eager) di proses bench.
"""

import os
import secrets
import tempfile
from pathlib import Path


def pasang_produksi(awalan: str = "kaltim-bench-") -> Path:
    """Setel variabel lingkungan sebelum ``django.setup()``; kembalikan folder sementara media/statis."""
    folder = Path(tempfile.mkdtemp(prefix=awalan))
    for nama in ("REDIS_URL", "CELERY_BROKER_URL", "CELERY_RESULT_BACKEND", "CACHE_URL"):
        os.environ.pop(nama, None)
    os.environ.update(
        DJANGO_SETTINGS_MODULE="kaltim_yanlik.settings",
        DEBUG="False",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="testserver,127.0.0.1,localhost",
        SECURE_SSL_REDIRECT="False",
        SESSION_COOKIE_SECURE="False",
        CSRF_COOKIE_SECURE="False",
        SECURE_HSTS_SECONDS="0",
        MEDIA_ROOT=str(folder / "media"),
        STATIC_ROOT=str(folder / "static"),
        EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
        LOG_LEVEL="WARNING",
        CELERY_TASK_ALWAYS_EAGER="True",
    )
    return folder


def kumpulkan_statis() -> None:
    """collectstatic ke STATIC_ROOT sementara: templat halaman butuh manifest whitenoise saat DEBUG=False."""
    from django.core.management import call_command

    call_command("collectstatic", interactive=False, verbosity=0)
