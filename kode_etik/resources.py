"""Impor/ekspor Penyelenggara dan Pelaksana (CSV/XLSX) lewat django-import-export.

Setiap baris disimpan lewat service (hak akses dan jejak audit berlaku), dan satu baris yang salah
membatalkan seluruh berkas: tidak ada impor setengah jadi.
"""

from import_export import fields, resources
from import_export.widgets import ForeignKeyWidget

from . import services
from .models import Pelaksana, Penyelenggara


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
        attribute="induk", column_name="induk_kode", widget=ForeignKeyWidget(Penyelenggara, field="kode")
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
        widget=ForeignKeyWidget(Penyelenggara, field="kode"),
    )

    class Meta:
        model = Pelaksana
        import_id_fields = ("nip",)
        fields = ("nip", "nama", "jabatan", "kategori", "penyelenggara_kode", "aktif")
        export_order = fields
        clean_model_instances = True
        skip_unchanged = True
        report_skipped = False

    def get_instance(self, instance_loader, row):
        # Pelaksana tanpa NIP (non-ASN) selalu baris baru; NIP kosong bukan kunci.
        if not (row.get("nip") or "").strip():
            return None
        return super().get_instance(instance_loader, row)

    def simpan(self, instance, *, oleh):
        services.pelaksana_simpan(pelaksana=instance, oleh=oleh)
