"""Penghargaan Gubernur bagi Penyelenggara berprestasi, diusulkan Biro Organisasi dari hasil siklus monev.

Usulan menyimpan aturannya (kategori tertentu atau peringkat teratas) dan salinan hasil setiap unit saat
diusulkan, agar Keputusan Gubernur tetap dapat dijelaskan walau hasil siklus kemudian diubah.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q

from kaltim_yanlik.core.models import BaseModel

from ..ketentuan import BentukPenyelenggara


class PenghargaanPenyelenggara(BaseModel):
    class Aturan(models.TextChoices):
        KATEGORI = "kategori", "Kategori hasil evaluasi"
        PERINGKAT = "peringkat", "Peringkat teratas"

    class Status(models.TextChoices):
        USULAN = "usulan", "Usulan Biro"
        DITETAPKAN = "ditetapkan", "Ditetapkan Gubernur"

    siklus = models.ForeignKey("evaluasi.SiklusMonev", on_delete=models.PROTECT, related_name="penghargaan")
    nama = models.CharField(max_length=200)
    aturan = models.CharField(max_length=10, choices=Aturan.choices)
    kategori = models.CharField(max_length=3, blank=True)
    jumlah_teratas = models.PositiveSmallIntegerField(null=True, blank=True)
    aturan_teks = models.CharField("aturan usulan", max_length=300)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.USULAN)
    diusulkan_oleh = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    nomor_keputusan = models.CharField("nomor Keputusan Gubernur", max_length=100, blank=True)
    tanggal_keputusan = models.DateField("tanggal Keputusan Gubernur", null=True, blank=True)
    penandatangan_nama = models.CharField("nama Gubernur", max_length=150, blank=True)
    ditetapkan_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    ditetapkan_pada = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-siklus__tahun", "nama"]
        verbose_name = "penghargaan Penyelenggara"
        verbose_name_plural = "penghargaan Penyelenggara"
        constraints = [
            models.UniqueConstraint(fields=["siklus", "nama"], name="ph_penyelenggara_unik"),
            models.CheckConstraint(
                condition=(Q(aturan="kategori") & ~Q(kategori=""))
                | (Q(aturan="peringkat") & Q(jumlah_teratas__gte=1)),
                name="ph_penyelenggara_aturan_lengkap",
            ),
            models.CheckConstraint(
                condition=~Q(status="ditetapkan")
                | (~Q(nomor_keputusan="") & Q(tanggal_keputusan__isnull=False)),
                name="ph_penyelenggara_ditetapkan_bernomor",
            ),
        ]

    def __str__(self):
        return f"{self.nama} ({self.siklus.tahun})"


class PenerimaPenyelenggara(BaseModel):
    penghargaan = models.ForeignKey(
        PenghargaanPenyelenggara, on_delete=models.CASCADE, related_name="penerima"
    )
    penyelenggara = models.ForeignKey(
        "kode_etik.Penyelenggara", on_delete=models.PROTECT, related_name="penghargaan_diterima"
    )
    ipp = models.DecimalField("IPP", max_digits=4, decimal_places=2)
    kategori = models.CharField(max_length=3)
    predikat = models.CharField(max_length=60)
    peringkat = models.PositiveIntegerField(null=True, blank=True)
    bentuk = models.JSONField(default=list)
    # Biro dapat mengeluarkan unit dari usulan dengan alasan tertulis (mis. Kepala sedang dalam kasus).
    dikeluarkan = models.BooleanField(default=False)
    alasan_dikeluarkan = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["penghargaan", "peringkat", "penyelenggara__nama"]
        verbose_name = "penerima penghargaan Penyelenggara"
        verbose_name_plural = "penerima penghargaan Penyelenggara"
        constraints = [
            models.UniqueConstraint(fields=["penghargaan", "penyelenggara"], name="penerima_ph_unit_unik"),
            models.CheckConstraint(
                condition=~Q(dikeluarkan=True) | ~Q(alasan_dikeluarkan=""),
                name="penerima_ph_keluar_beralasan",
            ),
        ]

    def __str__(self):
        return f"{self.penyelenggara.nama} · {self.penghargaan}"

    def bentuk_label(self) -> list[str]:
        return [BentukPenyelenggara(b).label for b in self.bentuk if b in BentukPenyelenggara.values]
