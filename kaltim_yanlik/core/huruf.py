"""Lebar teks label grafik, diukur dari font yang dibundel: ``static/fonts/noto-sans-grafik.woff``.

Font dibaca lewat jalurnya (fontTools, tabel ``cmap`` dan ``hmtx`` saja), bukan lewat cache font sistem atau
matplotlib: mesin yang baru memasang font, atau yang cache-nya dibangun sebelum font terpasang, mengukur sama
persis. Peramban memuat berkas yang sama lewat ``@font-face`` (portal.css) dan WeasyPrint memakai Noto Sans
sistem (``scripts/pasang-sistem.sh``), sehingga label yang diukur di sini pas dengan yang digambar.
"""

import functools
from pathlib import Path

from django.conf import settings

JALUR_FONT = Path(settings.BASE_DIR) / "static" / "fonts" / "noto-sans-grafik.woff"
# Lebar rata-rata huruf Noto Sans (em); dipakai untuk karakter di luar subset font yang dibundel.
_LEBAR_CADANGAN_EM = 0.57


@functools.cache
def _metrik() -> tuple[dict[int, float], float]:
    """(titik kode → lebar dalam em, lebar cadangan dalam em), dimuat sekali per proses."""
    from fontTools.ttLib import TTFont

    font = TTFont(JALUR_FONT, lazy=True)
    per_em = font["head"].unitsPerEm
    lebar_glif = font["hmtx"].metrics
    lebar = {kode: lebar_glif[glif][0] / per_em for kode, glif in font.getBestCmap().items()}
    return lebar, _LEBAR_CADANGAN_EM


def lebar_teks(teks: str, ukuran: float) -> float:
    """Lebar ``teks`` pada ukuran huruf ``ukuran`` (satuan yang sama dengan ukurannya)."""
    lebar, cadangan = _metrik()
    return sum(lebar.get(ord(c), cadangan) for c in teks) * ukuran


def _potong(kata: str, lebar_maks: float, ukuran: float) -> str:
    """Teks yang terlalu panjang untuk satu baris dipotong dengan elipsis."""
    while kata and lebar_teks(kata + "…", ukuran) > lebar_maks:
        kata = kata[:-1].rstrip()
    return kata + "…"


def bungkus(teks: str, lebar_maks: float, ukuran: float, baris_maks: int = 2) -> list[str]:
    """Pecah ``teks`` per kata menjadi baris selebar paling banyak ``lebar_maks``.

    Lebih dari ``baris_maks`` baris: baris terakhir diakhiri elipsis (nama lengkap selalu ada di tabel di
    samping grafik dan di ``<desc>`` SVG-nya).
    """
    baris: list[str] = []
    kini = ""
    for kata in teks.split():
        calon = f"{kini} {kata}" if kini else kata
        if lebar_teks(calon, ukuran) <= lebar_maks:
            kini = calon
            continue
        if kini:
            baris.append(kini)
        kini = kata if lebar_teks(kata, ukuran) <= lebar_maks else _potong(kata, lebar_maks, ukuran)
    if kini:
        baris.append(kini)
    if len(baris) > baris_maks:
        sisa = " ".join(baris[baris_maks - 1 :])
        baris = baris[: baris_maks - 1] + [_potong(sisa, lebar_maks, ukuran)]
    return baris or [""]
