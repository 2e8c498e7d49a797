from django.contrib import admin
from django.contrib.auth.models import Group
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from kaltim_yanlik.core.models import DokumenPDF, JejakAudit

from . import akses
from .admin_akses import AksesAdmin
from .akses import Kemampuan
from .forms import PenggunaAdminForm
from .models import Pengguna
from .services import pengguna_simpan

# Hak akses ditentukan oleh peran (akun/akses.py), bukan oleh grup Django.
admin.site.unregister(Group)


@admin.register(Pengguna)
class PenggunaAdmin(AksesAdmin):
    form = PenggunaAdminForm
    kemampuan_lihat = Kemampuan.KELOLA_PENGGUNA
    kemampuan_ubah = Kemampuan.KELOLA_PENGGUNA
    list_display = ["username", "nama", "peran", "penyelenggara", "is_active", "last_login"]
    list_filter = ["peran", "is_active"]
    search_fields = ["username", "nama", "nip", "email", "penyelenggara__nama"]
    autocomplete_fields = ["penyelenggara"]
    list_select_related = ["penyelenggara"]
    fields = [
        "username",
        "nama",
        "nip",
        "email",
        "peran",
        "penyelenggara",
        "is_active",
        "sandi_baru",
        "last_login",
    ]
    readonly_fields = ["last_login"]

    def save_model(self, request, obj, form, change):
        pengguna_simpan(
            pengguna=obj,
            oleh=request.user,
            sandi=form.cleaned_data.get("sandi_baru") or None,
            field_diubah=[f for f in form.changed_data if f != "sandi_baru"],
        )


@admin.register(JejakAudit)
class JejakAuditAdmin(AksesAdmin):
    """Jejak audit hanya dibaca; tidak ada yang menambah, mengubah, atau menghapusnya lewat admin."""

    jalur_penyelenggara = None
    kemampuan_lihat = Kemampuan.LIHAT_AUDIT
    list_display = ["waktu", "pengguna", "aksi", "objek_repr"]
    list_filter = ["aksi", "content_type"]
    search_fields = ["aksi", "objek_repr", "pengguna__username"]
    list_select_related = ["pengguna", "content_type"]

    def has_change_permission(self, request, obj=None):
        return False

    def has_add_permission(self, request):
        return False


@admin.register(DokumenPDF)
class DokumenPDFAdmin(AksesAdmin):
    """Pantauan antrean render PDF (status, alasan gagal, durasi). Hanya dibaca: dokumen diminta dan diunduh
    dari halaman subjeknya, yang memeriksa hak atas subjek. Situs admin hanya untuk peran yang menjangkau
    semua unit, sehingga tidak perlu lingkup baris."""

    jalur_penyelenggara = None
    list_display = [
        "nama_berkas",
        "jenis",
        "status",
        "diminta_pada",
        "selesai_pada",
        "durasi_md",
        "percobaan",
    ]
    list_filter = ["status", "jenis"]
    search_fields = ["nama_berkas", "alasan_gagal"]
    readonly_fields = [f.name for f in DokumenPDF._meta.fields]

    def has_change_permission(self, request, obj=None):
        return False

    def has_add_permission(self, request):
        return False


# Perangkat verifikasi dua langkah: admin bawaan django-otp memperlihatkan rahasia dan kode QR perangkat
# orang lain; di sini hanya daftar (siapa, jenis, terkonfirmasi) dan hapus oleh admin untuk mengatur ulang
# 2FA pengguna yang kehilangan ponsel (pengguna itu mendaftar ulang saat masuk berikutnya).
for _model in (TOTPDevice, StaticDevice):
    if admin.site.is_registered(_model):
        admin.site.unregister(_model)


class PerangkatDuaFaktorAdmin(AksesAdmin):
    jalur_penyelenggara = "user__penyelenggara"
    kemampuan_lihat = Kemampuan.KELOLA_PENGGUNA
    kemampuan_ubah = Kemampuan.KELOLA_PENGGUNA
    boleh_hapus = True
    list_display = ["user", "name", "confirmed"]
    list_filter = ["confirmed"]
    search_fields = ["user__username", "user__nama"]
    list_select_related = ["user"]
    fields = ["user", "name", "confirmed"]
    readonly_fields = fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_view_permission(self, request, obj=None):
        return akses.boleh(request.user, Kemampuan.KELOLA_PENGGUNA)


admin.site.register(TOTPDevice, PerangkatDuaFaktorAdmin)
admin.site.register(StaticDevice, PerangkatDuaFaktorAdmin)
