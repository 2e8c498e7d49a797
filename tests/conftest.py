"""Fixture uji yang memakai layanan sungguhan: peramban Chromium (Playwright) dan worker Celery di Redis.

Bila layanan tidak tersedia, uji dilewati (skip); dengan ``REQUIRE_SERVICES=1`` (diset `.ci/run`) uji gagal.
"""

import contextlib
import os
import subprocess
import sys
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

from kaltim_yanlik import celery_app

CHROMIUM = Path("/usr/bin/chromium")
ARGUMEN_CHROMIUM = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
REDIS_URL_BAWAAN = "redis://127.0.0.1:6379/15"
BATAS_SIAP_WORKER = 30  # detik
BATAS_HENTI_WORKER = 10  # detik


def layanan_tidak_tersedia(pesan: str) -> None:
    """Lewati uji, kecuali REQUIRE_SERVICES menyala: layanan wajib ada, jadi uji gagal."""
    if getattr(settings, "REQUIRE_SERVICES", False):
        pytest.fail(f"{pesan} (REQUIRE_SERVICES=1)", pytrace=False)
    pytest.skip(pesan)


# --- Peramban ---------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def peramban():
    """Chromium Debian yang dijalankan Playwright, satu per modul uji.

    Lingkup modul (bukan sesi) agar loop asyncio milik API sinkron Playwright berhenti di akhir modul dan
    tidak ikut "berjalan" selama uji lain. Selama loop itu hidup, Django menolak kueri ORM dari utas yang sama
    kecuali DJANGO_ALLOW_ASYNC_UNSAFE menyala; modul uji peramban menyetelnya saat diimpor.
    """
    if not CHROMIUM.exists():
        layanan_tidak_tersedia(f"Chromium tidak ditemukan di {CHROMIUM}")
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=ARGUMEN_CHROMIUM)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture
def halaman(peramban):
    """Satu tab baru dalam konteks (cookie, sesi) bersih, layar desktop 1280×800."""
    konteks = peramban.new_context(viewport={"width": 1280, "height": 800}, locale="id-ID")
    page = konteks.new_page()
    page.set_default_timeout(10_000)
    yield page
    konteks.close()


@pytest.fixture
def masuk_lewat_peramban(halaman, live_server):
    """Masuk melalui formulir login sungguhan (django-axes menolak ``client.login``)."""

    def masuk(username: str, password: str):
        from playwright.sync_api import expect

        halaman.goto(live_server.url + reverse("akun:masuk"))
        halaman.locator("input[name='username']").fill(username)
        halaman.locator("input[name='password']").fill(password)
        halaman.get_by_role("button", name="Masuk", exact=True).click()
        expect(halaman).not_to_have_url(live_server.url + reverse("akun:masuk"))
        return halaman

    return masuk


SANDI_UJI = "sandi-uji-123"  # sandi persona di conftest.py akar


@pytest.fixture
def masuk_konteks_baru(peramban, live_server):
    """Pabrik: ``masuk(username)`` membuka konteks peramban baru (cookie terpisah per persona) dan masuk
    lewat formulir login sungguhan."""
    from playwright.sync_api import expect

    semua_konteks = []

    def masuk(username: str, password: str = SANDI_UJI):
        konteks = peramban.new_context(viewport={"width": 1280, "height": 800}, locale="id-ID")
        semua_konteks.append(konteks)
        page = konteks.new_page()
        page.set_default_timeout(10_000)
        page.goto(live_server.url + reverse("akun:masuk"))
        page.locator("input[name='username']").fill(username)
        page.locator("input[name='password']").fill(password)
        page.get_by_role("button", name="Masuk", exact=True).click()
        expect(page).not_to_have_url(live_server.url + reverse("akun:masuk"))
        return page

    yield masuk
    for konteks in semua_konteks:
        konteks.close()


# --- Worker Celery ----------------------------------------------------------------------------------


@pytest.fixture
def redis_url():
    """URL Redis untuk broker uji (REDIS_URL, bawaan db 15); dilewati/gagal bila Redis tidak terjangkau."""
    import redis

    url = os.environ.get("REDIS_URL") or REDIS_URL_BAWAAN
    try:
        klien = redis.Redis.from_url(url, socket_connect_timeout=2, socket_timeout=2)
        klien.ping()
    except (redis.exceptions.RedisError, OSError) as exc:
        layanan_tidak_tersedia(f"Redis tidak terjangkau di {url}: {exc}")
    else:
        klien.close()
    return url


def antrean_unik() -> str:
    """Nama antrean sekali pakai, agar worker uji tidak mengambil tugas orang lain (dan sebaliknya)."""
    return f"kaltim-uji-{uuid.uuid4().hex[:12]}"


@dataclass
class WorkerBerjalan:
    proses: subprocess.Popen
    antrean: str
    broker_url: str
    berkas_log: Path
    folder_email: Path

    def keluaran(self) -> str:
        return self.berkas_log.read_text(errors="replace") if self.berkas_log.exists() else ""

    def hidup(self) -> bool:
        return self.proses.poll() is None


@contextlib.contextmanager
def celery_ke_broker(broker_url: str):
    """Sementara: aplikasi Celery proses uji tidak eager dan mengirim tugas ke ``broker_url``.

    Aplikasi menyimpan pool koneksi/producer (mode eager pun mengambil producer dari pool untuk serializer),
    yang bisa sudah terikat ke broker lama. Selama blok ini dipakai pool tersendiri untuk ``broker_url``, di
    luar registri global kombu; di akhir blok pool itu ditutup dan pool lama dipasang kembali apa adanya.
    """
    from kombu.pools import ProducerPool

    amqp = celery_app.amqp
    pool_lama, producer_pool_lama = celery_app._pool, amqp._producer_pool
    with pytest.MonkeyPatch.context() as mp:
        # Settings.broker_url Celery mendahulukan variabel lingkungan di atas konfigurasi.
        mp.setenv("CELERY_BROKER_URL", broker_url)
        mp.delenv("CELERY_BROKER_WRITE_URL", raising=False)
        mp.setitem(celery_app.conf, "broker_url", broker_url)
        mp.setitem(celery_app.conf, "task_always_eager", False)
        batas = celery_app.conf.broker_pool_limit
        pool = celery_app.connection_for_write(broker_url).Pool(limit=batas)
        producer_pool = ProducerPool(pool, limit=batas)
        celery_app._pool, amqp._producer_pool = pool, producer_pool
        try:
            yield celery_app
        finally:
            producer_pool.force_close_all()
            pool.force_close_all()
            celery_app._pool, amqp._producer_pool = pool_lama, producer_pool_lama


def _hentikan(proses: subprocess.Popen) -> None:
    if proses.poll() is not None:
        return
    proses.terminate()  # SIGTERM: warm shutdown, tugas yang sedang jalan diselesaikan
    try:
        proses.wait(timeout=BATAS_HENTI_WORKER)
    except subprocess.TimeoutExpired:
        proses.kill()
        proses.wait(timeout=BATAS_HENTI_WORKER)


def _bersihkan_antrean(broker_url: str, antrean: str) -> None:
    """Hapus kunci Redis antrean sekali pakai (daftar pesan, binding kombu)."""
    import redis

    with contextlib.suppress(redis.exceptions.RedisError, OSError):
        klien = redis.Redis.from_url(broker_url, socket_connect_timeout=2, socket_timeout=2)
        kunci = list(klien.scan_iter(match=f"*{antrean}*"))
        if kunci:
            klien.delete(*kunci)
        klien.close()


@pytest.fixture
def jalankan_worker(redis_url, tmp_path):
    """Pabrik context manager: ``with jalankan_worker(antrean, env_tambahan) as worker: ...``.

    Menjalankan worker Celery sungguhan (``--pool=solo``) yang hanya mendengar ``antrean`` pada Redis
    ``redis_url``, dengan settings produksi (``kaltim_yanlik.settings``) dan e-mail ke berkas di
    ``worker.folder_email``. ``env_tambahan`` menimpa lingkungan worker (misalnya DATABASE_URL basis data uji
    untuk tugas yang membaca ORM; bawaannya DATABASE_URL proses ini diteruskan apa adanya). Selama blok
    ``with``, aplikasi Celery proses uji tidak eager dan mengirim ke broker yang sama; kirim tugas dengan
    ``queue=worker.antrean``. Worker selalu dihentikan di akhir blok; keluarannya dicetak bila blok gagal.
    """
    nomor = 0

    @contextlib.contextmanager
    def jalankan(antrean: str | None = None, env_tambahan: dict[str, str] | None = None):
        nonlocal nomor
        nomor += 1
        antrean = antrean or antrean_unik()
        env = dict(os.environ)
        env.update(
            DJANGO_SETTINGS_MODULE="kaltim_yanlik.settings",
            CELERY_BROKER_URL=redis_url,
            CELERY_TASK_ALWAYS_EAGER="False",
            EMAIL_BACKEND="django.core.mail.backends.filebased.EmailBackend",
            EMAIL_FILE_PATH=str(tmp_path / f"email-worker-{nomor}"),
            PYTHONUNBUFFERED="1",
        )
        env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        env.update(env_tambahan or {})
        folder_email = Path(env["EMAIL_FILE_PATH"])
        berkas_log = tmp_path / f"worker-{nomor}.log"
        celery_bin = Path(sys.executable).with_name("celery")
        perintah = [
            str(celery_bin), "-A", "kaltim_yanlik", "worker",
            "--pool=solo", "--concurrency=1", "-Q", antrean, "-n", f"{antrean}@%h",
            "--without-heartbeat", "--without-gossip", "--without-mingle", "-l", "info",
        ]  # fmt: skip
        with berkas_log.open("wb") as log:
            proses = subprocess.Popen(
                perintah,
                cwd=settings.BASE_DIR,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
            )
        worker = WorkerBerjalan(proses, antrean, redis_url, berkas_log, folder_email)
        try:
            batas = time.monotonic() + BATAS_SIAP_WORKER
            while " ready." not in worker.keluaran():
                if not worker.hidup():
                    pytest.fail(f"Worker Celery berhenti sebelum siap (kode {proses.returncode}).")
                if time.monotonic() > batas:
                    pytest.fail(f"Worker Celery tidak siap dalam {BATAS_SIAP_WORKER} detik.")
                time.sleep(0.1)
            with celery_ke_broker(redis_url):
                yield worker
        except BaseException:
            _hentikan(proses)
            print(f"--- keluaran worker Celery (antrean {antrean}) ---\n{worker.keluaran()}")
            raise
        finally:
            _hentikan(proses)
            _bersihkan_antrean(redis_url, antrean)

    return jalankan
