"""Dokumen PDF monev lewat alur render sungguhan (WeasyPrint): isi, akses, gagal-dan-ulang, berkas lama."""

import io
import re
from decimal import Decimal

import pytest
from django.urls import reverse
from pypdf import PdfReader

from evaluasi import services
from evaluasi.dokumen import BERITA_ACARA, LAPORAN, REKAP, konteks_laporan
from evaluasi.models import Evaluasi, Indikator
from kaltim_yanlik.core.dokumen import _REGISTRI, JenisDokumen, daftarkan, dokumen_minta, dokumen_proses
from kaltim_yanlik.core.exceptions import DomainError
from kaltim_yanlik.core.models import DokumenPDF, JejakAudit

from .alur import nilai

pytestmark = pytest.mark.django_db
Status = Evaluasi.Status


def _teks_pdf(isi: bytes) -> str:
    return " ".join(" ".join(h.extract_text() for h in PdfReader(io.BytesIO(isi)).pages).split())


def _dinilai(evaluasi, biro, level_per_nomor=None):
    """Evaluasi diajukan lalu dinilai Biro dengan level bervariasi (2–5 berputar menurut nomor)."""
    Evaluasi.objects.filter(pk=evaluasi.pk).update(status=Status.DIAJUKAN)
    evaluasi.refresh_from_db()
    nomor = Indikator.objects.filter(aspek__instrumen=evaluasi.siklus.instrumen, suplemen=False)
    level = level_per_nomor or {n: 2 + n % 4 for n in nomor.values_list("nomor", flat=True)}
    nilai(evaluasi, biro, level)
    services.penilaian_simpan(
        evaluasi=evaluasi,
        indikator=nomor.get(nomor=2),
        level=level[2],
        catatan="Notulen FKP lengkap dan ditandatangani.",
        rekomendasi="Publikasikan hasil FKP di laman resmi unit.",
        alasan="",
        oleh=biro,
    )
    services.evaluasi_selesai_dinilai(evaluasi=evaluasi, oleh=biro)
    evaluasi.refresh_from_db()
    return evaluasi


@pytest.fixture
def siklus_dinilai(buat_siklus, dinkes, samsat, biro):
    siklus = buat_siklus(dinkes, samsat, fase="penilaian", tahun=2026)
    for evaluasi in siklus.evaluasi.all():
        _dinilai(evaluasi, biro)
    services.siklus_hitung_ulang(siklus=siklus)
    return siklus


@pytest.fixture
def ev_dinkes(siklus_dinilai, dinkes):
    return siklus_dinilai.evaluasi.select_related("hasil", "penyelenggara").get(penyelenggara=dinkes)


@pytest.fixture
def ev_samsat(siklus_dinilai, samsat):
    return siklus_dinilai.evaluasi.select_related("hasil").get(penyelenggara=samsat)


def _buat(jenis, subjek, oleh, django_capture_on_commit_callbacks) -> DokumenPDF:
    with django_capture_on_commit_callbacks(execute=True):
        dokumen = dokumen_minta(jenis=jenis, subjek=subjek, oleh=oleh)
    dokumen.refresh_from_db()
    return dokumen


def _isi(dokumen: DokumenPDF) -> bytes:
    with dokumen.berkas.open("rb") as f:
        return f.read()


def test_laporan_hasil_pdf_memuat_nama_ipp_dan_kategori(ev_dinkes, biro, django_capture_on_commit_callbacks):
    dokumen = _buat(LAPORAN, ev_dinkes, biro, django_capture_on_commit_callbacks)
    assert dokumen.status == DokumenPDF.Status.SELESAI, dokumen.alasan_gagal
    isi = _isi(dokumen)
    assert isi.startswith(b"%PDF-") and dokumen.ukuran == len(isi)
    teks = _teks_pdf(isi)
    hasil = ev_dinkes.hasil
    ipp = f"{hasil.ipp_bulat:.2f}".replace(".", ",")
    assert ev_dinkes.penyelenggara.nama in teks
    assert f"{ipp} dari 5,00" in teks
    assert f"{hasil.kategori} {hasil.predikat}" in teks
    assert "Notulen FKP lengkap dan ditandatangani." in teks
    assert "Publikasikan hasil FKP di laman resmi unit." in teks
    assert "SEMENTARA" in teks  # belum final: ditandai sementara
    assert "{#" not in teks and "{%" not in teks  # tidak ada sintaks templat yang tercetak
    assert dokumen.nama_berkas == f"Laporan-Hasil-Evaluasi-2026-{ev_dinkes.penyelenggara.nama_pendek}.pdf"


def test_laporan_menyebut_indikator_yang_paling_menaikkan_ipp(ev_dinkes, biro):
    konteks = konteks_laporan(ev_dinkes)
    peningkatan = [p for p, _ in konteks["peningkatan"]]
    assert peningkatan, "harus ada indikator di bawah level 5"
    assert all(p.level < 5 for p in peningkatan)
    assert [p.per_langkah for p in peningkatan] == sorted((p.per_langkah for p in peningkatan), reverse=True)
    # Sumbangan aspek dijumlah kembali menjadi IPP tersimpan (4 desimal).
    total = sum(a.kontribusi for a in konteks["aspek"] if a.bobot > 0)
    assert abs(total - ev_dinkes.hasil.ipp) <= Decimal("0.0006")


def test_konteks_laporan_jumlah_kueri_tetap(
    ev_dinkes, ev_samsat, django_assert_max_num_queries, operator_samsat
):
    from .alur import unggah_slot_wajib

    Evaluasi.objects.filter(pk=ev_samsat.pk).update(status=Status.DRAF)
    ev_samsat.refresh_from_db()
    unggah_slot_wajib(ev_samsat, operator_samsat)
    with django_assert_max_num_queries(14):
        konteks_laporan(ev_dinkes)
    with django_assert_max_num_queries(14):
        konteks_laporan(ev_samsat)


def test_rekap_provinsi_memuat_semua_lokus_dan_pembanding_siklus_lalu(
    siklus_dinilai, buat_siklus, dinkes, samsat, biro, django_capture_on_commit_callbacks
):
    lalu = buat_siklus(dinkes, samsat, fase="penilaian", tahun=2025)
    nomor = Indikator.objects.filter(aspek__instrumen=lalu.instrumen, suplemen=False)
    for evaluasi in lalu.evaluasi.all():
        _dinilai(evaluasi, biro, dict.fromkeys(nomor.values_list("nomor", flat=True), 1))
    services.siklus_hitung_ulang(siklus=lalu)
    dokumen = _buat(REKAP, siklus_dinilai, biro, django_capture_on_commit_callbacks)
    assert dokumen.status == DokumenPDF.Status.SELESAI, dokumen.alasan_gagal
    teks = _teks_pdf(_isi(dokumen))
    assert "REKAP PROVINSI" in teks
    assert dinkes.nama in teks and samsat.nama in teks
    assert "IPP 2025" in teks and "Rata-rata 2025" in teks
    # Semua lokus level 1 di 2025 → IPP 1,00; kenaikan tercetak bertanda plus.
    assert "1,00" in teks and "+" in teks
    assert "{#" not in teks and "{%" not in teks


def test_berita_acara_hanya_untuk_final_dan_memuat_penanda_tangan(
    ev_dinkes, biro, kepala_dinkes, client, geser_fase, django_capture_on_commit_callbacks
):
    url = reverse("dokumen_buat", args=[BERITA_ACARA, ev_dinkes.code])
    client.force_login(biro)
    assert client.post(url).status_code == 404  # masih dinilai, belum final
    siklus = ev_dinkes.siklus
    siklus.penandatangan_nama = "Dr. H. Contoh Kepala Biro, M.Si."
    geser_fase(siklus, "finalisasi")  # menyimpan siklus beserta nama penandatangan
    services.evaluasi_finalkan(evaluasi=ev_dinkes, oleh=biro)
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url, {"next": "/evaluasi/"}).status_code == 302
    dokumen = DokumenPDF.objects.get(jenis=BERITA_ACARA)
    teks = _teks_pdf(_isi(dokumen))
    assert "BERITA ACARA" in teks
    assert biro.nama in teks  # evaluator yang menilai
    assert "Dr. H. Contoh Kepala Biro, M.Si." in teks
    assert ev_dinkes.penyelenggara.nama in teks


# --- Akses: dokumen unit lain = 404 ------------------------------------------------------------


def test_laporan_unit_lain_404_untuk_minta_status_dan_unduh(
    ev_dinkes, biro, kepala_dinkes, kepala_samsat, client, django_capture_on_commit_callbacks
):
    dokumen = _buat(LAPORAN, ev_dinkes, biro, django_capture_on_commit_callbacks)
    client.force_login(kepala_samsat)
    assert client.post(reverse("dokumen_buat", args=[LAPORAN, ev_dinkes.code])).status_code == 404
    assert client.get(reverse("dokumen_status", args=[dokumen.code])).status_code == 404
    assert client.get(reverse("dokumen_unduh", args=[dokumen.code])).status_code == 404
    client.force_login(kepala_dinkes)
    r = client.get(reverse("dokumen_unduh", args=[dokumen.code]))
    assert r.status_code == 200 and r["Content-Type"] == "application/pdf"
    assert b"".join(r.streaming_content).startswith(b"%PDF-")
    assert client.get(reverse("dokumen_status", args=[dokumen.code])).json()["status"] == "selesai"


def test_rekap_provinsi_404_untuk_akun_opd(siklus_dinilai, kepala_dinkes, pimpinan, biro, client):
    client.force_login(kepala_dinkes)
    assert client.post(reverse("dokumen_buat", args=[REKAP, siklus_dinilai.code])).status_code == 404
    client.force_login(pimpinan)  # membaca semua unit, tetapi tidak menerbitkan
    assert client.post(reverse("dokumen_buat", args=[REKAP, siklus_dinilai.code])).status_code == 403
    client.force_login(biro)
    assert client.post(reverse("dokumen_buat", args=[REKAP, siklus_dinilai.code])).status_code == 302


def test_jenis_tidak_dikenal_dan_anonim(ev_dinkes, client):
    assert client.post(reverse("dokumen_buat", args=[LAPORAN, ev_dinkes.code])).status_code == 302  # ke login
    from akun.models import Pengguna

    client.force_login(Pengguna.objects.create_user("biro2", password="x", peran="biro"))
    assert client.post(reverse("dokumen_buat", args=["tidak-ada", ev_dinkes.code])).status_code == 404
    assert client.get(reverse("dokumen_buat", args=[LAPORAN, ev_dinkes.code])).status_code == 405


def test_pengalihan_setelah_minta_hanya_ke_situs_sendiri(ev_dinkes, biro, client):
    client.force_login(biro)
    url = reverse("dokumen_buat", args=[LAPORAN, ev_dinkes.code])
    assert client.post(url, {"next": "https://jahat.example/"})["Location"] == reverse("beranda")


# --- Gagal, dicatat, dapat diulang; berkas lama tetap sampai yang baru jadi ---------------------


class _KontekSekaliGagal:
    def __init__(self):
        self.gagal = True

    def __call__(self, subjek):
        if self.gagal:
            raise ValueError("data uji rusak")
        return {"nama": subjek.penyelenggara.nama}


@pytest.fixture
def jenis_uji_gagal(tmp_path, settings):
    template = tmp_path / "uji_dokumen.html"
    template.write_text("<html><body><h1>Dokumen uji {{ nama }}</h1></body></html>")
    # Menetapkan ulang TEMPLATES (bukan mengubah isinya) agar Django membuat ulang mesin templatenya.
    mesin = settings.TEMPLATES[0]
    settings.TEMPLATES = [{**mesin, "DIRS": [*mesin["DIRS"], str(tmp_path)]}]
    konteks = _KontekSekaliGagal()
    daftarkan(
        JenisDokumen(
            kode="uji-sekali-gagal",
            judul="Dokumen Uji",
            template="uji_dokumen.html",
            ambil_subjek=lambda user, code: Evaluasi.objects.get(code=code),
            konteks=konteks,
            nama_berkas=lambda e: "uji.pdf",
            boleh_terbitkan=lambda user, e: user.peran == "biro",
        )
    )
    yield konteks
    # Registri jenis dokumen berlaku untuk seluruh proses: jenis uji dicabut agar tidak terlihat uji lain
    # (mis. penjaga cakupan sapuan URL yang memeriksa setiap jenis terdaftar).
    _REGISTRI.pop("uji-sekali-gagal", None)


def test_render_gagal_dicatat_dan_dapat_diulang(
    jenis_uji_gagal, ev_dinkes, biro, client, django_capture_on_commit_callbacks
):
    dokumen = _buat("uji-sekali-gagal", ev_dinkes, biro, django_capture_on_commit_callbacks)
    assert dokumen.status == DokumenPDF.Status.GAGAL
    assert "ValueError: data uji rusak" in dokumen.alasan_gagal
    assert not dokumen.berkas and dokumen.percobaan == 1
    jenis_uji_gagal.gagal = False
    client.force_login(biro)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("dokumen_buat", args=["uji-sekali-gagal", ev_dinkes.code]))
    dokumen.refresh_from_db()
    assert (dokumen.status, dokumen.alasan_gagal, dokumen.percobaan) == (DokumenPDF.Status.SELESAI, "", 2)
    assert f"Dokumen uji {ev_dinkes.penyelenggara.nama}" in _teks_pdf(_isi(dokumen))
    assert JejakAudit.objects.filter(aksi="dokumen.diminta", object_id=str(dokumen.pk)).count() == 2


def test_buat_ulang_membuat_revisi_baru_dan_menyimpan_yang_lama(
    ev_dinkes, biro, client, django_capture_on_commit_callbacks
):
    pertama = _buat(LAPORAN, ev_dinkes, biro, django_capture_on_commit_callbacks)
    nama_lama, storage = pertama.berkas.name, pertama.berkas.storage
    isi_lama = _isi(pertama)
    # Naskah yang sudah terbit hanya diterbitkan ulang dengan alasan.
    with pytest.raises(DomainError, match="alasan penerbitan ulang"):
        dokumen_minta(jenis=LAPORAN, subjek=ev_dinkes, oleh=biro)
    with django_capture_on_commit_callbacks(execute=True):
        dokumen_minta(jenis=LAPORAN, subjek=ev_dinkes, oleh=biro, alasan="Nama unit diperbaiki.")
    kedua = DokumenPDF.objects.get()
    assert kedua.pk == pertama.pk and kedua.berkas.name != nama_lama
    assert storage.exists(kedua.berkas.name) and storage.exists(nama_lama)
    revisi = list(kedua.revisi.order_by("nomor").values_list("nomor", "berkas", "alasan", "diminta_oleh"))
    assert revisi == [(1, nama_lama, "", biro.pk), (2, kedua.berkas.name, "Nama unit diperbaiki.", biro.pk)]
    client.force_login(biro)
    r = client.get(reverse("dokumen_revisi_unduh", args=[kedua.code, 1]))
    assert r.status_code == 200 and b"".join(r.streaming_content) == isi_lama
    assert "revisi-1-" in r["Content-Disposition"]
    assert client.get(reverse("dokumen_revisi_unduh", args=[kedua.code, 3])).status_code == 404


def test_permintaan_ganda_selagi_antri_tidak_menggandakan(ev_dinkes, biro):
    # Tanpa menjalankan callback on_commit: dokumen tetap antri, permintaan kedua tidak mengantre lagi.
    pertama = dokumen_minta(jenis=LAPORAN, subjek=ev_dinkes, oleh=biro)
    kedua = dokumen_minta(jenis=LAPORAN, subjek=ev_dinkes, oleh=biro)
    assert kedua.pk == pertama.pk and kedua.diminta_pada == pertama.diminta_pada
    assert JejakAudit.objects.filter(aksi="dokumen.diminta").count() == 1


def test_proses_ulang_dokumen_selesai_dilewati(ev_dinkes, biro, django_capture_on_commit_callbacks):
    dokumen = _buat(LAPORAN, ev_dinkes, biro, django_capture_on_commit_callbacks)
    # Pengiriman ulang tugas yang sama (acks_late setelah worker mati) tidak merender lagi.
    assert dokumen_proses(dokumen_id=dokumen.pk) is None
    dokumen.refresh_from_db()
    assert dokumen.percobaan == 1


def test_halaman_evaluasi_menampilkan_grafik_dan_kartu_laporan(ev_dinkes, kepala_dinkes, client):
    client.force_login(kepala_dinkes)
    isi = client.get(reverse("evaluasi:detail", args=[ev_dinkes.code])).content.decode()
    assert re.search(r'<svg [^>]*role="img" aria-labelledby="[^"]+"', isi)
    assert ">Nilai per aspek terhadap target 5</title>" in isi
    # Laporan diterbitkan Biro; unit lokus mengunduhnya, tanpa tombol buat.
    assert "Laporan Hasil Evaluasi" in isi and "Belum diterbitkan" in isi and "Buat PDF" not in isi
    assert "Berita Acara Evaluasi" not in isi  # belum final
