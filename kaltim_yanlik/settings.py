"""Satu berkas pengaturan, dikendalikan oleh variabel lingkungan.

Tanpa variabel apa pun portal berjalan pada bawaan tertanam: SQLite di ``var/``, Celery eager,
berkas unggahan di ``var/media``, e-mail ke konsol. ``DATABASE_URL``, ``REDIS_URL`` /
``CELERY_BROKER_URL``, ``SECRET_KEY``, ``DEBUG`` dan ``ALLOWED_HOSTS`` memindahkannya ke produksi.
Tidak ada jalur kode khusus produksi: perbedaan hanya lewat lingkungan (lihat ``env.example``).
"""

from pathlib import Path

import environ
from celery.schedules import crontab
from django.core.exceptions import ImproperlyConfigured
from import_export.formats.base_formats import CSV, XLSX

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = BASE_DIR / "var"

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

DEBUG = env.bool("DEBUG", default=True)

# Kunci bawaan hanya untuk mode pengembangan; produksi (DEBUG mati) wajib memberi SECRET_KEY sendiri,
# karena kunci acak per proses memutus sesi antar-worker dan kunci tetap di kode bocor ke siapa pun.
_DEV_SECRET_KEY = "dev-only-kaltim-yanlik-bukan-untuk-produksi"  # noqa: S105 (hanya DEBUG)  # noqa: S105 (hanya DEBUG)
SECRET_KEY = env.str("SECRET_KEY", default="")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY wajib diisi bila DEBUG=False. Setel variabel lingkungan SECRET_KEY "
            "(misalnya: python -c 'import secrets; print(secrets.token_urlsafe(50))')."
        )
    SECRET_KEY = _DEV_SECRET_KEY

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]", "testserver"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "akun.apps.AdminPortalConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "import_export",
    "crispy_forms",
    "crispy_bootstrap5",
    "kaltim_yanlik.core",
    "kode_etik",
    "akun",
    "sanksi",
    "survei",
    "evaluasi",
    "penghargaan",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # CSP dan Permissions-Policy (Django 5.2 belum punya CSP bawaan); lihat kaltim_yanlik/core/keamanan.py.
    "kaltim_yanlik.core.keamanan.HeaderKeamananMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # request.user.is_verified() (django-otp), lalu gerbang verifikasi dua langkah bagi peran istimewa.
    "django_otp.middleware.OTPMiddleware",
    "akun.dua_faktor.middleware.WajibDuaFaktorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Basis data tidak terjangkau → halaman 503 "layanan sedang tidak tersedia", bukan 500.
    "kaltim_yanlik.core.ketahanan.LayananTidakTersediaMiddleware",
    # Axes terakhir: ia membaca hasil autentikasi untuk mengunci percobaan login yang gagal.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "kaltim_yanlik.urls"
WSGI_APPLICATION = "kaltim_yanlik.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "akun.context_processors.navigasi",
            ],
        },
    },
]

# Bawaan tertanam menyimpan basis data dan unggahan di var/, dibuat bila belum ada.
VAR_DIR.mkdir(exist_ok=True)
DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}")}
DATABASES["default"]["ATOMIC_REQUESTS"] = True
DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("CONN_MAX_AGE", default=0))
# Koneksi yang putus (PostgreSQL dimulai ulang) diperiksa sebelum dipakai lagi, agar portal pulih sendiri.
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True

AUTH_USER_MODEL = "akun.Pengguna"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "akun:masuk"
LOGIN_REDIRECT_URL = "beranda"
LOGOUT_REDIRECT_URL = "akun:masuk"

# Penguncian login gagal (django-axes): 5 kali gagal per nama pengguna dan alamat → terkunci 30 menit.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = env.float("AXES_COOLOFF_JAM", default=0.5)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "akun/terkunci.html"
AXES_RESET_ON_SUCCESS = True
AXES_SENSITIVE_PARAMETERS = ["password"]
AXES_VERBOSE = False
# Alamat klien di belakang reverse proxy: nama META header yang ditimpa proxy (mis. HTTP_X_REAL_IP); kosong =
# REMOTE_ADDR. Dipakai pembatas kiriman publik dan penguncian login (lihat core/pembatas.py).
ALAMAT_KLIEN_HEADER = env.str("ALAMAT_KLIEN_HEADER", default="")
AXES_CLIENT_IP_CALLABLE = "kaltim_yanlik.core.pembatas.alamat_ip"

# Verifikasi dua langkah (django-otp: TOTP + kode cadangan sekali pakai). WAJIB_2FA menyala bawaannya di
# produksi (DEBUG mati) dan mati di `make run`/demo dan uji. Peran yang wajib: satu daftar di sini; nama peran
# yang belum ada di portal (mis. "sekda" sebelum perannya dibuat) tidak berpengaruh apa-apa.
WAJIB_2FA = env.bool("WAJIB_2FA", default=not DEBUG)
PERAN_WAJIB_2FA = env.list("PERAN_WAJIB_2FA", default=["admin", "biro", "sekda"])
OTP_TOTP_ISSUER = "Kaltim YANLIK"
# Kode salah berturut-turut: jeda 1, 2, 4, 8 … detik per perangkat sebelum kode berikutnya diperiksa.
OTP_TOTP_THROTTLE_FACTOR = 1
OTP_STATIC_THROTTLE_FACTOR = 1

LOCALE_PATHS = [BASE_DIR / "locale"]
LANGUAGE_CODE = "id"
LANGUAGES = [("id", "Bahasa Indonesia")]
TIME_ZONE = "Asia/Makassar"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=VAR_DIR / "static")
STATICFILES_DIRS = [BASE_DIR / "static"]
Path(STATIC_ROOT).mkdir(parents=True, exist_ok=True)
MEDIA_URL = "media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=VAR_DIR / "media")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
DATA_UPLOAD_MAX_MEMORY_SIZE = 12 * 1024 * 1024

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

EMAIL_BACKEND = env.str("EMAIL_BACKEND", default="django.core.mail.backends.console.EmailBackend")
EMAIL_FILE_PATH = env.str("EMAIL_FILE_PATH", default=str(VAR_DIR / "email"))
EMAIL_HOST = env.str("EMAIL_HOST", default="localhost")
EMAIL_PORT = env.int("EMAIL_PORT", default=25)
EMAIL_HOST_USER = env.str("EMAIL_HOST_USER", default="")
EMAIL_HOST_PASSWORD = env.str("EMAIL_HOST_PASSWORD", default="")
EMAIL_USE_TLS = env.bool("EMAIL_USE_TLS", default=False)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="Kaltim YANLIK <noreply@kaltimprov.go.id>")

# Impor/ekspor data induk (django-import-export): hanya CSV dan XLSX, satu berkas paling besar 5 MB.
IMPORT_EXPORT_FORMATS = [CSV, XLSX]
IMPOR_UKURAN_MAKS = 5 * 1024 * 1024
# Nilai yang diawali = + - @ diekspor sebagai teks, agar tidak dijalankan sebagai rumus oleh Excel.
IMPORT_EXPORT_ESCAPE_FORMULAE_ON_EXPORT = True

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# Celery: tanpa broker, tugas dijalankan langsung (eager) di proses web; dengan REDIS_URL atau
# CELERY_BROKER_URL tugas dikirim ke worker sungguhan.
REDIS_URL = env.str("REDIS_URL", default="")
CELERY_BROKER_URL = env.str("CELERY_BROKER_URL", default=REDIS_URL)
CELERY_RESULT_BACKEND = env.str("CELERY_RESULT_BACKEND", default=REDIS_URL)
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=not CELERY_BROKER_URL)
# Mode eager tetap mengambil "producer" dari pool broker (tanpa tersambung); tanpa URL, kombu memakai AMQP
# localhost dan mencetak peringatan "No hostname was supplied" di setiap tugas. Transport memori diam.
CELERY_BROKER_URL = CELERY_BROKER_URL or "memory://localhost/"
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_TIME_LIMIT = 10 * 60
CELERY_TASK_SOFT_TIME_LIMIT = 9 * 60
CELERY_TASK_ACKS_LATE = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TIMEZONE = TIME_ZONE
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# Ketahanan (lihat kaltim_yanlik/core/ketahanan.py). Tidak ada yang membaca hasil tugas; tanpa ini setiap
# .delay() berlangganan ke result backend dan, bila Redis mati, request tertahan ±20 detik sebelum galat.
CELERY_TASK_IGNORE_RESULT = True
# Broker mati: pengiriman tugas menyerah dalam ±1-2 detik (bukan menggantung); pekerjaannya tetap tercatat
# (mis. DokumenPDF "antri") dan diantrekan lagi oleh jadwal "antre-ulang-dokumen" di bawah.
CELERY_BROKER_CONNECTION_TIMEOUT = 2
CELERY_TASK_PUBLISH_RETRY_POLICY = {
    "max_retries": 2,
    "interval_start": 0,
    "interval_step": 0.2,
    "interval_max": 0.5,
}
# Tugas acks_late yang workernya mati diantrekan lagi oleh Redis setelah visibility_timeout. Nilainya harus
# melebihi tugas terlama (CELERY_TASK_TIME_LIMIT 10 menit) ditambah waktu tunggu prefetch, bila tidak tugas
# yang masih berjalan ikut dikirim ulang; 30 menit = jeda terlama sebelum tugas worker yang mati diulang.
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": env.int("CELERY_VISIBILITY_TIMEOUT", default=30 * 60),
    # Worker memindai pesan yang lewat visibility_timeout tiap interval × throttle detik (kombu: 10 × 10).
    "unacked_restore_interval": env.int("CELERY_UNACKED_RESTORE_INTERVAL", default=10),
    "unacked_restore_throttle": env.int("CELERY_UNACKED_RESTORE_THROTTLE", default=10),
    "socket_connect_timeout": 2,
    "socket_timeout": 10,
}
# Semua jadwal berkala di satu tempat (Celery beat); isu-isu berikutnya menambahkan entrinya di sini.
CELERY_BEAT_SCHEDULE = {
    # Setiap hari 07.00 WITA: pengingat H-7/H-3/H-1 penutupan pengisian mandiri (crontab: 0 7 * * *).
    "pengingat-pengisian-mandiri": {
        "task": "evaluasi.tasks.pengingat_pengisian_task",
        "schedule": crontab(hour=7, minute=0),
    },
    # Setiap hari 07.05 WITA: pengingat H-3/H-1 batas keputusan keberatan dan banding (hari kerja), dan
    # keputusan yang lewat batas diberitahukan ke Biro Organisasi (crontab: 5 7 * * *).
    "pengingat-upaya-administratif": {
        "task": "sanksi.tasks.upaya_pengingat_task",
        "schedule": crontab(hour=7, minute=5),
    },
    # Setiap hari 02.30 WITA: kunci kiriman sekali (core/kiriman.py) yang lebih tua dari 30 hari dibuang.
    "bersihkan-kunci-kiriman": {
        "task": "kaltim_yanlik.core.tasks.kiriman_bersihkan_task",
        "schedule": crontab(hour=2, minute=30),
    },
    # Setiap 5 menit: DokumenPDF yang tertahan "antri" (broker mati saat diminta) diantrekan lagi.
    "antre-ulang-dokumen": {
        "task": "kaltim_yanlik.core.tasks.dokumen_antre_ulang_task",
        "schedule": 5 * 60,
    },
    # Setiap hari 03.00 WITA: SVG grafik tersimpan yang lebih tua dari GRAFIK_SIMPAN_HARI dibuang (0 3 * * *).
    "bersihkan-grafik": {
        "task": "kaltim_yanlik.core.tasks.grafik_bersihkan_task",
        "schedule": crontab(hour=3, minute=0),
    },
}
# Grafik SVG tersimpan (core.GrafikTersimpan) dibuang setelah sekian hari; yang masih dipakai digambar ulang
# sekali saat dibuka lagi (beberapa milidetik).
GRAFIK_SIMPAN_HARI = env.int("GRAFIK_SIMPAN_HARI", default=90)
# Kait uji ketahanan (tests/test_gangguan_worker.py, bench/gangguan.py): detik jeda di tengah tugas hitung
# ulang (sebelum commit) dan render PDF (sebelum berkas disimpan), agar worker dapat dimatikan di tengahnya.
# Selalu 0 di produksi.
HITUNG_ULANG_JEDA_UJI = env.float("HITUNG_ULANG_JEDA_UJI", default=0)
DOKUMEN_JEDA_UJI = env.float("DOKUMEN_JEDA_UJI", default=0)
# DokumenPDF yang "antri" lebih lama dari ini dianggap tidak sampai ke broker dan diantrekan lagi.
DOKUMEN_ANTRE_ULANG_DETIK = env.int("DOKUMEN_ANTRE_ULANG_DETIK", default=5 * 60)

# Produksi: cookie aman, HSTS dan pengalihan HTTPS menyala bila DEBUG mati (bisa dimatikan lewat env
# bila TLS diakhiri di proxy yang tidak meneruskan X-Forwarded-Proto).
SECURE = not DEBUG
SESSION_COOKIE_SECURE = env.bool("SESSION_COOKIE_SECURE", default=SECURE)
CSRF_COOKIE_SECURE = env.bool("CSRF_COOKIE_SECURE", default=SECURE)
SESSION_COOKIE_HTTPONLY = True
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=SECURE)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31_536_000 if SECURE else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE
SECURE_HSTS_PRELOAD = SECURE
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Content-Security-Policy selalu aktif (juga saat DEBUG, agar pelanggaran terlihat dini). CSP_LAPOR_SAJA=True
# mengirimnya sebagai Report-Only: peramban hanya melaporkan pelanggaran di konsol, tanpa memblokir.
CSP_LAPOR_SAJA = env.bool("CSP_LAPOR_SAJA", default=False)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    # Tugas eager (bawaan tertanam) mencatat setiap keberhasilan; cukup peringatan dan galat.
    # WeasyPrint mencatat setiap properti CSS SVG yang tidak dikenalnya dan setiap langkah render; yang
    # berarti hanya galat. fontTools (subset font WeasyPrint) juga cerewet pada tingkat INFO.
    "loggers": {
        "celery.app.trace": {"level": "WARNING"},
        "weasyprint": {"level": "ERROR"},
        "fontTools": {"level": "WARNING"},
    },
}

# Cache (batas kiriman formulir publik). Bawaan: memori per proses; produksi dengan lebih dari satu proses
# web memakai Redis, mis. CACHE_URL=rediscache://127.0.0.1:6379/2. Grafik SVG tidak di sini, tetapi di
# basis data (core.GrafikTersimpan), sehingga sekali digambar berlaku untuk semua proses.
CACHES = {"default": env.cache_url("CACHE_URL", default="locmemcache://")}
if CACHES["default"]["BACKEND"] == "django.core.cache.backends.redis.RedisCache":
    # Redis mati tidak boleh menjatuhkan halaman: cache yang tidak terjangkau dianggap kosong (lihat
    # kaltim_yanlik/core/ketahanan.py), dengan batas waktu koneksi pendek.
    CACHES["default"]["BACKEND"] = "kaltim_yanlik.core.ketahanan.CacheRedisToleran"
    CACHES["default"].setdefault("OPTIONS", {}).update({"socket_connect_timeout": 1, "socket_timeout": 1})

# Formulir publik tanpa login (pengaduan, survei SKM): JUMLAH/DETIK per alamat klien (REMOTE_ADDR; di
# belakang proxy, proxy yang mengisinya). Lihat kaltim_yanlik/core/pembatas.py.
BATAS_KIRIM_PUBLIK = env.str("BATAS_KIRIM_PUBLIK", default="5/600")
BATAS_LACAK_PUBLIK = env.str("BATAS_LACAK_PUBLIK", default="20/600")
MINIMAL_DETIK_ISI_PUBLIK = env.float("MINIMAL_DETIK_ISI_PUBLIK", default=3)
# Survei SKM lebih longgar: beberapa pengguna di satu loket sering berbagi alamat Wi-Fi kantor yang sama.
BATAS_KIRIM_SKM = env.str("BATAS_KIRIM_SKM", default="20/600")

# Tenggat keberatan dan banding atas sanksi (hari kerja) adalah data: admin "Aturan upaya administratif"
# (sanksi.AturanUpayaAdministratif) dan "Hari libur" (core.HariLibur), bukan setelan lingkungan.

SITE_NAME = "Kaltim YANLIK"
