from django.urls import path, re_path
from django.views.generic import RedirectView

from .views import hasil, ombudsman, periode, publik

app_name = "survei"

# Model SKM, RTL, dan Ombudsman pindah dari app evaluasi (isu 15): alamat admin lama yang dimarkahi atau
# dicetak diarahkan ke alamat barunya; admin sendiri tetap memeriksa hak aksesnya.
_MODEL_PINDAH = "periodeskm|responskm|rencanatindaklanjut|zonaombudsman|kepatuhanombudsman"

# Alamat sama dengan sebelum app ini berdiri sendiri (/survei/<kode>/ tercetak di kode QR loket,
# /evaluasi/skm/... dan /evaluasi/ombudsman/ dimarkahi pengguna); hanya namespace nama URL yang baru.
urlpatterns = [
    # Formulir survei publik (tanpa login) dari kode QR unit.
    path("survei/<uuid:code>/", publik.survei_publik, name="survei_publik"),
    path("survei/<uuid:code>/terima-kasih/", publik.survei_terima_kasih, name="survei_terima_kasih"),
    # Kelola periode oleh unit: kode QR, impor jawaban, rekap NRR.
    path("evaluasi/skm/", periode.skm_daftar, name="skm_daftar"),
    path("evaluasi/skm/baru/", periode.skm_buat, name="skm_buat"),
    path("evaluasi/skm/<uuid:code>/", periode.skm_detail, name="skm_detail"),
    path("evaluasi/skm/<uuid:code>/ubah/", periode.skm_ubah, name="skm_ubah"),
    path("evaluasi/skm/<uuid:code>/qr/", periode.skm_qr, name="skm_qr"),
    path("evaluasi/skm/<uuid:code>/impor/", periode.skm_impor, name="skm_impor"),
    path("evaluasi/skm/<uuid:code>/nrr/", periode.skm_nrr, name="skm_nrr"),
    # Hasil periode dan rencana tindak lanjut.
    path("evaluasi/skm/<uuid:code>/hasil/", hasil.skm_hasil, name="skm_hasil"),
    path("evaluasi/skm/<uuid:code>/rtl/", hasil.rtl_tambah, name="rtl_tambah"),
    path("evaluasi/skm/rtl/<uuid:code>/selesai/", hasil.rtl_selesaikan, name="rtl_selesaikan"),
    path("evaluasi/skm/rtl/<uuid:code>/bukti/", hasil.rtl_bukti, name="rtl_bukti"),
    # Hasil kepatuhan Ombudsman (Biro).
    path("evaluasi/ombudsman/", ombudsman.ombudsman_daftar, name="ombudsman_daftar"),
    path("evaluasi/ombudsman/catat/", ombudsman.ombudsman_catat, name="ombudsman_catat"),
    re_path(
        rf"^admin/evaluasi/(?P<model>{_MODEL_PINDAH})/(?P<sisa>.*)$",
        RedirectView.as_view(url="/admin/survei/%(model)s/%(sisa)s", permanent=True, query_string=True),
        name="admin_lama",
    ),
]
