"""Admin penghargaan: hanya dibaca. Alur (kriteria, tim, nilai, penetapan) lewat halaman portal dan service,
agar aturan Pergub dan jejak audit terjaga; di admin datanya dibaca sesuai lingkup ``akun.akses``."""

from django.contrib import admin

from akun.admin_akses import HanyaBacaAdmin

from .models import PenerimaPenghargaan, PenerimaPenyelenggara, PenghargaanPenyelenggara, PeriodePenghargaan


@admin.register(PeriodePenghargaan)
class PeriodePenghargaanAdmin(HanyaBacaAdmin):
    list_display = [
        "nama_penghargaan",
        "penyelenggara",
        "jenis",
        "mulai",
        "selesai",
        "status",
        "nomor_keputusan",
    ]
    list_filter = ["status", "jenis"]
    search_fields = ["nama_penghargaan", "penyelenggara__nama", "nomor_keputusan"]
    list_select_related = ["penyelenggara"]


@admin.register(PenerimaPenghargaan)
class PenerimaPenghargaanAdmin(HanyaBacaAdmin):
    jalur_penyelenggara = "periode__penyelenggara"
    list_display = ["nominasi", "periode", "peringkat", "nilai_akhir", "tampil_publik"]
    list_select_related = ["nominasi__pelaksana", "periode__penyelenggara"]
    search_fields = ["nominasi__pelaksana__nama", "periode__nomor_keputusan"]


@admin.register(PenghargaanPenyelenggara)
class PenghargaanPenyelenggaraAdmin(HanyaBacaAdmin):
    jalur_penyelenggara = None
    list_display = ["nama", "siklus", "aturan_teks", "status", "nomor_keputusan"]
    list_filter = ["status"]


@admin.register(PenerimaPenyelenggara)
class PenerimaPenyelenggaraAdmin(HanyaBacaAdmin):
    list_display = ["penyelenggara", "penghargaan", "ipp", "kategori", "peringkat", "dikeluarkan"]
    list_filter = ["dikeluarkan", "kategori"]
    list_select_related = ["penyelenggara", "penghargaan__siklus"]
