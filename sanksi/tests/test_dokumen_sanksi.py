"""Naskah PDF kasus (surat panggilan, BAP, keputusan sanksi): isi terbaca kembali dan akses per unit."""

import io
from datetime import date, datetime, time

import pytest
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from kaltim_yanlik.core.dokumen import dokumen_minta
from kaltim_yanlik.core.models import DokumenPDF
from kode_etik.models import Larangan
from sanksi.dokumen import BAP, KEPUTUSAN_SANKSI, SURAT_PANGGILAN
from sanksi.models import BeritaAcaraPemeriksaan, Pelanggaran, Pemanggilan, Pemeriksaan, Sanksi

pytestmark = pytest.mark.django_db


def _teks(dokumen: DokumenPDF) -> str:
    with dokumen.berkas.open("rb") as f:
        return " ".join(" ".join(h.extract_text() for h in PdfReader(io.BytesIO(f.read())).pages).split())


@pytest.fixture
def kasus(pelaksana_dinkes, kepala_dinkes):
    """Kasus administratif yang sudah sampai sanksi (dibuat langsung: yang diuji di sini naskahnya)."""
    pelaksana_dinkes.nip = "198501012010011001"
    pelaksana_dinkes.jabatan = "Petugas Loket Perizinan"
    pelaksana_dinkes.save()
    larangan = Larangan.objects.get(huruf="a")
    kasus = Pelanggaran.objects.create(
        pelaksana=pelaksana_dinkes,
        penyelenggara=pelaksana_dinkes.penyelenggara,
        larangan=larangan,
        jalur=larangan.jalur_sanksi,
        sumber=Pelanggaran.Sumber.TEMUAN_ATASAN,
        uraian="Meminta imbalan tidak resmi di loket.",
        tahap=Pelanggaran.Tahap.SANKSI,
        dibuka_oleh=kepala_dinkes,
        dibuka_pada=timezone.now(),
    )
    jadwal = timezone.make_aware(datetime.combine(date(2026, 11, 2), time(9, 30)))
    Pemanggilan.objects.create(
        pelanggaran=kasus, nomor_surat="800/123/DINKES/2026", tanggal_surat=date(2026, 10, 28),
        jadwal=jadwal, tempat="Ruang Rapat Dinas Kesehatan", dicatat_oleh=kepala_dinkes,
    )  # fmt: skip
    Pemeriksaan.objects.create(
        pelanggaran=kasus, tanggal=date(2026, 11, 2), pemeriksa="Drs. Pemeriksa Satu\nIr. Pemeriksa Dua",
        ringkasan="Diperiksa.", dicatat_oleh=kepala_dinkes,
    )  # fmt: skip
    BeritaAcaraPemeriksaan.objects.create(
        pelanggaran=kasus, nomor="BAP/07/2026", tanggal=date(2026, 11, 2),
        keterangan_terperiksa="Mengakui menerima uang.", temuan="Bukti rekaman CCTV.", terbukti=True,
        dicatat_oleh=kepala_dinkes,
    )  # fmt: skip
    Sanksi.objects.create(
        pelanggaran=kasus, jenis=Sanksi.Jenis.TEGURAN_TERTULIS, nomor_keputusan="862/45/DINKES/2026",
        tanggal_keputusan=date(2026, 11, 9), pertimbangan="perbuatan tersebut baru pertama kali dilakukan",
        batas_keberatan=date(2026, 11, 23), dicatat_oleh=kepala_dinkes,
    )  # fmt: skip
    kasus.refresh_from_db()
    return kasus


def _buat(jenis, subjek, oleh, django_capture_on_commit_callbacks) -> DokumenPDF:
    with django_capture_on_commit_callbacks(execute=True):
        dokumen = dokumen_minta(jenis=jenis, subjek=subjek, oleh=oleh)
    dokumen.refresh_from_db()
    assert dokumen.status == DokumenPDF.Status.SELESAI, dokumen.alasan_gagal
    return dokumen


def test_surat_panggilan(kasus, kepala_dinkes, django_capture_on_commit_callbacks):
    teks = _teks(_buat(SURAT_PANGGILAN, kasus.pemanggilan, kepala_dinkes, django_capture_on_commit_callbacks))
    assert "800/123/DINKES/2026" in teks and "Panggilan Pemeriksaan" in teks
    assert kasus.pelaksana.nama in teks and "Pasal 10 huruf a" in teks
    assert "Senin, 2 November 2026" in teks and "09.30 WITA" in teks
    assert "Ruang Rapat Dinas Kesehatan" in teks


def test_bap(kasus, kepala_dinkes, django_capture_on_commit_callbacks):
    teks = _teks(_buat(BAP, kasus.beritaacarapemeriksaan, kepala_dinkes, django_capture_on_commit_callbacks))
    assert "BERITA ACARA PEMERIKSAAN" in teks and "BAP/07/2026" in teks
    assert "Senin tanggal dua bulan November tahun dua ribu dua puluh enam" in teks
    assert "Drs. Pemeriksa Satu" in teks and "Ir. Pemeriksa Dua" in teks
    assert "TERBUKTI" in teks and "Mengakui menerima uang." in teks


def test_keputusan_sanksi_memuat_nama_nomor_dan_batas_keberatan(
    kasus, kepala_dinkes, django_capture_on_commit_callbacks
):
    teks = _teks(_buat(KEPUTUSAN_SANKSI, kasus.sanksi, kepala_dinkes, django_capture_on_commit_callbacks))
    assert "NOMOR 862/45/DINKES/2026" in teks
    assert "TEGURAN TERTULIS" in teks and kasus.pelaksana.nama.upper() in teks
    assert "198501012010011001" in teks
    assert "BAP/07/2026" in teks and "23 November 2026" in teks


def test_naskah_kasus_unit_lain_404(
    kasus, kepala_dinkes, kepala_samsat, operator_dinkes, client, django_capture_on_commit_callbacks
):
    dokumen = _buat(KEPUTUSAN_SANKSI, kasus.sanksi, kepala_dinkes, django_capture_on_commit_callbacks)
    client.force_login(kepala_samsat)
    assert client.post(reverse("dokumen_buat", args=[KEPUTUSAN_SANKSI, kasus.sanksi.code])).status_code == 404
    assert client.get(reverse("dokumen_unduh", args=[dokumen.code])).status_code == 404
    assert client.get(reverse("dokumen_status", args=[dokumen.code])).status_code == 404
    client.force_login(operator_dinkes)
    assert client.get(reverse("dokumen_unduh", args=[dokumen.code])).status_code == 200
