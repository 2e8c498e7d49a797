"""Penulis SVG ringan untuk grafik portal: batang mendatar, batang tegak, sebaran berurut, dan garis.

Menggantikan matplotlib, yang menghabiskan dua pertiga waktu menyusun sebuah laporan dan seluruh biaya
halaman pertama ber-grafik (issue 17), untuk grafik yang cukup digambar dengan beberapa persegi, garis, dan
teks. Setiap fungsi murni: data sama → SVG sama, byte demi byte.

- Teks tetap teks SVG (terbaca pembaca layar, tidak menjadi kurva), di-escape, dengan font Noto Sans yang
  lebarnya diukur dari berkas font yang dibundel (``core.huruf``).
- Tanpa atribut ``style`` dan tanpa ``<style>``: warna dan garis lewat atribut presentasi (CSP ketat).
- ``role="img"`` dengan ``<title>`` (judul) dan ``<desc>`` (datanya dalam kalimat), dirujuk
  ``aria-labelledby``.
- Dua tata letak: ``LEBAR`` untuk halaman lebar dan PDF (label di kiri batang) dan ``SEMPIT`` untuk layar
  ponsel (label di atas batang; huruf lebih besar terhadap lebar gambar, sehingga tetap terbaca di 390 px).
"""

import math
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from itertools import groupby

from .huruf import bungkus, lebar_teks

WARNA_UTAMA = "#1f5f99"
WARNA_TARGET = "#b3261e"
WARNA_GRID = "#dddddd"
WARNA_SUMBU = "#6c757d"
WARNA_TEKS = "#1b1b1b"
FONT = "'Noto Sans', 'DejaVu Sans', sans-serif"
_TEPI = 4


@dataclass(frozen=True)
class Tata:
    """Ukuran satu tata letak dalam satuan viewBox (≈ px pada lebar itu, ≈ pt di PDF selebar kolomnya)."""

    nama: str
    lebar: float
    huruf: float  # label
    kecil: float  # angka pada batang dan sumbu
    label_di_atas: bool


LEBAR = Tata("lebar", 480, 10, 9, label_di_atas=False)
SEMPIT = Tata("sempit", 340, 14, 13, label_di_atas=True)


def angka_id(nilai, digit: int = 2) -> str:
    """3.75 → "3,75" (desimal koma seperti seluruh portal)."""
    return f"{Decimal(str(nilai)):.{digit}f}".replace(".", ",")


# --- Potongan SVG ------------------------------------------------------------------------------------


def _n(x: float) -> str:
    teks = f"{x:.1f}"
    return teks[:-2] if teks.endswith(".0") else teks


def _esc(teks: str) -> str:
    return teks.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def _teks(x, y, isi, *, ukuran, anchor="start", warna=WARNA_TEKS, extra="") -> str:
    return (
        f'<text x="{_n(x)}" y="{_n(y)}" font-size="{_n(ukuran)}" text-anchor="{anchor}" fill="{warna}"'
        f"{extra}>{_esc(str(isi))}</text>"
    )


def _garis(x1, y1, x2, y2, warna, tebal=0.8, extra="") -> str:
    return (
        f'<line x1="{_n(x1)}" y1="{_n(y1)}" x2="{_n(x2)}" y2="{_n(y2)}" stroke="{warna}" '
        f'stroke-width="{_n(tebal)}"{extra}/>'
    )


def _kotak(x, y, lebar, tinggi, warna) -> str:
    return f'<rect x="{_n(x)}" y="{_n(y)}" width="{_n(lebar)}" height="{_n(tinggi)}" fill="{warna}"/>'


def _svg(tata: Tata, tinggi: float, id_awal: str, judul: str, uraian: str, isi: list[str]) -> str:
    kode = f"{id_awal}{tata.nama[0]}"
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {_n(tata.lebar)} {_n(tinggi)}" width="100%" '
        f'role="img" aria-labelledby="{kode}-j {kode}-d" font-family="{FONT}">'
        f'<title id="{kode}-j">{_esc(judul)}</title><desc id="{kode}-d">{_esc(uraian)}</desc>'
        + "".join(isi)
        + "</svg>"
    )


def langkah_rapi(rentang: float, jumlah: int = 5) -> float:
    """Jarak tanda sumbu 1, 2, atau 5 × 10ⁿ sehingga ``rentang`` terbagi kira-kira ``jumlah`` bagian."""
    if rentang <= 0:
        return 1
    kasar = rentang / jumlah
    pangkat = 10 ** math.floor(math.log10(kasar))
    return next(m * pangkat for m in (1, 2, 5, 10) if m * pangkat >= kasar)


def _uraian(label: Sequence[str], nilai: Sequence, digit: int) -> str:
    return "; ".join(f"{lbl}: {angka_id(v, digit)}" for lbl, v in zip(label, nilai, strict=True))


def _sumbu_x(tata, skala, batas, y_atas, y_bawah) -> list[str]:
    """Garis bantu tegak dan angka di setiap bilangan bulat rentang ``batas``."""
    isi = []
    for t in range(math.ceil(batas[0]), math.floor(batas[1]) + 1):
        x = skala(t)
        isi.append(_garis(x, y_atas, x, y_bawah, WARNA_GRID, 0.6))
        isi.append(_teks(x, y_bawah + tata.kecil + 2, t, ukuran=tata.kecil, anchor="middle", warna="#444"))
    return isi


def _target(tata, x, y_atas, y_bawah, label, tepi_kanan) -> list[str]:
    anchor = "end" if x + lebar_teks(label, tata.kecil) / 2 > tepi_kanan else "middle"
    return [
        _garis(x, y_atas - 2, x, y_bawah, WARNA_TARGET, 1, ' stroke-dasharray="4 3"'),
        _teks(x, y_atas - 4, label, ukuran=tata.kecil, anchor=anchor, warna=WARNA_TARGET),
    ]


# --- Batang mendatar -----------------------------------------------------------------------------------


def batang_horizontal(
    tata: Tata,
    id_awal: str,
    *,
    label: Sequence[str],
    nilai: Sequence,
    judul: str,
    batas: tuple[float, float] = (0, 5),
    target: float | None = None,
    label_target: str = "Target",
    warna: Sequence[str] | None = None,
    digit: int = 2,
    rapat: bool = False,
) -> str:
    """Batang mendatar berurutan dari atas, angka di ujung batang, garis target opsional.

    ``LEBAR``: label di kiri (dibungkus dua baris bila panjang). ``SEMPIT``: label di atas batangnya.
    ``rapat`` (banyak baris, mis. peringkat 40 lokus): batang tipis dan label satu baris berelipsis, agar
    grafik tetap muat satu halaman A4.
    """
    warna = list(warna) if warna else [WARNA_UTAMA] * len(label)
    ruang_nilai = max((lebar_teks(angka_id(v, digit), tata.kecil) for v in nilai), default=0) + 6
    huruf = tata.kecil if rapat else tata.huruf
    tinggi_baris = huruf * (1.15 if rapat else 1.25)
    tebal = huruf * (0.8 if rapat else 1.25)
    if tata.label_di_atas:
        kol_label, xa = 0.0, _TEPI
        baris_label = [bungkus(lbl, tata.lebar - 2 * _TEPI, huruf, 1 if rapat else 3) for lbl in label]
    else:
        lebar_maks = max((lebar_teks(lbl, huruf) for lbl in label), default=0)
        kol_label = min(lebar_maks, tata.lebar * 0.42)
        xa = _TEPI + kol_label + 6
        baris_label = [bungkus(lbl, kol_label, huruf, 1 if rapat else 2) for lbl in label]
    xb = tata.lebar - _TEPI - ruang_nilai

    def skala(v) -> float:
        return xa + (float(v) - batas[0]) / (batas[1] - batas[0]) * (xb - xa)

    y = (tata.kecil + 8) if target is not None else 4
    y_atas, isi, pusat = y, [], []
    jarak = 2 if rapat else 4
    for baris, v, w in zip(baris_label, nilai, warna, strict=True):
        if tata.label_di_atas:
            for i, teks in enumerate(baris):
                isi.append(_teks(_TEPI, y + tinggi_baris * (i + 0.8), teks, ukuran=huruf))
            y += tinggi_baris * len(baris) + 1
            tengah = y + tebal / 2
            y += tebal + jarak + 3
        else:
            tinggi = max(tebal + jarak, tinggi_baris * len(baris) + jarak)
            tengah = y + tinggi / 2
            awal = tengah - tinggi_baris * (len(baris) - 1) / 2 + huruf * 0.35
            for i, teks in enumerate(baris):
                isi.append(_teks(xa - 6, awal + i * tinggi_baris, teks, ukuran=huruf, anchor="end"))
            y += tinggi
        pusat.append(tengah)
        isi.append(_kotak(xa, tengah - tebal / 2, max(skala(v) - xa, 0), tebal, w))
        isi.append(_teks(skala(v) + 3, tengah + tata.kecil * 0.35, angka_id(v, digit), ukuran=tata.kecil))
    y_bawah = y
    if tata.label_di_atas:
        # Label melintang selebar gambar: tanpa garis bantu yang menembus teks; angka ada di ujung batang.
        latar, tinggi = [], y_bawah + 2
        if target is not None:
            latar += _target(tata, skala(target), y_atas, y_atas, label_target, tata.lebar - _TEPI)
            latar += [_garis(skala(target), t - tebal / 2 - 2, skala(target), t + tebal / 2 + 2, WARNA_TARGET,
                             1, ' stroke-dasharray="3 2"') for t in pusat]  # fmt: skip
    else:
        latar, tinggi = _sumbu_x(tata, skala, batas, y_atas, y_bawah), y_bawah + tata.kecil + 6
        latar.append(_garis(xa, y_atas, xa, y_bawah, WARNA_SUMBU))
        if target is not None:
            latar += _target(tata, skala(target), y_atas, y_bawah, label_target, tata.lebar - _TEPI)
    uraian = _uraian(label, nilai, digit) + (f". {label_target}." if target is not None else ".")
    return _svg(tata, tinggi, id_awal, judul, uraian, latar + isi)


# --- Batang tegak -----------------------------------------------------------------------------------


def _sumbu_y(tata, skala, ticks, x_kiri, x_kanan) -> list[str]:
    isi = []
    for t in ticks:
        y = skala(t)
        isi.append(_garis(x_kiri, y, x_kanan, y, WARNA_GRID, 0.6))
        label = angka_id(t, 0) if float(t).is_integer() else angka_id(t, 1)
        isi.append(
            _teks(x_kiri - 4, y + tata.kecil * 0.35, label, ukuran=tata.kecil, anchor="end", warna="#444")
        )
    return isi


def _tanda(awal: float, akhir: float, langkah: float) -> list[float]:
    """Kelipatan ``langkah`` di dalam [awal, akhir]."""
    pertama, terakhir = math.ceil(awal / langkah - 1e-9), math.floor(akhir / langkah + 1e-9)
    return [k * langkah for k in range(pertama, terakhir + 1)]


def batang_vertikal(
    tata: Tata,
    id_awal: str,
    *,
    label: Sequence[str],
    nilai: Sequence[int],
    judul: str,
    warna: Sequence[str] | None = None,
) -> str:
    """Batang tegak (jumlah per kategori), angka di atas batang dan label di bawahnya."""
    warna = list(warna) if warna else [WARNA_UTAMA] * len(label)
    maks = max([int(v) for v in nilai] + [1])
    langkah = max(1, langkah_rapi(maks, 4))
    puncak = math.ceil(maks * 1.15 / langkah) * langkah
    ticks = _tanda(0, puncak, langkah)
    xa = _TEPI + lebar_teks(angka_id(puncak, 0), tata.kecil) + 6
    xb = tata.lebar - _TEPI
    slot = (xb - xa) / max(len(label), 1)
    baris_label = [bungkus(lbl, slot - 2, tata.kecil, 2) for lbl in label]
    tinggi_label = max((len(b) for b in baris_label), default=1) * tata.kecil * 1.2
    y_atas, y_bawah = tata.kecil + 4, tata.lebar * (0.34 if tata.label_di_atas else 0.3)

    def skala(v) -> float:
        return y_bawah - float(v) / puncak * (y_bawah - y_atas)

    isi = _sumbu_y(tata, skala, ticks, xa, xb)
    isi.append(_garis(xa, y_bawah, xb, y_bawah, WARNA_SUMBU))
    for i, (baris, v, w) in enumerate(zip(baris_label, nilai, warna, strict=True)):
        tengah = xa + slot * (i + 0.5)
        isi.append(_kotak(tengah - slot * 0.32, skala(v), slot * 0.64, y_bawah - skala(v), w))
        isi.append(_teks(tengah, skala(v) - 3, int(v), ukuran=tata.kecil, anchor="middle"))
        for j, teks in enumerate(baris):
            y = y_bawah + tata.kecil * (1.25 + 1.2 * j)
            isi.append(_teks(tengah, y, teks, ukuran=tata.kecil, anchor="middle"))
    uraian = "; ".join(f"{lbl}: {int(v)}" for lbl, v in zip(label, nilai, strict=True)) + "."
    return _svg(tata, y_bawah + tinggi_label + 6, id_awal, judul, uraian, isi)


# --- Sebaran berurut --------------------------------------------------------------------------------


def _tangga(titik: list[tuple[float, float, float]], y_nol: float) -> str:
    """Satu bentuk tertutup untuk batang berdampingan (x_kiri, x_kanan, y puncak)."""
    langkah = [f"M{_n(titik[0][0])} {_n(y_nol)}"]
    for kiri, kanan, y in titik:
        langkah.append(f"L{_n(kiri)} {_n(y)}H{_n(kanan)}")
    langkah.append(f"V{_n(y_nol)}Z")
    return "".join(langkah)


def sebaran_urut(
    tata: Tata,
    id_awal: str,
    *,
    nilai: Sequence,
    judul: str,
    warna: Sequence[str],
    batas: tuple[float, float] = (0, 5),
    uraian: str = "",
    label_x: str = "Peringkat",
    label_y: str = "IPP",
) -> str:
    """Nilai yang sudah urut menurun sebagai batang rapat, diwarnai per nilai (mis. kategori).

    Batang berdampingan yang warnanya sama menjadi satu bentuk tangga: seribu lokus tetap beberapa bentuk
    saja, cepat digambar di peramban dan WeasyPrint, dan SVG-nya kecil.
    """
    n = max(len(nilai), 1)
    xa = _TEPI + tata.kecil * 1.4 + lebar_teks("5", tata.kecil) + 6
    xb = tata.lebar - _TEPI
    y_atas, y_bawah = 6, tata.lebar * (0.3 if tata.label_di_atas else 0.27)
    lebar_batang = (xb - xa) / n

    def skala_y(v) -> float:
        return y_bawah - (float(v) - batas[0]) / (batas[1] - batas[0]) * (y_bawah - y_atas)

    isi = _sumbu_y(tata, skala_y, _tanda(batas[0], batas[1], langkah_rapi(batas[1] - batas[0])), xa, xb)
    awal = 0
    for w, kelompok in groupby(warna):
        jumlah = len(list(kelompok))
        titik = [
            (xa + i * lebar_batang, xa + (i + 1) * lebar_batang, skala_y(nilai[i]))
            for i in range(awal, awal + jumlah)
        ]
        isi.append(f'<path d="{_tangga(titik, y_bawah)}" fill="{w}"/>')
        awal += jumlah
    isi.append(_garis(xa, y_bawah, xb, y_bawah, WARNA_SUMBU))
    langkah_x = max(1, int(langkah_rapi(n)))
    for r in [1, *range(langkah_x, n + 1, langkah_x)]:
        x = xa + (r - 0.5) * lebar_batang
        # Angka di tepi kanan dirapatkan ke kanan agar tidak terpotong ("1000" di ujung sumbu).
        anchor = "end" if x + lebar_teks(str(r), tata.kecil) / 2 > xb else "middle"
        isi.append(
            _teks(min(x, xb), y_bawah + tata.kecil + 2, r, ukuran=tata.kecil, anchor=anchor, warna="#444")
        )
    isi.append(
        _teks((xa + xb) / 2, y_bawah + tata.kecil * 2.4 + 2, label_x, ukuran=tata.kecil, anchor="middle")
    )
    tengah_y = (y_atas + y_bawah) / 2
    putar = f' transform="rotate(-90 {_n(_TEPI + tata.kecil)} {_n(tengah_y)})"'
    isi.append(_teks(_TEPI + tata.kecil, tengah_y, label_y, ukuran=tata.kecil, anchor="middle", extra=putar))
    if not uraian and len(nilai):
        uraian = f"{len(nilai)} nilai, tertinggi {angka_id(nilai[0])}, terendah {angka_id(nilai[-1])}."
    return _svg(tata, y_bawah + tata.kecil * 2.4 + 6, id_awal, judul, uraian, isi)


# --- Garis ----------------------------------------------------------------------------------------------


def garis(
    tata: Tata,
    id_awal: str,
    *,
    label: Sequence[str],
    nilai: Sequence,
    judul: str,
    batas: tuple[float, float] = (0, 100),
    digit: int = 2,
) -> str:
    """Garis berpenanda dengan angka di setiap titik (mis. tren indeks antarperiode)."""
    xa = _TEPI + lebar_teks(angka_id(batas[1], 0), tata.kecil) + 6
    xb = tata.lebar - _TEPI
    slot = (xb - xa) / max(len(label), 1)
    baris_label = [bungkus(lbl, slot - 4, tata.kecil, 3) for lbl in label]
    tinggi_label = max((len(b) for b in baris_label), default=1) * tata.kecil * 1.2
    y_atas, y_bawah = tata.kecil + 6, tata.lebar * (0.34 if tata.label_di_atas else 0.3)

    def skala_y(v) -> float:
        return y_bawah - (float(v) - batas[0]) / (batas[1] - batas[0]) * (y_bawah - y_atas)

    ticks = _tanda(batas[0], batas[1], langkah_rapi(batas[1] - batas[0], 4))
    isi = _sumbu_y(tata, skala_y, ticks, xa, xb)
    isi.append(_garis(xa, y_bawah, xb, y_bawah, WARNA_SUMBU))
    titik = [(xa + slot * (i + 0.5), skala_y(v)) for i, v in enumerate(nilai)]
    if len(titik) > 1:
        jalur = " ".join(f"{_n(x)},{_n(y)}" for x, y in titik)
        isi.append(f'<polyline points="{jalur}" fill="none" stroke="{WARNA_UTAMA}" stroke-width="1.5"/>')
    for (x, y), v, baris in zip(titik, nilai, baris_label, strict=True):
        isi.append(f'<circle cx="{_n(x)}" cy="{_n(y)}" r="3" fill="{WARNA_UTAMA}"/>')
        isi.append(_teks(x, y - 6, angka_id(v, digit), ukuran=tata.kecil, anchor="middle"))
        for j, teks in enumerate(baris):
            isi.append(
                _teks(x, y_bawah + tata.kecil * (1.25 + 1.2 * j), teks, ukuran=tata.kecil, anchor="middle")
            )
    return _svg(tata, y_bawah + tinggi_label + 6, id_awal, judul, _uraian(label, nilai, digit) + ".", isi)
