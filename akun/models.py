from django.contrib.auth.models import AbstractUser, UserManager
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q

from kode_etik.models import nip_validator


class Peran(models.TextChoices):
    ADMIN = "admin", "Admin"
    BIRO = "biro", "Biro Organisasi"
    PIMPINAN = "pimpinan", "Pimpinan"
    # Sekretaris Daerah: penanggung jawab pelayanan publik di daerah (BAB 6 angka 3); membaca seluruh unit dan
    # memutus apa yang diberikan tabel kewenangan (akun/kewenangan.py) kepadanya.
    SEKDA = "sekda", "Sekretaris Daerah"
    KEPALA = "kepala", "Kepala Penyelenggara"
    OPERATOR = "operator", "Operator"


# Peran yang terikat pada satu Penyelenggara; peran lain berlingkup provinsi.
PERAN_UNIT = {Peran.KEPALA, Peran.OPERATOR}


class PenggunaManager(UserManager):
    """``createsuperuser`` membuat akun ber-peran admin: peran bawaan (operator) wajib terikat unit."""

    def create_superuser(self, username, email=None, password=None, **extra_fields):
        extra_fields.setdefault("peran", Peran.ADMIN)
        extra_fields.setdefault("nama", username)
        return super().create_superuser(username, email, password, **extra_fields)


class Pengguna(AbstractUser):
    """Akun portal. Hak aksesnya ditentukan oleh ``peran`` dan ``penyelenggara`` (lihat akun/akses.py)."""

    nama = models.CharField(max_length=150)
    nip = models.CharField("NIP", max_length=18, blank=True, validators=[nip_validator])
    peran = models.CharField(max_length=10, choices=Peran.choices, default=Peran.OPERATOR)
    penyelenggara = models.ForeignKey(
        "kode_etik.Penyelenggara",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="pengguna",
    )

    objects = PenggunaManager()

    class Meta:
        ordering = ["nama", "username"]
        verbose_name = "pengguna"
        verbose_name_plural = "pengguna"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(peran__in=[p.value for p in Peran]), name="pengguna_peran_valid"
            ),
            # Kepala dan operator selalu terikat pada satu unit; tanpa unit mereka tidak melihat apa pun.
            models.CheckConstraint(
                condition=~models.Q(peran__in=["kepala", "operator"], penyelenggara__isnull=True),
                name="pengguna_unit_wajib_untuk_peran_unit",
            ),
        ]

    def __str__(self):
        return self.nama or self.username

    def get_full_name(self):
        return self.nama or self.username


class Pejabat(models.Model):
    """Pejabat penanda tangan naskah tingkat provinsi dengan masa jabatannya (data, dicatat Biro Organisasi).

    Gubernur tidak masuk portal: keputusannya dicatat Biro dan dicetak atas nama Gubernur yang menjabat pada
    tanggal keputusan. Sekda boleh ditautkan ke akunnya. Masa jabatan satu jabatan tidak boleh tumpang tindih;
    ``selesai`` kosong berarti masih menjabat.
    """

    class Jabatan(models.TextChoices):
        GUBERNUR = "gubernur", "Gubernur"
        SEKDA = "sekda", "Sekretaris Daerah"
        KEPALA_BIRO = "kepala_biro", "Kepala Biro Organisasi"

    jabatan = models.CharField(max_length=12, choices=Jabatan.choices)
    jabatan_teks = models.CharField(
        "jabatan tercetak",
        max_length=200,
        help_text="Sebagaimana dicetak di atas tanda tangan, mis. “Gubernur Kalimantan Timur” atau "
        "“Pj. Sekretaris Daerah Provinsi Kalimantan Timur”.",
    )
    nama = models.CharField(max_length=150, help_text="Nama lengkap dengan gelar, sebagaimana dicetak.")
    nip = models.CharField("NIP", max_length=18, blank=True, validators=[nip_validator])
    mulai = models.DateField("mulai menjabat")
    selesai = models.DateField("selesai menjabat", null=True, blank=True)
    pengguna = models.ForeignKey(
        "Pengguna",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="jabatan_pejabat",
        help_text="Akun portal pejabat ini (untuk Sekretaris Daerah); Gubernur tidak memakai akun.",
    )

    class Meta:
        ordering = ["jabatan", "-mulai"]
        verbose_name = "pejabat penanda tangan"
        verbose_name_plural = "pejabat penanda tangan"
        constraints = [
            models.CheckConstraint(
                condition=Q(jabatan__in=["gubernur", "sekda", "kepala_biro"]), name="pejabat_jabatan_valid"
            ),
            models.CheckConstraint(
                condition=Q(selesai__isnull=True) | Q(selesai__gte=models.F("mulai")),
                name="pejabat_masa_berurutan",
            ),
        ]

    def __str__(self):
        sampai = f"{self.selesai:%d-%m-%Y}" if self.selesai else "sekarang"
        return f"{self.get_jabatan_display()}: {self.nama} ({self.mulai:%d-%m-%Y} s.d. {sampai})"

    def clean(self):
        if self.selesai and self.mulai and self.selesai < self.mulai:
            raise ValidationError({"selesai": "Tanggal selesai tidak boleh sebelum tanggal mulai."})
        if not self.mulai:
            return
        akhir = self.selesai or self.mulai.replace(year=9999)
        tumpang = Pejabat.objects.filter(jabatan=self.jabatan, mulai__lte=akhir).filter(
            Q(selesai__isnull=True) | Q(selesai__gte=self.mulai)
        )
        lain = tumpang.exclude(pk=self.pk).first()
        if lain:
            raise ValidationError(
                f"Masa jabatan bertumpang tindih dengan {lain}; isi dahulu tanggal selesai pejabat itu."
            )


class AturanKewenangan(models.Model):
    """Satu baris tabel kewenangan: untuk satu tindakan atas satu jenis subjek, siapa boleh mengambilnya dan
    siapa menandatangani naskahnya (BAB 5–7 Pergub 8/2025; UU 30/2014 Pasal 77–78 untuk keberatan dan
    banding). Dibaca oleh ``akun.kewenangan``; diubah di admin dan dicatat di jejak audit.

    Subjek dinyatakan sebagai jenis (bukan model domain) plus unit: ``akun`` tidak mengimpor app di kanannya.
    """

    class Tindakan(models.TextChoices):
        BUKA_KASUS = "buka_kasus", "Membuka kasus pelanggaran"
        PEMANGGILAN = "pemanggilan", "Pemanggilan (surat panggilan)"
        PEMERIKSAAN = "pemeriksaan", "Pemeriksaan"
        BAP = "bap", "Berita acara pemeriksaan"
        RUJUKAN = "rujukan", "Rujukan ke instansi berwenang dan hasilnya"
        JATUHKAN_SANKSI = "jatuhkan_sanksi", "Menjatuhkan sanksi atau menutup kasus tidak terbukti"
        CATAT_KEBERATAN = "catat_keberatan", "Menerima dan mencatat keberatan"
        PUTUS_KEBERATAN = "putus_keberatan", "Memutus keberatan"
        CATAT_BANDING = "catat_banding", "Menerima dan mencatat banding"
        PUTUS_BANDING = "putus_banding", "Memutus banding"
        PENGHARGAAN_PELAKSANA = (
            "penghargaan_pelaksana",
            "Menetapkan penghargaan Pelaksana (keputusan, piagam)",
        )
        PENGHARGAAN_PENYELENGGARA = (
            "penghargaan_penyelenggara",
            "Menetapkan penghargaan Penyelenggara (keputusan, piagam)",
        )
        TTD_BERITA_ACARA_EVALUASI = "ttd_berita_acara_evaluasi", "Menandatangani Berita Acara hasil evaluasi"

    class Subjek(models.TextChoices):
        PELAKSANA = "pelaksana", "Pelaksana (bukan Kepala Penyelenggara)"
        KEPALA_PENYELENGGARA = "kepala_penyelenggara", "Kepala Penyelenggara"
        PENYELENGGARA = "penyelenggara", "Penyelenggara (unit)"

    class JenisUnit(models.TextChoices):
        SEMUA = "", "Semua jenis unit"
        PD = "PD", "Perangkat Daerah"
        UOBK = "UOBK", "UOBK"
        UPTD = "UPTD", "UPTD"

    class Penerbit(models.TextChoices):
        SEMUA = "", "—"
        KEPALA_UNIT = "kepala_unit", "Kepala Penyelenggara unit"
        SEKDA = "sekda", "Sekretaris Daerah"
        GUBERNUR = "gubernur", "Gubernur"

    class Pelaku(models.TextChoices):
        TIDAK_ADA = "", "— (hanya penanda tangan)"
        STAF_UNIT = "staf_unit", "Kepala atau operator unit itu sendiri"
        STAF_INDUK = "staf_induk", "Kepala atau operator Perangkat Daerah induk"
        KEPALA_UNIT = "kepala_unit", "Kepala Penyelenggara unit itu sendiri"
        KEPALA_INDUK = "kepala_induk", "Kepala Perangkat Daerah induk"
        BIRO = "biro", "Biro Organisasi"
        SEKDA = "sekda", "Sekretaris Daerah"

    class PenandaTangan(models.TextChoices):
        TIDAK_ADA = "", "— (tidak ada / pemeriksa)"
        KEPALA_UNIT = "kepala_unit", "Kepala Penyelenggara unit"
        KEPALA_INDUK = "kepala_induk", "Kepala Perangkat Daerah induk"
        KEPALA_BIRO = "kepala_biro", "Kepala Biro Organisasi"
        SEKDA = "sekda", "Sekretaris Daerah"
        GUBERNUR = "gubernur", "Gubernur"

    tindakan = models.CharField(max_length=30, choices=Tindakan.choices)
    subjek = models.CharField(max_length=24, choices=Subjek.choices)
    jenis_unit = models.CharField(
        "jenis unit", max_length=4, choices=JenisUnit.choices, blank=True, default=""
    )
    penerbit = models.CharField(
        "penerbit keputusan awal",
        max_length=12,
        choices=Penerbit.choices,
        blank=True,
        default="",
        help_text="Untuk keberatan dan banding: pejabat yang menerbitkan keputusan sanksi.",
    )
    pelaku = models.CharField(max_length=12, choices=Pelaku.choices, blank=True, default="")
    penanda_tangan = models.CharField(
        "penanda tangan", max_length=12, choices=PenandaTangan.choices, blank=True, default=""
    )
    dasar = models.CharField(max_length=200, help_text="Rujukan, mis. “Pergub 8/2025 BAB 7”.")
    urutan = models.PositiveSmallIntegerField(default=0)
    aktif = models.BooleanField(default=True)

    class Meta:
        ordering = ["urutan", "id"]
        verbose_name = "aturan kewenangan"
        verbose_name_plural = "aturan kewenangan"
        constraints = [
            models.UniqueConstraint(
                fields=["tindakan", "subjek", "jenis_unit", "penerbit", "pelaku"], name="kewenangan_unik"
            ),
            models.CheckConstraint(
                condition=~Q(pelaku="", penanda_tangan=""), name="kewenangan_pelaku_atau_penanda_tangan"
            ),
        ]

    def __str__(self):
        return f"{self.get_tindakan_display()} · {self.get_subjek_display()}: {self.get_pelaku_display()}"
