from django.urls import path, register_converter

from .alur import LangkahConverter
from .views import kasus as kasus_views
from .views import pengaduan as pengaduan_views
from .views import publik as publik_views
from .views import ringkasan as ringkasan_views

app_name = "sanksi"

register_converter(LangkahConverter, "langkah_kasus")

urlpatterns = [
    # Kasus pelanggaran Pasal 10: daftar, pembukaan, satu kasus dan langkah-langkahnya.
    path("penegakan/kasus/", kasus_views.kasus_daftar, name="kasus_daftar"),
    path("penegakan/kasus/buka/", kasus_views.kasus_buka, name="kasus_buka"),
    path("penegakan/kasus/<uuid:code>/", kasus_views.kasus_detail, name="kasus_detail"),
    path(
        "penegakan/kasus/<uuid:code>/<langkah_kasus:langkah>/",
        kasus_views.kasus_langkah,
        name="kasus_langkah",
    ),
    path("penegakan/ringkasan/", ringkasan_views.ringkasan, name="ringkasan"),
    # Pengaduan publik (tanpa login).
    path("pengaduan/", publik_views.pengaduan_publik, name="pengaduan_publik"),
    path("pengaduan/terkirim/", publik_views.pengaduan_terkirim, name="pengaduan_terkirim"),
    path("pengaduan/lacak/", publik_views.pengaduan_lacak, name="pengaduan_lacak"),
    # Pengaduan: petugas.
    path("penegakan/pengaduan/", pengaduan_views.pengaduan_daftar, name="pengaduan_daftar"),
    path("penegakan/pengaduan/catat/", pengaduan_views.pengaduan_catat, name="pengaduan_catat"),
    path("penegakan/pengaduan/<uuid:code>/", pengaduan_views.pengaduan_detail, name="pengaduan_detail"),
    path(
        "penegakan/pengaduan/<uuid:code>/status/",
        pengaduan_views.pengaduan_ubah_status,
        name="pengaduan_ubah_status",
    ),
    path(
        "penegakan/pengaduan/lampiran/<uuid:code>/",
        pengaduan_views.lampiran_lihat,
        name="pengaduan_lampiran",
    ),
]
