from django.apps import AppConfig


class PenghargaanConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "penghargaan"
    verbose_name = "Penghargaan"

    def ready(self):
        from .dokumen import daftarkan_dokumen_penghargaan

        daftarkan_dokumen_penghargaan()
