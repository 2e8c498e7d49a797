"""Kasus pelanggaran Pasal 10 oleh satu Pelaksana dan langkah-langkahnya (BAB 7 Pergub 8/2025).

Jalur kasus disalin dari ``Larangan.jalur_sanksi`` saat kasus dibuka (data, bukan kode): administratif
(pemanggilan → pemeriksaan → BAP → penjatuhan sanksi oleh Kepala Penyelenggara, atau tidak terbukti) atau
perundang-undangan (rujukan ke instansi berwenang). Setiap langkah satu baris bertanggal; urutan dijaga
``sanksi.alur``, siapa boleh mengambil setiap langkah dan siapa menandatangani naskahnya dijaga tabel
kewenangan (``akun.kewenangan``). Kasus terhadap Kepala Penyelenggara disiapkan Biro Organisasi dan diputus
Sekretaris Daerah atau Gubernur (BAB 6 angka 3). Keberatan dan banding mengikuti ``AturanUpayaAdministratif``
(hari kerja, data).
"""

from django.conf import settings
from django.db import models
from django.db.models import Q

from akun.models import AturanKewenangan
from kaltim_yanlik.core.models import BaseModel


class Pelanggaran(BaseModel):
    class Sumber(models.TextChoices):
        PENGADUAN = "pengaduan", "Pengaduan masyarakat"
        TEMUAN_ATASAN = "temuan_atasan", "Temuan atasan langsung"

    class Jalur(models.TextChoices):
        ADMINISTRATIF = "administratif", "Sanksi administratif"
        PERUNDANG_UNDANGAN = "perundang_undangan", "Sanksi sesuai peraturan perundang-undangan"

    class Tahap(models.TextChoices):
        DIBUKA = "dibuka", "Dibuka"
        DIPANGGIL = "dipanggil", "Pemanggilan"
        DIPERIKSA = "diperiksa", "Pemeriksaan"
        BAP = "bap", "Berita acara pemeriksaan"
        SANKSI = "sanksi", "Sanksi dijatuhkan"
        TIDAK_TERBUKTI = "tidak_terbukti", "Ditutup: tidak terbukti"
        DIRUJUK = "dirujuk", "Dirujuk ke instansi berwenang"
        SELESAI = "selesai", "Selesai"

    pelaksana = models.ForeignKey("kode_etik.Pelaksana", on_delete=models.PROTECT, related_name="pelanggaran")
    # Unit Pelaksana saat kasus dibuka: dasar lingkup akses, tetap walau Pelaksana kemudian pindah unit.
    penyelenggara = models.ForeignKey(
        "kode_etik.Penyelenggara", on_delete=models.PROTECT, related_name="pelanggaran"
    )
    larangan = models.ForeignKey("kode_etik.Larangan", on_delete=models.PROTECT, related_name="pelanggaran")
    jalur = models.CharField(max_length=20, choices=Jalur.choices)
    sumber = models.CharField(max_length=16, choices=Sumber.choices)
    pengaduan = models.ForeignKey(
        "sanksi.Pengaduan", null=True, blank=True, on_delete=models.PROTECT, related_name="pelanggaran"
    )
    uraian = models.TextField()
    # Nama field dipertahankan: berkas kasus terhadap Kepala Penyelenggara disiapkan Biro Organisasi;
    # keputusannya milik Sekretaris Daerah atau Gubernur (BAB 6 angka 3, tabel kewenangan).
    ditangani_biro = models.BooleanField(
        "terhadap Kepala Penyelenggara",
        default=False,
        help_text="Kasus terhadap Kepala Penyelenggara: disiapkan Biro, diputus Sekda atau Gubernur.",
    )
    tahap = models.CharField(max_length=16, choices=Tahap.choices, default=Tahap.DIBUKA)
    alasan_tidak_terbukti = models.TextField("alasan tidak terbukti", blank=True)
    dibuka_oleh = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    dibuka_pada = models.DateTimeField()
    ditutup_pada = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-dibuka_pada"]
        verbose_name = "pelanggaran"
        verbose_name_plural = "pelanggaran"
        constraints = [
            models.CheckConstraint(
                condition=Q(jalur__in=["administratif", "perundang_undangan"]), name="pelanggaran_jalur_valid"
            ),
            models.CheckConstraint(
                condition=Q(sumber="temuan_atasan") | Q(pengaduan__isnull=False),
                name="pelanggaran_dari_pengaduan_bertaut",
            ),
        ]

    def __str__(self):
        return f"{self.pelaksana} — {self.larangan}"

    @property
    def subjek_kewenangan(self) -> str:
        """Jenis subjek pada tabel kewenangan: Kepala Penyelenggara atau Pelaksana biasa."""
        return "kepala_penyelenggara" if self.ditangani_biro else "pelaksana"


class _LangkahKasus(BaseModel):
    pelanggaran = models.OneToOneField(Pelanggaran, on_delete=models.PROTECT, related_name="%(class)s")
    dicatat_oleh = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        abstract = True


class Pemanggilan(_LangkahKasus):
    nomor_surat = models.CharField("nomor surat panggilan", max_length=80)
    tanggal_surat = models.DateField("tanggal surat")
    jadwal = models.DateTimeField("hari dan jam pemeriksaan")
    tempat = models.CharField(max_length=200)

    class Meta:
        verbose_name = "pemanggilan"
        verbose_name_plural = "pemanggilan"


class Pemeriksaan(_LangkahKasus):
    tanggal = models.DateField("tanggal pemeriksaan")
    pemeriksa = models.TextField(help_text="Nama (dan NIP) pemeriksa, satu per baris.")
    ringkasan = models.TextField("ringkasan pemeriksaan")

    class Meta:
        verbose_name = "pemeriksaan"
        verbose_name_plural = "pemeriksaan"


class BeritaAcaraPemeriksaan(_LangkahKasus):
    nomor = models.CharField("nomor BAP", max_length=80)
    tanggal = models.DateField()
    keterangan_terperiksa = models.TextField("keterangan Pelaksana yang diperiksa")
    temuan = models.TextField("temuan pemeriksa")
    terbukti = models.BooleanField(help_text="Apakah pelanggaran terbukti menurut pemeriksaan.")

    class Meta:
        verbose_name = "berita acara pemeriksaan"
        verbose_name_plural = "berita acara pemeriksaan"


class Sanksi(_LangkahKasus):
    class Jenis(models.TextChoices):
        TEGURAN_LISAN = "teguran_lisan", "Teguran lisan"
        TEGURAN_TERTULIS = "teguran_tertulis", "Teguran tertulis"
        PEMINDAHAN = "pemindahan", "Pemindahan dari tempat layanan publik"

    jenis = models.CharField(max_length=20, choices=Jenis.choices)
    nomor_keputusan = models.CharField("nomor keputusan", max_length=80)
    tanggal_keputusan = models.DateField("tanggal keputusan")
    pertimbangan = models.TextField()
    batas_keberatan = models.DateField("batas pengajuan keberatan")
    # Jabatan penanda tangan keputusan menurut tabel kewenangan saat diputus (kepala_unit, sekda, gubernur);
    # nama pejabatnya diambil dari data jabatan pada tanggal keputusan. Keberatan diajukan kepadanya.
    penanda_tangan = models.CharField(
        "penanda tangan", max_length=12, choices=AturanKewenangan.PenandaTangan.choices, default="kepala_unit"
    )
    # Pemindahan dari tempat layanan publik: tanggal berlaku dan penempatan barunya.
    berlaku_mulai = models.DateField("berlaku mulai", null=True, blank=True)
    penempatan_baru = models.ForeignKey(
        "kode_etik.Penempatan", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = "sanksi"
        verbose_name_plural = "sanksi"
        constraints = [
            models.CheckConstraint(
                condition=Q(jenis__in=["teguran_lisan", "teguran_tertulis", "pemindahan"]),
                name="sanksi_jenis_valid",
            ),
        ]

    @property
    def dibatalkan(self) -> bool:
        """Dibatalkan karena keberatan atau banding dikabulkan (barisnya tetap disimpan)."""
        keberatan = getattr(self, "keberatan", None)
        if keberatan is None:
            return False
        banding = getattr(keberatan, "banding", None)
        dikabulkan = Keberatan.Keputusan.DIKABULKAN
        return keberatan.keputusan == dikabulkan or (banding is not None and banding.keputusan == dikabulkan)


# Sanksi yang dibatalkan karena keberatan atau banding dikabulkan (untuk saringan queryset Sanksi).
SANKSI_DIBATALKAN = Q(keberatan__keputusan="dikabulkan") | Q(keberatan__banding__keputusan="dikabulkan")


class Rujukan(BaseModel):
    class Instansi(models.TextChoices):
        INSPEKTORAT = "inspektorat", "Inspektorat Daerah"
        APIP = "apip", "APIP lainnya"
        APH = "aph", "Aparat penegak hukum"
        BKD = "bkd", "Badan Kepegawaian Daerah"
        LAINNYA = "lainnya", "Instansi lain"

    pelanggaran = models.ForeignKey(Pelanggaran, on_delete=models.PROTECT, related_name="rujukan")
    instansi = models.CharField(max_length=12, choices=Instansi.choices)
    nama_instansi = models.CharField("nama instansi", max_length=200)
    nomor_surat = models.CharField("nomor surat rujukan", max_length=80)
    tanggal = models.DateField()
    hasil = models.TextField("hasil dari instansi", blank=True)
    hasil_tanggal = models.DateField("tanggal hasil", null=True, blank=True)
    dicatat_oleh = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["pelanggaran", "tanggal", "created_at"]
        verbose_name = "rujukan"
        verbose_name_plural = "rujukan"


class _UpayaAdministratif(BaseModel):
    """Keberatan atau banding Pelaksana: diterima pada tanggalnya, diputus paling lambat ``batas_putus``."""

    class Keputusan(models.TextChoices):
        MENUNGGU = "menunggu", "Menunggu keputusan"
        DIKABULKAN = "dikabulkan", "Dikabulkan (sanksi dibatalkan)"
        DITOLAK = "ditolak", "Ditolak (sanksi tetap)"

    tanggal_diterima = models.DateField("tanggal diterima")
    alasan = models.TextField("alasan dan pembelaan")
    dicatat_oleh = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    batas_putus = models.DateField("batas keputusan", null=True, blank=True)
    keputusan = models.CharField(max_length=12, choices=Keputusan.choices, default=Keputusan.MENUNGGU)
    pertimbangan_keputusan = models.TextField("pertimbangan keputusan", blank=True)
    tanggal_putusan = models.DateField("tanggal keputusan", null=True, blank=True)
    penanda_tangan = models.CharField(
        "penanda tangan keputusan", max_length=12, choices=AturanKewenangan.PenandaTangan.choices, blank=True
    )
    diputus_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    diputus_pada = models.DateTimeField(null=True, blank=True)

    class Meta:
        abstract = True

    @property
    def menunggu(self) -> bool:
        return self.keputusan == self.Keputusan.MENUNGGU

    def lewat_batas(self, hari_ini) -> bool:
        """Belum diputus padahal batas keputusannya sudah lewat."""
        return self.menunggu and self.batas_putus is not None and self.batas_putus < hari_ini


class Keberatan(_UpayaAdministratif):
    """Keberatan Pelaksana atas sanksinya kepada pejabat penerbit (UU 30/2014 Pasal 77; tenggat: data)."""

    sanksi = models.OneToOneField(Sanksi, on_delete=models.PROTECT, related_name="keberatan")
    # Dihitung saat keberatan ditolak: hari terakhir banding diterima (AturanUpayaAdministratif banding).
    batas_banding = models.DateField("batas pengajuan banding", null=True, blank=True)

    class Meta:
        verbose_name = "keberatan"
        verbose_name_plural = "keberatan"


class Banding(_UpayaAdministratif):
    """Banding atas keputusan keberatan yang menolak, kepada atasan pejabat penerbit (UU 30/2014 Pasal 78)."""

    keberatan = models.OneToOneField(Keberatan, on_delete=models.PROTECT, related_name="banding")

    class Meta:
        verbose_name = "banding"
        verbose_name_plural = "banding"


class AturanUpayaAdministratif(models.Model):
    """Tenggat keberatan dan banding dalam hari kerja, beserta dasar hukumnya (data, diubah di admin).

    Pergub 8/2025 BAB 7 hanya menyebut keberatan "sesuai dengan ketentuan peraturan perundang-undangan".
    Bawaan dari UU 30/2014 Pasal 77–78 (keberatan 21 hari kerja, diputus 10 hari kerja; banding 10 dan 10)
    belum dikonfirmasi Biro Hukum. Siapa yang memutus dibaca dari tabel kewenangan (``putus_keberatan``,
    ``putus_banding``), agar hanya ada satu tempat yang menentukannya.
    """

    class Jenis(models.TextChoices):
        KEBERATAN = "keberatan", "Keberatan"
        BANDING = "banding", "Banding"

    jenis = models.CharField(max_length=10, choices=Jenis.choices, unique=True)
    hari_kerja_ajukan = models.PositiveSmallIntegerField(
        "batas pengajuan (hari kerja)",
        help_text="Keberatan: sejak tanggal keputusan sanksi. Banding: sejak tanggal keputusan keberatan.",
    )
    hari_kerja_putus = models.PositiveSmallIntegerField(
        "batas keputusan (hari kerja)", help_text="Sejak tanggal keberatan atau banding diterima."
    )
    dasar_hukum = models.CharField("dasar hukum", max_length=300)
    terkonfirmasi = models.BooleanField(
        "dikonfirmasi Biro Hukum",
        default=False,
        help_text="Nyalakan setelah Biro Hukum memastikan tenggat dan dasar hukumnya.",
    )
    keterangan = models.TextField(blank=True)

    class Meta:
        ordering = ["jenis"]
        verbose_name = "aturan upaya administratif"
        verbose_name_plural = "aturan upaya administratif"
        constraints = [
            models.CheckConstraint(
                condition=Q(hari_kerja_ajukan__gte=1, hari_kerja_putus__gte=1),
                name="upaya_hari_kerja_positif",
            )
        ]

    def __str__(self):
        return (
            f"{self.get_jenis_display()}: diajukan ≤ {self.hari_kerja_ajukan} hari kerja, "
            f"diputus ≤ {self.hari_kerja_putus} hari kerja"
        )
