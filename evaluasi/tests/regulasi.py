"""Angka dari /work/shared/domain/regulations.md, disalin apa adanya sebagai nilai harapan uji.

Uji membandingkan hasil kode dengan angka-angka ini, bukan dengan keluaran kode itu sendiri.
"""

from decimal import Decimal

# §2.2: bobot aspek (persen).
BOBOT_ASPEK = {"I": 24, "II": 25, "III": 18, "IV": 11, "V": 10, "VI": 12, "VII": 0}

# §2.3: nomor → (kode, bobot indikator %, bobot global %).
INDIKATOR = {
    1: ("1.a.Ak", 17, "4.08"),
    2: ("2.a.P", 14, "3.36"),
    3: ("3.a.T", 7, "1.68"),
    4: ("4.a.K", 14, "3.36"),
    5: ("5.a.K", 10, "2.40"),
    6: ("6.a.B", 17, "4.08"),
    7: ("7.a.T", 7, "1.68"),
    8: ("8.a.Ak", 7, "1.68"),
    9: ("9.a.Ak", 7, "1.68"),
    10: ("10.b.As", 10, "2.50"),
    11: ("11.b.K", 20, "5.00"),
    12: ("12.b.Ak", 20, "5.00"),
    13: ("13.b.K", 20, "5.00"),
    14: ("14.b.K", 30, "7.50"),
    15: ("15.c.K", 15, "2.70"),
    16: ("16.c.As", 23, "4.14"),
    17: ("17.c.As", 20, "3.60"),
    18: ("18.c.K", 20, "3.60"),
    19: ("19.c.As", 11, "1.98"),
    20: ("20.c.B", 11, "1.98"),
    21: ("21.d.T", 30, "3.30"),
    22: ("22.d.B", 20, "2.20"),
    23: ("23.d.As", 20, "2.20"),
    24: ("24.d.T", 30, "3.30"),
    25: ("25.e.P", 20, "2.00"),
    26: ("26.e.P", 25, "2.50"),
    27: ("27.e.Ak", 25, "2.50"),
    28: ("28.e.Ak", 30, "3.00"),
    29: ("29.f.B", 50, "6.00"),
    30: ("30.f.B", 50, "6.00"),
}
ASPEK_INDIKATOR = {
    "I": range(1, 10),
    "II": range(10, 15),
    "III": range(15, 21),
    "IV": range(21, 25),
    "V": range(25, 29),
    "VI": range(29, 31),
    "VII": range(31, 32),
}
BOBOT_GLOBAL = {nomor: Decimal(g) for nomor, (_, _, g) in INDIKATOR.items()}

# §2.7: kode → (batas bawah, batas atas, predikat).
KATEGORI = {
    "A": ("4.51", "5.00", "Pelayanan Prima"),
    "A-": ("4.01", "4.50", "Sangat Baik"),
    "B": ("3.51", "4.00", "Baik"),
    "B-": ("3.01", "3.50", "Baik dengan Catatan"),
    "C": ("2.51", "3.00", "Cukup"),
    "C-": ("2.01", "2.50", "Cukup dengan Catatan"),
    "D": ("1.51", "2.00", "Buruk"),
    "E": ("1.01", "1.50", "Sangat Buruk"),
    "F": ("0.00", "1.00", "Gagal"),
}

# §2.8 contoh 1: level per aspek dalam urutan indikator, nilai aspek, dan hasilnya.
_LEVEL_CONTOH_1 = {
    "I": (5, 4, 3, 4, 5, 4, 3, 3, 2),
    "II": (4, 5, 3, 4, 5),
    "III": (3, 4, 4, 2, 5, 3),
    "IV": (5, 3, 4, 3),
    "V": (4, 5, 4, 3),
    "VI": (3, 2),
}
CONTOH_1 = {
    nomor: level
    for aspek, levels in _LEVEL_CONTOH_1.items()
    for nomor, level in zip(ASPEK_INDIKATOR[aspek], levels, strict=True)
}
CONTOH_1_NILAI_ASPEK = {
    "I": Decimal("3.92"),
    "II": Decimal("4.30"),
    "III": Decimal("3.45"),
    "IV": Decimal("3.80"),
    "V": Decimal("3.95"),
    "VI": Decimal("2.50"),
}
CONTOH_1_IPP, CONTOH_1_BULAT, CONTOH_1_KATEGORI = Decimal("3.7498"), Decimal("3.75"), ("B", "Baik")

# §2.8 contoh 3: kenaikan IPP per satu langkah level.
KENAIKAN_TERBESAR = {
    14: Decimal("0.075"),
    29: Decimal("0.06"),
    30: Decimal("0.06"),
    11: Decimal("0.05"),
    12: Decimal("0.05"),
    13: Decimal("0.05"),
}


def ipp_dari_bobot_global(level: dict) -> Decimal:
    """IPP = Σ bobot global × level (§2.6 baris ketiga); kolom "Bobot global" §2.3 sebagai pembanding."""
    return sum((BOBOT_GLOBAL[n] * level.get(n, 0) for n in BOBOT_GLOBAL), Decimal(0)) / 100
