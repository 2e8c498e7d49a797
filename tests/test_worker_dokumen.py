"""Render PDF oleh worker Celery sungguhan (Redis, PostgreSQL basis data uji, WeasyPrint), bukan eager."""

import time
import uuid

import pytest
from django.conf import settings
from django.db import connection

from evaluasi.models import Evaluasi, HasilEvaluasi, SiklusMonev
from kaltim_yanlik.core import dokumen as dokumen_inti
from kaltim_yanlik.core.models import DokumenPDF
from kaltim_yanlik.core.tasks import dokumen_render_task

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]

BATAS_TUNGGU = 90  # detik: worker pertama kali memuat WeasyPrint


def _url_basis_data_uji() -> str:
    data = connection.settings_dict
    if connection.vendor != "postgresql":
        pytest.skip("Worker terpisah butuh basis data bersama (PostgreSQL), bukan SQLite memori.")
    return f"postgres://{data['USER']}@{data['HOST'] or '127.0.0.1'}:{data['PORT'] or 5432}/{data['NAME']}"


def _evaluasi_berhasil(dinkes) -> Evaluasi:
    from evaluasi.models import InstrumenVersi
    from evaluasi.tests.alur import pasang_instrumen_2025

    # transactional_db mengosongkan tabel (termasuk data migrasi) setelah uji transaksional sebelumnya;
    # pasang ulang instrumen 2025 seperti tests/test_browser_monev.py (tidak berbuat apa-apa bila masih ada).
    pasang_instrumen_2025()

    siklus = SiklusMonev.objects.create(
        tahun=2031,
        nama="Monev uji worker",
        instrumen=InstrumenVersi.objects.get(tahun=2025, jenis="A"),
        **{
            f"{f}_{b}": f"2031-0{i + 1}-1{j}"
            for i, f in enumerate(["pengisian", "penilaian", "perbaikan", "finalisasi"])
            for j, b in enumerate(["mulai", "selesai"])
        },
    )
    evaluasi = Evaluasi.objects.create(siklus=siklus, penyelenggara=dinkes, status=Evaluasi.Status.DINILAI)
    HasilEvaluasi.objects.create(
        evaluasi=evaluasi, nilai_aspek={"I": "4.0000", "II": "3.5000"}, ipp="3.7100", ipp_bulat="3.71",
        kategori="B", predikat="Baik", peringkat=1, dihitung_pada="2031-05-01T00:00:00+08:00",
    )  # fmt: skip
    return evaluasi


def test_laporan_dirender_worker_sungguhan(jalankan_worker, dinkes, biro, monkeypatch):
    evaluasi = _evaluasi_berhasil(dinkes)
    antrean = f"kaltim-uji-{uuid.uuid4().hex[:12]}"
    # Satu-satunya yang diganti: antrean tujuan, agar worker uji sekali pakai ini yang mengambil tugasnya
    # (antrean bawaan "celery" dipakai bersama proses lain di Redis yang sama).
    monkeypatch.setattr(
        dokumen_inti, "_antrekan", lambda pk: dokumen_render_task.apply_async(args=[pk], queue=antrean)
    )
    env = {"DATABASE_URL": _url_basis_data_uji(), "MEDIA_ROOT": str(settings.MEDIA_ROOT)}
    with jalankan_worker(antrean, env) as worker:
        dokumen = dokumen_inti.dokumen_minta(jenis="laporan-hasil-evaluasi", subjek=evaluasi, oleh=biro)
        batas = time.monotonic() + BATAS_TUNGGU
        while time.monotonic() < batas:
            dokumen.refresh_from_db()
            if not dokumen.sedang_berjalan:
                break
            assert worker.hidup(), worker.keluaran()
            time.sleep(0.2)
    assert dokumen.status == DokumenPDF.Status.SELESAI, dokumen.alasan_gagal or worker.keluaran()
    with dokumen.berkas.open("rb") as berkas:
        assert berkas.read(5) == b"%PDF-"
    assert dokumen.percobaan == 1 and dokumen.durasi_md > 0
