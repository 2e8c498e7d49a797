"""Keputusan dan piagam sebagai PDF: memuat nama dan nomor keputusan; unit lain 404; halaman publik hanya
memuat Pelaksana yang setuju ditampilkan."""

import io

import pytest
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from kaltim_yanlik.core.dokumen import dokumen_minta
from kaltim_yanlik.core.models import DokumenPDF
from penghargaan.dokumen import (
    KEPUTUSAN_GUBERNUR,
    KEPUTUSAN_PELAKSANA,
    PIAGAM_PELAKSANA,
    PIAGAM_PENYELENGGARA,
)
from penghargaan.services import penyelenggara as services_unit
from penghargaan.services import periode as services

from .conftest import finalkan, isi_semua_lembar, periode_siap

pytestmark = pytest.mark.django_db
NOMOR = "800/PH.07/DINKES/2026"


def _teks(dokumen: DokumenPDF) -> str:
    with dokumen.berkas.open("rb") as f:
        return " ".join(" ".join(h.extract_text() for h in PdfReader(io.BytesIO(f.read())).pages).split())


def _buat(jenis, subjek, oleh, capture) -> DokumenPDF:
    with capture(execute=True):
        dokumen = dokumen_minta(jenis=jenis, subjek=subjek, oleh=oleh)
    dokumen.refresh_from_db()
    assert dokumen.status == DokumenPDF.Status.SELESAI, dokumen.alasan_gagal
    return dokumen


@pytest.fixture
def periode_ditetapkan(kepala_dinkes, staf_dinkes):
    periode = periode_siap(kepala_dinkes, staf_dinkes, nominasi=3)
    a, b, c = staf_dinkes["calon"][:3]
    isi_semua_lembar(periode, kepala_dinkes, {a.nama: {"*": 92}, b.nama: {"*": 88}, c.nama: {"*": 70}})
    nominasi = {n.pelaksana_id: n for n in periode.nominasi.all()}
    services.periode_tetapkan(
        periode=periode, nomor_keputusan=NOMOR, tanggal_keputusan=timezone.localdate(), oleh=kepala_dinkes,
        penerima=[
            {"nominasi": nominasi[a.pk], "bentuk": ["piagam", "uang"], "keterangan_bentuk": "Rp1.000.000",
             "tampil_publik": True},
            {"nominasi": nominasi[b.pk], "bentuk": ["piagam"], "tampil_publik": False},
        ],
    )  # fmt: skip
    periode.refresh_from_db()
    return periode


def test_keputusan_dan_piagam_memuat_nama_dan_nomor(
    periode_ditetapkan, kepala_dinkes, staf_dinkes, django_capture_on_commit_callbacks
):
    a, b, c = staf_dinkes["calon"][:3]
    teks = _teks(
        _buat(KEPUTUSAN_PELAKSANA, periode_ditetapkan, kepala_dinkes, django_capture_on_commit_callbacks)
    )
    assert f"NOMOR {NOMOR}" in teks and "PELAKSANA TELADAN" in teks
    assert a.nama in teks and b.nama in teks and c.nama not in teks
    assert staf_dinkes["kepala"].nama in teks and "Rp1.000.000" in teks
    assert "Tidak pernah menerima komplain" in teks and staf_dinkes["sekretaris"].nama in teks
    piagam = periode_ditetapkan.penerima.get(nominasi__pelaksana=a)
    teks = _teks(_buat(PIAGAM_PELAKSANA, piagam, kepala_dinkes, django_capture_on_commit_callbacks))
    assert "PIAGAM PENGHARGAAN" in teks and a.nama in teks and NOMOR in teks
    assert "Pelaksana Teladan" in teks and periode_ditetapkan.label_periode in teks


def test_dokumen_penghargaan_unit_lain_404(
    periode_ditetapkan,
    kepala_dinkes,
    kepala_samsat,
    operator_dinkes,
    client,
    django_capture_on_commit_callbacks,
):
    piagam = periode_ditetapkan.penerima.first()
    dokumen = _buat(PIAGAM_PELAKSANA, piagam, kepala_dinkes, django_capture_on_commit_callbacks)
    client.force_login(kepala_samsat)
    for jenis, subjek in ((PIAGAM_PELAKSANA, piagam), (KEPUTUSAN_PELAKSANA, periode_ditetapkan)):
        assert client.post(reverse("dokumen_buat", args=[jenis, subjek.code])).status_code == 404
    assert client.get(reverse("dokumen_unduh", args=[dokumen.code])).status_code == 404
    assert client.get(reverse("dokumen_status", args=[dokumen.code])).status_code == 404
    client.force_login(operator_dinkes)
    assert client.get(reverse("dokumen_unduh", args=[dokumen.code])).status_code == 200


def test_keputusan_sebelum_penetapan_tidak_ada(kepala_dinkes, staf_dinkes, client):
    periode = periode_siap(kepala_dinkes, staf_dinkes)
    client.force_login(kepala_dinkes)
    assert client.post(reverse("dokumen_buat", args=[KEPUTUSAN_PELAKSANA, periode.code])).status_code == 404


def test_keputusan_gubernur_dan_piagam_unit(
    buat_siklus,
    dinkes,
    samsat,
    biro,
    kepala_dinkes,
    kepala_samsat,
    client,
    django_capture_on_commit_callbacks,
    pejabat_provinsi,
):
    siklus = finalkan(buat_siklus(dinkes, samsat, fase="finalisasi"), {dinkes.pk: 5, samsat.pk: 5})
    ph = services_unit.usulan_buat(siklus=siklus, nama="Penghargaan Pelayanan Prima", aturan="kategori",
                                   kategori="A", oleh=biro)  # fmt: skip
    # Nama Gubernur tidak lagi diketik Biro: Gubernur yang tercatat menjabat pada tanggal keputusan.
    services_unit.penghargaan_tetapkan(
        penghargaan=ph, nomor_keputusan="100.3.3.2/K.500/2026", tanggal_keputusan=timezone.localdate(),
        bentuk=["piagam", "pin"], oleh=biro,
    )  # fmt: skip
    teks = _teks(_buat(KEPUTUSAN_GUBERNUR, ph, biro, django_capture_on_commit_callbacks))
    assert "KEPUTUSAN GUBERNUR KALIMANTAN TIMUR" in teks and "100.3.3.2/K.500/2026" in teks
    assert dinkes.nama in teks and samsat.nama in teks and "Dr. H. Gubernur Uji" in teks
    # Mengingat dari data: PermenPANRB kini bernomor dan bertahun (dulu tanpa nomor dan tahun).
    assert "Nomor 29 Tahun 2022" in teks and "Nomor 4 Tahun 2023" in teks
    piagam = ph.penerima.get(penyelenggara=dinkes)
    teks = _teks(_buat(PIAGAM_PENYELENGGARA, piagam, biro, django_capture_on_commit_callbacks))
    assert dinkes.nama in teks and "100.3.3.2/K.500/2026" in teks and "Pin khusus" in teks
    # Unit lain: piagam Dinkes dan Keputusan Gubernur 404; unit sendiri: piagamnya boleh.
    client.force_login(kepala_samsat)
    assert client.post(reverse("dokumen_buat", args=[PIAGAM_PENYELENGGARA, piagam.code])).status_code == 404
    assert client.post(reverse("dokumen_buat", args=[KEPUTUSAN_GUBERNUR, ph.code])).status_code == 404
    client.force_login(kepala_dinkes)
    assert client.post(reverse("dokumen_buat", args=[PIAGAM_PENYELENGGARA, piagam.code])).status_code == 302


def test_halaman_publik_hanya_dengan_persetujuan(periode_ditetapkan, staf_dinkes, client):
    a, b = staf_dinkes["calon"][:2]
    halaman = client.get(reverse("penghargaan:publik")).content.decode()
    assert a.nama in halaman and b.nama not in halaman
    # Halaman publik tanpa nilai atau rincian bentuk (nilai akhir A: 0,9 × 92 + 10 = 92,80).
    assert "92,80" not in halaman and "Rp1.000.000" not in halaman
