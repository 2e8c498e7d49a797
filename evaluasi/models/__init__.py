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
    "LampiranSanggahan",
    "PenilaianIndikator",
    "RiwayatLevel",
    "Sanggahan",
    "SiklusMonev",
    "SlotBukti",
]
