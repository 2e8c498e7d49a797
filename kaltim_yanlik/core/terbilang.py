"""Bilangan dan tanggal dalam kata-kata bahasa Indonesia, untuk naskah dinas (berita acara, keputusan)."""

from datetime import date

_SATUAN = ["", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan", "sepuluh",
           "sebelas"]  # fmt: skip
HARI = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]
BULAN = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
         "November", "Desember"]  # fmt: skip


def terbilang(n: int) -> str:
    """0 ≤ n < 10^12 → kata-kata: 2026 → "dua ribu dua puluh enam", 1100 → "seribu seratus"."""
    if not 0 <= n < 10**12:
        raise ValueError("terbilang hanya untuk 0 sampai 999.999.999.999.")
    if n == 0:
        return "nol"
    return _terbilang(n).strip()


def _terbilang(n: int) -> str:
    if n < 12:
        return _SATUAN[n]
    if n < 20:
        return f"{_SATUAN[n - 10]} belas"
    if n < 100:
        return f"{_SATUAN[n // 10]} puluh {_terbilang(n % 10)}".strip()
    if n < 200:
        return f"seratus {_terbilang(n - 100)}".strip()
    if n < 1000:
        return f"{_SATUAN[n // 100]} ratus {_terbilang(n % 100)}".strip()
    if n < 2000:
        return f"seribu {_terbilang(n - 1000)}".strip()
    for besar, nama in ((10**9, "miliar"), (10**6, "juta"), (1000, "ribu")):
        if n >= besar:
            return f"{_terbilang(n // besar)} {nama} {_terbilang(n % besar)}".strip()
    raise AssertionError("tidak terjangkau")  # pragma: no cover


def tanggal_terbilang(tanggal: date) -> str:
    """Kalimat pembuka berita acara: "Senin tanggal dua puluh tiga bulan November tahun dua ribu …"."""
    return (
        f"{HARI[tanggal.weekday()]} tanggal {terbilang(tanggal.day)} bulan {BULAN[tanggal.month - 1]} "
        f"tahun {terbilang(tanggal.year)}"
    )
