from django.contrib import admin, messages
from django.http import HttpResponseRedirect
from django.urls import reverse
from import_export.admin import ImportExportMixin

from akun.admin_akses import AksesAdmin, DataAcuanAdmin, HanyaBacaAdmin
from akun.akses import Kemampuan

from . import services
from .forms.impor import FormImporBerkas, FormKonfirmasiImpor
from .models import JenisLayanan, Larangan, Norma, Pelaksana, Penempatan, Penyelenggara, RiwayatKepala
from .resources import PelaksanaResource, PenyelenggaraResource


class ImporSemuaAtauTidakMixin(ImportExportMixin):
    """Impor admin: satu baris tidak sah membatalkan seluruh berkas.

    Berkas diperiksa dulu oleh ``FormImporBerkas`` (ukuran, ekstensi, isi, encoding); rujukan kode yang
    tidak ditemukan menjadi kesalahan validasi barisnya (lihat ``resources.KodeRujukanWidget``).
    """

    import_form_class = FormImporBerkas
    confirm_form_class = FormKonfirmasiImpor

    def get_import_data_kwargs(self, **kwargs):
        data = super().get_import_data_kwargs(**kwargs)
        data["rollback_on_validation_errors"] = True
        return data

    def get_confirm_form_kwargs(self, request, import_form=None):
        kwargs = super().get_confirm_form_kwargs(request, import_form)
        kwargs["jumlah_format"] = len(self.get_import_formats())
        kwargs["jumlah_resource"] = len(self.get_import_resource_classes(request))
        return kwargs

    def _kembali_ke_impor(self, request, pesan):
        messages.error(request, pesan)
        info = self.get_model_info()
        return HttpResponseRedirect(
            reverse(f"admin:{info[0]}_{info[1]}_import", current_app=self.admin_site.name)
        )

    def process_import(self, request, **kwargs):
        try:
            return super().process_import(request, **kwargs)
        except FileNotFoundError:
            # Berkas sementara sudah dipakai (konfirmasi dikirim dua kali) atau sudah dibersihkan.
            return self._kembali_ke_impor(
                request,
                "Berkas impor sudah diproses atau kedaluwarsa. "
                "Periksa daftar data, lalu unggah ulang bila perlu.",
            )

    def process_result(self, result, request):
        # Bawaan melaporkan "Impor selesai" dan mencatat LogEntry meski impor langkah konfirmasi gagal dan
        # di-rollback (data berubah sejak pratinjau). Di sini: tidak ada yang tersimpan, katakan begitu.
        if result.has_errors() or result.has_validation_errors():
            nomor = sorted({n for n, _ in result.row_errors()} | {r.number for r in result.invalid_rows})
            rincian = f" (baris {', '.join(map(str, nomor))})" if nomor else ""
            return self._kembali_ke_impor(
                request,
                "Impor dibatalkan: data berubah sejak pratinjau dan berkas tidak lagi lolos "
                f"pemeriksaan{rincian}. Tidak ada data yang disimpan. "
                "Unggah ulang berkas untuk melihat rinciannya.",
            )
        return super().process_result(result, request)

    def import_action(self, request, **kwargs):
        response = super().import_action(request, **kwargs)
        self._buang_pratinjau_ditolak(request, getattr(response, "context_data", None) or {})
        return response

    def _buang_pratinjau_ditolak(self, request, konteks: dict) -> None:
        """Berkas pratinjau yang ditolak (tanpa formulir konfirmasi) dihapus dari folder sementara.

        django-import-export menulisnya sebelum membaca data dan hanya membersihkannya setelah konfirmasi;
        tanpa ini setiap unggahan yang ditolak meninggalkan satu berkas di folder sementara server.
        """
        if request.method != "POST" or "confirm_form" in konteks:
            return
        # Objek unggahan yang sama diberi ``tmp_storage_name`` oleh import-export (juga bila formulir galat).
        nama = getattr(request.FILES.get("import_file"), "tmp_storage_name", None)
        if nama:
            self.get_tmp_storage_class()(name=nama, **self.get_tmp_storage_class_kwargs()).remove()

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
    list_display = ["nama", "nip", "jabatan", "kategori", "penyelenggara", "atasan_langsung", "aktif"]
    list_filter = ["kategori", "aktif", "penyelenggara__jenis"]
    search_fields = ["nama", "nip", "jabatan", "penyelenggara__nama"]
    autocomplete_fields = ["penyelenggara", "atasan_langsung"]
    list_select_related = ["penyelenggara", "atasan_langsung"]
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


@admin.register(RiwayatKepala)
class RiwayatKepalaAdmin(DataAcuanAdmin):
    """Masa jabatan Kepala Penyelenggara per unit: naskah dicetak atas nama Kepala pada tanggal keputusannya.

    Baris baru dibuat otomatis saat Kepala unit diganti; di sini Biro mengoreksi tanggal mulai dan selesai.
    """

    jalur_penyelenggara = "penyelenggara"
    nama_audit = "riwayat_kepala"
    list_display = ["penyelenggara", "pelaksana", "mulai", "selesai"]
    list_filter = ["penyelenggara__jenis"]
    search_fields = ["penyelenggara__nama", "pelaksana__nama"]
    autocomplete_fields = ["penyelenggara", "pelaksana"]
    list_select_related = ["penyelenggara", "pelaksana"]


@admin.register(Penempatan)
class PenempatanAdmin(HanyaBacaAdmin):
    """Riwayat penempatan Pelaksana; dicatat dari halaman Pelaksana atau oleh sanksi pemindahan."""

    jalur_penyelenggara = "pelaksana__penyelenggara"
    list_display = ["pelaksana", "nama_tempat", "mulai", "selesai", "keterangan"]
    search_fields = ["pelaksana__nama", "tempat", "jenis_layanan__nama"]
    list_select_related = ["pelaksana", "jenis_layanan"]
