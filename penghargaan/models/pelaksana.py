"""Penghargaan bagi Pelaksana oleh Kepala Penyelenggara (BAB 5 Pergub 8/2025).

Satu ``PeriodePenghargaan`` memuat kriteria berbobot, nominasi, penilaian — oleh tim penilai (ketua = Kepala
Penyelenggara, sekretaris, tiga kepala bagian/bidang; lembar nilai setiap anggota) atau berjenjang (setiap
nominasi dinilai atasan langsungnya lalu ditinjau atasan berikutnya sampai Kepala Penyelenggara) — dan,
setelah ditetapkan, penerima dengan bentuk penghargaannya serta nomor Keputusan Kepala Penyelenggara.
Alurnya: persiapan → penilaian → ditetapkan.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q

from kaltim_yanlik.core.models import BaseModel

from ..ketentuan import (
    NILAI_MAKSIMUM,
    NILAI_MINIMUM,
    BentukPelaksana,
    JenisPeriode,
    MetodePenilaian,
    PeranTim,
)
from ..periode import label_periode


class PeriodePenghargaan(BaseModel):
    class Status(models.TextChoices):
        PERSIAPAN = "persiapan", "Persiapan"
        PENILAIAN = "penilaian", "Penilaian"
        DITETAPKAN = "ditetapkan", "Ditetapkan"

    penyelenggara = models.ForeignKey(
        "kode_etik.Penyelenggara", on_delete=models.PROTECT, related_name="periode_penghargaan"
    )
    nama_penghargaan = models.CharField(
        "nama penghargaan", max_length=150, default="Pelaksana Pelayanan Publik Teladan"
    )
    jenis = models.CharField("periode", max_length=12, choices=JenisPeriode.choices)
    metode = models.CharField(
        "metode penilaian", max_length=12, choices=MetodePenilaian.choices, default=MetodePenilaian.TIM
    )
    mulai = models.DateField()
    selesai = models.DateField()
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.PERSIAPAN)
    dibuat_oleh = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    nomor_keputusan = models.CharField("nomor keputusan", max_length=100, blank=True)
    tanggal_keputusan = models.DateField("tanggal keputusan", null=True, blank=True)
    # Penanda tangan Keputusan dan piagam dicatat saat penetapan: Kepala dapat berganti sesudahnya.
    penandatangan_nama = models.CharField(max_length=150, blank=True)
    penandatangan_nip = models.CharField(max_length=18, blank=True)
    ditetapkan_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    ditetapkan_pada = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-mulai", "penyelenggara__nama"]
        verbose_name = "periode penghargaan Pelaksana"
        verbose_name_plural = "periode penghargaan Pelaksana"
        constraints = [
            models.CheckConstraint(condition=Q(mulai__lte=models.F("selesai")), name="periode_ph_berurutan"),
            models.CheckConstraint(
                condition=Q(jenis__in=[j.value for j in JenisPeriode]), name="periode_ph_jenis_valid"
            ),
            models.CheckConstraint(
                condition=Q(metode__in=[m.value for m in MetodePenilaian]), name="periode_ph_metode_valid"
            ),
            models.CheckConstraint(
                condition=~Q(status="ditetapkan")
                | (~Q(nomor_keputusan="") & Q(tanggal_keputusan__isnull=False)),
                name="periode_ph_ditetapkan_bernomor",
            ),
            models.UniqueConstraint(
                fields=["penyelenggara", "nama_penghargaan", "jenis", "mulai"], name="periode_ph_unik"
            ),
        ]

    def __str__(self):
        return f"{self.nama_penghargaan} · {self.label_periode} · {self.penyelenggara.nama_pendek}"

    @property
    def label_periode(self) -> str:
        return label_periode(self.jenis, self.mulai, self.selesai)


class KriteriaPenghargaan(BaseModel):
    periode = models.ForeignKey(PeriodePenghargaan, on_delete=models.CASCADE, related_name="kriteria")
    kode = models.CharField(max_length=40, help_text="Kode kriteria Pergub; kosong untuk kriteria tambahan.")
    nama = models.CharField(max_length=150)
    bobot = models.DecimalField("bobot (%)", max_digits=5, decimal_places=2)
    dari_data = models.BooleanField("diperiksa dari data", default=False)
    urutan = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["periode", "urutan", "id"]
        verbose_name = "kriteria penghargaan"
        verbose_name_plural = "kriteria penghargaan"
        constraints = [
            models.CheckConstraint(condition=Q(bobot__gt=0, bobot__lte=100), name="kriteria_ph_bobot_0_100"),
            models.UniqueConstraint(fields=["periode", "nama"], name="kriteria_ph_nama_unik"),
        ]

    def __str__(self):
        return f"{self.nama} ({self.bobot:g}%)"

    @property
    def tambahan(self) -> bool:
        return not self.kode


class AnggotaTimPenilai(BaseModel):
    periode = models.ForeignKey(PeriodePenghargaan, on_delete=models.CASCADE, related_name="tim")
    pelaksana = models.ForeignKey("kode_etik.Pelaksana", on_delete=models.PROTECT, related_name="+")
    peran = models.CharField(max_length=12, choices=PeranTim.choices)

    class Meta:
        ordering = ["periode", "peran", "pelaksana__nama"]
        verbose_name = "anggota tim penilai"
        verbose_name_plural = "tim penilai"
        constraints = [
            models.UniqueConstraint(fields=["periode", "pelaksana"], name="tim_ph_sekali_per_periode"),
            models.UniqueConstraint(
                fields=["periode", "peran"],
                condition=~Q(peran="anggota"),
                name="tim_ph_satu_ketua_sekretaris",
            ),
            models.CheckConstraint(
                condition=Q(peran__in=[p.value for p in PeranTim]), name="tim_ph_peran_valid"
            ),
        ]

    def __str__(self):
        return f"{self.get_peran_display()}: {self.pelaksana.nama}"


class Nominasi(BaseModel):
    periode = models.ForeignKey(PeriodePenghargaan, on_delete=models.CASCADE, related_name="nominasi")
    pelaksana = models.ForeignKey("kode_etik.Pelaksana", on_delete=models.PROTECT, related_name="nominasi")
    alasan = models.TextField("alasan pengusulan", blank=True)
    diusulkan_oleh = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["periode", "pelaksana__nama"]
        verbose_name = "nominasi"
        verbose_name_plural = "nominasi"
        constraints = [models.UniqueConstraint(fields=["periode", "pelaksana"], name="nominasi_unik")]

    def __str__(self):
        return self.pelaksana.nama


class NilaiPenghargaan(models.Model):
    """Nilai satu anggota tim untuk satu nominasi pada satu kriteria (0–100)."""

    nominasi = models.ForeignKey(Nominasi, on_delete=models.CASCADE, related_name="nilai")
    anggota = models.ForeignKey(AnggotaTimPenilai, on_delete=models.CASCADE, related_name="nilai")
    kriteria = models.ForeignKey(KriteriaPenghargaan, on_delete=models.CASCADE, related_name="nilai")
    nilai = models.PositiveSmallIntegerField()
    dicatat_oleh = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    dicatat_pada = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "nilai penghargaan"
        verbose_name_plural = "nilai penghargaan"
        constraints = [
            models.UniqueConstraint(fields=["nominasi", "anggota", "kriteria"], name="nilai_ph_unik"),
            models.CheckConstraint(
                condition=Q(nilai__gte=NILAI_MINIMUM, nilai__lte=NILAI_MAKSIMUM), name="nilai_ph_0_100"
            ),
        ]

    def __str__(self):
        return f"{self.anggota_id}/{self.nominasi_id}/{self.kriteria_id}: {self.nilai}"


class TahapBerjenjang(BaseModel):
    """Satu tingkat penilaian berjenjang satu nominasi: tingkat 1 atasan langsung menilai, tingkat berikutnya
    (atasan dari atasan) meninjau dan boleh mengoreksi nilai. Nilai tingkat terakhir menjadi nilai nominasi.

    Rantainya dibentuk dari ``Pelaksana.atasan_langsung`` saat penilaian dimulai; Kepala Penyelenggara
    memutus pada penetapan. Nilai dicatat Kepala atas nama penilai yang tidak memakai akun (seperti lembar
    tim).
    """

    nominasi = models.ForeignKey(Nominasi, on_delete=models.CASCADE, related_name="tahap_berjenjang")
    tingkat = models.PositiveSmallIntegerField()
    penilai = models.ForeignKey("kode_etik.Pelaksana", on_delete=models.PROTECT, related_name="+")
    nilai = models.JSONField(default=dict, blank=True, help_text="Nilai 0–100 per id kriteria yang dinilai.")
    catatan = models.TextField(blank=True)
    dicatat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    dicatat_pada = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["nominasi", "tingkat"]
        verbose_name = "tahap penilaian berjenjang"
        verbose_name_plural = "tahap penilaian berjenjang"
        constraints = [
            models.UniqueConstraint(fields=["nominasi", "tingkat"], name="tahap_berjenjang_unik"),
            models.CheckConstraint(condition=Q(tingkat__gte=1), name="tahap_berjenjang_tingkat_positif"),
        ]

    def __str__(self):
        return f"{self.nominasi.pelaksana.nama} · tingkat {self.tingkat}: {self.penilai.nama}"

    @property
    def terisi(self) -> bool:
        return self.dicatat_pada is not None


class PenerimaPenghargaan(BaseModel):
    """Pelaksana yang ditetapkan menerima penghargaan, dengan hasil penilaian saat penetapan."""

    periode = models.ForeignKey(PeriodePenghargaan, on_delete=models.CASCADE, related_name="penerima")
    nominasi = models.OneToOneField(Nominasi, on_delete=models.PROTECT, related_name="penerima")
    bentuk = models.JSONField(default=list, help_text="Kode bentuk penghargaan (piagam, piala, ...).")
    keterangan_bentuk = models.CharField(max_length=255, blank=True)
    nilai_akhir = models.DecimalField(max_digits=5, decimal_places=2)
    peringkat = models.PositiveSmallIntegerField()
    # Nama penerima tampil di halaman publik hanya dengan persetujuannya.
    tampil_publik = models.BooleanField("setuju ditampilkan di halaman publik", default=False)

    class Meta:
        ordering = ["periode", "peringkat", "nominasi__pelaksana__nama"]
        verbose_name = "penerima penghargaan Pelaksana"
        verbose_name_plural = "penerima penghargaan Pelaksana"

    def __str__(self):
        return f"{self.nominasi.pelaksana.nama} · {self.periode.nama_penghargaan}"

    @property
    def pelaksana(self):
        return self.nominasi.pelaksana

    def bentuk_label(self) -> list[str]:
        return [BentukPelaksana(b).label for b in self.bentuk if b in BentukPelaksana.values]
