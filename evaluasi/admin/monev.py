"""Admin siklus monev. Alur (status, level, bukti) hanya lewat service di halaman portal; di admin datanya
dibaca, kecuali nama dan jendela fase siklus yang boleh diubah Biro (mis. perpanjangan pengisian).
"""

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError

from akun.admin_akses import AksesAdmin, AksesInline, HanyaBacaAdmin
from akun.akses import Kemampuan

from ..models import (
    BuktiDukung,
    Evaluasi,
    HasilEvaluasi,
    JawabanIndikator,
    KoreksiEvaluasi,
    LampiranSanggahan,
    PenilaianIndikator,
    PublikasiSiklus,
    RiwayatLevel,
    Sanggahan,
    SiklusMonev,
)
from ..services import siklus_ubah_jendela
from ..services.siklus import alasan_jendela_terkunci


class SiklusMonevAdminForm(forms.ModelForm):
    def clean(self):
        data = super().clean()
        alasan = alasan_jendela_terkunci(self.instance, self.changed_data)
        if alasan:
            raise ValidationError(alasan)
        return data


@admin.register(SiklusMonev)
class SiklusMonevAdmin(AksesAdmin):
    form = SiklusMonevAdminForm
    jalur_penyelenggara = None
    kemampuan_ubah = Kemampuan.KELOLA_SIKLUS
    list_display = [
        "tahun",
        "nama",
        "instrumen",
        "pengisian_selesai",
        "penilaian_selesai",
        "finalisasi_selesai",
    ]
    search_fields = ["nama", "tahun"]
    readonly_fields = ["instrumen", "tahun", "dibuat_oleh", "dipublikasikan_pada", "code"]
    fields = [
        "tahun",
        "nama",
        "instrumen",
        ("pengisian_mulai", "pengisian_selesai"),
        ("penilaian_mulai", "penilaian_selesai"),
        ("perbaikan_mulai", "perbaikan_selesai"),
        ("finalisasi_mulai", "finalisasi_selesai"),
        # Penanda tangan Berita Acara atas nama Biro Organisasi.
        ("penandatangan_nama", "penandatangan_nip"),
        "penandatangan_jabatan",
        "dibuat_oleh",
        "dipublikasikan_pada",
        "code",
    ]

    def has_add_permission(self, request):
        # Siklus dibuka dari halaman Monev agar lokusnya ikut dibuat; admin hanya mengubah jendelanya.
        return False

    def save_model(self, request, obj, form, change):
        siklus_ubah_jendela(siklus=obj, oleh=request.user, field_diubah=form.changed_data)


class HasilInline(AksesInline, admin.StackedInline):
    model = HasilEvaluasi
    can_delete = False
    readonly_fields = [
        "ipp",
        "ipp_bulat",
        "kategori",
        "predikat",
        "peringkat",
        "nilai_aspek",
        "dihitung_pada",
    ]

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Evaluasi)
class EvaluasiAdmin(HanyaBacaAdmin):
    kemampuan_lihat = Kemampuan.LIHAT_EVALUASI
    list_display = ["penyelenggara", "siklus", "status", "diajukan_pada", "dinilai_pada", "final_pada"]
    list_filter = ["siklus", "status", "penyelenggara__jenis"]
    search_fields = ["penyelenggara__nama", "penyelenggara__kode"]
    list_select_related = ["penyelenggara", "siklus"]
    inlines = [HasilInline]


@admin.register(JawabanIndikator)
class JawabanIndikatorAdmin(HanyaBacaAdmin):
    jalur_penyelenggara = "evaluasi__penyelenggara"
    kemampuan_lihat = Kemampuan.LIHAT_EVALUASI
    list_display = ["evaluasi", "indikator", "level_usulan", "versi", "diubah_oleh", "diubah_pada"]
    list_filter = ["evaluasi__siklus", "indikator__nomor"]
    search_fields = ["evaluasi__penyelenggara__nama"]
    list_select_related = ["evaluasi__penyelenggara", "evaluasi__siklus", "indikator", "diubah_oleh"]


@admin.register(BuktiDukung)
class BuktiDukungAdmin(HanyaBacaAdmin):
    jalur_penyelenggara = "evaluasi__penyelenggara"
    kemampuan_lihat = Kemampuan.LIHAT_EVALUASI
    list_display = [
        "nama_asli",
        "evaluasi",
        "slot",
        "berlaku_tanggal",
        "ukuran",
        "diunggah_oleh",
        "created_at",
    ]
    list_filter = ["evaluasi__siklus", "jenis_isi"]
    search_fields = ["nama_asli", "evaluasi__penyelenggara__nama"]
    list_select_related = ["evaluasi__penyelenggara", "evaluasi__siklus", "slot", "diunggah_oleh"]
    exclude = ["berkas"]  # berkas dibuka lewat halaman portal (evaluasi:bukti_lihat), yang memeriksa akses


@admin.register(PenilaianIndikator)
class PenilaianIndikatorAdmin(HanyaBacaAdmin):
    jalur_penyelenggara = "evaluasi__penyelenggara"
    kemampuan_lihat = Kemampuan.LIHAT_EVALUASI
    list_display = ["evaluasi", "indikator", "level", "dinilai_oleh", "dinilai_pada"]
    list_filter = ["evaluasi__siklus", "level"]
    search_fields = ["evaluasi__penyelenggara__nama"]
    list_select_related = ["evaluasi__penyelenggara", "evaluasi__siklus", "indikator", "dinilai_oleh"]


@admin.register(RiwayatLevel)
class RiwayatLevelAdmin(HanyaBacaAdmin):
    jalur_penyelenggara = "penilaian__evaluasi__penyelenggara"
    kemampuan_lihat = Kemampuan.LIHAT_EVALUASI
    list_display = ["penilaian", "level_lama", "level_baru", "alasan", "oleh", "pada"]
    list_filter = ["penilaian__evaluasi__siklus"]
    search_fields = ["alasan", "penilaian__evaluasi__penyelenggara__nama"]
    list_select_related = [
        "penilaian__evaluasi__penyelenggara",
        "penilaian__evaluasi__siklus",
        "penilaian__indikator",
        "oleh",
    ]


@admin.register(HasilEvaluasi)
class HasilEvaluasiAdmin(HanyaBacaAdmin):
    jalur_penyelenggara = "evaluasi__penyelenggara"
    kemampuan_lihat = Kemampuan.LIHAT_EVALUASI
    list_display = ["evaluasi", "ipp_bulat", "kategori", "predikat", "peringkat", "dihitung_pada"]
    list_filter = ["evaluasi__siklus", "kategori"]
    search_fields = ["evaluasi__penyelenggara__nama"]
    list_select_related = ["evaluasi__penyelenggara", "evaluasi__siklus"]


class LampiranSanggahanInline(AksesInline, admin.TabularInline):
    model = LampiranSanggahan
    can_delete = False
    extra = 0
    fields = ["nama_asli", "jenis_isi", "ukuran", "created_at"]
    readonly_fields = fields  # berkas dibuka lewat portal (evaluasi:sanggahan_lampiran), yang memeriksa akses

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Sanggahan)
class SanggahanAdmin(HanyaBacaAdmin):
    """Pertukaran sanggahan hanya dibaca di admin; diajukan dan dijawab lewat halaman portal (service)."""

    jalur_penyelenggara = "evaluasi__penyelenggara"
    kemampuan_lihat = Kemampuan.LIHAT_EVALUASI
    list_display = [
        "evaluasi",
        "indikator",
        "level_semula",
        "level_diminta",
        "status",
        "level_baru",
        "diajukan_pada",
        "dijawab_pada",
    ]
    list_filter = ["evaluasi__siklus", "status"]
    search_fields = ["alasan", "jawaban", "evaluasi__penyelenggara__nama"]
    list_select_related = ["evaluasi__penyelenggara", "evaluasi__siklus", "indikator"]
    inlines = [LampiranSanggahanInline]


@admin.register(KoreksiEvaluasi)
class KoreksiEvaluasiAdmin(HanyaBacaAdmin):
    """Koreksi hasil final hanya dicatat lewat halaman koreksi portal (service); di admin dibaca."""

    jalur_penyelenggara = "evaluasi__penyelenggara"
    kemampuan_lihat = Kemampuan.LIHAT_EVALUASI
    list_display = ["evaluasi", "rujukan", "ipp_lama", "ipp_baru", "kategori_baru", "oleh", "pada"]
    list_filter = ["evaluasi__siklus"]
    search_fields = ["rujukan", "alasan", "evaluasi__penyelenggara__nama"]
    list_select_related = ["evaluasi__penyelenggara", "evaluasi__siklus", "oleh"]


@admin.register(PublikasiSiklus)
class PublikasiSiklusAdmin(HanyaBacaAdmin):
    """Versi publikasi (rekam resmi yang dibaca halaman publik): tidak pernah diubah atau dihapus."""

    jalur_penyelenggara = None
    kemampuan_lihat = Kemampuan.LIHAT_SEMUA_UNIT
    list_display = ["siklus", "nomor", "diterbitkan_pada", "rujukan", "oleh"]
    list_filter = ["siklus"]
    search_fields = ["alasan", "rujukan"]
    list_select_related = ["siklus", "oleh"]
    exclude = ["potret"]
