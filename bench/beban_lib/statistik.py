"""Pencatatan setiap permintaan dan ringkasan angkanya: jumlah, rps, p50/p95/p99, dan galat per aksi."""

import math
import threading
from collections import defaultdict
from dataclasses import dataclass


@dataclass(frozen=True)
class Catatan:
    aksi: str
    mulai: float  # jam perf_counter saat permintaan dikirim
    durasi_md: float | None  # None: galat pemeriksaan isi tanpa permintaan tersendiri
    galat: str | None


def persentil(urut: list[float], p: float) -> float:
    """Persentil nearest-rank atas daftar yang sudah terurut."""
    if not urut:
        return math.nan
    return urut[max(0, math.ceil(p / 100 * len(urut)) - 1)]


class Pencatat:
    """Mencatat semua permintaan; ringkasan hanya atas yang DIMULAI di dalam jendela ukur."""

    def __init__(self):
        self._catatan: list[Catatan] = []
        self._kunci = threading.Lock()
        self.jendela: tuple[float, float] | None = None

    def catat(self, aksi: str, mulai: float, durasi_detik: float, galat: str | None) -> None:
        with self._kunci:
            self._catatan.append(Catatan(aksi, mulai, durasi_detik * 1000, galat))

    def catat_galat(self, aksi: str, mulai: float, galat: str) -> None:
        """Galat isi (mis. pesan sukses tidak tampil) pada permintaan yang sudah tercatat sebagai sukses."""
        with self._kunci:
            self._catatan.append(Catatan(aksi, mulai, None, galat))

    def di_jendela(self, aksi: str | None = None) -> list[Catatan]:
        if self.jendela is None:
            return []
        awal, akhir = self.jendela
        with self._kunci:
            return [c for c in self._catatan if awal <= c.mulai < akhir and (aksi is None or c.aksi == aksi)]

    def semua(self, aksi: str) -> list[Catatan]:
        with self._kunci:
            return [c for c in self._catatan if c.aksi == aksi]


@dataclass
class Ringkasan:
    nama: str
    jumlah: int
    rps: float
    p50: float
    p95: float
    p99: float
    maks: float
    galat: int


def ringkas(nama: str, catatan: list[Catatan], detik: float) -> Ringkasan:
    waktu = sorted(c.durasi_md for c in catatan if c.durasi_md is not None)
    return Ringkasan(
        nama=nama,
        jumlah=len(waktu),
        rps=len(waktu) / detik if detik else math.nan,
        p50=persentil(waktu, 50),
        p95=persentil(waktu, 95),
        p99=persentil(waktu, 99),
        maks=waktu[-1] if waktu else math.nan,
        galat=sum(1 for c in catatan if c.galat),
    )


def per_aksi(catatan: list[Catatan], detik: float, urutan: list[str]) -> list[Ringkasan]:
    kelompok: dict[str, list[Catatan]] = defaultdict(list)
    for c in catatan:
        kelompok[c.aksi].append(c)
    nama = [a for a in urutan if a in kelompok] + sorted(set(kelompok) - set(urutan))
    return [ringkas(a, kelompok[a], detik) for a in nama]


def baris_tabel(r: Ringkasan) -> str:
    return (
        f"  {r.nama:<18} {r.jumlah:>6} {r.rps:>7.1f} {r.p50:>8.0f} {r.p95:>8.0f} {r.p99:>8.0f} "
        f"{r.maks:>8.0f} {r.galat:>6}"
    )


JUDUL_TABEL = (
    f"  {'aksi':<18} {'jumlah':>6} {'rps':>7} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'maks ms':>8} "
    f"{'galat':>6}"
)
