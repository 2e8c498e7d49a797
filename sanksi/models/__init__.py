from .pelanggaran import (
    SANKSI_DIBATALKAN,
    AturanUpayaAdministratif,
    Banding,
    BeritaAcaraPemeriksaan,
    Keberatan,
    Pelanggaran,
    Pemanggilan,
    Pemeriksaan,
    Rujukan,
    Sanksi,
)
from .pengaduan import LampiranPengaduan, Pengaduan, RiwayatStatusPengaduan

__all__ = [
    "SANKSI_DIBATALKAN",
    "AturanUpayaAdministratif",
    "Banding",
    "BeritaAcaraPemeriksaan",
    "Keberatan",
    "LampiranPengaduan",
    "Pelanggaran",
    "Pemanggilan",
    "Pemeriksaan",
    "Pengaduan",
    "RiwayatStatusPengaduan",
    "Rujukan",
    "Sanksi",
]
