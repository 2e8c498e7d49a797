from django.contrib.auth import views as auth_views
from django.urls import path

from . import views
from .dua_faktor import views as dua_faktor

app_name = "akun"

urlpatterns = [
    path("masuk/", views.MasukView.as_view(), name="masuk"),
    path("keluar/", auth_views.LogoutView.as_view(), name="keluar"),
    path("sandi/", views.GantiSandiView.as_view(), name="ganti_sandi"),
    # Verifikasi dua langkah (WAJIB_2FA) bagi peran istimewa.
    path("2fa/", dua_faktor.dua_faktor, name="dua_faktor"),
    path("2fa/daftar/", dua_faktor.dua_faktor_daftar, name="dua_faktor_daftar"),
    path("2fa/verifikasi/", dua_faktor.dua_faktor_verifikasi, name="dua_faktor_verifikasi"),
    path("2fa/kode-cadangan/", dua_faktor.dua_faktor_kode_cadangan, name="dua_faktor_kode_cadangan"),
]
