"""Pergub Kaltim No. 8 Tahun 2025 sebagai data, dan subjeknya: Penyelenggara, Pelaksana, Jenis Layanan."""

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models

from kaltim_yanlik.core.models import BaseModel

nip_validator = RegexValidator(r"^\d{18}$", "NIP harus terdiri atas 18 digit angka, tanpa spasi.")


class Penyelenggara(BaseModel):
    """Perangkat Daerah, Unit Organisasi Bersifat Khusus, atau UPTD (Pasal 1 Pergub 8/2025)."""

    class Jenis(models.TextChoices):
        PD = "PD", "Perangkat Daerah"
        UOBK = "UOBK", "Unit Organisasi Bersifat Khusus"
        UPTD = "UPTD", "Unit Pelaksana Teknis Daerah"

    kode = models.CharField(max_length=40, unique=True, help_text="Kode unik, misalnya PD-DINKES.")
    nama = models.CharField(max_length=255)
    singkatan = models.CharField(max_length=60, blank=True)
    jenis = models.CharField(max_length=4, choices=Jenis.choices, default=Jenis.PD)
    induk = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="unit_bawahan",
        help_text="Perangkat Daerah induk bagi UPTD/UOBK; kosong untuk Perangkat Daerah.",
    )
    kepala = models.ForeignKey(
        "Pelaksana",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="kepala penyelenggara",
    )
    alamat = models.CharField(max_length=255, blank=True)
    aktif = models.BooleanField(default=True)

    class Meta:
        ordering = ["jenis", "nama"]
        verbose_name = "penyelenggara"
        verbose_name_plural = "penyelenggara"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(jenis__in=["PD", "UOBK", "UPTD"]), name="penyelenggara_jenis_valid"
            ),
            # Perangkat Daerah adalah akar pohon; UPTD selalu berinduk (UOBK boleh berinduk).
            models.CheckConstraint(
                condition=~models.Q(jenis="PD", induk__isnull=False), name="penyelenggara_pd_tanpa_induk"
            ),
            models.CheckConstraint(
                condition=~models.Q(jenis="UPTD", induk__isnull=True), name="penyelenggara_uptd_berinduk"
            ),
        ]

    def __str__(self):
        return self.nama

    @property
    def nama_pendek(self) -> str:
        return self.singkatan or self.nama

    def clean(self):
        # Pohon dua tingkat: UPTD/UOBK berinduk pada Perangkat Daerah, bukan pada unit lain.
        if self.induk_id and self.induk.jenis != self.Jenis.PD:
            raise ValidationError({"induk": "Induk harus berupa Perangkat Daerah."})
        if self.induk_id and self.induk_id == self.pk:
            raise ValidationError({"induk": "Unit tidak dapat menjadi induk dirinya sendiri."})
        if self.jenis == self.Jenis.PD and self.induk_id:
            raise ValidationError({"induk": "Perangkat Daerah tidak berinduk."})
        if self.jenis == self.Jenis.UPTD and not self.induk_id:
            raise ValidationError({"induk": "UPTD wajib memiliki Perangkat Daerah induk."})
        if self.kepala_id and self.kepala.penyelenggara_id != self.pk:
            raise ValidationError({"kepala": "Kepala Penyelenggara harus Pelaksana pada unit ini."})


class Pelaksana(BaseModel):
    """Pejabat, pegawai, petugas dan setiap orang yang bekerja pada Penyelenggara (Pasal 1)."""

    class Kategori(models.TextChoices):
        PEJABAT = "pejabat", "Pejabat"
        PEGAWAI = "pegawai", "Pegawai"
        PETUGAS = "petugas", "Petugas"
        LAINNYA = "lainnya", "Lainnya"

    nama = models.CharField(max_length=150)
    nip = models.CharField("NIP", max_length=18, blank=True, validators=[nip_validator])
    jabatan = models.CharField(max_length=150, blank=True)
    kategori = models.CharField(max_length=10, choices=Kategori.choices, default=Kategori.PEGAWAI)
    penyelenggara = models.ForeignKey(Penyelenggara, on_delete=models.PROTECT, related_name="pelaksana")
    aktif = models.BooleanField(default=True)

    class Meta:
        ordering = ["nama"]
        verbose_name = "pelaksana"
        verbose_name_plural = "pelaksana"
        constraints = [
            models.UniqueConstraint(fields=["nip"], condition=~models.Q(nip=""), name="pelaksana_nip_unik"),
            models.CheckConstraint(
                condition=models.Q(kategori__in=["pejabat", "pegawai", "petugas", "lainnya"]),
                name="pelaksana_kategori_valid",
            ),
        ]

    def __str__(self):
        return self.nama


class JenisLayanan(BaseModel):
    """Jenis layanan yang diberikan oleh satu Penyelenggara (dasar SKM dan pengaduan)."""

    penyelenggara = models.ForeignKey(Penyelenggara, on_delete=models.PROTECT, related_name="jenis_layanan")
    nama = models.CharField(max_length=200)
    keterangan = models.TextField(blank=True)
    aktif = models.BooleanField(default=True)

    class Meta:
        ordering = ["penyelenggara__nama", "nama"]
        verbose_name = "jenis layanan"
        verbose_name_plural = "jenis layanan"
        constraints = [
            models.UniqueConstraint(fields=["penyelenggara", "nama"], name="jenis_layanan_unik_per_unit")
        ]

    def __str__(self):
        return self.nama


class Norma(models.Model):
    """Satu butir norma Pergub 8/2025 (prinsip, asas, tata aturan perilaku, hak, kewajiban, ...)."""

    class Kelompok(models.TextChoices):
        PRINSIP = "prinsip", "Prinsip Perilaku dan Kode Etik"
        ASAS = "asas", "Asas Penyelenggaraan Pelayanan Publik"
        TATA_ATURAN = "tata_aturan", "Tata Aturan Perilaku"
        HAK = "hak", "Hak Pelaksana"
        KEWAJIBAN = "kewajiban", "Kewajiban Pelaksana"
        NILAI = "nilai", "Nilai-nilai Pribadi Pelaksana"
        BUDAYA = "budaya", "Budaya Pelayanan"

    kelompok = models.CharField(max_length=20, choices=Kelompok.choices)
    urutan = models.PositiveSmallIntegerField()
    teks = models.TextField()
    sumber = models.CharField(max_length=120, blank=True, help_text="Bab/pasal dalam Pergub 8/2025.")

    class Meta:
        ordering = ["kelompok", "urutan"]
        verbose_name = "norma"
        verbose_name_plural = "norma"
        constraints = [
            models.UniqueConstraint(fields=["kelompok", "urutan"], name="norma_urutan_unik_per_kelompok")
        ]

    def __str__(self):
        return f"{self.get_kelompok_display()} {self.urutan}"


class Larangan(models.Model):
    """Larangan Pelaksana, Pasal 10 huruf a–n; ``jalur_sanksi`` menentukan alur penanganan (BAB 7)."""

    class JalurSanksi(models.TextChoices):
        ADMINISTRATIF = "administratif", "Sanksi administratif (Kepala Penyelenggara)"
        PERUNDANG_UNDANGAN = "perundang_undangan", "Sanksi sesuai peraturan perundang-undangan"

    huruf = models.CharField(max_length=1, unique=True)
    teks = models.TextField()
    jalur_sanksi = models.CharField(max_length=20, choices=JalurSanksi.choices)

    class Meta:
        ordering = ["huruf"]
        verbose_name = "larangan (Pasal 10)"
        verbose_name_plural = "larangan (Pasal 10)"
        constraints = [
            models.CheckConstraint(condition=models.Q(huruf__regex=r"^[a-z]$"), name="larangan_huruf_a_z"),
            models.CheckConstraint(
                condition=models.Q(jalur_sanksi__in=["administratif", "perundang_undangan"]),
                name="larangan_jalur_valid",
            ),
        ]

    def __str__(self):
        return f"Pasal 10 huruf {self.huruf}"
