"""Ketahanan portal terhadap gangguan layanan pendukung (PostgreSQL, Redis, worker Celery).

- **PostgreSQL tidak terjangkau** (dimulai ulang, jaringan putus): ``LayananTidakTersediaMiddleware`` menjawab
  503 dengan halaman "layanan sedang tidak tersedia" alih-alih 500. Halaman itu dirender tanpa request
  (tanpa context processor), jadi tidak menyentuh basis data maupun sesi. Setelah PostgreSQL kembali, request
  berikutnya membuka koneksi baru (``CONN_HEALTH_CHECKS``) tanpa portal dimulai ulang.
- **Redis tidak terjangkau**: sesi dan kunci login (axes) ada di basis data, bukan Redis. Cache Redis
  (``CACHE_URL=rediscache://``) memakai ``CacheRedisToleran``: gangguan koneksi dianggap cache kosong,
  sehingga grafik dihitung langsung dan batas kiriman publik (``core.pembatas``) sementara tidak menghitung
  (gagal terbuka, lebih baik daripada menolak semua warga). Pengiriman tugas menyerah cepat (settings
  ``CELERY_TASK_PUBLISH_RETRY_POLICY``) dan pekerjaannya tetap tercatat; dokumen PDF yang tertahan "antri"
  diantrekan lagi oleh tugas berkala ``dokumen_antre_ulang_task`` setelah broker kembali.
- **Worker mati di tengah tugas**: tugas ``acks_late`` dikirim ulang Redis setelah ``visibility_timeout``
  (settings ``CELERY_BROKER_TRANSPORT_OPTIONS``); hitung ulang dan simpan PDF masing-masing satu transaksi.
"""

import functools
import logging
import time

from django.conf import settings
from django.core.cache.backends.redis import RedisCache
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template import loader

logger = logging.getLogger(__name__)

# Saran jeda bagi klien (dan proxy) sebelum mencoba lagi.
COBA_LAGI_DETIK = 30


class LayananTidakTersediaMiddleware:
    """Galat koneksi basis data di view dijawab 503 dengan halaman statis berbahasa Indonesia."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, (OperationalError, InterfaceError)):
            return None
        logger.warning("Basis data tidak terjangkau (%s): %s", request.path, exception)
        sesi = getattr(request, "session", None)
        if sesi is not None:
            # Jangan mencoba menyimpan sesi ke basis data yang sedang tidak terjangkau.
            sesi.modified = False
        return halaman_tidak_tersedia()


def halaman_tidak_tersedia() -> HttpResponse:
    # Tanpa request: context processor (navigasi, pengguna) membaca sesi dan basis data.
    isi = loader.get_template("503.html").render({"coba_lagi_detik": COBA_LAGI_DETIK})
    respons = HttpResponse(isi, status=503)
    respons["Retry-After"] = str(COBA_LAGI_DETIK)
    return respons


def _gangguan_redis() -> tuple[type[Exception], ...]:
    import redis

    return (redis.exceptions.ConnectionError, redis.exceptions.TimeoutError)


def _toleran(bawaan):
    """Metode cache yang, bila Redis tidak terjangkau, mencatat peringatan dan menjawab ``bawaan(args)``."""

    def hiasi(metode):
        @functools.wraps(metode)
        def bungkus(self, *args, **kwargs):
            try:
                return metode(self, *args, **kwargs)
            except _gangguan_redis() as exc:
                self._catat_gangguan(exc)
                return bawaan(*args, **kwargs)

        return bungkus

    return hiasi


def _kunci_hilang(*args, **kwargs):
    # incr/decr pada kunci yang tidak ada: kontrak cache Django adalah ValueError.
    raise ValueError("Cache tidak terjangkau; kunci dianggap tidak ada.")


class CacheRedisToleran(RedisCache):
    """Cache Redis Django yang memperlakukan Redis mati sebagai cache kosong, bukan galat 500."""

    _JEDA_CATAT_DETIK = 60
    _terakhir_dicatat = 0.0

    def _catat_gangguan(self, exc: Exception) -> None:
        # Satu peringatan per menit per proses, agar log tidak banjir selama Redis mati.
        sekarang = time.monotonic()
        if sekarang - CacheRedisToleran._terakhir_dicatat >= self._JEDA_CATAT_DETIK:
            CacheRedisToleran._terakhir_dicatat = sekarang
            logger.warning("Cache Redis tidak terjangkau, dianggap kosong: %s", exc)

    get = _toleran(lambda key, default=None, version=None: default)(RedisCache.get)
    set = _toleran(lambda *a, **k: None)(RedisCache.set)
    add = _toleran(lambda *a, **k: False)(RedisCache.add)
    touch = _toleran(lambda *a, **k: False)(RedisCache.touch)
    delete = _toleran(lambda *a, **k: False)(RedisCache.delete)
    has_key = _toleran(lambda *a, **k: False)(RedisCache.has_key)
    incr = _toleran(_kunci_hilang)(RedisCache.incr)
    get_many = _toleran(lambda *a, **k: {})(RedisCache.get_many)
    set_many = _toleran(lambda data, *a, **k: list(data))(RedisCache.set_many)
    delete_many = _toleran(lambda *a, **k: None)(RedisCache.delete_many)
    clear = _toleran(lambda *a, **k: False)(RedisCache.clear)


def jeda_uji(nama_setelan: str) -> None:
    """Jeda yang hanya menyala di uji ketahanan (settings ``*_JEDA_UJI``; 0 di produksi)."""
    detik = getattr(settings, nama_setelan, 0)
    if detik:
        logger.warning("%s: jeda %.1f detik (uji ketahanan)", nama_setelan, detik)
        time.sleep(detik)
