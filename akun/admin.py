from django import forms
from django.contrib import admin
from django.contrib.auth.models import Group
from django.db.models import Count
from django.utils import timezone
from django.utils.html import format_html

from kaltim_yanlik.core.dokumen import jenis_naskah_label, pilihan_jenis_naskah
from kaltim_yanlik.core.hari_kerja import tanggal_lengkap
from kaltim_yanlik.core.models import DasarHukum, DasarHukumNaskah, DokumenPDF, HariLibur, JejakAudit
from kode_etik.admin import ImporSemuaAtauTidakMixin
from kode_etik.resources import _ResourceLewatService

from .admin_akses import AksesAdmin, DataAcuanAdmin
from .akses import Kemampuan
from .forms import PenggunaAdminForm
from .models import AturanKewenangan, Pejabat, Pengguna
from .services import data_acuan_simpan, pengguna_simpan

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


# --- Kewenangan dan pejabat penanda tangan ----------------------------------------------------------------


@admin.register(AturanKewenangan)
class AturanKewenanganAdmin(DataAcuanAdmin):
    """Tabel kewenangan (akun/kewenangan.py): dibaca Biro, diubah Admin; setiap perubahan diaudit."""

    kemampuan_ubah = Kemampuan.KELOLA_KEWENANGAN
    nama_audit = "kewenangan"
    list_display = [
        "tindakan",
        "subjek",
        "jenis_unit",
        "penerbit",
        "pelaku",
        "penanda_tangan",
        "dasar",
        "aktif",
    ]
    list_filter = ["tindakan", "subjek", "pelaku", "aktif"]
    search_fields = ["dasar"]
    ordering = ["urutan", "id"]


@admin.register(Pejabat)
class PejabatAdmin(DataAcuanAdmin):
    """Gubernur, Sekretaris Daerah, Kepala Biro Organisasi dengan masa jabatannya (dicatat Biro).

    Naskah mencetak pejabat yang menjabat pada tanggal keputusannya; akhiri masa jabatan lama (isi "selesai")
    sebelum mencatat pejabat baru.
    """

    nama_audit = "pejabat"
    list_display = ["jabatan", "nama", "nip", "jabatan_teks", "mulai", "selesai", "pengguna"]
    list_filter = ["jabatan"]
    search_fields = ["nama", "nip", "jabatan_teks"]
    autocomplete_fields = ["pengguna"]
    list_select_related = ["pengguna"]


# --- Data acuan core: hari libur dan dasar hukum -----------------------------------------------------------

CATATAN_HARI_LIBUR = (
    "Sumber 2026: SKB Menteri Agama, Menteri Ketenagakerjaan, dan Menteri PANRB Nomor 1497, 2, 5 Tahun "
    "2025 (17 libur nasional + 8 cuti bersama). Teks SKB-nya belum dilihat sendiri; tanggal dan jumlahnya "
    "cocok di beberapa sumber berita dan laman dinas. Tanggal Idulfitri dan Iduladha mengikuti Keputusan "
    "Menteri Agama dan dapat bergeser sehari: periksa dan koreksi di sini. Tahun tanpa data dihitung tanpa "
    "hari libur (hanya Sabtu dan Minggu dilewati) dan ditandai di halaman kasus."
)


class HariLiburResource(_ResourceLewatService):
    class Meta:
        model = HariLibur
        import_id_fields = ("tanggal",)
        fields = ("tanggal", "nama", "jenis", "sumber")
        export_order = fields
        clean_model_instances = True
        skip_unchanged = True
        report_skipped = False

    def simpan(self, instance, *, oleh):
        data_acuan_simpan(
            objek=instance, nama="hari_libur", kemampuan=Kemampuan.KELOLA_DATA_ACUAN, oleh=oleh,
            field_diubah=["tanggal", "nama", "jenis", "sumber"],
        )  # fmt: skip


@admin.register(HariLibur)
class HariLiburAdmin(ImporSemuaAtauTidakMixin, DataAcuanAdmin):
    """Hari libur nasional dan cuti bersama: hari bukan kerja untuk tenggat keberatan dan banding."""

    resource_classes = [HariLiburResource]
    nama_audit = "hari_libur"
    boleh_hapus_acuan = True
    list_display = ["tanggal", "hari", "nama", "jenis", "sumber"]
    list_filter = ["jenis", ("tanggal", admin.DateFieldListFilter)]
    search_fields = ["nama"]
    date_hierarchy = "tanggal"
    change_list_template = "admin/core/harilibur/change_list.html"

    @admin.display(description="hari")
    def hari(self, obj):
        return tanggal_lengkap(obj.tanggal).split(",")[0]

    def changelist_view(self, request, extra_context=None):
        tahun = timezone.localdate().year
        per_tahun = {
            t: HariLibur.objects.filter(tanggal__year=t).values("jenis").annotate(n=Count("pk"))
            for t in (tahun, tahun + 1)
        }
        ringkas = [(t, {baris["jenis"]: baris["n"] for baris in jumlah}) for t, jumlah in per_tahun.items()]
        konteks = {
            "catatan_hari_libur": CATATAN_HARI_LIBUR,
            "ringkas_tahun": ringkas,
            **(extra_context or {}),
        }
        return super().changelist_view(request, extra_context=konteks)


@admin.register(DasarHukum)
class DasarHukumAdmin(DataAcuanAdmin):
    """Peraturan yang dikutip naskah (blok "Mengingat") dan instrumen; yang belum dipastikan ditandai."""

    nama_audit = "dasar_hukum"
    list_display = ["singkatan", "kutipan", "status", "urutan"]
    list_filter = ["jenis", "terkonfirmasi"]
    search_fields = ["singkatan", "tentang", "nomor"]
    readonly_fields = ["dipakai_naskah"]

    @admin.display(description="status")
    def status(self, obj):
        if obj.terkonfirmasi:
            return "terkonfirmasi"
        return format_html('<strong style="color:#a15c00">belum dikonfirmasi</strong> {}', obj.catatan)

    @admin.display(description="dicetak pada naskah")
    def dipakai_naskah(self, obj):
        naskah = [jenis_naskah_label(n.jenis_naskah) for n in obj.naskah.all()] if obj.pk else []
        return ", ".join(naskah) or "—"


class DasarHukumNaskahForm(forms.ModelForm):
    class Meta:
        model = DasarHukumNaskah
        fields = ["jenis_naskah", "dasar_hukum", "urutan"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Jenis naskah = jenis dokumen terdaftar di core.dokumen, bukan teks bebas.
        self.fields["jenis_naskah"] = forms.ChoiceField(
            label="Jenis naskah", choices=[("", "—"), *pilihan_jenis_naskah()]
        )


@admin.register(DasarHukumNaskah)
class DasarHukumNaskahAdmin(DataAcuanAdmin):
    """Urutan dasar hukum pada blok "Mengingat" setiap jenis naskah; menghapus baris mengeluarkannya."""

    form = DasarHukumNaskahForm
    nama_audit = "dasar_hukum_naskah"
    boleh_hapus_acuan = True
    list_display = ["jenis_naskah", "urutan", "dasar_hukum"]
    list_filter = ["jenis_naskah"]
    list_select_related = ["dasar_hukum"]
    ordering = ["jenis_naskah", "urutan", "id"]
