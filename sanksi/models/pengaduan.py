"""Pengaduan masyarakat atas pelayanan sebuah Penyelenggara: dari formulir publik atau dicatat petugas.

Pelapor menerima kode lacak pendek (tanpa huruf/angka yang mirip) untuk melihat status di halaman publik;
halaman itu hanya menampilkan status dan keterangan publik, tidak pernah catatan internal atau nama yang
diadukan. Aturan alur ada di ``sanksi/services``.
"""

import uuid
from pathlib import PurePosixPath

from django.conf import settings
from django.db import models
from django.db.models import Q

from kaltim_yanlik.core.models import BaseModel

# Tanpa 0/O, 1/I/L, 2/Z, 5/S, 8/B: kode yang dibacakan lewat telepon atau ditulis tangan tidak tertukar.
HURUF_KODE_LACAK = "34679ACDEFGHJKMNPQRTUVWXY"
PANJANG_KODE_LACAK = 8


class Pengaduan(BaseModel):
    class Status(models.TextChoices):
        DITERIMA = "diterima", "Diterima"
        DIVERIFIKASI = "diverifikasi", "Diverifikasi"
        DITINDAKLANJUTI = "ditindaklanjuti", "Ditindaklanjuti"
        SELESAI = "selesai", "Selesai"
        DITOLAK = "ditolak", "Ditolak"

    class Saluran(models.TextChoices):
        FORMULIR = "formulir", "Formulir publik portal"
        SP4N_LAPOR = "sp4n_lapor", "SP4N-LAPOR!"
        LANGSUNG = "langsung", "Datang langsung"
        SURAT = "surat", "Surat"
        TELEPON = "telepon", "Telepon/pesan singkat"
        MEDIA_SOSIAL = "media_sosial", "Media sosial"
        KOTAK_SARAN = "kotak_saran", "Kotak saran"

    kode_lacak = models.CharField("kode lacak", max_length=PANJANG_KODE_LACAK, unique=True)
    penyelenggara = models.ForeignKey(
        "kode_etik.Penyelenggara", on_delete=models.PROTECT, related_name="pengaduan"
    )
    pelaksana = models.ForeignKey(
        "kode_etik.Pelaksana",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="pengaduan",
        help_text="Pelaksana yang diadukan, bila disebut pelapor.",
    )
    nama_pelaksana_disebut = models.CharField("nama petugas yang disebut pelapor", max_length=150, blank=True)
    jenis_layanan = models.ForeignKey(
        "kode_etik.JenisLayanan", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    saluran = models.CharField(max_length=20, choices=Saluran.choices, default=Saluran.FORMULIR)
    nomor_lapor = models.CharField("nomor SP4N-LAPOR!", max_length=40, blank=True)
    nama_pelapor = models.CharField("nama pelapor", max_length=150, blank=True)
    kontak_pelapor = models.CharField("kontak pelapor", max_length=150, blank=True)
    uraian = models.TextField()
    tanggal_kejadian = models.DateField("tanggal kejadian", null=True, blank=True)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.DITERIMA)
    alasan_ditolak = models.TextField("alasan ditolak", blank=True)
    catatan_internal = models.TextField("catatan internal", blank=True)
    diterima_pada = models.DateTimeField()
    dicatat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-diterima_pada"]
        verbose_name = "pengaduan"
        verbose_name_plural = "pengaduan"
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=["diterima", "diverifikasi", "ditindaklanjuti", "selesai", "ditolak"]),
                name="pengaduan_status_valid",
            ),
            models.CheckConstraint(
                condition=~Q(status="ditolak") | ~Q(alasan_ditolak=""), name="pengaduan_ditolak_beralasan"
            ),
            # Satu nomor tiket saluran (mis. SP4N-LAPOR!) hanya satu pengaduan: pencatatan ganda dan kiriman
            # bersamaan ditolak basis data, bukan hanya diperiksa service.
            models.UniqueConstraint(
                fields=["saluran", "nomor_lapor"],
                condition=~Q(nomor_lapor=""),
                name="pengaduan_nomor_lapor_unik_per_saluran",
            ),
        ]

    def __str__(self):
        return f"Pengaduan {self.kode_lacak}"


class RiwayatStatusPengaduan(models.Model):
    """Setiap perubahan status pengaduan; ``keterangan_publik`` boleh dibaca pelapor, yang lain tidak."""

    pengaduan = models.ForeignKey(Pengaduan, on_delete=models.CASCADE, related_name="riwayat")
    status = models.CharField(max_length=16, choices=Pengaduan.Status.choices)
    keterangan_publik = models.TextField("keterangan untuk pelapor", blank=True)
    pada = models.DateTimeField()
    oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["pengaduan", "pada", "id"]
        verbose_name = "riwayat status pengaduan"
        verbose_name_plural = "riwayat status pengaduan"

    def __str__(self):
        return f"{self.pengaduan.kode_lacak}: {self.get_status_display()}"


def _lokasi_lampiran(instance, filename: str) -> str:
    akhiran = PurePosixPath(filename).suffix.lower()[:8]
    return f"pengaduan/{instance.pengaduan.code}/{uuid.uuid4().hex}{akhiran}"


class LampiranPengaduan(BaseModel):
    pengaduan = models.ForeignKey(Pengaduan, on_delete=models.PROTECT, related_name="lampiran")
    berkas = models.FileField(upload_to=_lokasi_lampiran, max_length=255)
    nama_asli = models.CharField(max_length=255)
    jenis_isi = models.CharField("jenis isi", max_length=40)
    ukuran = models.PositiveIntegerField()

    class Meta:
        ordering = ["pengaduan", "created_at"]
        verbose_name = "lampiran pengaduan"
        verbose_name_plural = "lampiran pengaduan"

    def __str__(self):
        return self.nama_asli
