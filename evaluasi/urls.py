from django.urls import path

from .views import biro, publik, publikasi_biro, sanggahan, skm_hasil, skm_unit, survei_publik, unit

app_name = "evaluasi"

urlpatterns = [
    # Publik (tanpa login): hasil siklus yang sudah dipublikasikan.
    path("hasil/", publik.publik_daftar, name="publik_daftar"),
    path("hasil/<int:tahun>/", publik.publik_siklus, name="publik_siklus"),
    path("hasil/<int:tahun>/<uuid:code>/", publik.publik_unit, name="publik_unit"),
    # Unit lokus: daftar evaluasi, F-01 per indikator, bukti dukung, pengajuan.
    path("evaluasi/", unit.evaluasi_daftar, name="daftar"),
    path("evaluasi/<uuid:code>/", unit.evaluasi_detail, name="detail"),
    path("evaluasi/<uuid:code>/indikator/<int:nomor>/", unit.f01_indikator, name="f01"),
    path("evaluasi/<uuid:code>/indikator/<int:nomor>/pratinjau/", unit.f01_pratinjau, name="f01_pratinjau"),
    path("evaluasi/<uuid:code>/indikator/<int:nomor>/bukti/", unit.bukti_unggah, name="bukti_unggah"),
    path("evaluasi/<uuid:code>/ajukan/", unit.evaluasi_ajukan, name="ajukan"),
    path("evaluasi/bukti/<uuid:code>/", unit.bukti_lihat, name="bukti_lihat"),
    path("evaluasi/bukti/<uuid:code>/hapus/", unit.bukti_hapus, name="bukti_hapus"),
    # Biro Organisasi: siklus, F-02, pengembalian, finalisasi.
    path("evaluasi/siklus/", biro.siklus_daftar, name="siklus_daftar"),
    path("evaluasi/siklus/baru/", biro.siklus_baru, name="siklus_baru"),
    path("evaluasi/siklus/<uuid:code>/", biro.siklus_detail, name="siklus_detail"),
    path("evaluasi/siklus/<uuid:code>/hitung-ulang/", biro.siklus_hitung_ulang, name="siklus_hitung_ulang"),
    path(
        "evaluasi/siklus/<uuid:code>/publikasikan/",
        publikasi_biro.siklus_publikasikan,
        name="siklus_publikasikan",
    ),
    path(
        "evaluasi/siklus/<uuid:code>/tarik-publikasi/",
        publikasi_biro.siklus_tarik_publikasi,
        name="siklus_tarik_publikasi",
    ),
    path("evaluasi/<uuid:code>/nilai/", biro.f02, name="nilai"),
    path("evaluasi/<uuid:code>/nilai/<int:nomor>/", biro.f02_simpan, name="nilai_simpan"),
    path("evaluasi/<uuid:code>/kembalikan/", biro.evaluasi_kembalikan, name="kembalikan"),
    path("evaluasi/<uuid:code>/selesai-dinilai/", biro.evaluasi_selesai_dinilai, name="selesai_dinilai"),
    path("evaluasi/<uuid:code>/finalkan/", biro.evaluasi_finalkan, name="finalkan"),
    # Sanggahan: Kepala unit menyanggah level satu indikator, Biro menjawab.
    path("evaluasi/<uuid:code>/sanggahan/", sanggahan.sanggahan_daftar, name="sanggahan_daftar"),
    path("evaluasi/<uuid:code>/sanggahan/<int:nomor>/", sanggahan.sanggahan_ajukan, name="sanggahan_ajukan"),
    path("evaluasi/sanggahan/<uuid:code>/", sanggahan.sanggahan_detail, name="sanggahan_detail"),
    path("evaluasi/sanggahan/lampiran/<uuid:code>/", sanggahan.lampiran_lihat, name="sanggahan_lampiran"),
    path("evaluasi/siklus/<uuid:code>/sanggahan/", sanggahan.sanggahan_siklus, name="sanggahan_siklus"),
    # SKM: formulir survei publik (kode QR) dan kelola periode oleh unit.
    path("survei/<uuid:code>/", survei_publik.survei_publik, name="survei_publik"),
    path("survei/<uuid:code>/terima-kasih/", survei_publik.survei_terima_kasih, name="survei_terima_kasih"),
    path("evaluasi/skm/", skm_unit.skm_daftar, name="skm_daftar"),
    path("evaluasi/skm/baru/", skm_unit.skm_buat, name="skm_buat"),
    path("evaluasi/skm/<uuid:code>/", skm_unit.skm_detail, name="skm_detail"),
    path("evaluasi/skm/<uuid:code>/ubah/", skm_unit.skm_ubah, name="skm_ubah"),
    path("evaluasi/skm/<uuid:code>/qr/", skm_unit.skm_qr, name="skm_qr"),
    path("evaluasi/skm/<uuid:code>/impor/", skm_unit.skm_impor, name="skm_impor"),
    path("evaluasi/skm/<uuid:code>/nrr/", skm_unit.skm_nrr, name="skm_nrr"),
    # SKM: hasil periode, rencana tindak lanjut, SKM per unit; hasil kepatuhan Ombudsman (Biro).
    path("evaluasi/skm/<uuid:code>/hasil/", skm_hasil.skm_hasil, name="skm_hasil"),
    path("evaluasi/skm/<uuid:code>/rtl/", skm_hasil.rtl_tambah, name="rtl_tambah"),
    path("evaluasi/skm/rtl/<uuid:code>/selesai/", skm_hasil.rtl_selesaikan, name="rtl_selesaikan"),
    path("evaluasi/skm/rtl/<uuid:code>/bukti/", skm_hasil.rtl_bukti, name="rtl_bukti"),
    path("evaluasi/skm/unit/<uuid:code>/", skm_hasil.skm_unit, name="skm_unit"),
    path("evaluasi/ombudsman/", skm_hasil.ombudsman_daftar, name="ombudsman_daftar"),
    path("evaluasi/ombudsman/catat/", skm_hasil.ombudsman_catat, name="ombudsman_catat"),
    path("evaluasi/sandingan/", skm_hasil.sandingan_provinsi, name="sandingan_provinsi"),
]
