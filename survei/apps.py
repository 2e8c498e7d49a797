from django.apps import AppConfig


class SurveiConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "survei"
    verbose_name = "Survei Kepuasan dan Kepatuhan Ombudsman"

    def ready(self):
        from .dokumen import daftarkan_dokumen_survei

        daftarkan_dokumen_survei()
