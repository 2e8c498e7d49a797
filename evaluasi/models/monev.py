"""Siklus monev PEKPPP: siklus tahunan, evaluasi per lokus, F-01 (isian mandiri + bukti), F-02 (level
evaluator + riwayat), dan hasil (IPP, kategori, peringkat).

Aturan alur (status, jendela fase, peran) ada di ``evaluasi/services``; model hanya menjaga bentuk data.
"""

import uuid
from pathlib import PurePosixPath

from django.conf import settings
from django.db import models
from django.db.models import F, Q

from kaltim_yanlik.core.models import BaseModel

from .instrumen import Indikator, InstrumenVersi, SlotBukti


class SiklusMonev(BaseModel):
    """Satu siklus monev tahunan dengan jendela fasenya (tanggal WITA, inklusif)."""

    tahun = models.PositiveSmallIntegerField(unique=True)
    nama = models.CharField(max_length=200)
    instrumen = models.ForeignKey(InstrumenVersi, on_delete=models.PROTECT, related_name="siklus")
    pengisian_mulai = models.DateField("pengisian mandiri mulai")
    pengisian_selesai = models.DateField("pengisian mandiri selesai")
    penilaian_mulai = models.DateField("penilaian evaluator mulai")
    penilaian_selesai = models.DateField("penilaian evaluator selesai")
    perbaikan_mulai = models.DateField("perbaikan mulai")
    perbaikan_selesai = models.DateField("perbaikan selesai")
    finalisasi_mulai = models.DateField("finalisasi mulai")
    finalisasi_selesai = models.DateField("finalisasi selesai")
    dibuat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Penandatangan Berita Acara atas nama Biro Organisasi (boleh berganti antarsiklus).
    penandatangan_nama = models.CharField("nama Kepala Biro", max_length=150, blank=True)
    penandatangan_nip = models.CharField("NIP Kepala Biro", max_length=18, blank=True)
    penandatangan_jabatan = models.CharField(
        "jabatan penandatangan",
        max_length=200,
        default="Kepala Biro Organisasi Sekretariat Daerah Provinsi Kalimantan Timur",
    )
    # Publikasi: hanya siklus yang dipublikasikan tampil di halaman publik (tanpa login).
    dipublikasikan_pada = models.DateTimeField(null=True, blank=True)
    dipublikasikan_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-tahun"]
        verbose_name = "siklus monev"
        verbose_name_plural = "siklus monev"
        constraints = [
            models.CheckConstraint(
                condition=Q(pengisian_mulai__lte=F("pengisian_selesai"))
                & Q(penilaian_mulai__lte=F("penilaian_selesai"))
                & Q(perbaikan_mulai__lte=F("perbaikan_selesai"))
                & Q(finalisasi_mulai__lte=F("finalisasi_selesai")),
                name="siklus_jendela_mulai_sebelum_selesai",
            ),
            models.CheckConstraint(
                condition=Q(pengisian_mulai__lte=F("penilaian_mulai"))
                & Q(penilaian_mulai__lte=F("perbaikan_mulai"))
                & Q(perbaikan_mulai__lte=F("finalisasi_mulai")),
                name="siklus_fase_berurutan",
            ),
        ]

    def __str__(self):
        return self.nama

    @property
    def dipublikasikan(self) -> bool:
        return self.dipublikasikan_pada is not None


class Evaluasi(BaseModel):
    """Evaluasi satu lokus (Penyelenggara) dalam satu siklus."""

    class Status(models.TextChoices):
        DRAF = "draf", "Draf"
        DIAJUKAN = "diajukan", "Diajukan"
        DINILAI = "dinilai", "Dinilai"
        DIKEMBALIKAN = "dikembalikan", "Dikembalikan untuk perbaikan"
        FINAL = "final", "Final"

    siklus = models.ForeignKey(SiklusMonev, on_delete=models.PROTECT, related_name="evaluasi")
    penyelenggara = models.ForeignKey(
        "kode_etik.Penyelenggara", on_delete=models.PROTECT, related_name="evaluasi"
    )
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.DRAF)
    diajukan_pada = models.DateTimeField(null=True, blank=True)
    dinilai_pada = models.DateTimeField(null=True, blank=True)
    final_pada = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["siklus", "penyelenggara__nama"]
        verbose_name = "evaluasi"
        verbose_name_plural = "evaluasi"
        constraints = [
            models.UniqueConstraint(fields=["siklus", "penyelenggara"], name="evaluasi_satu_per_lokus"),
            models.CheckConstraint(
                condition=Q(status__in=["draf", "diajukan", "dinilai", "dikembalikan", "final"]),
                name="evaluasi_status_valid",
            ),
        ]

    def __str__(self):
        return f"{self.penyelenggara} — {self.siklus.tahun}"


class JawabanIndikator(models.Model):
    """F-01: isian mandiri unit untuk satu indikator, dengan usulan level dari tangga §2.4.

    ``versi`` naik setiap simpan; simpan yang membawa versi lama ditolak (dua operator tidak saling timpa).
    """

    evaluasi = models.ForeignKey(Evaluasi, on_delete=models.CASCADE, related_name="jawaban")
    indikator = models.ForeignKey(Indikator, on_delete=models.PROTECT, related_name="+")
    isian = models.JSONField(default=dict, blank=True)
    catatan = models.TextField(blank=True)
    level_usulan = models.PositiveSmallIntegerField(null=True, blank=True)
    versi = models.PositiveIntegerField(default=0)
    diubah_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    diubah_pada = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["evaluasi", "indikator__nomor"]
        verbose_name = "jawaban F-01"
        verbose_name_plural = "jawaban F-01"
        constraints = [
            models.UniqueConstraint(fields=["evaluasi", "indikator"], name="jawaban_satu_per_indikator"),
            models.CheckConstraint(condition=Q(level_usulan__lte=5), name="jawaban_level_usulan_0_5"),
        ]

    def __str__(self):
        return f"F-01 {self.indikator} — {self.evaluasi}"


def _lokasi_bukti(instance, filename: str) -> str:
    # Nama berkas di disk acak: nama asli pengunggah disimpan terpisah dan tidak pernah menjadi jalur.
    akhiran = PurePosixPath(filename).suffix.lower()[:8]
    return f"bukti/{instance.evaluasi.siklus.tahun}/{instance.evaluasi.code}/{uuid.uuid4().hex}{akhiran}"


class BuktiDukung(BaseModel):
    """Satu berkas bukti dukung pada slot indikator, dengan tanggal berlakunya dokumen."""

    evaluasi = models.ForeignKey(Evaluasi, on_delete=models.CASCADE, related_name="bukti")
    slot = models.ForeignKey(SlotBukti, on_delete=models.PROTECT, related_name="+")
    berkas = models.FileField(upload_to=_lokasi_bukti, max_length=255)
    nama_asli = models.CharField(max_length=255)
    jenis_isi = models.CharField("jenis isi", max_length=40)
    ukuran = models.PositiveIntegerField()
    berlaku_tanggal = models.DateField("berlaku per tanggal")
    diunggah_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["evaluasi", "slot__indikator__nomor", "slot__urutan", "created_at"]
        verbose_name = "bukti dukung"
        verbose_name_plural = "bukti dukung"

    def __str__(self):
        return self.nama_asli


class PenilaianIndikator(models.Model):
    """F-02: level 0–5 dari evaluator untuk satu indikator, dengan catatan dan rekomendasi."""

    evaluasi = models.ForeignKey(Evaluasi, on_delete=models.CASCADE, related_name="penilaian")
    indikator = models.ForeignKey(Indikator, on_delete=models.PROTECT, related_name="+")
    level = models.PositiveSmallIntegerField(null=True, blank=True)
    catatan = models.TextField(blank=True)
    rekomendasi = models.TextField(blank=True)
    alasan_perbaikan = models.TextField(
        "alasan perbaikan", blank=True, help_text="Diisi bila indikator ini dikembalikan untuk diperbaiki."
    )
    dinilai_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    dinilai_pada = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["evaluasi", "indikator__nomor"]
        verbose_name = "penilaian F-02"
        verbose_name_plural = "penilaian F-02"
        constraints = [
            models.UniqueConstraint(fields=["evaluasi", "indikator"], name="penilaian_satu_per_indikator"),
            models.CheckConstraint(condition=Q(level__lte=5), name="penilaian_level_0_5"),
        ]

    def __str__(self):
        return f"F-02 {self.indikator} — {self.evaluasi}"


class RiwayatLevel(models.Model):
    """Setiap perubahan level F-02: siapa, kapan, lama → baru, dan alasannya. Tidak pernah dihapus."""

    penilaian = models.ForeignKey(PenilaianIndikator, on_delete=models.PROTECT, related_name="riwayat")
    level_lama = models.PositiveSmallIntegerField(null=True, blank=True)
    level_baru = models.PositiveSmallIntegerField()
    alasan = models.TextField()
    oleh = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    pada = models.DateTimeField(auto_now_add=True)
    # Terisi bila perubahan ini bagian dari koreksi atas evaluasi final (bukan penilaian biasa).
    koreksi = models.ForeignKey(
        "evaluasi.KoreksiEvaluasi", null=True, blank=True, on_delete=models.PROTECT, related_name="riwayat"
    )

    class Meta:
        ordering = ["penilaian", "pada", "id"]
        verbose_name = "riwayat level"
        verbose_name_plural = "riwayat level"

    def __str__(self):
        return f"{self.level_lama} → {self.level_baru}"


class HasilEvaluasi(models.Model):
    """Hasil satu evaluasi: nilai per aspek, IPP, kategori, dan peringkat di antara lokus siklusnya."""

    evaluasi = models.OneToOneField(Evaluasi, on_delete=models.CASCADE, related_name="hasil")
    nilai_aspek = models.JSONField(default=dict)
    ipp = models.DecimalField(max_digits=6, decimal_places=4)
    ipp_bulat = models.DecimalField(max_digits=4, decimal_places=2)
    kategori = models.CharField(max_length=3)
    predikat = models.CharField(max_length=60)
    peringkat = models.PositiveIntegerField(null=True, blank=True)
    dihitung_pada = models.DateTimeField()

    class Meta:
        ordering = ["peringkat", "-ipp"]
        verbose_name = "hasil evaluasi"
        verbose_name_plural = "hasil evaluasi"
        constraints = [
            models.CheckConstraint(condition=Q(ipp__gte=0, ipp__lte=5), name="hasil_ipp_0_5"),
        ]

    def __str__(self):
        return f"{self.evaluasi}: {self.ipp_bulat} ({self.kategori})"


class Sanggahan(BaseModel):
    """Keberatan Kepala unit atas level satu indikator pada jendela perbaikan, dan jawaban Biro.

    Pertukaran disimpan utuh (tidak pernah dihapus); bila diterima, level baru masuk riwayat level F-02.
    """

    class Status(models.TextChoices):
        DIAJUKAN = "diajukan", "Menunggu jawaban"
        DITERIMA = "diterima", "Diterima"
        DITOLAK = "ditolak", "Ditolak"

    evaluasi = models.ForeignKey(Evaluasi, on_delete=models.PROTECT, related_name="sanggahan")
    indikator = models.ForeignKey(Indikator, on_delete=models.PROTECT, related_name="+")
    level_semula = models.PositiveSmallIntegerField("level saat disanggah")
    level_diminta = models.PositiveSmallIntegerField("level yang diminta")
    alasan = models.TextField()
    diajukan_oleh = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    diajukan_pada = models.DateTimeField()
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DIAJUKAN)
    jawaban = models.TextField(blank=True)
    level_baru = models.PositiveSmallIntegerField(null=True, blank=True)
    dijawab_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    dijawab_pada = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["evaluasi", "indikator__nomor", "diajukan_pada"]
        verbose_name = "sanggahan"
        verbose_name_plural = "sanggahan"
        constraints = [
            models.UniqueConstraint(
                fields=["evaluasi", "indikator"],
                condition=Q(status="diajukan"),
                name="sanggahan_satu_terbuka_per_indikator",
            ),
            models.CheckConstraint(
                condition=Q(status__in=["diajukan", "diterima", "ditolak"]), name="sanggahan_status_valid"
            ),
            models.CheckConstraint(
                condition=Q(level_semula__lte=5, level_diminta__lte=5)
                & (Q(level_baru__isnull=True) | Q(level_baru__lte=5)),
                name="sanggahan_level_0_5",
            ),
        ]

    def __str__(self):
        return f"Sanggahan indikator {self.indikator.nomor} — {self.evaluasi}"


def _lokasi_lampiran_sanggahan(instance, filename: str) -> str:
    akhiran = PurePosixPath(filename).suffix.lower()[:8]
    evaluasi = instance.sanggahan.evaluasi
    return f"sanggahan/{evaluasi.siklus.tahun}/{evaluasi.code}/{uuid.uuid4().hex}{akhiran}"


class LampiranSanggahan(BaseModel):
    """Bukti baru yang menyertai sanggahan (diperiksa seperti bukti dukung)."""

    sanggahan = models.ForeignKey(Sanggahan, on_delete=models.PROTECT, related_name="lampiran")
    berkas = models.FileField(upload_to=_lokasi_lampiran_sanggahan, max_length=255)
    nama_asli = models.CharField(max_length=255)
    jenis_isi = models.CharField("jenis isi", max_length=40)
    ukuran = models.PositiveIntegerField()

    class Meta:
        ordering = ["sanggahan", "created_at"]
        verbose_name = "lampiran sanggahan"
        verbose_name_plural = "lampiran sanggahan"

    def __str__(self):
        return self.nama_asli
