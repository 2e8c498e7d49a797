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
from .skm import (
    UNSUR_FIELDS,
    KepatuhanOmbudsman,
    PeriodeSKM,
    RencanaTindakLanjut,
    ResponSKM,
    ZonaOmbudsman,
)

__all__ = [
    "UNSUR_FIELDS",
    "KepatuhanOmbudsman",
    "PeriodeSKM",
    "RencanaTindakLanjut",
    "ResponSKM",
    "ZonaOmbudsman",
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
