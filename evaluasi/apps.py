from django.apps import AppConfig


class EvaluasiConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "evaluasi"
    verbose_name = "Evaluasi Pelayanan Publik"

    def ready(self):
        from .dokumen import daftarkan_dokumen_evaluasi

        daftarkan_dokumen_evaluasi()
