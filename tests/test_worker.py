"""Tugas latar melalui worker Celery sungguhan di Redis (bukan eager)."""

import time
import uuid

import pytest

from kaltim_yanlik.core.tasks import kirim_email_task

pytestmark = pytest.mark.worker

BATAS_TUNGGU_EMAIL = 60  # detik


def _tunggu_email(worker, penanda: str) -> str:
    """Isi berkas e-mail pertama yang memuat ``penanda``; gagal bila tidak muncul dalam batas waktu."""
    batas = time.monotonic() + BATAS_TUNGGU_EMAIL
    while time.monotonic() < batas:
        for berkas in sorted(worker.folder_email.glob("*.log")):
            isi = berkas.read_text(errors="replace")
            if penanda in isi:
                return isi
        if not worker.hidup():
            pytest.fail(f"Worker Celery berhenti (kode {worker.proses.returncode}) sebelum e-mail terkirim.")
        time.sleep(0.1)
    pytest.fail(f"E-mail tidak muncul di {worker.folder_email} dalam {BATAS_TUNGGU_EMAIL} detik.")


def test_kirim_email_task_dijalankan_worker_sungguhan(jalankan_worker, tmp_path):
    antrean = f"kaltim-uji-{uuid.uuid4().hex[:12]}"
    folder_email = tmp_path / "surel"
    subjek = f"Uji worker Kaltim YANLIK {uuid.uuid4().hex[:8]}"
    penerima = "operator.dinkes@contoh.kaltimprov.go.id"

    with jalankan_worker(antrean, {"EMAIL_FILE_PATH": str(folder_email)}) as worker:
        hasil = kirim_email_task.apply_async(
            kwargs={"subjek": subjek, "isi": "Isi surel uji dari worker.", "penerima": [penerima]},
            queue=antrean,
        )
        assert hasil.id
        isi = _tunggu_email(worker, subjek)

    assert worker.folder_email == folder_email
    assert f"Subject: {subjek}" in isi
    assert f"To: {penerima}" in isi
    assert "Isi surel uji dari worker." in isi
