from .pelanggaran import (
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
