from .instrumen import Aspek, Indikator, InstrumenDasarHukum, InstrumenVersi, KategoriIPP, SlotBukti
from .monev import (
    BuktiDukung,
    Evaluasi,
    HasilEvaluasi,
    JawabanIndikator,
    LampiranSanggahan,
    PenilaianIndikator,
    RiwayatLevel,
    Sanggahan,
    SiklusMonev,
)
from .publikasi import KoreksiEvaluasi, PublikasiSiklus

__all__ = [
    "Aspek",
    "BuktiDukung",
    "Evaluasi",
    "HasilEvaluasi",
    "Indikator",
    "InstrumenDasarHukum",
    "InstrumenVersi",
    "JawabanIndikator",
    "KategoriIPP",
    "KoreksiEvaluasi",
    "LampiranSanggahan",
    "PenilaianIndikator",
    "PublikasiSiklus",
    "RiwayatLevel",
    "Sanggahan",
    "SiklusMonev",
    "SlotBukti",
]
