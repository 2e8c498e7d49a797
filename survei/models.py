"""SKM per unit dan periode (PermenPANRB 14/2017), rencana tindak lanjut (RTL), dan kepatuhan Ombudsman.

Hasil IKM tidak disimpan sebagai angka lepas: ia dihitung dari jawaban responden (formulir publik atau
impor) atau dari NRR per unsur yang dimasukkan unit, dengan fungsi murni ``survei.ikm``.
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q

from kaltim_yanlik.core.models import BaseModel

UNSUR_FIELDS = tuple(f"u{i}" for i in range(1, 10))


class PeriodeSKM(BaseModel):
    """Satu periode survei sebuah Penyelenggara (mis. Semester I 2026) dengan populasi pengguna layanannya."""

    class Sumber(models.TextChoices):
        RESPONDEN = "responden", "Jawaban responden (formulir/impor)"
        NRR = "nrr", "NRR per unsur dimasukkan unit"

    penyelenggara = models.ForeignKey(
        "kode_etik.Penyelenggara", on_delete=models.PROTECT, related_name="periode_skm"
    )
    nama = models.CharField(max_length=100)
    mulai = models.DateField()
    selesai = models.DateField()
    populasi = models.PositiveIntegerField(
        "jumlah pengguna layanan", help_text="Dasar target sampel Krejcie–Morgan."
    )
    sumber = models.CharField(max_length=10, choices=Sumber.choices, default=Sumber.RESPONDEN)
    menerima_jawaban = models.BooleanField("formulir publik dibuka", default=True)
    # NRR per unsur bila sumber = nrr (mis. survei dilakukan di luar portal dan hanya rekapnya yang ada).
    nrr_u1 = models.DecimalField(max_digits=5, decimal_places=3, null=True, blank=True)
    nrr_u2 = models.DecimalField(max_digits=5, decimal_places=3, null=True, blank=True)
    nrr_u3 = models.DecimalField(max_digits=5, decimal_places=3, null=True, blank=True)
    nrr_u4 = models.DecimalField(max_digits=5, decimal_places=3, null=True, blank=True)
    nrr_u5 = models.DecimalField(max_digits=5, decimal_places=3, null=True, blank=True)
    nrr_u6 = models.DecimalField(max_digits=5, decimal_places=3, null=True, blank=True)
    nrr_u7 = models.DecimalField(max_digits=5, decimal_places=3, null=True, blank=True)
    nrr_u8 = models.DecimalField(max_digits=5, decimal_places=3, null=True, blank=True)
    nrr_u9 = models.DecimalField(max_digits=5, decimal_places=3, null=True, blank=True)
    jumlah_responden_nrr = models.PositiveIntegerField("jumlah responden (rekap NRR)", null=True, blank=True)
    dibuat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["penyelenggara", "-mulai"]
        verbose_name = "periode SKM"
        verbose_name_plural = "periode SKM"
        constraints = [
            models.CheckConstraint(
                condition=Q(mulai__lte=F("selesai")), name="periode_skm_mulai_sebelum_selesai"
            ),
            models.UniqueConstraint(fields=["penyelenggara", "mulai", "selesai"], name="periode_skm_unik"),
            models.CheckConstraint(condition=Q(populasi__gte=1), name="periode_skm_populasi_positif"),
        ]

    def __str__(self):
        return f"SKM {self.nama} — {self.penyelenggara}"


class ResponSKM(models.Model):
    """Jawaban satu responden: sembilan unsur bernilai 1–4, profil opsional, dan saran."""

    class Sumber(models.TextChoices):
        FORMULIR = "formulir", "Formulir publik"
        IMPOR = "impor", "Impor berkas"

    periode = models.ForeignKey(PeriodeSKM, on_delete=models.CASCADE, related_name="respons")
    jenis_layanan = models.ForeignKey(
        "kode_etik.JenisLayanan", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    u1 = models.PositiveSmallIntegerField()
    u2 = models.PositiveSmallIntegerField()
    u3 = models.PositiveSmallIntegerField()
    u4 = models.PositiveSmallIntegerField()
    u5 = models.PositiveSmallIntegerField()
    u6 = models.PositiveSmallIntegerField()
    u7 = models.PositiveSmallIntegerField()
    u8 = models.PositiveSmallIntegerField()
    u9 = models.PositiveSmallIntegerField()
    usia = models.CharField(max_length=10, blank=True)
    jenis_kelamin = models.CharField("jenis kelamin", max_length=1, blank=True)
    pendidikan = models.CharField(max_length=20, blank=True)
    pekerjaan = models.CharField(max_length=30, blank=True)
    saran = models.TextField(blank=True)
    sumber = models.CharField(max_length=10, choices=Sumber.choices, default=Sumber.FORMULIR)
    diterima_pada = models.DateTimeField(db_index=True)

    class Meta:
        ordering = ["periode", "diterima_pada", "id"]
        verbose_name = "respons SKM"
        verbose_name_plural = "respons SKM"
        constraints = [
            models.CheckConstraint(
                condition=Q(**{f"{u}__gte": 1 for u in UNSUR_FIELDS})
                & Q(**{f"{u}__lte": 4 for u in UNSUR_FIELDS}),
                name="respons_skm_nilai_1_4",
            ),
        ]

    def __str__(self):
        return f"Respons {self.pk} — {self.periode}"


class RencanaTindakLanjut(BaseModel):
    """Satu butir RTL dari unsur yang lemah: kegiatan, penanggung jawab, tenggat, dan bukti penyelesaian."""

    periode = models.ForeignKey(PeriodeSKM, on_delete=models.PROTECT, related_name="rtl")
    unsur = models.CharField(max_length=2, help_text="Kode unsur, mis. U9.")
    kegiatan = models.TextField()
    penanggung_jawab = models.CharField("penanggung jawab", max_length=150)
    tenggat = models.DateField()
    selesai_pada = models.DateField("selesai pada", null=True, blank=True)
    keterangan_selesai = models.TextField("keterangan penyelesaian", blank=True)
    bukti = models.FileField(upload_to="rtl/%Y/", max_length=255, blank=True)
    nama_bukti = models.CharField(max_length=255, blank=True)
    dibuat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["periode", "tenggat", "created_at"]
        verbose_name = "rencana tindak lanjut SKM"
        verbose_name_plural = "rencana tindak lanjut SKM"
        constraints = [
            models.CheckConstraint(condition=Q(unsur__regex=r"^U[1-9]$"), name="rtl_unsur_u1_u9"),
            models.CheckConstraint(
                condition=Q(selesai_pada__isnull=True) | ~Q(bukti=""), name="rtl_selesai_berbukti"
            ),
        ]

    def __str__(self):
        return f"RTL {self.unsur}: {self.kegiatan[:40]}"


class ZonaOmbudsman(models.Model):
    """Ambang zona kepatuhan Ombudsman per rentang tahun (data, dapat diubah admin; regulations.md §4)."""

    class Zona(models.TextChoices):
        HIJAU = "hijau", "Hijau"
        KUNING = "kuning", "Kuning"
        MERAH = "merah", "Merah"

    tahun_mulai = models.PositiveSmallIntegerField()
    tahun_selesai = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="Kosong: masih berlaku."
    )
    zona = models.CharField(max_length=6, choices=Zona.choices)
    batas_bawah = models.DecimalField(max_digits=5, decimal_places=2)
    batas_atas = models.DecimalField(max_digits=5, decimal_places=2)

    class Meta:
        ordering = ["-tahun_mulai", "-batas_bawah"]
        verbose_name = "zona Ombudsman"
        verbose_name_plural = "zona Ombudsman"
        constraints = [
            models.CheckConstraint(
                condition=Q(batas_bawah__gte=0, batas_atas__lte=100) & Q(batas_bawah__lte=F("batas_atas")),
                name="zona_ombudsman_batas_0_100",
            ),
        ]

    def __str__(self):
        return f"{self.get_zona_display()} {self.batas_bawah}–{self.batas_atas} ({self.tahun_mulai}–)"


class KepatuhanOmbudsman(BaseModel):
    """Hasil penilaian kepatuhan Ombudsman RI untuk satu unit dan tahun, dicatat Biro."""

    penyelenggara = models.ForeignKey(
        "kode_etik.Penyelenggara", on_delete=models.PROTECT, related_name="kepatuhan_ombudsman"
    )
    tahun = models.PositiveSmallIntegerField()
    nilai = models.DecimalField(max_digits=5, decimal_places=2)
    zona = models.CharField(max_length=6, choices=ZonaOmbudsman.Zona.choices)
    grade = models.CharField(max_length=2, blank=True, help_text="Opini/kualitas, mis. A–E (2022–).")
    dicatat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["penyelenggara", "-tahun"]
        verbose_name = "kepatuhan Ombudsman"
        verbose_name_plural = "kepatuhan Ombudsman"
        constraints = [
            models.UniqueConstraint(fields=["penyelenggara", "tahun"], name="kepatuhan_ombudsman_unik"),
            models.CheckConstraint(
                condition=Q(nilai__gte=0, nilai__lte=100), name="kepatuhan_ombudsman_0_100"
            ),
        ]

    def __str__(self):
        return f"Ombudsman {self.tahun} — {self.penyelenggara}: {self.nilai}"
