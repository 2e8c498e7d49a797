from .instrumen import Aspek, Indikator, InstrumenVersi, KategoriIPP, SlotBukti
from .monev import (
    BuktiDukung,
    Evaluasi,
    HasilEvaluasi,
    JawabanIndikator,
    PenilaianIndikator,
    RiwayatLevel,
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
    "PenilaianIndikator",
    "RiwayatLevel",
    "SiklusMonev",
    "SlotBukti",
]
