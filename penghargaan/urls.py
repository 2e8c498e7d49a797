from django.urls import path

from .views import pelaksana as pelaksana_views
from .views import penyelenggara as penyelenggara_views
from .views import publik as publik_views

app_name = "penghargaan"

urlpatterns = [
    # Halaman publik (tanpa login).
    path("penghargaan/", publik_views.publik, name="publik"),
    # Penghargaan Pelaksana oleh Kepala Penyelenggara.
    path("penghargaan/pelaksana/", pelaksana_views.periode_daftar, name="periode_daftar"),
    path("penghargaan/pelaksana/baru/", pelaksana_views.periode_baru, name="periode_baru"),
    path("penghargaan/pelaksana/tanpa-periode/", pelaksana_views.tanpa_periode, name="tanpa_periode"),
    path("penghargaan/pelaksana/<uuid:code>/", pelaksana_views.periode_detail, name="periode_detail"),
    path("penghargaan/pelaksana/<uuid:code>/bobot/", pelaksana_views.kriteria_bobot, name="kriteria_bobot"),
    path(
        "penghargaan/pelaksana/<uuid:code>/kriteria/", pelaksana_views.kriteria_tambah, name="kriteria_tambah"
    ),
    path(
        "penghargaan/pelaksana/<uuid:code>/kriteria/<uuid:kriteria_code>/hapus/",
        pelaksana_views.kriteria_hapus,
        name="kriteria_hapus",
    ),
    path("penghargaan/pelaksana/<uuid:code>/tim/", pelaksana_views.tim_susun, name="tim_susun"),
    path(
        "penghargaan/pelaksana/<uuid:code>/nominasi/", pelaksana_views.nominasi_tambah, name="nominasi_tambah"
    ),
    path(
        "penghargaan/pelaksana/<uuid:code>/nominasi/<uuid:nominasi_code>/hapus/",
        pelaksana_views.nominasi_hapus,
        name="nominasi_hapus",
    ),
    path("penghargaan/pelaksana/<uuid:code>/mulai/", pelaksana_views.penilaian_mulai, name="penilaian_mulai"),
    path(
        "penghargaan/pelaksana/<uuid:code>/buka-kembali/",
        pelaksana_views.penilaian_buka_kembali,
        name="penilaian_buka_kembali",
    ),
    path(
        "penghargaan/pelaksana/<uuid:code>/nilai/<uuid:anggota_code>/",
        pelaksana_views.lembar_nilai,
        name="lembar_nilai",
    ),
    path(
        "penghargaan/pelaksana/<uuid:code>/berjenjang/<uuid:tahap_code>/",
        pelaksana_views.tahap_berjenjang,
        name="tahap_berjenjang",
    ),
    path(
        "penghargaan/pelaksana/<uuid:code>/tetapkan/",
        pelaksana_views.periode_tetapkan,
        name="periode_tetapkan",
    ),
    # Penghargaan Gubernur bagi Penyelenggara (Biro Organisasi).
    path("penghargaan/penyelenggara/", penyelenggara_views.penyelenggara_daftar, name="penyelenggara_daftar"),
    path(
        "penghargaan/penyelenggara/usul/", penyelenggara_views.penyelenggara_usul, name="penyelenggara_usul"
    ),
    path(
        "penghargaan/penyelenggara/<uuid:code>/",
        penyelenggara_views.penyelenggara_detail,
        name="penyelenggara_detail",
    ),
    path(
        "penghargaan/penyelenggara/<uuid:code>/keluarkan/<uuid:penerima_code>/",
        penyelenggara_views.penerima_keluarkan,
        name="penerima_keluarkan",
    ),
    path(
        "penghargaan/penyelenggara/<uuid:code>/kembalikan/<uuid:penerima_code>/",
        penyelenggara_views.penerima_kembalikan,
        name="penerima_kembalikan",
    ),
    path(
        "penghargaan/penyelenggara/<uuid:code>/tetapkan/",
        penyelenggara_views.penyelenggara_tetapkan,
        name="penyelenggara_tetapkan",
    ),
]
