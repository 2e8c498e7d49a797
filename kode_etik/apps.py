from django.apps import AppConfig


class KodeEtikConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "kode_etik"
    verbose_name = "Kode Etik"
