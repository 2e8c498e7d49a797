"""Kotak tugas: pekerjaan yang menunggu seorang pengguna, dikumpulkan dari setiap app.

Kontrak (satu untuk semua app, agar beranda tidak mengenal app domain): ``<app>/beranda.py`` boleh
menyediakan ``tugas_menunggu(user) -> list[Tugas]``. Setiap penyedia wajib memakai jumlah kueri yang tetap
(agregat, bukan perulangan per baris) dan hanya menghitung yang terjangkau kebijakan akses.
``kumpulkan`` mengurutkan menurut desakan: lewat batas dulu, lalu tenggat terdekat, lalu yang tanpa tenggat.
"""

from dataclasses import dataclass
from datetime import date
from importlib import import_module
from importlib.util import find_spec

from django.apps import apps


@dataclass(frozen=True)
class Tugas:
    judul: str  # "Evaluasi menunggu penilaian"
    jumlah: int
    url: str  # tautan langsung ke daftar yang sudah tersaring
    tenggat: date | None = None  # tenggat terdekat di antara yang dihitung
    lewat_batas: int = 0  # berapa di antaranya sudah melewati tenggat
    keterangan: str = ""

    @property
    def kunci_urut(self):
        return (self.lewat_batas == 0, self.tenggat is None, self.tenggat or date.max, self.judul)


def kumpulkan(user) -> list[Tugas]:
    if not user.is_authenticated:
        return []
    tugas = []
    for config in apps.get_app_configs():
        nama = f"{config.name}.beranda"
        if find_spec(nama) is None:
            continue
        penyedia = getattr(import_module(nama), "tugas_menunggu", None)
        if penyedia is not None:
            tugas.extend(t for t in penyedia(user) if t.jumlah)
    return sorted(tugas, key=lambda t: t.kunci_urut)
