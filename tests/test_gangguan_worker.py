"""Worker Celery dimatikan paksa (SIGKILL) di tengah hitung ulang dan di tengah render PDF.

Tidak ada yang dipalsukan: worker sungguhan, PostgreSQL basis data uji, Redis pribadi
(tests/gangguan_layanan.py).
Agar "di tengah" dapat dicapai dengan pasti, worker pertama diberi kait jeda uji (settings
``HITUNG_ULANG_JEDA_UJI`` / ``DOKUMEN_JEDA_UJI``, 0 di produksi): hitung ulang berhenti setelah semua baris
ditulis tetapi sebelum commit, render PDF berhenti setelah PDF jadi tetapi sebelum berkas disimpan. Worker
dibunuh di titik itu, lalu worker kedua (tanpa jeda) menerima tugas yang sama dari Redis setelah
``visibility_timeout`` (beberapa detik di sini; produksi: ``CELERY_VISIBILITY_TIMEOUT``, bawaan 30 menit).
"""

import time
import uuid
from decimal import Decimal

import pytest
from django.conf import settings
from django.urls import reverse

from evaluasi.models import Evaluasi, HasilEvaluasi, Indikator, PenilaianIndikator
from evaluasi.services import siklus_hitung_ulang
from evaluasi.skor import hitung_ipp
from evaluasi.tasks import siklus_hitung_ulang_task
from kaltim_yanlik.core import dokumen as dokumen_inti
from kaltim_yanlik.core.models import DokumenPDF
from kaltim_yanlik.core.tasks import dokumen_render_task

from .gangguan_layanan import redis_pribadi
from .test_worker_dokumen import _evaluasi_berhasil, _url_basis_data_uji

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]

VISIBILITY_UJI = 3  # detik; pesan tak ter-ack dikembalikan ke antrean setelah ini (dipindai tiap detik)
BATAS_TUNGGU = 90  # detik


@pytest.fixture
def redis_url():
    """Menimpa fixture tests/conftest.py: broker Redis pribadi, bukan Redis bersama."""
    with redis_pribadi() as redis:
        yield redis.url(0)


def _tunggu(kondisi, pesan: str, worker=None, batas: float = BATAS_TUNGGU):
    akhir = time.monotonic() + batas
    while time.monotonic() < akhir:
        if kondisi():
            return
        if worker is not None:
            assert worker.hidup(), worker.keluaran()
        time.sleep(0.2)
    keluaran = worker.keluaran() if worker is not None else ""
    pytest.fail(f"{pesan} (tidak terjadi dalam {batas} detik)\n{keluaran}")


def _bunuh(worker) -> None:
    worker.proses.kill()  # SIGKILL: tidak ada warm shutdown, tidak ada ack
    worker.proses.wait(timeout=10)


def _env_worker(jeda: dict[str, str] | None = None) -> dict[str, str]:
    return {
        "DATABASE_URL": _url_basis_data_uji(),
        "MEDIA_ROOT": str(settings.MEDIA_ROOT),
        "CELERY_VISIBILITY_TIMEOUT": str(VISIBILITY_UJI),
        "CELERY_UNACKED_RESTORE_INTERVAL": "1",
        "CELERY_UNACKED_RESTORE_THROTTLE": "1",
        **(jeda or {}),
    }


def _isi_level(siklus, level_per_unit: dict[int, int]) -> dict[int, Decimal]:
    """Set level F-02 setiap evaluasi (semua indikator non-suplemen); IPP harapan dari fungsi murni."""
    indikator = list(Indikator.objects.filter(aspek__instrumen=siklus.instrumen, suplemen=False))
    harapan = {}
    for evaluasi in siklus.evaluasi.all():
        level = level_per_unit[evaluasi.penyelenggara_id]
        PenilaianIndikator.objects.filter(evaluasi=evaluasi).delete()
        PenilaianIndikator.objects.bulk_create(
            PenilaianIndikator(evaluasi=evaluasi, indikator=i, level=level) for i in indikator
        )
        harapan[evaluasi.pk] = hitung_ipp({i.nomor: level for i in indikator}).ipp
    return harapan


def _himpunan_hasil(siklus) -> dict[int, tuple]:
    return {
        eid: (ipp, peringkat, str(waktu))
        for eid, ipp, peringkat, waktu in HasilEvaluasi.objects.filter(evaluasi__siklus=siklus).values_list(
            "evaluasi_id", "ipp", "peringkat", "dihitung_pada"
        )
    }


def test_worker_mati_di_tengah_hitung_ulang_hasil_lama_atau_baru(
    jalankan_worker, biro, dinkes, samsat, labkes, bapenda
):
    siklus = buat_siklus_dinilai(biro, dinkes, samsat, labkes, bapenda)
    _isi_level(siklus, {dinkes.pk: 2, samsat.pk: 3, labkes.pk: 4, bapenda.pk: 1})
    siklus_hitung_ulang(siklus=siklus)
    lama = _himpunan_hasil(siklus)
    assert len(lama) == 4
    # Level berubah untuk semua unit (urutan peringkat terbalik): setiap baris hasil akan ditulis ulang.
    ipp_baru = _isi_level(siklus, {dinkes.pk: 4, samsat.pk: 3, labkes.pk: 1, bapenda.pk: 5})

    antrean = f"kaltim-uji-{uuid.uuid4().hex[:12]}"
    with jalankan_worker(antrean, _env_worker({"HITUNG_ULANG_JEDA_UJI": "60"})) as pertama:
        tugas = siklus_hitung_ulang_task.apply_async(args=[siklus.pk], queue=antrean)
        _tunggu(
            lambda: "HITUNG_ULANG_JEDA_UJI: jeda" in pertama.keluaran(), "Hitung ulang tidak mulai", pertama
        )
        # Semua baris baru sudah ditulis worker, belum di-commit: pembaca masih melihat himpunan lama.
        assert _himpunan_hasil(siklus) == lama
        _bunuh(pertama)
    assert _himpunan_hasil(siklus) == lama, "Worker mati sebelum commit: tidak boleh ada hasil campuran"

    def ipp_tersimpan():
        return {eid: ipp for eid, (ipp, _, _) in _himpunan_hasil(siklus).items()}

    with jalankan_worker(antrean, _env_worker()) as kedua:
        _tunggu(
            lambda: ipp_tersimpan() == ipp_baru, "Hitung ulang tidak selesai setelah dikirim ulang", kedua
        )
        # Tugas yang sama (id sama) dikirim ulang oleh Redis; tidak ada pengiriman baru dari uji.
        assert f"siklus_hitung_ulang_task[{tugas.id}] received" in kedua.keluaran()

    baru = _himpunan_hasil(siklus)
    assert len({waktu for _, _, waktu in baru.values()}) == 1, "Semua hasil dari satu penghitungan"
    assert {p for _, p, _ in baru.values()} == {1, 2, 3, 4}


def test_worker_mati_di_tengah_render_pdf_berkas_lama_tetap_dilayani(jalankan_worker, dinkes, biro, client):
    evaluasi = _evaluasi_berhasil(dinkes)
    # Render pertama langsung (eager, bawaan uji): berkas lama yang harus tetap dilayani.
    dokumen = dokumen_inti.dokumen_minta(jenis="laporan-hasil-evaluasi", subjek=evaluasi, oleh=biro)
    dokumen.refresh_from_db()
    assert dokumen.status == DokumenPDF.Status.SELESAI, dokumen.alasan_gagal
    berkas_lama = dokumen.berkas.name
    with dokumen.berkas.open("rb") as berkas:
        isi_lama = berkas.read()
    client.force_login(biro)
    unduh = reverse("dokumen_unduh", args=[dokumen.code])

    antrean = f"kaltim-uji-{uuid.uuid4().hex[:12]}"
    antrekan_asli = dokumen_inti._antrekan
    dokumen_inti._antrekan = lambda pk: dokumen_render_task.apply_async(args=[pk], queue=antrean)
    try:
        with jalankan_worker(antrean, _env_worker({"DOKUMEN_JEDA_UJI": "60"})) as pertama:
            dokumen_inti.dokumen_minta(jenis="laporan-hasil-evaluasi", subjek=evaluasi, oleh=biro)
            _tunggu(lambda: "DOKUMEN_JEDA_UJI: jeda" in pertama.keluaran(), "Render tidak mulai", pertama)
            dokumen.refresh_from_db()
            assert dokumen.status == DokumenPDF.Status.DIPROSES
            _bunuh(pertama)
    finally:
        dokumen_inti._antrekan = antrekan_asli

    # Worker mati setelah PDF baru jadi, sebelum disimpan: berkas lama utuh dan tetap dapat diunduh.
    dokumen.refresh_from_db()
    assert dokumen.berkas.name == berkas_lama
    respons = client.get(unduh)
    assert respons.status_code == 200 and b"".join(respons.streaming_content) == isi_lama

    with jalankan_worker(antrean, _env_worker()) as kedua:
        _tunggu(
            lambda: DokumenPDF.objects.get(pk=dokumen.pk).status == DokumenPDF.Status.SELESAI,
            "PDF tidak selesai setelah tugas dikirim ulang",
            kedua,
        )
    dokumen.refresh_from_db()
    assert dokumen.percobaan == 3  # render eager, percobaan yang dibunuh, percobaan ulang
    assert dokumen.berkas.name != berkas_lama
    with dokumen.berkas.open("rb") as berkas:
        assert berkas.read(5) == b"%PDF-"
    assert not dokumen.berkas.storage.exists(berkas_lama), "Berkas lama dibuang setelah yang baru tersimpan"
    respons = client.get(unduh)
    assert respons.status_code == 200 and b"".join(respons.streaming_content)[:5] == b"%PDF-"


def buat_siklus_dinilai(biro, *lokus):
    """Siklus fase penilaian dengan ``lokus``, semua evaluasi berstatus dinilai.

    Instrumen 2025 dipasang ulang: uji transaksional sebelumnya mengosongkan tabel (termasuk data migrasi).
    """
    from evaluasi.jendela import hari_ini
    from evaluasi.models import InstrumenVersi, SiklusMonev
    from evaluasi.services import siklus_buka
    from evaluasi.tests.alur import pasang_instrumen_2025
    from evaluasi.tests.conftest import jendela_siklus

    pasang_instrumen_2025()
    siklus = SiklusMonev(
        tahun=2032,
        nama="Monev uji gangguan worker",
        instrumen=InstrumenVersi.objects.get(tahun=2025, jenis="A"),
        **jendela_siklus(hari_ini(), "penilaian"),
    )
    siklus = siklus_buka(siklus=siklus, oleh=biro, lokus=list(lokus))
    siklus.evaluasi.update(status=Evaluasi.Status.DINILAI)
    return siklus
