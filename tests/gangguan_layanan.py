"""Layanan sekali pakai untuk uji ketahanan (tests/test_gangguan_*.py): Redis pribadi yang boleh dimatikan.

Redis bersama (6379) dipakai orang lain dan tidak boleh dihentikan; lagi pula uji worker memakai
``visibility_timeout`` beberapa detik, yang pada Redis bersama akan ikut mengembalikan pesan milik worker lain
yang sedang berjalan. Maka uji ketahanan menyalakan redis-server sendiri (bawaan port 6380,
``GANGGUAN_REDIS_PORT``), tanpa persistensi.
"""

import contextlib
import os
import shutil
import socket
import subprocess
import time

import pytest

from tests.conftest import layanan_tidak_tersedia

PORT_REDIS = int(os.environ.get("GANGGUAN_REDIS_PORT", "6380"))
BATAS_SIAP = 10  # detik


def _port_terbuka(port: int) -> bool:
    with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=0.5):
        return True
    return False


class RedisPribadi:
    """redis-server di ``port``; ``hentikan()`` dan ``nyalakan()`` dapat diulang selama uji."""

    def __init__(self, port: int = PORT_REDIS):
        self.port = port
        self.proses: subprocess.Popen | None = None

    def url(self, db: int = 0) -> str:
        return f"redis://127.0.0.1:{self.port}/{db}"

    def nyalakan(self) -> None:
        perintah = ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1"]
        perintah += ["--save", "", "--appendonly", "no"]
        self.proses = subprocess.Popen(perintah, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        batas = time.monotonic() + BATAS_SIAP
        while not _port_terbuka(self.port):
            if self.proses.poll() is not None or time.monotonic() > batas:
                pytest.fail(f"redis-server pribadi di port {self.port} tidak siap.")
            time.sleep(0.05)

    def hentikan(self) -> None:
        if self.proses is None or self.proses.poll() is not None:
            return
        self.proses.terminate()
        self.proses.wait(timeout=10)
        batas = time.monotonic() + BATAS_SIAP
        while _port_terbuka(self.port) and time.monotonic() < batas:
            time.sleep(0.05)


@contextlib.contextmanager
def redis_pribadi(port: int = PORT_REDIS):
    """Redis pribadi yang menyala selama blok; dilewati bila redis-server tidak ada atau port terpakai."""
    # Di CI (REQUIRE_SERVICES=1) uji gangguan tidak boleh dilewati diam-diam: gagal dengan alasannya.
    if not shutil.which("redis-server"):
        layanan_tidak_tersedia("redis-server tidak terpasang")
    if _port_terbuka(port):
        layanan_tidak_tersedia(f"Port {port} sudah dipakai; setel GANGGUAN_REDIS_PORT ke port lain")
    redis = RedisPribadi(port)
    redis.nyalakan()
    try:
        yield redis
    finally:
        redis.hentikan()
