"""Admin instrumen PEKPPP.

Bobot dijaga di dua tempat: halaman instrumen menolak penyimpanan instrumen *aktif* yang aspek atau
kategorinya tidak valid (pemeriksaan atas data formulir, sebelum apa pun disimpan), dan halaman
indikator menolak perubahan bobot yang merusak instrumen aktif. Instrumen draf boleh disimpan tidak
seimbang — bobot indikator memang diubah satu per satu — dan diaktifkan setelah lolos pemeriksaan.
Semua penolakan tampil sebagai pesan di formulir, lengkap dengan jumlah bobotnya.
"""

import copy

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Q, Sum
from django.forms.models import BaseInlineFormSet
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse

from akun.admin_akses import AksesAdmin, AksesInline
from kaltim_yanlik.core.exceptions import DomainError

from .. import services
from ..models import Aspek, Indikator, InstrumenDasarHukum, InstrumenVersi, KategoriIPP, SlotBukti
from ..skor import AspekSkor, InstrumenSkor, KategoriSkor, muat_instrumen_skor
from ..validasi_instrumen import (
    InstrumenTidakValid,
    periksa_bobot,
    periksa_instrumen,
    periksa_kategori,
    persen,
)


def _baris_tersimpan(formset):
    """(form, cleaned_data) tiap baris inline yang akan tersimpan; baris kosong dan terhapus dilewati."""
    for form in formset.forms:
        data = getattr(form, "cleaned_data", None)
        if data and not data.get("DELETE"):
            yield form, data


def _potret_kosong(instrumen: InstrumenVersi, **isi) -> InstrumenSkor:
    kosong = {"aspek": (), "kategori": ()}
    return InstrumenSkor(tahun=instrumen.tahun, jenis=instrumen.jenis, **(kosong | isi))


class AspekFormSet(BaseInlineFormSet):
    """Untuk instrumen aktif: bobot aspek di formulir + bobot indikator tersimpan harus seimbang."""

    def clean(self):
        super().clean()
        if not self.instance.aktif or any(self.errors):
            return
        masalah = periksa_bobot(self._potret())
        if masalah:
            raise ValidationError(masalah)

    def _potret(self) -> InstrumenSkor:
        tersimpan = muat_instrumen_skor(self.instance).aspek if self.instance.pk else ()
        indikator = {a.pk: a.indikator for a in tersimpan}
        aspek = tuple(
            AspekSkor(
                kode=data["kode"],
                nama=data["nama"],
                bobot=data["bobot"],
                pk=form.instance.pk,
                indikator=indikator.get(form.instance.pk, ()),
            )
            for form, data in _baris_tersimpan(self)
        )
        return _potret_kosong(self.instance, aspek=aspek)


class KategoriFormSet(BaseInlineFormSet):
    """Untuk instrumen aktif: rentang kategori di formulir harus menutup 0,00–5,00 tanpa celah."""

    def clean(self):
        super().clean()
        if not self.instance.aktif or any(self.errors):
            return
        kategori = tuple(
            KategoriSkor(
                kode=data["kode"],
                predikat=data["predikat"],
                batas_bawah=data["batas_bawah"],
                batas_atas=data["batas_atas"],
            )
            for _, data in _baris_tersimpan(self)
        )
        masalah = periksa_kategori(_potret_kosong(self.instance, kategori=kategori))
        if masalah:
            raise ValidationError(masalah)


class AspekInline(AksesInline, admin.TabularInline):
    model = Aspek
    formset = AspekFormSet
    fields = ["urutan", "kode", "nama", "bobot", "jumlah_bobot_indikator"]
    readonly_fields = ["jumlah_bobot_indikator"]
    extra = 0
    # Menghapus aspek ikut menghapus indikatornya; aspek hanya diubah, tidak dihapus dari sini.
    can_delete = False

    @admin.display(description="jumlah bobot indikator")
    def jumlah_bobot_indikator(self, obj):
        if not obj.pk:
            return "–"
        jumlah = obj.indikator.filter(suplemen=False).aggregate(j=Sum("bobot"))["j"]
        return persen(jumlah or 0)


class DasarHukumInstrumenInline(AksesInline, admin.TabularInline):
    """Dasar hukum instrumen (dicetak Berita Acara dan Laporan); peraturannya diubah di "Dasar hukum"."""

    model = InstrumenDasarHukum
    fields = ["urutan", "dasar_hukum"]
    extra = 0
    verbose_name_plural = "dasar hukum (dicetak di Berita Acara dan Laporan Hasil Evaluasi)"


class KategoriIPPInline(AksesInline, admin.TabularInline):
    model = KategoriIPP
    formset = KategoriFormSet
    fields = ["kode", "predikat", "batas_bawah", "batas_atas"]
    extra = 0


class SalinInstrumenForm(forms.Form):
    tahun = forms.IntegerField(min_value=2000, max_value=2100)
    nama = forms.CharField(
        max_length=200, required=False, help_text="Kosongkan untuk memakai nama lama dengan tahun yang baru."
    )


@admin.register(InstrumenVersi)
class InstrumenVersiAdmin(AksesAdmin):
    jalur_penyelenggara = None
    list_display = ["tahun", "jenis", "nama", "aktif", "jumlah_indikator"]
    list_filter = ["jenis", "aktif", "tahun"]
    search_fields = ["nama", "dasar_hukum__singkatan"]
    readonly_fields = ["code", "created_at", "updated_at"]
    inlines = [DasarHukumInstrumenInline, AspekInline, KategoriIPPInline]
    actions = ["periksa_bobot", "aktifkan", "salin_ke_tahun_baru"]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(_jumlah_indikator=Count("aspek__indikator", filter=Q(aspek__indikator__suplemen=False)))
        )

    @admin.display(description="indikator dinilai", ordering="_jumlah_indikator")
    def jumlah_indikator(self, obj):
        return obj._jumlah_indikator

    def save_model(self, request, obj, form, change):
        services.instrumen_simpan(instrumen=obj, oleh=request.user, field_diubah=form.changed_data)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        instrumen = form.instance
        if any(fs.has_changed() for fs in formsets):
            perubahan = self.construct_change_message(request, form, formsets, not change)
            services.instrumen_catat_rincian(instrumen=instrumen, oleh=request.user, perubahan=perubahan)
        masalah = [] if instrumen.aktif else periksa_instrumen(muat_instrumen_skor(instrumen))
        if masalah:
            pesan = "Disimpan sebagai draf; belum dapat diaktifkan: " + " ".join(masalah)
            self.message_user(request, pesan, messages.WARNING)

    @admin.action(description="Periksa bobot", permissions=["view"])
    def periksa_bobot(self, request, queryset):
        for instrumen in queryset:
            masalah = periksa_instrumen(muat_instrumen_skor(instrumen))
            if masalah:
                self.message_user(request, f"{instrumen}: " + " ".join(masalah), messages.ERROR)
            else:
                pesan = f"{instrumen}: bobot aspek, bobot indikator, dan rentang kategori valid."
                self.message_user(request, pesan, messages.SUCCESS)

    @admin.action(description="Aktifkan (setelah periksa bobot)", permissions=["change"])
    def aktifkan(self, request, queryset):
        for instrumen in queryset:
            try:
                services.instrumen_aktifkan(instrumen=instrumen, oleh=request.user)
            except DomainError as galat:
                self.message_user(request, f"{instrumen} tidak diaktifkan. {galat.pesan}", messages.ERROR)
            else:
                self.message_user(request, f"{instrumen} diaktifkan.", messages.SUCCESS)

    @admin.action(description="Salin ke tahun baru", permissions=["change"])
    def salin_ke_tahun_baru(self, request, queryset):
        if queryset.count() != 1:
            self.message_user(request, "Pilih tepat satu instrumen untuk disalin.", messages.ERROR)
            return None
        instrumen = queryset.get()
        # Kiriman pertama datang dari daftar (tanpa "tahun"): tampilkan formulir tahun tujuan dulu.
        data = request.POST if "tahun" in request.POST else None
        form = SalinInstrumenForm(data, initial={"tahun": instrumen.tahun + 1})
        if form.is_valid():
            return self._salin(request, instrumen, form.cleaned_data)
        return TemplateResponse(
            request,
            "admin/evaluasi/instrumenversi/salin.html",
            {
                **self.admin_site.each_context(request),
                "title": "Salin instrumen ke tahun baru",
                "opts": self.model._meta,
                "instrumen": instrumen,
                "form": form,
            },
        )

    def _salin(self, request, instrumen, data):
        try:
            baru = services.instrumen_salin(
                instrumen=instrumen, tahun=data["tahun"], nama=data["nama"] or None, oleh=request.user
            )
        except DomainError as galat:
            self.message_user(request, galat.pesan, messages.ERROR)
            return None
        pesan = f"{instrumen} disalin menjadi {baru} sebagai draf. Tinjau lalu aktifkan."
        self.message_user(request, pesan, messages.SUCCESS)
        return HttpResponseRedirect(reverse("admin:evaluasi_instrumenversi_change", args=[baru.pk]))


@admin.register(Aspek)
class AspekAdmin(AksesAdmin):
    """Hanya untuk pencarian (autocomplete) aspek; aspek diubah di halaman instrumennya."""

    jalur_penyelenggara = None
    list_display = ["kode", "nama", "bobot", "instrumen"]
    list_filter = ["instrumen"]
    search_fields = ["kode", "nama", "instrumen__nama", "instrumen__tahun"]
    list_select_related = ["instrumen"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("instrumen")

    def has_module_permission(self, request):
        return False

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class SlotBuktiInline(AksesInline, admin.TabularInline):
    model = SlotBukti
    fields = ["urutan", "nama", "wajib", "jenis_berkas", "panduan"]
    extra = 0


class IndikatorForm(forms.ModelForm):
    class Meta:
        model = Indikator
        fields = [
            "aspek",
            "nomor",
            "kode",
            "teks",
            "bobot",
            "suplemen",
            *(f"level_{n}" for n in range(6)),
            "aturan_usulan",
            "opsi_f01",
        ]

    def clean(self):
        data = super().clean()
        if self.errors or not data.get("aspek"):
            return data
        calon = copy.copy(self.instance)
        for nama in ("aspek", "nomor", "kode", "bobot", "suplemen"):
            setattr(calon, nama, data.get(nama))
        try:
            services.indikator_validasi(indikator=calon)
        except InstrumenTidakValid as galat:
            raise ValidationError(galat.masalah) from None
        return data


@admin.register(Indikator)
class IndikatorAdmin(AksesAdmin):
    jalur_penyelenggara = None
    form = IndikatorForm
    list_display = ["nomor", "kode", "teks_singkat", "bobot", "suplemen", "aturan_usulan", "aspek"]
    list_filter = ["aspek__instrumen", "suplemen", "aturan_usulan"]
    search_fields = ["kode", "teks"]
    autocomplete_fields = ["aspek"]
    list_select_related = ["aspek__instrumen"]
    readonly_fields = ["code", "created_at", "updated_at"]
    inlines = [SlotBuktiInline]
    fieldsets = [
        (None, {"fields": ["aspek", "nomor", "kode", "teks", "bobot", "suplemen"]}),
        ("Deskripsi level (F-02)", {"fields": [f"level_{n}" for n in range(6)]}),
        ("Isian F-01 dan usulan level", {"fields": ["aturan_usulan", "opsi_f01"]}),
        ("Identitas", {"fields": ["code", "created_at", "updated_at"], "classes": ["collapse"]}),
    ]

    @admin.display(description="indikator")
    def teks_singkat(self, obj):
        return obj.teks if len(obj.teks) <= 80 else obj.teks[:77] + "…"

    def save_model(self, request, obj, form, change):
        services.indikator_simpan(indikator=obj, oleh=request.user, field_diubah=form.changed_data)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        if any(fs.has_changed() for fs in formsets):
            perubahan = self.construct_change_message(request, form, formsets, not change)
            services.indikator_catat_rincian(indikator=form.instance, oleh=request.user, perubahan=perubahan)
