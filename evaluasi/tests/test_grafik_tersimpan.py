"""Grafik monev digambar di latar ketika datanya berubah, lalu hanya dibaca oleh halaman dan PDF.

Yang dihitung adalah panggilan penggambar SVG (``core.grafik.gambar``), bukan waktu: setelah tugas
penyiapan berjalan, membuka halaman Biro, halaman unit, halaman publik, dan menyusun PDF tidak menggambar
apa pun; data yang berubah membuat grafik baru digambar sekali oleh tugasnya.
"""

import pytest
from django.urls import reverse

from evaluasi import services
from evaluasi.dokumen import konteks_laporan, konteks_rekap
from evaluasi.tasks import siklus_hitung_ulang_task
from kaltim_yanlik.core import grafik as inti_grafik
from kaltim_yanlik.core.models import GrafikTersimpan

from .alur import indikator
from .alur import nomor_dinilai as indikator_dinilai
from .test_dokumen import _dinilai

pytestmark = pytest.mark.django_db


@pytest.fixture
def gambar_dihitung(monkeypatch):
    panggilan = []
    asli = inti_grafik.gambar

    def menghitung(spek):
        panggilan.append(spek.jenis)
        return asli(spek)

    monkeypatch.setattr(inti_grafik, "gambar", menghitung)
    return panggilan


@pytest.fixture
def siklus_berhasil(buat_siklus, dinkes, samsat, biro):
    siklus = buat_siklus(dinkes, samsat, fase="penilaian", tahun=2026)
    nomor = indikator_dinilai(siklus.instrumen)
    _dinilai(siklus.evaluasi.get(penyelenggara=dinkes), biro, {n: 2 + n % 4 for n in nomor})
    _dinilai(siklus.evaluasi.get(penyelenggara=samsat), biro, {n: 1 + n % 5 for n in nomor})
    return siklus


def test_sesudah_tugas_hitung_ulang_halaman_dan_pdf_tidak_menggambar(
    siklus_berhasil, biro, kepala_dinkes, dinkes, client, gambar_dihitung
):
    siklus_hitung_ulang_task(siklus_berhasil.pk)  # tugas: hitung ulang, lalu siapkan grafik siklus
    digambar_tugas = len(gambar_dihitung)
    # Sebaran kategori, peringkat, rata-rata aspek, dan grafik aspek setiap hasil (dua lokus).
    assert digambar_tugas == 5 and GrafikTersimpan.objects.count() == 5
    gambar_dihitung.clear()

    client.force_login(biro)
    halaman = client.get(reverse("evaluasi:siklus_detail", args=[siklus_berhasil.code]))
    assert halaman.status_code == 200 and halaman.content.decode().count('role="img"') == 4  # 2 grafik × 2
    client.force_login(kepala_dinkes)
    evaluasi = siklus_berhasil.evaluasi.get(penyelenggara=dinkes)
    assert client.get(reverse("evaluasi:detail", args=[evaluasi.code])).status_code == 200
    konteks_laporan(evaluasi)
    konteks_rekap(siklus_berhasil)
    assert gambar_dihitung == []


def test_simpan_f02_mengantrekan_grafik_yang_berubah_saja(
    siklus_berhasil, biro, dinkes, client, gambar_dihitung, django_capture_on_commit_callbacks
):
    from evaluasi.models import Evaluasi

    siklus_hitung_ulang_task(siklus_berhasil.pk)
    evaluasi = siklus_berhasil.evaluasi.get(penyelenggara=dinkes)
    Evaluasi.objects.filter(pk=evaluasi.pk).update(status=Evaluasi.Status.DINILAI)
    gambar_dihitung.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.penilaian_simpan(
            evaluasi=evaluasi, indikator=indikator(siklus_berhasil.instrumen, 1), level=0, catatan="",
            rekomendasi="", alasan="Bukti tidak berlaku pada tahun penilaian.", oleh=biro,
        )  # fmt: skip
    # Grafik aspek evaluasi itu, sebaran kategori (bila kategorinya bergeser), peringkat, rata-rata aspek.
    assert 2 <= len(gambar_dihitung) <= 4 and "batang_horizontal" in gambar_dihitung
    gambar_dihitung.clear()
    client.force_login(biro)
    client.get(reverse("evaluasi:detail", args=[evaluasi.code]))
    client.get(reverse("evaluasi:siklus_detail", args=[siklus_berhasil.code]))
    assert gambar_dihitung == []


def test_tanpa_tugas_halaman_menggambar_sekali_lalu_membaca(siklus_berhasil, biro, client, gambar_dihitung):
    """Broker mati atau tugas belum jalan: halaman pertama menggambar dan menyimpan, berikutnya membaca."""
    services.siklus_hitung_ulang(siklus=siklus_berhasil)  # tanpa tugas: belum ada grafik tersimpan
    client.force_login(biro)
    url = reverse("evaluasi:siklus_detail", args=[siklus_berhasil.code])
    client.get(url)
    assert len(gambar_dihitung) == 2  # sebaran kategori dan peringkat
    client.get(url)
    assert len(gambar_dihitung) == 2
