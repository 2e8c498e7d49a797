"""Proses latar bench (gunicorn, worker Celery): berjalan di grup prosesnya sendiri dan selalu dihentikan.

Setiap proses dicatat di ``_BERJALAN``; ``hentikan_semua`` dipanggil dari ``finally``, ``atexit``, dan
penangan SIGTERM/SIGHUP, sehingga Ctrl+C, galat, atau kill pada bench tidak meninggalkan worker yatim.
Yang dihentikan hanya grup proses yang dimulai bench ini (SIGTERM, lalu SIGKILL bila tidak berhenti).
"""

import atexit
import contextlib
import os
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

_BERJALAN: list["ProsesLatar"] = []


class ProsesLatar:
    def __init__(self, nama: str, perintah: list[str], *, env: dict, cwd: Path, berkas_log: Path):
        self.nama, self.perintah, self.berkas_log = nama, perintah, berkas_log
        self._log = berkas_log.open("wb")
        # Grup proses sendiri: worker gunicorn/celery anak ikut berhenti, Ctrl+C terminal tidak menyentuhnya.
        self.popen = subprocess.Popen(  # noqa: S603 (perintah tetap dari bench, bukan masukan pengguna)
            perintah,
            env=env,
            cwd=cwd,
            stdout=self._log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        _BERJALAN.append(self)

    def hidup(self) -> bool:
        return self.popen.poll() is None

    def hentikan(self, tenggang: float = 15) -> None:
        if self.hidup():
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.popen.pid, signal.SIGTERM)
            try:
                self.popen.wait(tenggang)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(self.popen.pid, signal.SIGKILL)
                self.popen.wait(5)
        # Anak yang tertinggal di grup (mis. worker gunicorn yatim) ikut dibereskan.
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(self.popen.pid, signal.SIGKILL)
        self._log.close()
        if self in _BERJALAN:
            _BERJALAN.remove(self)

    def ekor_log(self, baris: int = 30) -> str:
        self._log.flush()
        teks = self.berkas_log.read_text(errors="replace").splitlines()
        return "\n".join(teks[-baris:])


def hentikan_semua() -> None:
    for proses in reversed(list(_BERJALAN)):
        proses.hentikan()


def _saat_sinyal(nomor, _frame):
    hentikan_semua()
    raise SystemExit(128 + nomor)


def pasang_pembersih() -> None:
    atexit.register(hentikan_semua)
    for sig in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(sig, _saat_sinyal)


def port_bebas() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def tunggu_http(url: str, proses: ProsesLatar, batas: float = 60) -> None:
    """Tunggu sampai ``url`` menjawab (status di bawah 500); gagal bila proses mati atau waktu habis."""
    akhir = time.monotonic() + batas
    while time.monotonic() < akhir:
        if not proses.hidup():
            raise RuntimeError(f"{proses.nama} berhenti saat mulai:\n{proses.ekor_log()}")
        try:
            with urllib.request.urlopen(url, timeout=5) as respons:  # noqa: S310 (127.0.0.1 milik bench)
                if respons.status < 500:
                    return
        except urllib.error.HTTPError as e:
            if e.code < 500:
                return
        except OSError:
            pass
        time.sleep(0.3)
    raise RuntimeError(f"{proses.nama} tidak menjawab {url} dalam {batas:.0f} s:\n{proses.ekor_log()}")


def tunggu_log(proses: ProsesLatar, penanda: str, batas: float = 60) -> None:
    """Tunggu sampai log proses memuat ``penanda`` (mis. worker Celery siap)."""
    akhir = time.monotonic() + batas
    while time.monotonic() < akhir:
        if not proses.hidup():
            raise RuntimeError(f"{proses.nama} berhenti saat mulai:\n{proses.ekor_log()}")
        if penanda in proses.berkas_log.read_text(errors="replace"):
            return
        time.sleep(0.3)
    raise RuntimeError(f"{proses.nama} belum siap dalam {batas:.0f} s:\n{proses.ekor_log()}")
