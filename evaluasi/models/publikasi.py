"""Rekam resmi hasil siklus: versi publikasi (potret yang dibaca halaman publik) dan koreksi atas evaluasi
final.

Siklus menjadi final sejak publikasi pertamanya (``evaluasi/final.py``); sesudah itu angka yang terbit hanya
berubah lewat ``KoreksiEvaluasi``, dan setiap koreksi pada siklus terbit menambah satu ``PublikasiSiklus``.
Halaman publik (dan API data terbuka kelak) membaca potret versi terakhir, tidak pernah ``HasilEvaluasi``.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q

from kaltim_yanlik.core.models import BaseModel


class KoreksiEvaluasi(BaseModel):
    """Satu koreksi Biro Organisasi atas level evaluasi yang sudah final, dengan alasan dan rujukannya.

    ``perubahan`` = ``[{"indikator": nomor, "kode": "1.a.Ak", "level_lama": 3, "level_baru": 4}, ...]``;
    setiap perubahan juga tercatat di ``RiwayatLevel`` (bertanda koreksi ini). Angka sebelum/sesudah
    disalin agar koreksi terbaca tanpa menghitung ulang.
    """

    evaluasi = models.ForeignKey("evaluasi.Evaluasi", on_delete=models.PROTECT, related_name="koreksi")
    alasan = models.TextField()
    rujukan = models.CharField(
        max_length=200, help_text="Mis. Putusan sanggahan …, atau Berita Acara Koreksi Nomor …"
    )
    perubahan = models.JSONField(default=list)
    ipp_lama = models.DecimalField(max_digits=4, decimal_places=2, null=True, blank=True)
    ipp_baru = models.DecimalField(max_digits=4, decimal_places=2)
    kategori_lama = models.CharField(max_length=3, blank=True)
    kategori_baru = models.CharField(max_length=3)
    peringkat_lama = models.PositiveIntegerField(null=True, blank=True)
    peringkat_baru = models.PositiveIntegerField(null=True, blank=True)
    oleh = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    pada = models.DateTimeField()

    class Meta:
        ordering = ["evaluasi", "pada", "id"]
        verbose_name = "koreksi hasil evaluasi"
        verbose_name_plural = "koreksi hasil evaluasi"
        constraints = [
            models.CheckConstraint(
                condition=~Q(alasan="") & ~Q(rujukan=""), name="koreksi_beralasan_berujukan"
            ),
        ]

    def __str__(self):
        return f"Koreksi {self.evaluasi} ({self.rujukan})"


class PublikasiSiklus(BaseModel):
    """Satu versi hasil terbit sebuah siklus (nomor 1..n): siapa, kapan, mengapa, dan potret angkanya.

    Versi 1 dibuat saat siklus pertama kali dipublikasikan; setiap koreksi pada siklus terbit membuat versi
    n+1. Versi lama tidak pernah diubah atau dihapus dan tetap dapat dibuka di ``/hasil/<tahun>/versi/<n>/``.

    ``potret`` (JSON, ``skema`` 1) memuat semua yang tampil di halaman publik, sehingga tidak ada yang dibaca
    dari data hidup. Semua angka berupa string desimal (titik), agar tidak ada pembulatan float::

        {
          "skema": 1,
          "siklus": {"tahun": 2025, "nama": "...", "instrumen": "...",
                     "dasar_hukum": ["PermenPANRB 29/2022", ...]},            # singkatan, berurutan
          "aspek": [{"kode": "I", "nama": "Kebijakan Pelayanan"}, ...],          # aspek berbobot, urut
          "kategori": [{"kode": "A", "predikat": "...", "batas_bawah": "4.51", "batas_atas": "5.00"}, ...],
          "jumlah_lokus": 51,
          "ringkasan": {"jumlah_dinilai": 45, "rata_ipp": "3.71",
                        "distribusi": [{"kode": "A", "predikat": "...", "jumlah": 3}, ...],
                        "rata_aspek": [{"kode": "I", "nama": "...", "nilai": "3.90"}, ...]},
          "unit": [                                                               # urut peringkat
            {"evaluasi": "<uuid evaluasi>", "penyelenggara": "<uuid unit>", "kode_unit": "PD-DINKES",
             "nama": "Dinas Kesehatan", "jenis": "PD", "induk": "", "peringkat": 1,
             "ipp": "4.12", "kategori": "B", "predikat": "...", "nilai_aspek": {"I": "4.20", ...},
             "pembanding": {"tahun": 2024, "ipp": "3.90", "kategori": "B", "peringkat": 4} | null}, ...],
          "tidak_mengajukan": [{"nama": "...", "jenis": "UPTD", "induk": "..."}, ...],
          "pembanding": {"tahun": 2024, "nama": "...", "versi": 2,
                         "ringkasan": {... bentuk sama dengan "ringkasan" ...}} | null
        }
    """

    siklus = models.ForeignKey(
        "evaluasi.SiklusMonev", on_delete=models.PROTECT, related_name="versi_publikasi"
    )
    nomor = models.PositiveSmallIntegerField()
    diterbitkan_pada = models.DateTimeField()
    alasan = models.TextField(blank=True, help_text="Kosong pada versi 1 (publikasi pertama).")
    rujukan = models.CharField(max_length=200, blank=True)
    koreksi = models.ForeignKey(
        KoreksiEvaluasi, null=True, blank=True, on_delete=models.PROTECT, related_name="versi_publikasi"
    )
    oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    potret = models.JSONField()

    class Meta:
        ordering = ["siklus", "nomor"]
        verbose_name = "versi publikasi"
        verbose_name_plural = "versi publikasi"
        constraints = [
            models.UniqueConstraint(fields=["siklus", "nomor"], name="publikasi_nomor_unik_per_siklus"),
            models.CheckConstraint(condition=Q(nomor__gte=1), name="publikasi_nomor_positif"),
            models.CheckConstraint(
                condition=Q(nomor=1) | ~Q(alasan=""), name="publikasi_versi_lanjutan_beralasan"
            ),
        ]

    def __str__(self):
        return f"{self.siklus} — versi {self.nomor}"
