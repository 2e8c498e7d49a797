"""Admin Django yang tunduk pada kebijakan akses ``akun.akses``.

``SitusAdmin`` menggantikan ``admin.site``: hanya peran dengan kemampuan ``ADMIN_SITUS`` yang masuk; akun
lain yang sudah login mendapat 404 (admin tidak diperlihatkan keberadaannya). ``AksesAdmin`` membatasi
queryset setiap ModelAdmin ke lingkup pengguna dan menjawab 404 untuk objek di luar lingkup — bukan
pengalihan ke beranda admin seperti bawaan Django, yang diam-diam mengungkap bahwa objek itu tidak ada.
"""

from functools import update_wrapper
from urllib.parse import urlencode

from django.contrib import admin
from django.http import Http404, HttpResponseRedirect
from django.urls import reverse

from . import akses
from .akses import Kemampuan
from .services import data_acuan_hapus, data_acuan_simpan


class SitusAdmin(admin.AdminSite):
    site_header = "Kaltim YANLIK — Administrasi"
    site_title = "Admin Kaltim YANLIK"
    index_title = "Data induk dan pengaturan"

    def has_permission(self, request):
        return akses.boleh(request.user, Kemampuan.ADMIN_SITUS)

    def admin_view(self, view, cacheable=False):
        inner = super().admin_view(view, cacheable)

        def wrapper(request, *args, **kwargs):
            if request.user.is_authenticated and not self.has_permission(request):
                raise Http404
            return inner(request, *args, **kwargs)

        return update_wrapper(wrapper, view)

    def login(self, request, extra_context=None):
        # Satu halaman login untuk seluruh portal, agar penguncian (django-axes) dan tampilannya seragam.
        tujuan = request.GET.get("next") or reverse("admin:index")
        return HttpResponseRedirect(f"{reverse('akun:masuk')}?{urlencode({'next': tujuan})}")


class AksesAdmin(admin.ModelAdmin):
    """Dasar setiap ModelAdmin portal: lingkup baris dan hak tulis dari ``akun.akses``."""

    # Jalur field menuju Penyelenggara pemilik; None untuk data tanpa unit (norma, larangan, instrumen).
    jalur_penyelenggara: str | None = "penyelenggara"
    kemampuan_lihat: Kemampuan = Kemampuan.ADMIN_SITUS
    kemampuan_ubah: Kemampuan = Kemampuan.ADMIN_SITUS
    boleh_hapus = False

    def get_queryset(self, request):
        qs = super().get_queryset(request)
        if self.jalur_penyelenggara is None:
            return qs
        return akses.batasi(qs, request.user, self.jalur_penyelenggara)

    def has_module_permission(self, request):
        return self.has_view_permission(request)

    def has_view_permission(self, request, obj=None):
        return akses.boleh(request.user, self.kemampuan_lihat) or self.has_change_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        return akses.boleh(request.user, self.kemampuan_ubah)

    def has_add_permission(self, request):
        return akses.boleh(request.user, self.kemampuan_ubah)

    def has_delete_permission(self, request, obj=None):
        # Data yang menjadi dasar keputusan tidak dihapus; nonaktifkan saja. Admin boleh bila diizinkan.
        return self.boleh_hapus and akses.boleh(request.user, Kemampuan.KELOLA_PENGGUNA)

    def _get_obj_does_not_exist_redirect(self, request, opts, object_id):
        raise Http404


class HanyaBacaAdmin(AksesAdmin):
    """Data hasil alur kerja: terlihat sesuai lingkup, tidak diubah atau dihapus lewat admin (hanya lewat
    service di portal, agar aturan dan jejak audit terjaga)."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class AksesInline:
    """Campuran untuk inline admin: hak mengikuti ``akun.akses`` seperti halaman induknya.

    Inline tidak memakai ``AksesAdmin``; tanpa ini Django memeriksa izin model bawaannya, yang tidak
    dipakai portal ini (hak ditentukan oleh peran).
    """

    kemampuan_ubah: Kemampuan = Kemampuan.ADMIN_SITUS

    def _boleh(self, request) -> bool:
        return akses.boleh(request.user, self.kemampuan_ubah)

    def has_view_permission(self, request, obj=None):
        return self._boleh(request)

    def has_add_permission(self, request, obj=None):
        return self._boleh(request)

    def has_change_permission(self, request, obj=None):
        return self._boleh(request)

    def has_delete_permission(self, request, obj=None):
        return self.can_delete and self._boleh(request)


class DataAcuanAdmin(AksesAdmin):
    """Data acuan tanpa unit yang diubah di admin (pejabat, kewenangan, hari libur, dasar hukum, tenggat).

    Setiap simpan dan hapus lewat service yang memeriksa hak dan mencatat jejak audit ``<app>.<nama_audit>``.
    """

    jalur_penyelenggara = None
    kemampuan_ubah = Kemampuan.KELOLA_DATA_ACUAN
    nama_audit = ""
    boleh_hapus_acuan = False

    def save_model(self, request, obj, form, change):
        data_acuan_simpan(
            objek=obj, nama=self.nama_audit, kemampuan=self.kemampuan_ubah, oleh=request.user,
            field_diubah=form.changed_data,
        )  # fmt: skip

    def delete_model(self, request, obj):
        data_acuan_hapus(objek=obj, nama=self.nama_audit, kemampuan=self.kemampuan_ubah, oleh=request.user)

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            self.delete_model(request, obj)

    def has_delete_permission(self, request, obj=None):
        return self.boleh_hapus_acuan and akses.boleh(request.user, self.kemampuan_ubah)
