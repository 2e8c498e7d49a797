"""Grafik SVG dari sisi server (matplotlib), sama persis di halaman web dan di PDF.

Fungsi di sini generik (label, nilai, warna); makna domain (aspek, kategori, peringkat) disusun oleh app
pemanggil. Teks disimpan sebagai teks SVG (bukan kurva) agar ringan, terbaca pembaca layar, dan digambar
WeasyPrint dengan font sistem yang sama dengan dokumen. Keluaran deterministik: data sama → SVG sama.
"""

import functools
import hashlib
import io
import itertools
import re
from collections.abc import Sequence
from decimal import Decimal

from django.core.cache import cache
from django.utils.safestring import SafeString, mark_safe

WARNA_UTAMA = "#1f5f99"
WARNA_TARGET = "#b3261e"
_RC = {
    "svg.fonttype": "none",
    "svg.hashsalt": "kaltim-yanlik",
    "font.family": ["Noto Sans", "DejaVu Sans", "sans-serif"],
    "font.size": 9,
    "axes.spines.top": False,
    "axes.spines.right": False,
}


# Menggambar satu grafik memakan puluhan milidetik; halaman dasbor dibuka jauh lebih sering daripada datanya
# berubah. Grafik disimpan di cache dengan kunci dari isi datanya, sehingga data baru = kunci baru.
LAMA_CACHE_DETIK = 60 * 60


def tersimpan(fungsi):
    @functools.wraps(fungsi)
    def pembungkus(*args, **kwargs):
        sidik = hashlib.sha1(repr((args, sorted(kwargs.items()))).encode(), usedforsecurity=False).hexdigest()
        kunci = f"grafik:{fungsi.__name__}:{sidik}"
        svg = cache.get(kunci)
        if svg is None:
            svg = fungsi(*args, **kwargs)
            cache.set(kunci, str(svg), LAMA_CACHE_DETIK)
        return mark_safe(svg)  # noqa: S308 — SVG dari fungsi grafik di modul ini

    return pembungkus


def angka_id(nilai, digit: int = 2) -> str:
    """3.75 → "3,75" (desimal koma seperti seluruh portal)."""
    return f"{Decimal(str(nilai)):.{digit}f}".replace(".", ",")


def _svg(fig, label_aria: str) -> SafeString:
    import matplotlib

    keluaran = io.StringIO()
    with matplotlib.rc_context(_RC):
        # Tanpa bbox_inches="tight": itu menggambar figur dua kali. Tepi diatur sendiri lewat _tepi().
        fig.savefig(keluaran, format="svg", metadata={"Date": None})
    teks = keluaran.getvalue()
    teks = teks[teks.index("<svg") :]
    # Lebar mengikuti wadahnya (halaman web maupun kolom PDF); tinggi mengikuti viewBox.
    teks = re.sub(r'<svg([^>]*?) width="[^"]+" height="[^"]+"', r'<svg\1 width="100%"', teks, count=1)
    teks = _id_unik(teks)
    aria = label_aria.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")
    teks = teks.replace("<svg", f'<svg role="img" aria-label="{aria}"', 1)
    return mark_safe(teks)  # noqa: S308 — dibuat matplotlib dari data kita; teks label di-escape olehnya


def _id_unik(teks: str) -> str:
    """Awali setiap id dengan sidik isi grafik: beberapa grafik dalam satu halaman tidak saling bertabrakan
    id (clip-path matplotlib memakai id), sedangkan grafik yang sama tetap menghasilkan SVG yang sama."""
    awalan = "g" + hashlib.sha1(teks.encode(), usedforsecurity=False).hexdigest()[:8] + "-"
    teks = re.sub(r'\bid="', f'id="{awalan}', teks)
    teks = teks.replace("url(#", f"url(#{awalan}")
    return teks.replace('xlink:href="#', f'xlink:href="#{awalan}')


def _lebar_label_inci(label: Sequence[str]) -> float:
    """Lebar label terpanjang dalam inci, diukur dari font yang sama (tanpa menggambar figur)."""
    from matplotlib.font_manager import FontProperties
    from matplotlib.textpath import TextToPath

    font = FontProperties(family=_RC["font.family"], size=_RC["font.size"])
    ukur = TextToPath().get_text_width_height_descent
    return max((ukur(t, font, ismath=False)[0] / 72 for t in label), default=0.0)


def _tepi(fig, *, kiri: float = 0.55, kanan: float = 0.15, atas: float = 0.25, bawah: float = 0.45) -> None:
    """Tepi figur dalam inci (bukan pecahan), agar label tidak terpotong berapa pun ukuran figurnya."""
    lebar, tinggi = fig.get_size_inches()
    fig.subplots_adjust(
        left=kiri / lebar, right=1 - kanan / lebar, top=1 - atas / tinggi, bottom=bawah / tinggi
    )


def _figur(lebar_inci: float, tinggi_inci: float):
    import matplotlib
    from matplotlib.figure import Figure

    with matplotlib.rc_context(_RC):
        fig = Figure(figsize=(lebar_inci, tinggi_inci))
        ax = fig.add_subplot()
    return fig, ax


@tersimpan
def grafik_batang_horizontal(
    label: Sequence[str],
    nilai: Sequence,
    *,
    judul: str,
    batas: tuple[float, float] = (0, 5),
    ruang_label: float = 0.55,
    target: float | None = None,
    label_target: str = "Target",
    warna: Sequence[str] | None = None,
    digit: int = 2,
    tinggi_batang: float = 0.32,
) -> SafeString:
    """Batang mendatar berurutan dari atas, dengan nilai di ujung batang dan garis target opsional."""
    import matplotlib

    n = max(len(label), 1)
    fig, ax = _figur(6.6, 0.8 + tinggi_batang * n)
    with matplotlib.rc_context(_RC):
        posisi = list(range(len(label)))[::-1]
        angka = [float(v) for v in nilai]
        batang = ax.barh(posisi, angka, color=list(warna) if warna else WARNA_UTAMA, height=0.62)
        ax.set_yticks(posisi, labels=list(label))
        ax.set_xlim(batas[0], batas[1] + ruang_label)
        ax.set_xticks(range(int(batas[0]), int(batas[1]) + 1))
        ax.bar_label(batang, labels=[angka_id(v, digit) for v in nilai], padding=3, fontsize=8)
        if target is not None:
            ax.axvline(target, color=WARNA_TARGET, linestyle="--", linewidth=1)
            # Di atas bidang gambar (x data, y sumbu), agar tidak menimpa angka batang teratas.
            ax.text(
                target, 1.01, label_target, transform=ax.get_xaxis_transform(),
                color=WARNA_TARGET, ha="center", va="bottom", fontsize=8,
            )  # fmt: skip
        ax.tick_params(axis="y", length=0)
        ax.grid(axis="x", color="#dddddd", linewidth=0.6)
        ax.set_axisbelow(True)
        _tepi(fig, kiri=0.15 + _lebar_label_inci(label))
    return _svg(fig, judul)


@tersimpan
def grafik_batang_vertikal(
    label: Sequence[str], nilai: Sequence[int], *, judul: str, warna: Sequence[str] | None = None
) -> SafeString:
    """Batang tegak (mis. jumlah per kategori), dengan angka di atas batang."""
    import matplotlib

    fig, ax = _figur(6.2, 2.6)
    with matplotlib.rc_context(_RC):
        batang = ax.bar(list(label), [int(v) for v in nilai], color=list(warna) if warna else WARNA_UTAMA)
        ax.bar_label(batang, labels=[str(int(v)) for v in nilai], padding=2, fontsize=8)
        ax.set_ylim(0, max([int(v) for v in nilai] + [1]) * 1.18)
        ax.yaxis.get_major_locator().set_params(integer=True)
        ax.grid(axis="y", color="#dddddd", linewidth=0.6)
        ax.set_axisbelow(True)
        _tepi(fig, kiri=0.4, bawah=0.35)
    return _svg(fig, judul)


@tersimpan
def grafik_sebaran_urut(
    nilai: Sequence, *, judul: str, warna: Sequence[str], batas: tuple[float, float] = (0, 5)
) -> SafeString:
    """Nilai (sudah urut menurun) sebagai batang rapat, diwarnai per nilai (mis. kategori).

    Batang berdampingan yang warnanya sama digambar sebagai satu bentuk tangga (``stairs``), sehingga seribu
    lokus tetap menjadi beberapa bentuk saja: cepat digambar dan SVG-nya kecil.
    """
    import matplotlib

    fig, ax = _figur(6.6, 2.4)
    with matplotlib.rc_context(_RC):
        angka = [float(v) for v in nilai]
        awal = 0
        for w, kelompok in itertools.groupby(warna):
            n = len(list(kelompok))
            tepi = [awal + 0.5 + i for i in range(n + 1)]
            ax.stairs(angka[awal : awal + n], tepi, fill=True, color=w, linewidth=0)
            awal += n
        ax.set_ylim(*batas)
        ax.set_xlim(0.5, max(len(angka), 1) + 0.5)
        ax.set_xlabel("Peringkat")
        ax.set_ylabel("IPP")
        ax.grid(axis="y", color="#dddddd", linewidth=0.6)
        ax.set_axisbelow(True)
        _tepi(fig, kiri=0.55, bawah=0.55)
    return _svg(fig, judul)


@tersimpan
def grafik_garis(
    label: Sequence[str],
    nilai: Sequence,
    *,
    judul: str,
    batas: tuple[float, float] = (0, 100),
    digit: int = 2,
) -> SafeString:
    """Garis berpenanda dengan angka di setiap titik (mis. tren indeks antarperiode)."""
    import matplotlib

    fig, ax = _figur(6.6, 2.6)
    with matplotlib.rc_context(_RC):
        posisi = list(range(len(label)))
        angka = [float(v) for v in nilai]
        ax.plot(posisi, angka, marker="o", color=WARNA_UTAMA, linewidth=1.5)
        for x, v in zip(posisi, nilai, strict=True):
            ax.annotate(angka_id(v, digit), (x, float(v)), textcoords="offset points", xytext=(0, 6),
                        ha="center", fontsize=8)  # fmt: skip
        ax.set_xticks(posisi, labels=list(label))
        ax.set_xlim(-0.5, max(len(label), 1) - 0.5)
        ax.set_ylim(*batas)
        ax.grid(axis="y", color="#dddddd", linewidth=0.6)
        ax.set_axisbelow(True)
        _tepi(fig, kiri=0.45, bawah=0.45)
    return _svg(fig, judul)
