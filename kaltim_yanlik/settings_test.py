"""Penimpaan kecil untuk uji; sisanya dari settings.py yang sama dengan produksi.

Uji berjalan pada DATABASE_URL (PostgreSQL di CI dan ``make test``). Bila DATABASE_URL tidak diberikan dan
REQUIRE_SERVICES tidak menyala, uji jatuh ke SQLite agar tetap bisa dijalankan di mesin tanpa layanan.
"""

import atexit
import os
import shutil
import tempfile

from .settings import *  # noqa: F403
from .settings import env

REQUIRE_SERVICES = env.bool("REQUIRE_SERVICES", default=False)
if REQUIRE_SERVICES and not os.environ.get("DATABASE_URL"):
    raise RuntimeError("REQUIRE_SERVICES=1 tetapi DATABASE_URL (PostgreSQL) tidak diberikan.")

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = tempfile.mkdtemp(prefix="kaltim-yanlik-media-")
# Folder unggahan uji dibuang saat proses selesai, agar /tmp tidak menumpuk.
atexit.register(shutil.rmtree, MEDIA_ROOT, ignore_errors=True)
# Uji selalu eager kecuali uji worker, yang menyalakan worker sungguhan sendiri.
CELERY_TASK_ALWAYS_EAGER = True
# Verifikasi dua langkah mati di uji kecuali uji yang menyalakannya sendiri (akun/tests/test_dua_faktor.py).
WAJIB_2FA = False
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}  # noqa: F405
# Login yang berhasil dicatat axes pada INFO: berguna di produksi, bising di uji dan bench.
LOGGING["loggers"] = {**LOGGING["loggers"], "axes": {"level": "WARNING"}}  # noqa: F405
# Cache memori per proses apa pun CACHE_URL-nya: penghitung batas kiriman publik (core.pembatas) tidak
# bocor antarproses uji atau ke Redis bersama, dan uji membersihkannya sendiri.
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
