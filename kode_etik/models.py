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
    # Pembinaan teknis oleh atasan langsung secara berjenjang (BAB 6 angka 2); juga rantai penilaian
    # penghargaan berjenjang (BAB 5). Atasan selalu pada unit yang sama dan rantainya tidak melingkar.
    atasan_langsung = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="bawahan",
        verbose_name="atasan langsung",
    )
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

    def clean(self):
        atasan = self.atasan_langsung
        if atasan is None:
            return
        if self.pk and atasan.pk == self.pk:
            raise ValidationError(
                {"atasan_langsung": "Pelaksana tidak dapat menjadi atasan dirinya sendiri."}
            )
        if atasan.penyelenggara_id != self.penyelenggara_id:
            raise ValidationError({"atasan_langsung": "Atasan langsung harus Pelaksana pada unit yang sama."})
        if self.pk and self.pk in rantai_atasan_ids(atasan):
            raise ValidationError(
                {"atasan_langsung": f"{atasan.nama} berada di bawah {self.nama}; rantai atasan tidak boleh "
                 "melingkar."}
            )  # fmt: skip

    def rantai_atasan(self) -> list["Pelaksana"]:
        """Atasan langsung, atasannya, dan seterusnya ke atas (berhenti bila data melingkar)."""
        rantai, dilihat, atasan = [], {self.pk}, self.atasan_langsung
        while atasan is not None and atasan.pk not in dilihat:
            rantai.append(atasan)
            dilihat.add(atasan.pk)
            atasan = atasan.atasan_langsung
        return rantai


def rantai_atasan_ids(pelaksana: Pelaksana) -> set[int]:
    """Id ``pelaksana`` dan semua atasannya ke atas (satu kueri per tingkat; rantai pendek)."""
    ids, sekarang = set(), pelaksana
    while sekarang is not None and sekarang.pk not in ids:
        ids.add(sekarang.pk)
        sekarang = sekarang.atasan_langsung
    return ids


class RiwayatKepala(models.Model):
    """Siapa Kepala Penyelenggara suatu unit pada rentang tanggal tertentu.

    Naskah dicetak atas nama Kepala yang menjabat pada tanggal keputusannya, walau Kepala kemudian berganti.
    Diisi otomatis saat ``Penyelenggara.kepala`` diubah lewat service; tanggalnya dapat dikoreksi di admin.
    ``mulai`` kosong berarti "sejak sebelum tercatat" (data lama), ``selesai`` kosong berarti masih menjabat.
    """

    penyelenggara = models.ForeignKey(Penyelenggara, on_delete=models.CASCADE, related_name="riwayat_kepala")
    pelaksana = models.ForeignKey("Pelaksana", on_delete=models.PROTECT, related_name="riwayat_kepala")
    mulai = models.DateField(null=True, blank=True)
    selesai = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["penyelenggara", models.F("mulai").desc(nulls_last=True)]
        verbose_name = "riwayat Kepala Penyelenggara"
        verbose_name_plural = "riwayat Kepala Penyelenggara"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(mulai__isnull=True)
                | models.Q(selesai__isnull=True)
                | models.Q(selesai__gte=models.F("mulai")),
                name="riwayat_kepala_berurutan",
            ),
            models.UniqueConstraint(
                fields=["penyelenggara"],
                condition=models.Q(selesai__isnull=True),
                name="riwayat_kepala_satu_aktif",
            ),
        ]

    def __str__(self):
        return f"{self.penyelenggara.nama_pendek}: {self.pelaksana.nama}"

    def clean(self):
        if (
            self.pelaksana_id
            and self.penyelenggara_id
            and self.pelaksana.penyelenggara_id != self.penyelenggara_id
        ):
            raise ValidationError({"pelaksana": "Kepala Penyelenggara harus Pelaksana pada unit ini."})
        if self.mulai and self.selesai and self.selesai < self.mulai:
            raise ValidationError({"selesai": "Tanggal selesai tidak boleh sebelum tanggal mulai."})


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


class Penempatan(BaseModel):
    """Penempatan seorang Pelaksana pada satu tempat layanan (jenis layanan atau tempat bernama di unitnya).

    Sanksi "pemindahan dari tempat layanan publik" (BAB 7) mengakhiri penempatan yang berjalan pada tanggal
    berlakunya dan mewajibkan penempatan baru; riwayatnya tampil di halaman Pelaksana.
    """

    pelaksana = models.ForeignKey(Pelaksana, on_delete=models.PROTECT, related_name="penempatan")
    jenis_layanan = models.ForeignKey(
        JenisLayanan, null=True, blank=True, on_delete=models.PROTECT, related_name="penempatan"
    )
    tempat = models.CharField(
        max_length=200, blank=True, help_text="Tempat bernama bila bukan satu jenis layanan, mis. Loket 3."
    )
    mulai = models.DateField()
    selesai = models.DateField(null=True, blank=True)
    keterangan = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["pelaksana", "-mulai", "-id"]
        verbose_name = "penempatan"
        verbose_name_plural = "penempatan"
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(jenis_layanan__isnull=True, tempat=""), name="penempatan_bertempat"
            ),
            models.CheckConstraint(
                condition=models.Q(selesai__isnull=True) | models.Q(selesai__gte=models.F("mulai")),
                name="penempatan_berurutan",
            ),
            models.UniqueConstraint(
                fields=["pelaksana"],
                condition=models.Q(selesai__isnull=True),
                name="penempatan_satu_berjalan",
            ),
        ]

    def __str__(self):
        return f"{self.pelaksana.nama} · {self.nama_tempat}"

    @property
    def nama_tempat(self) -> str:
        if self.jenis_layanan_id and self.tempat:
            return f"{self.jenis_layanan.nama} ({self.tempat})"
        return self.jenis_layanan.nama if self.jenis_layanan_id else self.tempat
