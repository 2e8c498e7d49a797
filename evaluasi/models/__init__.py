from .instrumen import Aspek, Indikator, InstrumenVersi, KategoriIPP, SlotBukti
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
