"""Upaya administratif: keberatan dan banding dalam hari kerja (data), pemutusnya, pengingat, dan lewat batas.

Bawaan (migrasi ``sanksi/0003``, belum dikonfirmasi Biro Hukum): keberatan 21 hari kerja sejak keputusan,
diputus 10 hari kerja; banding 10 dan 10 (UU 30/2014 Pasal 77–78).
"""

from datetime import date, datetime, time, timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone

from kaltim_yanlik import celery_app
from kaltim_yanlik.core.exceptions import DomainError
from kaltim_yanlik.core.hari_kerja import tambah_hari_kerja
from kaltim_yanlik.core.models import JejakAudit, Notifikasi
from kode_etik.models import Larangan
from penghargaan.rekam import rekam_jejak
from sanksi import services
from sanksi.models import AturanUpayaAdministratif, Banding, Keberatan, Pelanggaran, Sanksi

pytestmark = pytest.mark.django_db
HARI_INI = timezone.localdate


def _kasus_bersanksi(pelaksana, penyiap, pemutus, tanggal_keputusan: date) -> Sanksi:
    kasus = services.pelanggaran_buka(
        pelaksana=pelaksana, larangan=Larangan.objects.get(huruf="a"), uraian="Meninggalkan loket.",
        sumber=Pelanggaran.Sumber.TEMUAN_ATASAN, oleh=penyiap,
    )  # fmt: skip
    sebelum = tanggal_keputusan - timedelta(days=3)
    services.pemanggilan_catat(
        pelanggaran=kasus, nomor_surat="800/1", tanggal_surat=sebelum, tempat="Aula", oleh=penyiap,
        jadwal=timezone.make_aware(datetime.combine(sebelum, time(9))),
    )  # fmt: skip
    services.pemeriksaan_catat(pelanggaran=kasus, tanggal=sebelum, pemeriksa="P", ringkasan="R", oleh=penyiap)
    services.bap_catat(
        pelanggaran=kasus, nomor="BAP/1", tanggal=sebelum, keterangan_terperiksa="K", temuan="T",
        terbukti=True, oleh=penyiap,
    )  # fmt: skip
    return services.sanksi_jatuhkan(
        pelanggaran=kasus, jenis=Sanksi.Jenis.TEGURAN_LISAN, nomor_keputusan="KEP/1",
        tanggal_keputusan=tanggal_keputusan, pertimbangan="Pertama kali.", oleh=pemutus,
    )  # fmt: skip


def _keberatan(sanksi, oleh, tanggal):
    return services.keberatan_catat(sanksi=sanksi, tanggal_diterima=tanggal, alasan="Keberatan.", oleh=oleh)


def test_aturan_bawaan_tercatat_belum_dikonfirmasi():
    keberatan = AturanUpayaAdministratif.objects.get(jenis="keberatan")
    banding = AturanUpayaAdministratif.objects.get(jenis="banding")
    assert (keberatan.hari_kerja_ajukan, keberatan.hari_kerja_putus) == (21, 10)
    assert (banding.hari_kerja_ajukan, banding.hari_kerja_putus) == (10, 10)
    assert "UU 30/2014 Pasal 77–78" in keberatan.dasar_hukum and not keberatan.terkonfirmasi


def test_keberatan_hari_kerja_ke_22_ditolak_dengan_tanggal_terakhir(
    pelaksana_dinkes, operator_dinkes, kepala_dinkes
):
    # Keputusan Rabu 31 Desember 2025: hari kerja ke-21 Senin 2 Februari 2026 (melewati Tahun Baru dan
    # Isra Mikraj), ke-22 Selasa 3 Februari.
    sanksi = _kasus_bersanksi(pelaksana_dinkes, operator_dinkes, kepala_dinkes, date(2025, 12, 31))
    assert sanksi.batas_keberatan == date(2026, 2, 2)
    with pytest.raises(DomainError) as galat:
        _keberatan(sanksi, operator_dinkes, date(2026, 2, 3))
    assert "paling lambat Senin, 2 Februari 2026" in galat.value.pesan
    assert "hari kerja ke-22" in galat.value.pesan and "UU 30/2014" in galat.value.pesan
    assert not Keberatan.objects.exists()
    keberatan = _keberatan(sanksi, operator_dinkes, date(2026, 2, 2))  # hari ke-21: diterima
    assert keberatan.batas_putus == date(2026, 2, 18)  # 10 hari kerja; 16–17 Februari Imlek dilewati


def test_batas_keputusan_keberatan_melewati_cuti_bersama_idulfitri(
    pelaksana_dinkes, operator_dinkes, kepala_dinkes
):
    sanksi = _kasus_bersanksi(pelaksana_dinkes, operator_dinkes, kepala_dinkes, date(2026, 3, 9))
    keberatan = _keberatan(sanksi, operator_dinkes, date(2026, 3, 17))
    assert keberatan.batas_putus == date(2026, 4, 8)  # kalender biasa: 27 Maret


def test_keberatan_dan_banding_pelaksana_uptd_diputus_kepala_uptd_lalu_kepala_dinas(
    client, pelaksana_labkes, kepala_labkes, kepala_dinkes, operator_dinkes
):
    sanksi = _kasus_bersanksi(pelaksana_labkes, kepala_labkes, kepala_labkes, HARI_INI() - timedelta(days=10))
    keberatan = _keberatan(sanksi, kepala_labkes, HARI_INI() - timedelta(days=8))
    with pytest.raises(PermissionDenied, match="Kepala UPTD Laboratorium"):
        services.keberatan_putus(keberatan=keberatan, dikabulkan=False, pertimbangan="x", oleh=kepala_dinkes)
    services.keberatan_putus(keberatan=keberatan, dikabulkan=False, pertimbangan="Tetap.", oleh=kepala_labkes,
                             tanggal_putusan=HARI_INI() - timedelta(days=6))  # fmt: skip
    keberatan.refresh_from_db()
    assert keberatan.batas_banding == tambah_hari_kerja(HARI_INI() - timedelta(days=6), 10)
    # Banding kepada atasan penerbit: dicatat staf Dinas induk, diputus Kepala Dinas (UU 30/2014 Pasal 78).
    with pytest.raises(PermissionDenied, match="Kepala atau operator Dinas Kesehatan"):
        services.banding_catat(
            keberatan=keberatan, tanggal_diterima=HARI_INI(), alasan="x", oleh=kepala_labkes
        )
    banding = services.banding_catat(keberatan=keberatan, tanggal_diterima=HARI_INI(), alasan="Banding.",
                                     oleh=operator_dinkes)  # fmt: skip
    assert banding.batas_putus == tambah_hari_kerja(HARI_INI(), 10)
    assert Notifikasi.objects.filter(penerima=kepala_dinkes, judul__startswith="Banding").exists()
    with pytest.raises(PermissionDenied, match="Kepala Dinas Kesehatan"):
        services.banding_putus(banding=banding, dikabulkan=True, pertimbangan="x", oleh=kepala_labkes)
    services.banding_putus(banding=banding, dikabulkan=True, pertimbangan="Saksi baru.", oleh=kepala_dinkes)
    banding.refresh_from_db()
    assert (banding.keputusan, banding.penanda_tangan) == (Banding.Keputusan.DIKABULKAN, "kepala_induk")
    sanksi.refresh_from_db()
    assert sanksi.dibatalkan
    # Sanksi yang dibatalkan banding tidak menghalangi penghargaan.
    rekam = rekam_jejak(pelaksana_ids=[pelaksana_labkes.pk], mulai=HARI_INI() - timedelta(days=30),
                        selesai=HARI_INI())  # fmt: skip
    assert not rekam[pelaksana_labkes.pk].bersanksi
    aksi = list(
        JejakAudit.objects.filter(aksi__contains="banding").order_by("pk").values_list("aksi", flat=True)
    )
    assert aksi == ["sanksi.pelanggaran.banding", "sanksi.pelanggaran.banding_diputus"]
    # Halaman kasus menampilkan banding dan pembatalannya.
    client.force_login(kepala_dinkes)
    halaman = client.get(reverse("sanksi:kasus_detail", args=[sanksi.pelanggaran.code])).content.decode()
    assert "dibatalkan karena banding" in halaman and "Keputusan banding" in halaman


def test_banding_hanya_atas_keberatan_yang_ditolak_dan_dalam_batas(
    pelaksana_dinkes, operator_dinkes, kepala_dinkes, biro, sekda, pejabat_provinsi
):
    sanksi = _kasus_bersanksi(pelaksana_dinkes, operator_dinkes, kepala_dinkes, date(2026, 3, 2))
    keberatan = _keberatan(sanksi, operator_dinkes, date(2026, 3, 4))
    with pytest.raises(DomainError, match="keberatan yang menolak"):
        services.banding_catat(keberatan=keberatan, tanggal_diterima=date(2026, 3, 5), alasan="x", oleh=biro)
    services.keberatan_putus(keberatan=keberatan, dikabulkan=False, pertimbangan="Tetap.", oleh=kepala_dinkes,
                             tanggal_putusan=date(2026, 3, 17))  # fmt: skip
    keberatan.refresh_from_db()
    assert keberatan.batas_banding == date(2026, 4, 8)  # 10 hari kerja melewati Nyepi dan Idulfitri
    with pytest.raises(DomainError, match="paling lambat Rabu, 8 April 2026"):
        services.banding_catat(keberatan=keberatan, tanggal_diterima=date(2026, 4, 9), alasan="x", oleh=biro)
    banding = services.banding_catat(keberatan=keberatan, tanggal_diterima=date(2026, 4, 8), alasan="B",
                                     oleh=biro)  # fmt: skip
    # Pelaksana PD: banding diputus Sekretaris Daerah, bukan Biro.
    with pytest.raises(PermissionDenied, match="Sekretaris Daerah"):
        services.banding_putus(banding=banding, dikabulkan=False, pertimbangan="x", oleh=biro)
    services.banding_putus(banding=banding, dikabulkan=False, pertimbangan="Tetap.", oleh=sekda,
                           tanggal_putusan=date(2026, 4, 20))  # fmt: skip
    assert Banding.objects.get().penanda_tangan == "sekda"


def test_aturan_diubah_di_data_mengubah_tenggat(pelaksana_dinkes, operator_dinkes, kepala_dinkes):
    AturanUpayaAdministratif.objects.filter(jenis="keberatan").update(hari_kerja_ajukan=5, hari_kerja_putus=3)
    sanksi = _kasus_bersanksi(pelaksana_dinkes, operator_dinkes, kepala_dinkes, date(2026, 3, 9))
    assert sanksi.batas_keberatan == date(2026, 3, 16)
    keberatan = _keberatan(sanksi, operator_dinkes, date(2026, 3, 16))
    assert keberatan.batas_putus == date(2026, 3, 26)  # 17, 25, 26: deret libur dilewati


# --- Pengingat dan lewat batas --------------------------------------------------------------------------


def _keberatan_menunggu_dengan_batas(sanksi, operator, batas: date) -> Keberatan:
    keberatan = _keberatan(sanksi, operator, HARI_INI())
    Keberatan.objects.filter(pk=keberatan.pk).update(batas_putus=batas)
    return keberatan


def test_pengingat_h3_dan_h1_ke_pemutus_sekali_saja(pelaksana_dinkes, operator_dinkes, kepala_dinkes, biro):
    sanksi = _kasus_bersanksi(
        pelaksana_dinkes, operator_dinkes, kepala_dinkes, HARI_INI() - timedelta(days=2)
    )
    batas = HARI_INI() + timedelta(days=5)
    _keberatan_menunggu_dengan_batas(sanksi, operator_dinkes, batas)
    Notifikasi.objects.all().delete()
    assert services.upaya_pengingat_kirim(tanggal=batas - timedelta(days=4)) == 0
    assert services.upaya_pengingat_kirim(tanggal=batas - timedelta(days=3)) == 1
    assert services.upaya_pengingat_kirim(tanggal=batas - timedelta(days=3)) == 0  # dijalankan ulang
    assert services.upaya_pengingat_kirim(tanggal=batas - timedelta(days=1)) == 1
    judul = list(Notifikasi.objects.filter(penerima=kepala_dinkes).values_list("judul", flat=True))
    assert sorted(judul) == sorted(
        [f"Keputusan keberatan {pelaksana_dinkes.nama} (Dinkes): {n} hari lagi" for n in (3, 1)]
    )
    assert not Notifikasi.objects.filter(penerima=biro).exists()


def test_lewat_batas_diberitahukan_ke_biro_sekali_dan_tampil_di_daftar(
    client, pelaksana_dinkes, operator_dinkes, kepala_dinkes, biro
):
    sanksi = _kasus_bersanksi(
        pelaksana_dinkes, operator_dinkes, kepala_dinkes, HARI_INI() - timedelta(days=20)
    )
    _keberatan_menunggu_dengan_batas(sanksi, operator_dinkes, HARI_INI() - timedelta(days=1))
    Notifikasi.objects.all().delete()
    assert services.upaya_pengingat_kirim(tanggal=HARI_INI()) == 2  # Biro dan pemutusnya
    assert services.upaya_pengingat_kirim(tanggal=HARI_INI()) == 0
    assert Notifikasi.objects.get(penerima=biro).judul.startswith("Keputusan keberatan lewat batas")
    client.force_login(biro)
    r = client.get(reverse("sanksi:kasus_daftar"))
    assert "keputusan upaya lewat batas" in r.text and "1 kasus dengan keputusan keberatan/banding" in r.text
    r = client.get(reverse("sanksi:kasus_daftar"), {"lewat_batas": "on"})
    assert pelaksana_dinkes.nama in r.text
    assert "1 keputusan keberatan/banding lewat batas" in client.get(reverse("sanksi:ringkasan")).text


def test_jadwal_beat_memanggil_tugas_pengingat_yang_terdaftar(settings):
    entri = settings.CELERY_BEAT_SCHEDULE["pengingat-upaya-administratif"]
    assert entri["task"] == "sanksi.tasks.upaya_pengingat_task"
    celery_app.loader.import_default_modules()
    assert entri["task"] in celery_app.tasks


def test_halaman_kasus_menunjukkan_tenggat_dan_libur_yang_dilewati(
    client, pelaksana_dinkes, operator_dinkes, kepala_dinkes
):
    sanksi = _kasus_bersanksi(pelaksana_dinkes, operator_dinkes, kepala_dinkes, date(2026, 3, 9))
    _keberatan(sanksi, operator_dinkes, date(2026, 3, 17))
    client.force_login(kepala_dinkes)
    halaman = client.get(reverse("sanksi:kasus_detail", args=[sanksi.pelanggaran.code])).content.decode()
    assert "Keputusan keberatan" in halaman and "Rabu, 8 April 2026" in halaman
    assert "10 hari kerja sejak keberatan diterima 17 Maret 2026" in halaman
    assert "Cuti bersama Idulfitri 1447 H" in halaman and "Wafat Yesus Kristus" in halaman
