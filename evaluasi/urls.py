from django.urls import path

from .views import biro, koreksi, publik, publikasi_biro, sandingan, sanggahan, unit

app_name = "evaluasi"

urlpatterns = [
    # Publik (tanpa login): hasil siklus yang sudah dipublikasikan.
    path("hasil/", publik.publik_daftar, name="publik_daftar"),
    path("hasil/<int:tahun>/", publik.publik_siklus, name="publik_siklus"),
    path("hasil/<int:tahun>/<uuid:code>/", publik.publik_unit, name="publik_unit"),
    # Versi publikasi sebelumnya (sebelum koreksi) tetap dapat dibuka.
    path("hasil/<int:tahun>/versi/<int:nomor>/", publik.publik_siklus_versi, name="publik_siklus_versi"),
    path("hasil/<int:tahun>/versi/<int:nomor>/<uuid:code>/", publik.publik_unit, name="publik_unit_versi"),
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
        "evaluasi/siklus/<uuid:code>/peringkat.xlsx", biro.siklus_peringkat_xlsx, name="siklus_peringkat_xlsx"
    ),
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
    # Koreksi hasil final (Biro): satu-satunya jalan mengubah level evaluasi final.
    path("evaluasi/<uuid:code>/koreksi/", koreksi.evaluasi_koreksi, name="koreksi"),
    # Sanggahan: Kepala unit menyanggah level satu indikator, Biro menjawab.
    path("evaluasi/<uuid:code>/sanggahan/", sanggahan.sanggahan_daftar, name="sanggahan_daftar"),
    path("evaluasi/<uuid:code>/sanggahan/<int:nomor>/", sanggahan.sanggahan_ajukan, name="sanggahan_ajukan"),
    path("evaluasi/sanggahan/<uuid:code>/", sanggahan.sanggahan_detail, name="sanggahan_detail"),
    path("evaluasi/sanggahan/lampiran/<uuid:code>/", sanggahan.lampiran_lihat, name="sanggahan_lampiran"),
    path("evaluasi/siklus/<uuid:code>/sanggahan/", sanggahan.sanggahan_siklus, name="sanggahan_siklus"),
    # Sandingan IPP | IKM | Ombudsman: halaman SKM per unit dan provinsi (angka survei dari app survei).
    path("evaluasi/skm/unit/<uuid:code>/", sandingan.skm_unit, name="skm_unit"),
    path("evaluasi/sandingan/", sandingan.sandingan_provinsi, name="sandingan_provinsi"),
]
