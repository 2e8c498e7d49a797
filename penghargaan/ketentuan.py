"""Ketentuan penghargaan BAB 5 Pergub Kaltim 8/2025 sebagai data: periode, kriteria, bentuk, susunan tim.

Teks Pergub dapat dikoreksi (lihat ``domain/regulations.md``: bab penghargaan belum terkonfirmasi dari Berita
Daerah); yang berubah cukup diubah di sini, dan ``periksa_ketentuan`` menjaga agar datanya tetap sah.
Bobot bawaan bukan dari Pergub (Pergub tidak menetapkan bobot): itu usulan awal yang diubah Kepala
Penyelenggara.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.db import models


class JenisPeriode(models.TextChoices):
    BULANAN = "bulanan", "Setiap 1 (satu) bulan"
    TRIWULAN = "triwulan", "Setiap 3 (tiga) bulan"
    CATURWULAN = "caturwulan", "Setiap 4 (empat) bulan"
    SEMESTER = "semester", "Setiap 6 (enam) bulan"
    TAHUNAN = "tahunan", "Setiap 1 (satu) tahun"
    INSIDENTIL = "insidentil", "Insidentil"


# Panjang periode berkala dalam bulan; periode insidentil ditentukan tanggal mulai dan selesainya sendiri.
BULAN_PERIODE = {
    JenisPeriode.BULANAN: 1,
    JenisPeriode.TRIWULAN: 3,
    JenisPeriode.CATURWULAN: 4,
    JenisPeriode.SEMESTER: 6,
    JenisPeriode.TAHUNAN: 12,
}


class BentukPelaksana(models.TextChoices):
    PIAGAM = "piagam", "Piagam"
    PIALA = "piala", "Piala/plakat/trofi"
    PIN = "pin", "Pin khusus"
    UANG = "uang", "Uang pembinaan"
    DIKLAT = "diklat", "Pendidikan dan pelatihan"
    LAINNYA = "lainnya", "Bentuk penghargaan lainnya"


class BentukPenyelenggara(models.TextChoices):
    PIAGAM = "piagam", "Piagam"
    PIALA = "piala", "Piala/plakat/trofi"
    PIN = "pin", "Pin khusus"


@dataclass(frozen=True)
class KriteriaPergub:
    kode: str
    nama: str
    bobot_bawaan: Decimal
    # Diperiksa dari data portal (pengaduan dan sanksi), tidak dinilai anggota tim.
    dari_data: bool = False


KODE_TANPA_KOMPLAIN = "tanpa_komplain"

KRITERIA_PERGUB = (
    KriteriaPergub("kehadiran", "Kehadiran", Decimal("20")),
    KriteriaPergub("kinerja", "Kinerja", Decimal("30")),
    KriteriaPergub("kerjasama", "Kerja sama", Decimal("15")),
    KriteriaPergub("inovatif", "Inovatif/kreatif", Decimal("15")),
    KriteriaPergub("penampilan", "Penampilan", Decimal("10")),
    KriteriaPergub(
        KODE_TANPA_KOMPLAIN, "Tidak pernah menerima komplain dari pengguna layanan", Decimal("10"), True
    ),
)

NILAI_MINIMUM, NILAI_MAKSIMUM = 0, 100
TOTAL_BOBOT = Decimal("100")


class MetodePenilaian(models.TextChoices):
    """BAB 5: penilaian prestasi Pelaksana "secara berjenjang atau … melalui tim penilai"."""

    TIM = "tim", "Tim penilai"
    BERJENJANG = "berjenjang", "Berjenjang (atasan langsung, ditinjau ke atas)"


class PeranTim(models.TextChoices):
    KETUA = "ketua", "Ketua"
    SEKRETARIS = "sekretaris", "Sekretaris"
    ANGGOTA = "anggota", "Anggota"


# Unsur tim penilai: ketua = Kepala Penyelenggara, satu sekretaris, tiga kepala bagian/bidang.
SUSUNAN_TIM = {PeranTim.KETUA: 1, PeranTim.SEKRETARIS: 1, PeranTim.ANGGOTA: 3}


def periksa_ketentuan() -> list[str]:
    """Galat data ketentuan (kosong bila sah); diuji agar koreksi teks Pergub tidak merusak perhitungan."""
    galat = []
    total = sum(k.bobot_bawaan for k in KRITERIA_PERGUB)
    if total != TOTAL_BOBOT:
        galat.append(f"Bobot bawaan kriteria berjumlah {total}, harus {TOTAL_BOBOT}.")
    if len({k.kode for k in KRITERIA_PERGUB}) != len(KRITERIA_PERGUB):
        galat.append("Kode kriteria Pergub ganda.")
    if sum(1 for k in KRITERIA_PERGUB if k.dari_data) != 1:
        galat.append("Tepat satu kriteria diperiksa dari data (tidak pernah menerima komplain).")
    if any(k.bobot_bawaan <= 0 for k in KRITERIA_PERGUB):
        galat.append("Setiap kriteria Pergub berbobot lebih dari 0.")
    if sum(SUSUNAN_TIM.values()) != 5:
        galat.append("Tim penilai terdiri atas 5 orang.")
    return galat
