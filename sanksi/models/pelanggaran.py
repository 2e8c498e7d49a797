"""Kasus pelanggaran Pasal 10 oleh satu Pelaksana dan langkah-langkahnya (BAB 7 Pergub 8/2025).

Jalur kasus disalin dari ``Larangan.jalur_sanksi`` saat kasus dibuka (data, bukan kode): administratif
(pemanggilan → pemeriksaan → BAP → penjatuhan sanksi oleh Kepala Penyelenggara, atau tidak terbukti) atau
perundang-undangan (rujukan ke instansi berwenang). Setiap langkah satu baris bertanggal; urutan dan peran
dijaga oleh ``sanksi/services``. Kasus terhadap Kepala Penyelenggara ditangani Biro (pembinaan Sekda/
Gubernur).
"""

from django.conf import settings
from django.db import models
from django.db.models import Q

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
    ditangani_biro = models.BooleanField(
        "ditangani Biro",
        default=False,
        help_text="Kasus terhadap Kepala Penyelenggara: pembinaan oleh Sekda/Gubernur.",
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

    class Meta:
        verbose_name = "sanksi"
        verbose_name_plural = "sanksi"
        constraints = [
            models.CheckConstraint(
                condition=Q(jenis__in=["teguran_lisan", "teguran_tertulis", "pemindahan"]),
                name="sanksi_jenis_valid",
            ),
        ]


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


class Keberatan(BaseModel):
    """Keberatan Pelaksana atas sanksinya, dicatat petugas pada tanggal diterima; keputusannya dicatat."""

    class Keputusan(models.TextChoices):
        MENUNGGU = "menunggu", "Menunggu keputusan"
        DIKABULKAN = "dikabulkan", "Dikabulkan (sanksi dibatalkan)"
        DITOLAK = "ditolak", "Ditolak (sanksi tetap)"

    sanksi = models.OneToOneField(Sanksi, on_delete=models.PROTECT, related_name="keberatan")
    tanggal_diterima = models.DateField("tanggal keberatan diterima")
    alasan = models.TextField("alasan dan pembelaan")
    dicatat_oleh = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    keputusan = models.CharField(max_length=12, choices=Keputusan.choices, default=Keputusan.MENUNGGU)
    pertimbangan_keputusan = models.TextField("pertimbangan keputusan", blank=True)
    diputus_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    diputus_pada = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "keberatan"
        verbose_name_plural = "keberatan"
