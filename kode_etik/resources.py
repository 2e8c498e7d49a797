"""Impor/ekspor Penyelenggara dan Pelaksana (CSV/XLSX) lewat django-import-export.

Setiap baris disimpan lewat service (hak akses dan jejak audit berlaku), dan satu baris yang salah
membatalkan seluruh berkas: tidak ada impor setengah jadi.
"""

from import_export import fields, resources
from import_export.widgets import ForeignKeyWidget

from . import services
from .models import Pelaksana, Penyelenggara


class KodeRujukanWidget(ForeignKeyWidget):
    """Rujukan lewat kode; kode yang tidak ada menjadi kesalahan validasi baris, berbahasa Indonesia.

    ``ValueError`` (bukan ``DoesNotExist``) membuat import-export mencatatnya sebagai kesalahan validasi
    pada baris itu, sehingga tampil di tabel bersama alasan baris lain, bukan sebagai galat umum.
    """

    def clean(self, value, row=None, **kwargs):
        try:
            return super().clean(value, row=row, **kwargs)
        except self.model.DoesNotExist as e:
            nama = self.model._meta.verbose_name.capitalize()
            raise ValueError(f"{nama} dengan {self.field} “{value}” tidak ditemukan.") from e


def nip_bersih(nilai) -> str:
    """NIP dari sel CSV/XLSX sebagai teks tanpa spasi.

    Sel angka (float) tidak dibulatkan menjadi NIP: 18 digit melampaui presisi float, jadi digit terakhirnya
    sudah rusak. Nilainya diteruskan apa adanya agar validasi 18 digit menolak baris itu dengan pesan.
    """
    if nilai is None:
        return ""
    return str(nilai).replace(" ", "").strip()


class _ResourceLewatService(resources.ModelResource):
    """Simpan lewat service dengan pengguna yang mengimpor, bukan ``instance.save()`` langsung."""

    def save_instance(self, instance, is_create, row, **kwargs):
        self._pengimpor = kwargs.get("user")
        super().save_instance(instance, is_create, row, **kwargs)

    def do_instance_save(self, instance, is_create):
        self.simpan(instance, oleh=self._pengimpor)

    def simpan(self, instance, *, oleh):
        raise NotImplementedError


class PenyelenggaraResource(_ResourceLewatService):
    induk_kode = fields.Field(
        attribute="induk", column_name="induk_kode", widget=KodeRujukanWidget(Penyelenggara, field="kode")
    )

    class Meta:
        model = Penyelenggara
        import_id_fields = ("kode",)
        fields = ("kode", "nama", "singkatan", "jenis", "induk_kode", "alamat", "aktif")
        export_order = fields
        clean_model_instances = True
        skip_unchanged = True
        report_skipped = False

    def simpan(self, instance, *, oleh):
        services.penyelenggara_simpan(penyelenggara=instance, oleh=oleh)


class PelaksanaResource(_ResourceLewatService):
    penyelenggara_kode = fields.Field(
        attribute="penyelenggara",
        column_name="penyelenggara_kode",
        widget=KodeRujukanWidget(Penyelenggara, field="kode"),
    )
    # Atasan langsung lewat NIP-nya (boleh kosong); unit sama dan rantai tanpa lingkaran diperiksa model.
    atasan_nip = fields.Field(
        attribute="atasan_langsung",
        column_name="atasan_nip",
        widget=KodeRujukanWidget(Pelaksana, field="nip"),
    )

    class Meta:
        model = Pelaksana
        import_id_fields = ("nip",)
        fields = ("nip", "nama", "jabatan", "kategori", "penyelenggara_kode", "atasan_nip", "aktif")
        export_order = fields
        clean_model_instances = True
        skip_unchanged = True
        report_skipped = False

    def before_import_row(self, row, **kwargs):
        row["nip"] = nip_bersih(row.get("nip"))
        if "atasan_nip" in row:
            row["atasan_nip"] = nip_bersih(row.get("atasan_nip"))

    def get_instance(self, instance_loader, row):
        # Pelaksana tanpa NIP (non-ASN) selalu baris baru; NIP kosong bukan kunci.
        if not row["nip"]:
            return None
        return super().get_instance(instance_loader, row)

    def simpan(self, instance, *, oleh):
        services.pelaksana_simpan(pelaksana=instance, oleh=oleh)
