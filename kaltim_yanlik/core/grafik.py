"""Grafik portal: spesifikasi (jenis + data), simpanan persisten menurut sidik data, dan tampilannya.

Grafik digambar di luar jalur request: app domain menyiapkan grafik yang datanya baru berubah lewat tugas
Celery (``siapkan``, diantrekan on_commit sesudah hitung ulang, publikasi, simpan F-02, atau perubahan data
SKM). Halaman dan PDF hanya membaca SVG tersimpan (``tampilkan``: satu kueri per grafik). Bila belum ada —
tugas belum jalan, broker mati, atau grafik yang hanya dibuat saat dilihat seperti ringkasan penegakan —
halaman menggambarnya sekali dan menyimpannya untuk semua proses berikutnya; biaya gambar dibayar sekali
per data, bukan per proses atau per kunjungan.

Simpanannya model ``GrafikTersimpan`` (basis data, bukan berkas di MEDIA_ROOT): tulis "sisipkan bila belum
ada" atomik tanpa berkas setengah jadi, dibagi web dan worker di mesin mana pun tanpa berbagi disk, ikut
transaksi (uji terisolasi), dan dibaca dengan satu kueri kunci primer.

Penggambarnya ``core.grafik_svg`` (SVG ringan, tanpa matplotlib). Setiap grafik punya dua tata letak:
lebar (halaman lebar dan PDF) dan sempit (ponsel); CSS memilih lewat container query (portal.css).
"""

import hashlib
import json
import logging
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import timedelta
from decimal import ROUND_HALF_UP, Decimal
from functools import cached_property

from django.db import transaction
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe
from kombu.exceptions import OperationalError as BrokerTidakTerjangkau

from . import grafik_svg
from .grafik_svg import WARNA_TARGET, WARNA_UTAMA, angka_id
from .models import GrafikTersimpan

__all__ = [
    "WARNA_TARGET",
    "WARNA_UTAMA",
    "Grafik",
    "Spesifikasi",
    "angka_id",
    "batang_horizontal",
    "batang_vertikal",
    "garis",
    "sebaran_urut",
    "antrekan_sesudah_commit",
    "siapkan",
    "tampilkan",
]

logger = logging.getLogger(__name__)

# Naikkan bila keluaran penggambar berubah: kunci baru, grafik lama tidak dipakai lagi (dan dibersihkan).
VERSI_PENGGAMBAR = 1
_PENGGAMBAR = {
    "batang_horizontal": grafik_svg.batang_horizontal,
    "batang_vertikal": grafik_svg.batang_vertikal,
    "sebaran_urut": grafik_svg.sebaran_urut,
    "garis": grafik_svg.garis,
}


@dataclass(frozen=True)
class Grafik:
    """Dua SVG satu grafik. Di templat halaman ``{{ grafik }}`` memuat keduanya (CSS memilih); PDF memakai
    ``{{ grafik.lebar }}``."""

    svg_lebar: str
    svg_sempit: str

    @property
    def lebar(self) -> SafeString:
        return mark_safe(self.svg_lebar)  # noqa: S308 — dibuat grafik_svg; semua teks data di-escape

    @property
    def sempit(self) -> SafeString:
        return mark_safe(self.svg_sempit)  # noqa: S308 — sama

    def __html__(self) -> SafeString:
        return mark_safe(  # noqa: S308 — dua SVG dari grafik_svg
            f'<div class="grafik"><div class="grafik-lebar">{self.svg_lebar}</div>'
            f'<div class="grafik-sempit">{self.svg_sempit}</div></div>'
        )

    def __str__(self) -> SafeString:
        # Templat Django memanggil str() lalu conditional_escape: harus SafeString agar tidak di-escape.
        return self.__html__()


@dataclass(frozen=True)
class Spesifikasi:
    """Apa yang digambar: jenis penggambar dan parameternya dalam bentuk baku (teks, tuple)."""

    jenis: str
    parameter: tuple = field(default=())

    @cached_property
    def kunci(self) -> str:
        isi = json.dumps([VERSI_PENGGAMBAR, self.jenis, self.parameter], ensure_ascii=False)
        return hashlib.sha256(isi.encode()).hexdigest()


def gambar(spek: Spesifikasi) -> tuple[str, str]:
    """Gambar kedua tata letak (satu-satunya tempat penggambar dipanggil; uji menghitung panggilannya)."""
    penggambar, parameter, id_awal = _PENGGAMBAR[spek.jenis], dict(spek.parameter), f"g{spek.kunci[:10]}"
    return (
        penggambar(grafik_svg.LEBAR, id_awal, **parameter),
        penggambar(grafik_svg.SEMPIT, id_awal, **parameter),
    )


def tampilkan(spek: Spesifikasi) -> Grafik:
    """Grafik tersimpan untuk ``spek``; bila belum ada, digambar sekali dan disimpan (satu atau dua kueri)."""
    baris = GrafikTersimpan.objects.filter(kunci=spek.kunci).values_list("svg", "svg_sempit").first()
    if baris is None:
        baris = gambar(spek)
        GrafikTersimpan.objects.bulk_create(
            [GrafikTersimpan(kunci=spek.kunci, jenis=spek.jenis, svg=baris[0], svg_sempit=baris[1])],
            ignore_conflicts=True,
        )
    return Grafik(*baris)


def siapkan(daftar: Sequence[Spesifikasi]) -> int:
    """Gambar dan simpan grafik yang belum tersimpan (dipanggil tugas latar); jumlah yang digambar.

    Dua kueri berapa pun banyaknya grafik: satu memeriksa kunci yang sudah ada, satu menyisipkan sisanya.
    """
    unik = {s.kunci: s for s in daftar}
    ada = set(GrafikTersimpan.objects.filter(kunci__in=unik).values_list("kunci", flat=True))
    baru = []
    for kunci, spek in unik.items():
        if kunci not in ada:
            svg, sempit = gambar(spek)
            baru.append(GrafikTersimpan(kunci=kunci, jenis=spek.jenis, svg=svg, svg_sempit=sempit))
    GrafikTersimpan.objects.bulk_create(baru, ignore_conflicts=True, batch_size=200)
    return len(baru)


# Setelah broker gagal dihubungi, penyiapan grafik tidak dicoba lagi selama ini: setiap percobaan menunggu
# ±1–2 detik (CELERY_BROKER_CONNECTION_TIMEOUT), dan halaman tetap menggambar grafik yang belum ada.
JEDA_BROKER_MATI = 60.0
_broker_mati_sampai = 0.0


def _kirim(tugas, args: tuple) -> None:
    global _broker_mati_sampai
    if time.monotonic() < _broker_mati_sampai:
        return
    try:
        tugas.delay(*args)
    except BrokerTidakTerjangkau as exc:
        _broker_mati_sampai = time.monotonic() + JEDA_BROKER_MATI
        logger.warning("Broker tidak terjangkau (%s); grafik digambar saat halaman dibuka", exc)


def antrekan_sesudah_commit(tugas, *args) -> None:
    """Antrekan tugas penyiapan grafik setelah transaksi berjalan di-commit (data baru sudah terbaca)."""
    transaction.on_commit(lambda: _kirim(tugas, args), robust=True)


def bersihkan(*, lebih_lama_dari: timedelta) -> int:
    """Buang grafik yang digambar lebih lama dari batasnya (tugas berkala); jumlah yang dibuang."""
    jumlah, _ = GrafikTersimpan.objects.filter(dibuat_pada__lt=timezone.now() - lebih_lama_dari).delete()
    return jumlah


# --- Spesifikasi per jenis: data dibakukan (angka dibulatkan ke digit yang ditampilkan) ------------------


def _angka(nilai, digit: int) -> str:
    return str(Decimal(str(nilai)).quantize(Decimal(1).scaleb(-digit), rounding=ROUND_HALF_UP))


def _warna(warna: Sequence[str] | None) -> tuple[str, ...] | None:
    return tuple(warna) if warna else None


def batang_horizontal(
    label: Sequence[str],
    nilai: Sequence,
    *,
    judul: str,
    batas: tuple[float, float] = (0, 5),
    target: float | None = None,
    label_target: str = "Target",
    warna: Sequence[str] | None = None,
    digit: int = 2,
    rapat: bool = False,
) -> Spesifikasi:
    """Batang mendatar dengan angka di ujungnya dan garis target opsional."""
    return Spesifikasi(
        "batang_horizontal",
        (
            ("label", tuple(str(x) for x in label)),
            ("nilai", tuple(_angka(v, digit) for v in nilai)),
            ("judul", judul),
            ("batas", tuple(batas)),
            ("target", target),
            ("label_target", label_target),
            ("warna", _warna(warna)),
            ("digit", digit),
            ("rapat", rapat),
        ),
    )


def batang_vertikal(
    label: Sequence[str], nilai: Sequence[int], *, judul: str, warna: Sequence[str] | None = None
) -> Spesifikasi:
    """Batang tegak (mis. jumlah per kategori) dengan angka di atas batang."""
    return Spesifikasi(
        "batang_vertikal",
        (
            ("label", tuple(str(x) for x in label)),
            ("nilai", tuple(int(v) for v in nilai)),
            ("judul", judul),
            ("warna", _warna(warna)),
        ),
    )


def sebaran_urut(
    nilai: Sequence,
    *,
    judul: str,
    warna: Sequence[str],
    batas: tuple[float, float] = (0, 5),
    uraian: str = "",
) -> Spesifikasi:
    """Nilai yang sudah urut menurun sebagai batang rapat berwarna (mis. IPP seribu lokus per kategori)."""
    return Spesifikasi(
        "sebaran_urut",
        (
            ("nilai", tuple(_angka(v, 2) for v in nilai)),
            ("judul", judul),
            ("warna", tuple(warna)),
            ("batas", tuple(batas)),
            ("uraian", uraian),
        ),
    )


def garis(
    label: Sequence[str],
    nilai: Sequence,
    *,
    judul: str,
    batas: tuple[float, float] = (0, 100),
    digit: int = 2,
) -> Spesifikasi:
    """Garis berpenanda dengan angka di setiap titik (mis. tren indeks antarperiode)."""
    return Spesifikasi(
        "garis",
        (
            ("label", tuple(str(x) for x in label)),
            ("nilai", tuple(_angka(v, digit) for v in nilai)),
            ("judul", judul),
            ("batas", tuple(batas)),
            ("digit", digit),
        ),
    )


# Nama lama (sebelum simpanan persisten): spesifikasi langsung ditampilkan.
def grafik_batang_horizontal(*args, **kwargs) -> Grafik:
    return tampilkan(batang_horizontal(*args, **kwargs))


def grafik_batang_vertikal(*args, **kwargs) -> Grafik:
    return tampilkan(batang_vertikal(*args, **kwargs))


def grafik_sebaran_urut(*args, **kwargs) -> Grafik:
    return tampilkan(sebaran_urut(*args, **kwargs))


def grafik_garis(*args, **kwargs) -> Grafik:
    return tampilkan(garis(*args, **kwargs))
