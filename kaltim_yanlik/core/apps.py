from django.apps import AppConfig


class CoreConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "kaltim_yanlik.core"
    label = "core"
    verbose_name = "Inti"

    def ready(self):
        from . import checks  # noqa: F401 — mendaftarkan pemeriksaan setelan
