"""Admin SKM dan Ombudsman: ambang zona Ombudsman sebagai data yang dapat diubah Biro/admin; periode SKM,
RTL, dan catatan kepatuhan hanya dibaca di sini (ditulis lewat halaman portal dan service-nya)."""

from django.contrib import admin

from akun.admin_akses import AksesAdmin, HanyaBacaAdmin
from akun.akses import Kemampuan

from .models import KepatuhanOmbudsman, PeriodeSKM, RencanaTindakLanjut, ZonaOmbudsman
from .services import zona_ombudsman_simpan


@admin.register(ZonaOmbudsman)
class ZonaOmbudsmanAdmin(AksesAdmin):
    jalur_penyelenggara = None
    kemampuan_ubah = Kemampuan.KELOLA_OMBUDSMAN
    list_display = ["tahun_mulai", "tahun_selesai", "zona", "batas_bawah", "batas_atas"]
    list_filter = ["zona", "tahun_mulai"]

    # Ambang mengubah zona catatan berikutnya: simpan lewat service agar tercatat di jejak audit.
    # (Hapus tidak diizinkan AksesAdmin; ambang lama ditutup dengan tahun_selesai.)
    def save_model(self, request, obj, form, change):
        zona_ombudsman_simpan(zona=obj, oleh=request.user)


@admin.register(PeriodeSKM)
class PeriodeSKMAdmin(HanyaBacaAdmin):
    list_display = ["nama", "penyelenggara", "mulai", "selesai", "populasi", "sumber", "menerima_jawaban"]
    list_filter = ["sumber", "menerima_jawaban"]
    search_fields = ["nama", "penyelenggara__nama"]
    list_select_related = ["penyelenggara"]


@admin.register(RencanaTindakLanjut)
class RencanaTindakLanjutAdmin(HanyaBacaAdmin):
    jalur_penyelenggara = "periode__penyelenggara"
    list_display = ["periode", "unsur", "penanggung_jawab", "tenggat", "selesai_pada"]
    list_filter = ["unsur"]
    list_select_related = ["periode__penyelenggara"]


@admin.register(KepatuhanOmbudsman)
class KepatuhanOmbudsmanAdmin(HanyaBacaAdmin):
    list_display = ["penyelenggara", "tahun", "nilai", "zona", "grade"]
    list_filter = ["tahun", "zona"]
    search_fields = ["penyelenggara__nama"]
    list_select_related = ["penyelenggara"]
