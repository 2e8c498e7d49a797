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

__all__ = [
    "Aspek",
    "BuktiDukung",
    "Evaluasi",
    "HasilEvaluasi",
    "Indikator",
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
