from django.contrib import admin
from import_export.admin import ImportExportMixin

from akun.admin_akses import AksesAdmin
from akun.akses import Kemampuan

from . import services
from .models import JenisLayanan, Larangan, Norma, Pelaksana, Penyelenggara
from .resources import PelaksanaResource, PenyelenggaraResource


class ImporSemuaAtauTidakMixin(ImportExportMixin):
    """Impor admin: satu baris tidak sah membatalkan seluruh berkas."""

    def get_import_data_kwargs(self, **kwargs):
        data = super().get_import_data_kwargs(**kwargs)
        data["rollback_on_validation_errors"] = True
        return data

    def has_import_permission(self, request):
        return self.has_add_permission(request) and self.has_change_permission(request)

    def has_export_permission(self, request):
        return self.has_view_permission(request)


class JenisLayananInline(admin.TabularInline):
    model = JenisLayanan
    extra = 0
    fields = ["nama", "aktif"]

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Penyelenggara)
class PenyelenggaraAdmin(ImporSemuaAtauTidakMixin, AksesAdmin):
    resource_classes = [PenyelenggaraResource]
    jalur_penyelenggara = ""
    kemampuan_ubah = Kemampuan.KELOLA_PENYELENGGARA
    list_display = ["kode", "nama", "singkatan", "jenis", "induk", "kepala", "aktif"]
    list_filter = ["jenis", "aktif", ("induk", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["kode", "nama", "singkatan"]
    autocomplete_fields = ["induk", "kepala"]
    list_select_related = ["induk", "kepala"]
    readonly_fields = ["code", "created_at", "updated_at"]
    inlines = [JenisLayananInline]

    def save_model(self, request, obj, form, change):
        services.penyelenggara_simpan(penyelenggara=obj, oleh=request.user, field_diubah=form.changed_data)


@admin.register(Pelaksana)
class PelaksanaAdmin(ImporSemuaAtauTidakMixin, AksesAdmin):
    resource_classes = [PelaksanaResource]
    kemampuan_ubah = Kemampuan.KELOLA_PELAKSANA
    list_display = ["nama", "nip", "jabatan", "kategori", "penyelenggara", "aktif"]
    list_filter = ["kategori", "aktif", "penyelenggara__jenis"]
    search_fields = ["nama", "nip", "jabatan", "penyelenggara__nama"]
    autocomplete_fields = ["penyelenggara"]
    list_select_related = ["penyelenggara"]
    readonly_fields = ["code", "created_at", "updated_at"]

    def save_model(self, request, obj, form, change):
        services.pelaksana_simpan(pelaksana=obj, oleh=request.user, field_diubah=form.changed_data)


@admin.register(JenisLayanan)
class JenisLayananAdmin(AksesAdmin):
    kemampuan_ubah = Kemampuan.KELOLA_JENIS_LAYANAN
    list_display = ["nama", "penyelenggara", "aktif"]
    list_filter = ["aktif", "penyelenggara__jenis"]
    search_fields = ["nama", "penyelenggara__nama"]
    autocomplete_fields = ["penyelenggara"]
    list_select_related = ["penyelenggara"]

    def save_model(self, request, obj, form, change):
        services.jenis_layanan_simpan(jenis_layanan=obj, oleh=request.user, field_diubah=form.changed_data)


@admin.register(Norma)
class NormaAdmin(AksesAdmin):
    jalur_penyelenggara = None
    kemampuan_ubah = Kemampuan.KELOLA_NORMA
    list_display = ["kelompok", "urutan", "teks", "sumber"]
    list_filter = ["kelompok"]
    search_fields = ["teks"]

    def save_model(self, request, obj, form, change):
        services.norma_simpan(norma=obj, oleh=request.user, field_diubah=form.changed_data)


@admin.register(Larangan)
class LaranganAdmin(AksesAdmin):
    jalur_penyelenggara = None
    kemampuan_ubah = Kemampuan.KELOLA_NORMA
    list_display = ["huruf", "teks", "jalur_sanksi"]
    list_filter = ["jalur_sanksi"]
    search_fields = ["teks", "huruf"]

    def save_model(self, request, obj, form, change):
        services.norma_simpan(norma=obj, oleh=request.user, field_diubah=form.changed_data)
