"""Redis mati selagi portal berjalan: halaman tetap melayani, permintaan PDF tercatat "antri" tanpa
menggantung, dan setelah Redis kembali tugas berkala antre-ulang membawa PDF itu sampai selesai lewat worker
sungguhan.

Redis yang dimatikan adalah Redis pribadi (tests/gangguan_layanan.py, port 6380), bukan Redis bersama.
"""

import time
from datetime import timedelta

import pytest
from django.conf import settings
from django.test import override_settings
from django.urls import reverse

from evaluasi.models import Evaluasi
from kaltim_yanlik.core.ketahanan import CacheRedisToleran
from kaltim_yanlik.core.models import DokumenPDF
from kaltim_yanlik.core.tasks import dokumen_antre_ulang_task

from .gangguan_layanan import redis_pribadi
from .test_gangguan_worker import _isi_level, buat_siklus_dinilai
from .test_worker_dokumen import _evaluasi_berhasil, _url_basis_data_uji

pytestmark = pytest.mark.django_db(transaction=True)

BATAS_TUNGGU = 90  # detik
BATAS_REQUEST_BROKER_MATI = 5  # detik: pengiriman tugas ke broker mati harus menyerah cepat


@pytest.fixture
def redis_gangguan():
    with redis_pribadi() as redis:
        yield redis


@pytest.fixture
def redis_url(redis_gangguan):
    """Menimpa fixture tests/conftest.py: worker dan proses uji memakai Redis pribadi yang boleh dimatikan."""
    return redis_gangguan.url(0)


def _cache_redis(redis) -> dict:
    return {
        "default": {
            "BACKEND": "kaltim_yanlik.core.ketahanan.CacheRedisToleran",
            "LOCATION": redis.url(1),
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }


def test_cache_redis_toleran_menganggap_redis_mati_sebagai_cache_kosong(redis_gangguan):
    cache = CacheRedisToleran(redis_gangguan.url(1), {"OPTIONS": {"socket_connect_timeout": 1}})
    cache.set("kunci", "nilai")
    assert cache.get("kunci") == "nilai"
    redis_gangguan.hentikan()
    assert cache.get("kunci", "bawaan") == "bawaan"
    cache.set("kunci", "baru")  # tidak melempar
    assert cache.add("hitung", 0) is False
    with pytest.raises(ValueError):
        cache.incr("hitung")
    assert cache.get_many(["kunci"]) == {}
    redis_gangguan.nyalakan()  # Redis baru tanpa persistensi: kosong, dan cache pulih sendiri
    cache.set("kunci", "kembali")
    assert cache.get("kunci") == "kembali"


@pytest.mark.worker
def test_redis_mati_halaman_tetap_jalan_dan_pdf_selesai_setelah_kembali(
    jalankan_worker, redis_gangguan, dinkes, biro, client
):
    evaluasi = _evaluasi_berhasil(dinkes)
    client.force_login(biro)
    halaman = [
        reverse("beranda"),
        reverse("evaluasi:detail", args=[evaluasi.code]),
        reverse("evaluasi:publik_daftar"),
    ]
    env = {
        "DATABASE_URL": _url_basis_data_uji(),
        "MEDIA_ROOT": str(settings.MEDIA_ROOT),
        # Jadwal antre-ulang memakai ambang 0 di sini; produksi menunggu DOKUMEN_ANTRE_ULANG_DETIK (5 menit).
        "DOKUMEN_ANTRE_ULANG_DETIK": "0",
    }
    # Antrean bawaan "celery": Redis ini pribadi, jadi tugas yang diantrekan kode portal sendiri (render PDF
    # dari tugas antre-ulang) sampai ke worker ini tanpa mengganti apa pun.
    with jalankan_worker("celery", env) as worker, override_settings(CACHES=_cache_redis(redis_gangguan)):
        redis_gangguan.hentikan()

        for url in halaman:
            assert client.get(url).status_code == 200, url

        mulai = time.monotonic()
        respons = client.post(
            reverse("dokumen_buat", args=["laporan-hasil-evaluasi", evaluasi.code]),
            {"next": halaman[1]},
        )
        durasi = time.monotonic() - mulai
        assert respons.status_code == 302 and respons.url == halaman[1]
        assert durasi < BATAS_REQUEST_BROKER_MATI, f"Permintaan PDF tertahan {durasi:.1f} detik"
        dokumen = DokumenPDF.objects.get()
        assert dokumen.status == DokumenPDF.Status.ANTRI  # pekerjaan tercatat, belum terkirim
        assert client.get(halaman[1]).status_code == 200

        redis_gangguan.nyalakan()
        # Yang dilakukan Celery beat setiap 5 menit: kirim tugas antre-ulang; worker menjalankannya, lalu
        # merender dokumen yang diantrekannya kembali.
        dokumen_antre_ulang_task.delay()
        batas = time.monotonic() + BATAS_TUNGGU
        while dokumen.status != DokumenPDF.Status.SELESAI and time.monotonic() < batas:
            assert worker.hidup(), worker.keluaran()
            time.sleep(0.3)
            dokumen.refresh_from_db()
        assert dokumen.status == DokumenPDF.Status.SELESAI, dokumen.alasan_gagal or worker.keluaran()

    with dokumen.berkas.open("rb") as berkas:
        assert berkas.read(5) == b"%PDF-"
    assert dokumen.percobaan == 1


def test_antre_ulang_idempoten_dan_hanya_yang_tertahan(dinkes, biro, monkeypatch):
    from django.utils import timezone

    from kaltim_yanlik.core import dokumen as dokumen_inti

    terkirim = []
    monkeypatch.setattr(dokumen_inti, "_antrekan", terkirim.append)
    evaluasi = _evaluasi_berhasil(dinkes)
    dokumen = dokumen_inti.dokumen_minta(jenis="laporan-hasil-evaluasi", subjek=evaluasi, oleh=biro)
    assert terkirim == [dokumen.pk]
    # Baru diminta: belum dianggap tertahan.
    assert dokumen_inti.dokumen_antre_ulang(lebih_lama_dari=timedelta(minutes=5)) == 0
    DokumenPDF.objects.filter(pk=dokumen.pk).update(diminta_pada=timezone.now() - timedelta(minutes=6))
    assert dokumen_inti.dokumen_antre_ulang(lebih_lama_dari=timedelta(minutes=5)) == 1
    # Sudah dikirim ulang: jadwal berikutnya tidak menambah pesan ganda selama pesan itu masih menunggu.
    assert dokumen_inti.dokumen_antre_ulang(lebih_lama_dari=timedelta(minutes=5)) == 0
    DokumenPDF.objects.filter(pk=dokumen.pk).update(status=DokumenPDF.Status.SELESAI)
    assert dokumen_inti.dokumen_antre_ulang(lebih_lama_dari=timedelta(minutes=5)) == 0
    # "diproses" yang tugasnya mati tanpa mencatat gagal: diantrekan lagi setelah BATAS_MACET saja.
    DokumenPDF.objects.filter(pk=dokumen.pk).update(
        status=DokumenPDF.Status.DIPROSES, mulai_pada=timezone.now() - timedelta(minutes=1)
    )
    assert dokumen_inti.dokumen_antre_ulang(lebih_lama_dari=timedelta(minutes=5)) == 0
    DokumenPDF.objects.filter(pk=dokumen.pk).update(mulai_pada=timezone.now() - dokumen_inti.BATAS_MACET * 2)
    assert dokumen_inti.dokumen_antre_ulang(lebih_lama_dari=timedelta(minutes=5)) == 1
    assert DokumenPDF.objects.get(pk=dokumen.pk).status == DokumenPDF.Status.ANTRI
    assert terkirim == [dokumen.pk, dokumen.pk, dokumen.pk]


def test_antre_ulang_berhenti_pada_broker_mati(dinkes, samsat, biro, monkeypatch):
    from django.utils import timezone
    from kombu.exceptions import OperationalError

    from kaltim_yanlik.core import dokumen as dokumen_inti

    percobaan = []

    def broker_mati(pk):
        percobaan.append(pk)
        raise OperationalError("Error 111 connecting to 127.0.0.1:6380. Connection refused.")

    monkeypatch.setattr(dokumen_inti, "_antrekan", lambda pk: None)
    pertama = _evaluasi_berhasil(dinkes)
    kedua = Evaluasi.objects.create(
        siklus=pertama.siklus, penyelenggara=samsat, status=Evaluasi.Status.DINILAI
    )
    for evaluasi in (pertama, kedua):
        dokumen_inti.dokumen_minta(jenis="laporan-hasil-evaluasi", subjek=evaluasi, oleh=biro)
    DokumenPDF.objects.update(diminta_pada=timezone.now() - timedelta(hours=1))
    monkeypatch.setattr(dokumen_inti, "_antrekan", broker_mati)
    assert dokumen_inti.dokumen_antre_ulang(lebih_lama_dari=timedelta(minutes=5)) == 0
    assert len(percobaan) == 1  # tidak menunggu broker mati sekali per dokumen
    assert set(DokumenPDF.objects.values_list("status", flat=True)) == {DokumenPDF.Status.ANTRI}


def test_hitung_ulang_saat_broker_mati_dihitung_langsung(dinkes, samsat, biro, client):
    """Hitung ulang tidak punya catatan "antri": bila broker mati, request menghitungnya langsung."""
    from evaluasi.models import HasilEvaluasi

    from .conftest import celery_ke_broker

    siklus = buat_siklus_dinilai(biro, dinkes, samsat)
    ipp = _isi_level(siklus, {dinkes.pk: 5, samsat.pk: 2})
    client.force_login(biro)
    port_mati = _port_mati()
    with celery_ke_broker(f"redis://127.0.0.1:{port_mati}/0"):
        mulai = time.monotonic()
        respons = client.post(reverse("evaluasi:siklus_hitung_ulang", args=[siklus.code]))
        durasi = time.monotonic() - mulai
    assert respons.status_code == 302
    assert durasi < BATAS_REQUEST_BROKER_MATI, f"Hitung ulang tertahan {durasi:.1f} detik"
    tersimpan = dict(HasilEvaluasi.objects.values_list("evaluasi_id", "ipp"))
    assert tersimpan == ipp
    assert dict(HasilEvaluasi.objects.values_list("evaluasi__penyelenggara", "peringkat")) == {
        dinkes.pk: 1,
        samsat.pk: 2,
    }


def _port_mati() -> int:
    import socket

    with socket.socket() as soket:
        soket.bind(("127.0.0.1", 0))
        return soket.getsockname()[1]


def test_notifikasi_saat_broker_mati_tidak_menggagalkan_request(
    kepala_dinkes, operator_dinkes, django_capture_on_commit_callbacks
):
    from kaltim_yanlik.core.models import Notifikasi
    from kaltim_yanlik.core.notifikasi import notifikasi_kirim

    from .conftest import celery_ke_broker

    kepala_dinkes.email, operator_dinkes.email = "kepala@dinkes.go.id", "operator@dinkes.go.id"
    with celery_ke_broker(f"redis://127.0.0.1:{_port_mati()}/0"):
        mulai = time.monotonic()
        with django_capture_on_commit_callbacks(execute=True):
            jumlah = notifikasi_kirim(penerima=[kepala_dinkes, operator_dinkes], judul="Pengingat")
        durasi = time.monotonic() - mulai
    assert jumlah == 2 and Notifikasi.objects.count() == 2
    assert durasi < BATAS_REQUEST_BROKER_MATI, f"Notifikasi tertahan {durasi:.1f} detik"
