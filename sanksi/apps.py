from django.apps import AppConfig


class SanksiConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "sanksi"
    verbose_name = "Penegakan Kode Etik"

    def ready(self):
        from .dokumen import daftarkan_dokumen_sanksi

        daftarkan_dokumen_sanksi()
