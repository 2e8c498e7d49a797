from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps


class AkunConfig(AppConfig):
    default = True
    default_auto_field = "django.db.models.BigAutoField"
    name = "akun"
    verbose_name = "Akun dan Hak Akses"


class AdminPortalConfig(admin_apps.AdminConfig):
    """Memasang ``SitusAdmin`` sebagai ``admin.site`` untuk seluruh portal."""

    default = False
    default_site = "akun.admin_akses.SitusAdmin"
