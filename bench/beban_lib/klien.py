"""Klien HTTP satu pengguna maya: satu koneksi keep-alive, cookie jar, token CSRF, dan unggahan multipart.

Hanya pustaka standar (``http.client``), agar bench tidak menambah dependensi dan biaya klien per permintaan
kecil: klien berbagi dua inti CPU yang sama dengan server.
"""

import http.client
import re
import secrets
import time
from dataclasses import dataclass
from http.cookies import SimpleCookie
from urllib.parse import urlencode, urlsplit

_TOKEN = re.compile(rb'name="csrfmiddlewaretoken" value="([^"]+)"')
# Koneksi keep-alive yang sudah ditutup server saat menganggur: kirim ulang sekali di koneksi baru,
# seperti peramban. Galat lain (atau galat pada koneksi baru) tetap dihitung galat.
_PUTUS = (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError, http.client.BadStatusLine)


@dataclass
class Respons:
    status: int
    lokasi: str
    isi: bytes
    jenis_isi: str

    def teks(self) -> str:
        return self.isi.decode("utf-8", errors="replace")


class Sesi:
    def __init__(self, host: str, port: int, *, batas_waktu: float = 30):
        self.host, self.port, self.batas_waktu = host, port, batas_waktu
        self.asal = f"http://{host}:{port}"
        self.cookie: dict[str, str] = {}
        self.token = ""
        self._koneksi: http.client.HTTPConnection | None = None
        self._dipakai = False  # koneksi sekarang sudah pernah menjawab (dapat diputus server saat menganggur)

    def tutup(self) -> None:
        if self._koneksi is not None:
            self._koneksi.close()
        self._koneksi = None

    def _header(self, tambahan: dict) -> dict:
        header = {"User-Agent": "kaltim-yanlik-bench-beban", "Accept": "text/html,application/json"}
        if self.cookie:
            header["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookie.items())
        header.update(tambahan)
        return header

    def _simpan_cookie(self, respons: http.client.HTTPResponse) -> None:
        for baris in respons.msg.get_all("Set-Cookie") or []:
            kue = SimpleCookie()
            kue.load(baris)
            for nama, morsel in kue.items():
                if morsel["max-age"] == "0" or morsel.value == "":
                    self.cookie.pop(nama, None)
                else:
                    self.cookie[nama] = morsel.value

    def _kirim(self, metode: str, path: str, isi: bytes | None, header: dict) -> Respons:
        if self._koneksi is None:
            self._koneksi = http.client.HTTPConnection(self.host, self.port, timeout=self.batas_waktu)
            self._dipakai = False
        self._koneksi.request(metode, path, body=isi, headers=header)
        respons = self._koneksi.getresponse()
        badan = respons.read()
        self._dipakai = True
        self._simpan_cookie(respons)
        if respons.will_close:
            self.tutup()
        return Respons(
            respons.status, respons.getheader("Location", ""), badan, respons.getheader("Content-Type", "")
        )

    def minta(self, metode: str, path: str, *, isi: bytes | None = None, header: dict | None = None):
        header = self._header(header or {})
        try:
            return self._kirim(metode, path, isi, header)
        except _PUTUS:
            if not self._dipakai:
                raise
            self.tutup()
            return self._kirim(metode, path, isi, header)
        except Exception:
            self.tutup()
            raise

    def get(self, path: str) -> Respons:
        respons = self.minta("GET", path)
        cocok = _TOKEN.search(respons.isi) if respons.jenis_isi.startswith("text/html") else None
        if cocok:
            self.token = cocok.group(1).decode()
        return respons

    def _header_post(self, jenis: str, path: str) -> dict:
        # Origin dan Referer seperti peramban; Django memeriksa Origin terhadap Host.
        return {"Content-Type": jenis, "Origin": self.asal, "Referer": self.asal + path}

    def post(self, path: str, data: dict, *, dari: str = "") -> Respons:
        badan = urlencode({**data, "csrfmiddlewaretoken": self.token}, doseq=True).encode()
        header = self._header_post("application/x-www-form-urlencoded", dari or path)
        return self.minta("POST", path, isi=badan, header=header)

    def post_berkas(self, path: str, data: dict, nama_field: str, nama_berkas: str, isi: bytes, jenis: str,
                    *, dari: str = "") -> Respons:  # fmt: skip
        batas = "----bench" + secrets.token_hex(12)
        bagian = []
        for kunci, nilai in {**data, "csrfmiddlewaretoken": self.token}.items():
            kepala = f'--{batas}\r\nContent-Disposition: form-data; name="{kunci}"\r\n\r\n'
            bagian.append(f"{kepala}{nilai}\r\n".encode())
        bagian.append(
            f'--{batas}\r\nContent-Disposition: form-data; name="{nama_field}"; filename="{nama_berkas}"\r\n'
            f"Content-Type: {jenis}\r\n\r\n".encode()
            + isi
            + b"\r\n"
        )
        bagian.append(f"--{batas}--\r\n".encode())
        header = self._header_post(f"multipart/form-data; boundary={batas}", dari or path)
        return self.minta("POST", path, isi=b"".join(bagian), header=header)


def path_dari(lokasi: str) -> str:
    """Path (dengan query dan jangkar) dari header Location yang relatif atau absolut."""
    bagian = urlsplit(lokasi)
    path = bagian.path + (f"?{bagian.query}" if bagian.query else "")
    return path + (f"#{bagian.fragment}" if bagian.fragment else "")


def jam() -> float:
    return time.perf_counter()
