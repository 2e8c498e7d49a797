"""Admin penegakan kode etik. Alur (status, langkah kasus) hanya lewat service di halaman portal; di admin
datanya dibaca sesuai lingkup ``akun.akses`` (objek unit lain = 404).
"""

from django.contrib import admin
from django.utils.html import format_html, format_html_join

from akun.admin_akses import AksesAdmin, AksesInline, DataAcuanAdmin
from akun.akses import Kemampuan
from akun.kewenangan import Tindakan
from akun.models import AturanKewenangan

from .models import (
    AturanUpayaAdministratif,
    Banding,
    BeritaAcaraPemeriksaan,
    Keberatan,
    Pelanggaran,
    Pemanggilan,
    Pemeriksaan,
    Pengaduan,
    RiwayatStatusPengaduan,
    Rujukan,
    Sanksi,
)

# --- Pengaduan ------------------------------------------------------------------------------------


class RiwayatStatusPengaduanInline(AksesInline, admin.TabularInline):
    model = RiwayatStatusPengaduan
    can_delete = False
    extra = 0
    fields = ["status", "keterangan_publik", "pada", "oleh"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Pengaduan)
class PengaduanAdmin(AksesAdmin):
    """Pengaduan hanya dibaca di admin; status diubah di halaman portal agar riwayat dan audit terjaga.
    Lampiran dibuka lewat portal (``sanksi:pengaduan_lampiran``), yang memeriksa akses."""

    jalur_penyelenggara = "penyelenggara"
    kemampuan_lihat = Kemampuan.LIHAT_PENEGAKAN
    list_display = ["kode_lacak", "penyelenggara", "saluran", "nomor_lapor", "status", "diterima_pada"]
    list_filter = ["status", "saluran", "penyelenggara__jenis"]
    search_fields = ["kode_lacak", "nomor_lapor", "uraian", "penyelenggara__nama"]
    list_select_related = ["penyelenggara"]
    date_hierarchy = "diterima_pada"
    inlines = [RiwayatStatusPengaduanInline]
    exclude = ["code"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


# --- Kasus pelanggaran (baca saja) -----------------------------------------------------------------


class _BacaSajaKasus:
    """Langkah kasus hanya dicatat lewat service di halaman kasus (urutan, peran, audit); admin membaca."""

    jalur_penyelenggara = "pelanggaran__penyelenggara"
    kemampuan_lihat = Kemampuan.LIHAT_PENEGAKAN
    exclude = ["code"]

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def get_readonly_fields(self, request, obj=None):
        return [f.name for f in self.model._meta.fields if f.name not in self.exclude]


class _LangkahInline(_BacaSajaKasus, AksesInline, admin.StackedInline):
    can_delete = False
    extra = 0
    kemampuan_ubah = Kemampuan.LIHAT_PENEGAKAN


class PemanggilanInline(_LangkahInline):
    model = Pemanggilan


class PemeriksaanInline(_LangkahInline):
    model = Pemeriksaan


class BeritaAcaraPemeriksaanInline(_LangkahInline):
    model = BeritaAcaraPemeriksaan


class SanksiInline(_LangkahInline):
    model = Sanksi


class RujukanInline(_LangkahInline):
    model = Rujukan


@admin.register(Pelanggaran)
class PelanggaranAdmin(_BacaSajaKasus, AksesAdmin):
    jalur_penyelenggara = "penyelenggara"
    list_display = ["pelaksana", "penyelenggara", "larangan", "jalur", "tahap", "ditangani_biro"]
    list_filter = ["tahap", "jalur", "ditangani_biro", "larangan"]
    search_fields = ["pelaksana__nama", "pelaksana__nip", "penyelenggara__nama", "uraian"]
    list_select_related = ["pelaksana", "penyelenggara", "larangan"]
    date_hierarchy = "dibuka_pada"
    inlines = [PemanggilanInline, PemeriksaanInline, BeritaAcaraPemeriksaanInline, SanksiInline]
    inlines += [RujukanInline]


@admin.register(Sanksi)
class SanksiAdmin(_BacaSajaKasus, AksesAdmin):
    list_display = [
        "pelanggaran", "jenis", "nomor_keputusan", "tanggal_keputusan", "penanda_tangan", "batas_keberatan"
    ]  # fmt: skip
    list_filter = ["jenis"]
    search_fields = ["nomor_keputusan", "pelanggaran__pelaksana__nama"]
    list_select_related = ["pelanggaran__pelaksana", "pelanggaran__larangan"]


@admin.register(Keberatan)
class KeberatanAdmin(_BacaSajaKasus, AksesAdmin):
    jalur_penyelenggara = "sanksi__pelanggaran__penyelenggara"
    list_display = ["kasus", "nomor_keputusan", "tanggal_diterima", "keputusan", "diputus_pada"]
    list_filter = ["keputusan"]
    search_fields = ["sanksi__nomor_keputusan", "sanksi__pelanggaran__pelaksana__nama"]
    list_select_related = ["sanksi__pelanggaran__pelaksana", "sanksi__pelanggaran__larangan"]

    @admin.display(description="kasus")
    def kasus(self, obj):
        return obj.sanksi.pelanggaran

    @admin.display(description="nomor keputusan sanksi")
    def nomor_keputusan(self, obj):
        return obj.sanksi.nomor_keputusan


@admin.register(Rujukan)
class RujukanAdmin(_BacaSajaKasus, AksesAdmin):
    list_display = ["pelanggaran", "instansi", "nama_instansi", "nomor_surat", "tanggal", "hasil_tanggal"]
    list_filter = ["instansi"]
    search_fields = ["nomor_surat", "nama_instansi", "pelanggaran__pelaksana__nama"]
    list_select_related = ["pelanggaran__pelaksana", "pelanggaran__larangan"]


@admin.register(Banding)
class BandingAdmin(_BacaSajaKasus, AksesAdmin):
    jalur_penyelenggara = "keberatan__sanksi__pelanggaran__penyelenggara"
    list_display = ["keberatan", "tanggal_diterima", "batas_putus", "keputusan", "tanggal_putusan"]
    list_filter = ["keputusan"]
    search_fields = ["keberatan__sanksi__nomor_keputusan", "keberatan__sanksi__pelanggaran__pelaksana__nama"]
    list_select_related = [
        "keberatan__sanksi__pelanggaran__pelaksana",
        "keberatan__sanksi__pelanggaran__larangan",
    ]


# --- Aturan upaya administratif (data) -------------------------------------------------------------


@admin.register(AturanUpayaAdministratif)
class AturanUpayaAdministratifAdmin(DataAcuanAdmin):
    """Tenggat keberatan dan banding dalam hari kerja, dengan dasar hukumnya. Bawaan UU 30/2014 Pasal 77–78
    ditandai "belum dikonfirmasi Biro Hukum" sampai dinyalakan; pemutusnya dibaca dari tabel kewenangan.
    """

    nama_audit = "upaya_administratif"
    list_display = ["jenis", "hari_kerja_ajukan", "hari_kerja_putus", "dasar_hukum", "status", "pemutus"]
    readonly_fields = ["pemutus"]
    fields = ["jenis", "hari_kerja_ajukan", "hari_kerja_putus", "dasar_hukum", "terkonfirmasi", "keterangan",
              "pemutus"]  # fmt: skip

    @admin.display(description="konfirmasi")
    def status(self, obj):
        if obj.terkonfirmasi:
            return "dikonfirmasi Biro Hukum"
        return format_html('<strong style="color:#a15c00">{}</strong>', "belum dikonfirmasi Biro Hukum")

    @admin.display(description="diputus oleh (tabel kewenangan)")
    def pemutus(self, obj):
        tindakan = Tindakan.PUTUS_KEBERATAN if obj.jenis == obj.Jenis.KEBERATAN else Tindakan.PUTUS_BANDING
        baris = AturanKewenangan.objects.filter(tindakan=tindakan, aktif=True).order_by("urutan")
        return format_html(
            "<ul style='margin:0;padding-left:1em'>{}</ul>",
            format_html_join("", "<li>{}</li>", ((_baris_pemutus(b),) for b in baris)),
        )

    def changelist_view(self, request, extra_context=None):
        if AturanUpayaAdministratif.objects.filter(terkonfirmasi=False).exists():
            self.message_user(
                request,
                "Tenggat bawaan (UU 30/2014 Pasal 77–78) belum dikonfirmasi Biro Hukum: Pergub 8/2025 BAB 7 "
                "hanya menyebut “sesuai dengan ketentuan peraturan perundang-undangan”.",
                level="warning",
            )
        return super().changelist_view(request, extra_context=extra_context)


def _baris_pemutus(b: AturanKewenangan) -> str:
    unit = f" ({b.jenis_unit})" if b.jenis_unit else ""
    penerbit = f", penerbit {b.get_penerbit_display()}" if b.penerbit else ""
    return (
        f"{b.get_subjek_display()}{unit}{penerbit}: {b.get_pelaku_display()} → ditandatangani "
        f"{b.get_penanda_tangan_display()}"
    )
