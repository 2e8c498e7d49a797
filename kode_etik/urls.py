from django.urls import path

from . import views

app_name = "kode_etik"

urlpatterns = [
    path("kode-etik/", views.kode_etik_publik, name="publik"),
    path("penyelenggara/", views.penyelenggara_list, name="penyelenggara_list"),
    path("penyelenggara/baru/", views.penyelenggara_form, name="penyelenggara_baru"),
    path("penyelenggara/<uuid:code>/", views.penyelenggara_detail, name="penyelenggara_detail"),
    path("penyelenggara/<uuid:code>/ubah/", views.penyelenggara_form, name="penyelenggara_ubah"),
    path("penyelenggara/<uuid:unit_code>/layanan/baru/", views.jenis_layanan_form, name="jenis_layanan_baru"),
    path(
        "penyelenggara/<uuid:unit_code>/layanan/<uuid:code>/ubah/",
        views.jenis_layanan_form,
        name="jenis_layanan_ubah",
    ),
    path("pelaksana/", views.pelaksana_list, name="pelaksana_list"),
    path("pelaksana/baru/", views.pelaksana_form, name="pelaksana_baru"),
    path("pelaksana/<uuid:code>/", views.pelaksana_detail, name="pelaksana_detail"),
    path("pelaksana/<uuid:code>/ubah/", views.pelaksana_form, name="pelaksana_ubah"),
    path("pelaksana/<uuid:code>/penempatan/", views.penempatan_catat, name="penempatan_catat"),
]
