"""Laporan SKM (PDF) dari jawaban responden dan RTL: isi terbaca kembali, dan periode unit lain 404."""

import io
from datetime import date

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from kaltim_yanlik.core.dokumen import dokumen_minta
from kaltim_yanlik.core.models import DokumenPDF
from survei.dokumen import LAPORAN_SKM
from survei.models import PeriodeSKM, RencanaTindakLanjut, ResponSKM

pytestmark = pytest.mark.django_db


@pytest.fixture
def periode(dinkes):
    periode = PeriodeSKM.objects.create(
        penyelenggara=dinkes,
        nama="Semester I 2026",
        mulai=date(2026, 1, 1),
        selesai=date(2026, 6, 30),
        populasi=100,
    )
    nilai = {f"u{i}": 3 for i in range(1, 9)} | {"u9": 2}
    ResponSKM.objects.bulk_create(
        ResponSKM(periode=periode, diterima_pada=timezone.now(), **nilai) for _ in range(12)
    )
    rtl = RencanaTindakLanjut(
        periode=periode, unsur="U9", kegiatan="Perbaikan ruang tunggu dan toilet",
        penanggung_jawab="Subbag Umum", tenggat=date(2026, 8, 31), selesai_pada=date(2026, 8, 20),
    )  # fmt: skip
    rtl.bukti.save("bukti.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"), save=False)
    rtl.save()
    return periode


def test_laporan_skm_memuat_ikm_unsur_lemah_dan_rtl(
    periode, kepala_dinkes, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        dokumen = dokumen_minta(jenis=LAPORAN_SKM, subjek=periode, oleh=kepala_dinkes)
    dokumen.refresh_from_db()
    assert dokumen.status == DokumenPDF.Status.SELESAI, dokumen.alasan_gagal
    with dokumen.berkas.open("rb") as f:
        teks = " ".join(" ".join(h.extract_text() for h in PdfReader(io.BytesIO(f.read())).pages).split())
    # (8 × 3 + 2) / 9 × 25 = 72,22 → C, Kurang Baik; U9 (NRR 2,000) lemah.
    assert "72,22" in teks and "Kurang Baik" in teks
    assert "Sarana dan Prasarana (lemah)" in teks
    assert "12 / 80" in teks  # responden / target Krejcie–Morgan untuk 100 pengguna
    assert "1 dari 1 butir selesai (100 %)" in teks and "Perbaikan ruang tunggu dan toilet" in teks


def test_laporan_skm_unit_lain_404(periode, kepala_samsat, client):
    client.force_login(kepala_samsat)
    assert client.post(reverse("dokumen_buat", args=[LAPORAN_SKM, periode.code])).status_code == 404
