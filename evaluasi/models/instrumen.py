"""Instrumen PEKPPP sebagai data berversi (regulations.md §2, §2.9, §6.2).

InstrumenVersi (per tahun dan jenis) → Aspek → Indikator → SlotBukti, dan InstrumenVersi → KategoriIPP.
Bobot disimpan dalam persen (24,00 berarti 24 %). Instrumen baru dan salinan dimulai sebagai draf
(``aktif`` mati); hanya instrumen aktif yang dipakai menilai, dan hanya instrumen yang lolos pemeriksaan
bobot serta kategori (``validasi_instrumen``) yang boleh diaktifkan.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q

from kaltim_yanlik.core.models import BaseModel

from ..usulan_level import PILIHAN_ATURAN, periksa_definisi

BOBOT_DIGIT = {"max_digits": 5, "decimal_places": 2}


def _bobot_0_100(nama: str) -> models.CheckConstraint:
    return models.CheckConstraint(condition=Q(bobot__gte=0, bobot__lte=100), name=nama)


class InstrumenVersi(BaseModel):
    """Satu versi instrumen PEKPPP untuk satu tahun penilaian dan satu jenis formulir."""

    class Jenis(models.TextChoices):
        A = "A", "A – luring (tatap muka)"
        B = "B", "B – daring (layanan elektronik)"

    tahun = models.PositiveSmallIntegerField()
    nama = models.CharField(max_length=200)
    jenis = models.CharField(max_length=1, choices=Jenis.choices, default=Jenis.A)
    # Peraturan yang menjadi dasar instrumen (core.DasarHukum, berurutan): dicetak Berita Acara dan Laporan
    # Hasil Evaluasi bersama dasar hukum jenis naskahnya.
    dasar_hukum = models.ManyToManyField(
        "core.DasarHukum",
        through="InstrumenDasarHukum",
        blank=True,
        related_name="instrumen",
        verbose_name="dasar hukum",
    )
    aktif = models.BooleanField(
        default=False,
        help_text="Hanya instrumen aktif yang dipakai menilai. Instrumen aktif harus lolos pemeriksaan bobot "
        "dan kategori; nonaktifkan dahulu untuk mengubah bobot indikatornya satu per satu.",
    )

    class Meta:
        ordering = ["-tahun", "jenis"]
        verbose_name = "versi instrumen"
        verbose_name_plural = "versi instrumen"
        constraints = [
            models.UniqueConstraint(fields=["tahun", "jenis"], name="instrumen_versi_unik_per_tahun_jenis"),
            models.CheckConstraint(condition=Q(jenis__in=["A", "B"]), name="instrumen_versi_jenis_valid"),
            models.CheckConstraint(
                condition=Q(tahun__gte=2000, tahun__lte=2100), name="instrumen_versi_tahun_wajar"
            ),
        ]

    def __str__(self):
        return f"{self.nama} ({self.tahun}, jenis {self.jenis})"


class InstrumenDasarHukum(models.Model):
    instrumen = models.ForeignKey(InstrumenVersi, on_delete=models.CASCADE, related_name="dasar_hukum_urut")
    dasar_hukum = models.ForeignKey("core.DasarHukum", on_delete=models.PROTECT, related_name="+")
    urutan = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["instrumen", "urutan", "id"]
        verbose_name = "dasar hukum instrumen"
        verbose_name_plural = "dasar hukum instrumen"
        constraints = [
            models.UniqueConstraint(fields=["instrumen", "dasar_hukum"], name="instrumen_dasar_hukum_unik")
        ]

    def __str__(self):
        return str(self.dasar_hukum)


class Aspek(models.Model):
    """Aspek penilaian (I Kebijakan Pelayanan … VII Informasi Tambahan) dengan bobotnya dalam IPP."""

    instrumen = models.ForeignKey(InstrumenVersi, on_delete=models.CASCADE, related_name="aspek")
    kode = models.CharField(max_length=8, help_text="Nomor romawi aspek, mis. I.")
    nama = models.CharField(max_length=120)
    bobot = models.DecimalField(**BOBOT_DIGIT, help_text="Persen dari IPP; 0 untuk informasi tambahan.")
    urutan = models.PositiveSmallIntegerField()

    class Meta:
        ordering = ["instrumen", "urutan"]
        verbose_name = "aspek"
        verbose_name_plural = "aspek"
        constraints = [
            models.UniqueConstraint(fields=["instrumen", "kode"], name="aspek_kode_unik_per_instrumen"),
            models.UniqueConstraint(fields=["instrumen", "urutan"], name="aspek_urutan_unik_per_instrumen"),
            _bobot_0_100("aspek_bobot_0_100"),
        ]

    def __str__(self):
        # Tahun ikut ditampilkan: aspek "I. Kebijakan Pelayanan" ada pada setiap versi instrumen.
        return f"{self.kode}. {self.nama} ({self.instrumen.tahun}, jenis {self.instrumen.jenis})"


class Indikator(BaseModel):
    """Indikator F-02 dengan bobotnya di dalam aspek, deskripsi level 0–5, dan isian F-01-nya."""

    aspek = models.ForeignKey(Aspek, on_delete=models.CASCADE, related_name="indikator")
    nomor = models.PositiveSmallIntegerField(help_text="Nomor urut dalam instrumen (1–30, suplemen 31).")
    kode = models.CharField(max_length=20, help_text="Kode F-02, mis. 1.a.Ak.")
    teks = models.TextField()
    bobot = models.DecimalField(
        **BOBOT_DIGIT, help_text="Persen di dalam aspeknya; 0 untuk indikator suplemen."
    )
    suplemen = models.BooleanField(
        default=False, help_text="Informasi tambahan (mis. sistem antrian): dinilai tetapi tidak masuk IPP."
    )
    level_0 = models.TextField("level 0")
    level_1 = models.TextField("level 1")
    level_2 = models.TextField("level 2")
    level_3 = models.TextField("level 3")
    level_4 = models.TextField("level 4")
    level_5 = models.TextField("level 5")
    opsi_f01 = models.JSONField(
        "opsi F-01",
        default=dict,
        blank=True,
        help_text="Isian yang diisi unit pada F-01 untuk indikator ini (ceklis, jumlah, persen); "
        "lihat evaluasi/usulan_level.py.",
    )
    aturan_usulan = models.CharField(
        "aturan usulan level",
        max_length=30,
        choices=PILIHAN_ATURAN,
        blank=True,
        help_text="Tangga yang memetakan jawaban F-01 menjadi usulan level; kosong bila tanpa usulan.",
    )

    class Meta:
        ordering = ["aspek__instrumen", "nomor"]
        verbose_name = "indikator"
        verbose_name_plural = "indikator"
        constraints = [
            models.UniqueConstraint(fields=["aspek", "nomor"], name="indikator_nomor_unik_per_aspek"),
            models.UniqueConstraint(fields=["aspek", "kode"], name="indikator_kode_unik_per_aspek"),
            models.CheckConstraint(condition=Q(nomor__gte=1), name="indikator_nomor_positif"),
            _bobot_0_100("indikator_bobot_0_100"),
            models.CheckConstraint(
                condition=Q(suplemen=False) | Q(bobot=0), name="indikator_suplemen_tanpa_bobot"
            ),
        ]

    def __str__(self):
        return f"{self.nomor}. {self.kode}"

    @property
    def deskripsi_level(self) -> tuple[str, ...]:
        """Deskripsi level 0 sampai 5, berurutan."""
        return tuple(getattr(self, f"level_{n}") for n in range(6))

    def clean(self):
        masalah = periksa_definisi(self.aturan_usulan, self.opsi_f01)
        if masalah:
            raise ValidationError({"opsi_f01": masalah})
        if self.aspek_id and self._nomor_dipakai_di_instrumen():
            raise ValidationError(
                {"nomor": f"Nomor {self.nomor} sudah dipakai indikator lain pada instrumen ini."}
            )

    def _nomor_dipakai_di_instrumen(self) -> bool:
        # Nomor adalah kunci level pada perhitungan IPP, jadi unik per instrumen, bukan hanya per aspek.
        sama = Indikator.objects.filter(aspek__instrumen_id=self.aspek.instrumen_id, nomor=self.nomor)
        return sama.exclude(pk=self.pk).exists()


class SlotBukti(BaseModel):
    """Satu bukti dukung yang diunggah unit untuk satu indikator (§6.2)."""

    class JenisBerkas(models.TextChoices):
        PDF = "pdf", "PDF"
        GAMBAR = "gambar", "Foto/tangkapan layar"
        CAMPURAN = "campuran", "PDF atau foto"
        TAUTAN = "tautan", "Tautan/akun"

    indikator = models.ForeignKey(Indikator, on_delete=models.CASCADE, related_name="slot_bukti")
    nama = models.CharField(max_length=255)
    wajib = models.BooleanField(
        default=True,
        help_text="Wajib diunggah bila unit mengklaim level di atas 0 (unit pada level 0 tidak punya bukti).",
    )
    jenis_berkas = models.CharField(
        "jenis berkas", max_length=10, choices=JenisBerkas.choices, default=JenisBerkas.CAMPURAN
    )
    panduan = models.TextField(blank=True)
    urutan = models.PositiveSmallIntegerField()

    class Meta:
        ordering = ["indikator", "urutan"]
        verbose_name = "slot bukti dukung"
        verbose_name_plural = "slot bukti dukung"
        constraints = [
            models.UniqueConstraint(
                fields=["indikator", "urutan"], name="slot_bukti_urutan_unik_per_indikator"
            ),
            models.CheckConstraint(
                condition=Q(jenis_berkas__in=["pdf", "gambar", "campuran", "tautan"]),
                name="slot_bukti_jenis_berkas_valid",
            ),
        ]

    def __str__(self):
        return self.nama


class KategoriIPP(models.Model):
    """Rentang IPP (inklusif, 2 desimal) untuk satu kategori dan predikatnya (§2.7)."""

    instrumen = models.ForeignKey(InstrumenVersi, on_delete=models.CASCADE, related_name="kategori")
    kode = models.CharField(max_length=2, help_text="A, A-, B, B-, C, C-, D, E, atau F.")
    predikat = models.CharField(max_length=60)
    batas_bawah = models.DecimalField("batas bawah", max_digits=3, decimal_places=2)
    batas_atas = models.DecimalField("batas atas", max_digits=3, decimal_places=2)

    class Meta:
        ordering = ["instrumen", "-batas_bawah"]
        verbose_name = "kategori IPP"
        verbose_name_plural = "kategori IPP"
        constraints = [
            models.UniqueConstraint(
                fields=["instrumen", "kode"], name="kategori_ipp_kode_unik_per_instrumen"
            ),
            models.CheckConstraint(
                condition=Q(batas_bawah__lte=models.F("batas_atas")), name="kategori_ipp_batas_berurutan"
            ),
            models.CheckConstraint(
                condition=Q(batas_bawah__gte=0, batas_atas__lte=5), name="kategori_ipp_dalam_skala_0_5"
            ),
        ]

    def __str__(self):
        return f"{self.kode} – {self.predikat}"
