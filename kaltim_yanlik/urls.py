from django.contrib import admin
from django.urls import include, path

from akun.audit.views import audit_daftar
from akun.views import beranda
from kaltim_yanlik.core.views import dokumen as views_dokumen
from kaltim_yanlik.core.views import notifikasi_baca, notifikasi_baca_semua, notifikasi_daftar
from kaltim_yanlik.core.views.ikon import favicon

urlpatterns = [
    path("", beranda, name="beranda"),
    path("akun/", include("akun.urls")),
    path("", include("kode_etik.urls")),
    path("", include("evaluasi.urls")),
    path("", include("sanksi.urls")),
    path("", include("survei.urls")),
    path("", include("penghargaan.urls")),
    path("notifikasi/", notifikasi_daftar, name="notifikasi"),
    path("notifikasi/baca/", notifikasi_baca, name="notifikasi_baca"),
    path("notifikasi/baca-semua/", notifikasi_baca_semua, name="notifikasi_baca_semua"),
    path("audit/", audit_daftar, name="audit"),
    path("dokumen/<slug:jenis>/<uuid:subjek_code>/buat/", views_dokumen.dokumen_buat, name="dokumen_buat"),
    path("dokumen/<uuid:code>/status/", views_dokumen.dokumen_status, name="dokumen_status"),
    path("dokumen/<uuid:code>/unduh/", views_dokumen.dokumen_unduh, name="dokumen_unduh"),
    path(
        "dokumen/<uuid:code>/revisi/<int:nomor>/unduh/",
        views_dokumen.dokumen_revisi_unduh,
        name="dokumen_revisi_unduh",
    ),
    path("admin/", admin.site.urls),
    path("favicon.ico", favicon, name="favicon"),
]

handler403 = "kaltim_yanlik.core.views.galat_403"
handler404 = "kaltim_yanlik.core.views.galat_404"
handler500 = "kaltim_yanlik.core.views.galat_500"
