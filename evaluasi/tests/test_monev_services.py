"""Alur monev lewat service: siklus, F-01 dengan bukti, pengajuan, F-02 dengan riwayat, hasil, pengingat."""

from datetime import timedelta
from pathlib import Path

import pytest

from evaluasi import services
from evaluasi.models import BuktiDukung, Evaluasi, HasilEvaluasi, Indikator, RiwayatLevel
from evaluasi.skor import hitung_ipp
from kaltim_yanlik.core.exceptions import DomainError
from kaltim_yanlik.core.models import JejakAudit, Notifikasi

from .alur import PDF_KECIL
from .alur import berkas as _berkas
from .alur import indikator as _indikator
from .alur import nilai as _nilai
from .alur import png_kecil as _png
from .alur import unggah_slot_wajib as _unggah_slot_wajib

pytestmark = pytest.mark.django_db
Status = Evaluasi.Status


@pytest.fixture
def evaluasi_dinkes(buat_siklus, dinkes, samsat):
    siklus = buat_siklus(dinkes, samsat)
    return siklus.evaluasi.get(penyelenggara=dinkes)


def _isi_indikator_2(evaluasi, oleh, unsur=("pengguna_layanan", "ahli")):
    indikator = _indikator(evaluasi.siklus.instrumen, 2)
    return services.jawaban_simpan(
        evaluasi=evaluasi, indikator=indikator, isian={"unsur": list(unsur)}, catatan="", versi=0, oleh=oleh
    )


def test_siklus_tanpa_lokus_memakai_semua_unit_aktif(buat_siklus, dinkes, labkes, samsat):
    samsat.aktif = False
    samsat.save()
    siklus = buat_siklus()
    kode = set(siklus.evaluasi.values_list("penyelenggara__kode", flat=True))
    assert kode == {"PD-DINKES", "UPTD-LABKES", "PD-BAPENDA"}
    assert set(siklus.evaluasi.values_list("status", flat=True)) == {Status.DRAF}


def test_hanya_biro_membuka_siklus(instrumen_2025, kepala_dinkes, hari_ini):
    from evaluasi.models import SiklusMonev
    from evaluasi.tests.conftest import jendela_siklus

    siklus = SiklusMonev(tahun=2026, nama="x", instrumen=instrumen_2025, **jendela_siklus(hari_ini))
    with pytest.raises(Exception, match="tidak memiliki hak"):
        services.siklus_buka(siklus=siklus, oleh=kepala_dinkes)


def test_jawaban_mengusulkan_level_dan_versi_naik(evaluasi_dinkes, operator_dinkes):
    jawaban = _isi_indikator_2(evaluasi_dinkes, operator_dinkes, ("pengguna_layanan", "ahli", "media_massa"))
    assert (jawaban.level_usulan, jawaban.versi, jawaban.diubah_oleh) == (3, 1, operator_dinkes)
    assert JejakAudit.objects.filter(aksi="evaluasi.f01.disimpan").count() == 1


def test_simpan_bersamaan_ditolak_dan_isian_pertama_utuh(evaluasi_dinkes, operator_dinkes, kepala_dinkes):
    _isi_indikator_2(evaluasi_dinkes, operator_dinkes, ("pengguna_layanan",))
    with pytest.raises(DomainError, match="muat ulang halaman"):
        _isi_indikator_2(evaluasi_dinkes, kepala_dinkes, ("ahli", "media_massa"))  # masih membawa versi 0
    jawaban = evaluasi_dinkes.jawaban.get()
    assert jawaban.isian == {"unsur": ["pengguna_layanan"]} and jawaban.versi == 1


def test_unit_lain_tidak_bisa_mengisi(evaluasi_dinkes, operator_samsat):
    with pytest.raises(Exception, match="tidak memiliki hak"):
        _isi_indikator_2(evaluasi_dinkes, operator_samsat)
    assert not evaluasi_dinkes.jawaban.exists()


def test_isian_di_luar_jendela_ditolak_dengan_alasan(evaluasi_dinkes, operator_dinkes, geser_fase):
    geser_fase(evaluasi_dinkes.siklus, "penilaian")
    with pytest.raises(DomainError, match="jendela pengisian mandiri"):
        _isi_indikator_2(evaluasi_dinkes, operator_dinkes)


@pytest.mark.parametrize(
    ("nama", "isi", "pesan"),
    [
        ("palsu.pdf", b"MZ\x90\x00 ini bukan pdf", "bukan PDF, JPG, PNG"),
        ("foto.png", PDF_KECIL, "tidak sesuai isinya"),
        ("terpotong.pdf", b"%PDF-1.4\n1 0 obj<<>>", "rusak atau tidak lengkap"),
        ("kosong.pdf", b"", "Berkas kosong"),
        ("besar.pdf", b"%PDF-1.4\n" + b"0" * (10 * 1024 * 1024) + b"\n%%EOF", "melebihi batas 10 MB"),
    ],
)
def test_bukti_palsu_atau_besar_ditolak_tanpa_sisa(
    evaluasi_dinkes, operator_dinkes, nama, isi, pesan, settings
):
    slot = _indikator(evaluasi_dinkes.siklus.instrumen, 2).slot_bukti.first()
    berkas_di_disk = set(Path(settings.MEDIA_ROOT).rglob("*.*"))
    with pytest.raises(DomainError, match=pesan):
        services.bukti_unggah(
            evaluasi=evaluasi_dinkes,
            slot=slot,
            berkas=_berkas(nama, isi),
            berlaku_tanggal=evaluasi_dinkes.siklus.pengisian_mulai,
            oleh=operator_dinkes,
        )
    assert not BuktiDukung.objects.exists()
    assert set(Path(settings.MEDIA_ROOT).rglob("*.*")) == berkas_di_disk


def test_bukti_png_diterima_dengan_tanggal_berlaku(evaluasi_dinkes, operator_dinkes):
    slot = _indikator(evaluasi_dinkes.siklus.instrumen, 2).slot_bukti.first()
    berlaku = evaluasi_dinkes.siklus.pengisian_mulai - timedelta(days=100)
    bukti = services.bukti_unggah(
        evaluasi=evaluasi_dinkes,
        slot=slot,
        berkas=_berkas("foto FKP.png", _png()),
        berlaku_tanggal=berlaku,
        oleh=operator_dinkes,
    )
    assert (bukti.jenis_isi, bukti.berlaku_tanggal, bukti.nama_asli) == ("image/png", berlaku, "foto FKP.png")
    assert "FKP" not in bukti.berkas.name  # nama di disk acak


def test_hanya_kepala_mengajukan_dan_slot_wajib_didaftar(evaluasi_dinkes, operator_dinkes, kepala_dinkes):
    _isi_indikator_2(evaluasi_dinkes, operator_dinkes)
    with pytest.raises(Exception, match="tidak memiliki hak"):
        services.evaluasi_ajukan(evaluasi=evaluasi_dinkes, oleh=operator_dinkes)
    with pytest.raises(DomainError, match="indikator 2: Berita acara"):
        services.evaluasi_ajukan(evaluasi=evaluasi_dinkes, oleh=kepala_dinkes)
    _unggah_slot_wajib(evaluasi_dinkes, operator_dinkes)
    services.evaluasi_ajukan(evaluasi=evaluasi_dinkes, oleh=kepala_dinkes)
    evaluasi_dinkes.refresh_from_db()
    assert evaluasi_dinkes.status == Status.DIAJUKAN


def test_pengajuan_memberi_tahu_biro(evaluasi_dinkes, operator_dinkes, kepala_dinkes, biro):
    _isi_indikator_2(evaluasi_dinkes, operator_dinkes)
    _unggah_slot_wajib(evaluasi_dinkes, operator_dinkes)
    services.evaluasi_ajukan(evaluasi=evaluasi_dinkes, oleh=kepala_dinkes)
    assert Notifikasi.objects.filter(penerima=biro, judul__contains="Dinas Kesehatan").exists()


@pytest.fixture
def evaluasi_diajukan(evaluasi_dinkes, operator_dinkes, kepala_dinkes, geser_fase):
    _isi_indikator_2(evaluasi_dinkes, operator_dinkes)
    _unggah_slot_wajib(evaluasi_dinkes, operator_dinkes)
    services.evaluasi_ajukan(evaluasi=evaluasi_dinkes, oleh=kepala_dinkes)
    geser_fase(evaluasi_dinkes.siklus, "penilaian")
    evaluasi_dinkes.refresh_from_db()
    return evaluasi_dinkes


def test_perubahan_level_disimpan_di_riwayat_dengan_alasan(evaluasi_diajukan, biro):
    _nilai(evaluasi_diajukan, biro, {2: 2})
    with pytest.raises(DomainError, match="alasan perubahan level"):
        _nilai(evaluasi_diajukan, biro, {2: 4})
    _nilai(evaluasi_diajukan, biro, {2: 4}, alasan="Bukti FKP lengkap setelah diverifikasi.")
    riwayat = list(RiwayatLevel.objects.values_list("level_lama", "level_baru", "alasan", "oleh"))
    assert riwayat == [
        (None, 2, "Penilaian pertama.", biro.pk),
        (2, 4, "Bukti FKP lengkap setelah diverifikasi.", biro.pk),
    ]


def test_hasil_satu_evaluasi_diperbarui_setiap_simpan_f02(evaluasi_diajukan, biro):
    _nilai(evaluasi_diajukan, biro, {14: 5, 11: 3})
    hasil = HasilEvaluasi.objects.get(evaluasi=evaluasi_diajukan)
    assert hasil.ipp == hitung_ipp({14: 5, 11: 3}).ipp


def test_operator_dan_kepala_tidak_bisa_menilai(evaluasi_diajukan, kepala_dinkes):
    with pytest.raises(Exception, match="tidak memiliki hak"):
        _nilai(evaluasi_diajukan, kepala_dinkes, {2: 5})


def test_status_salah_ditolak_dengan_alasan(evaluasi_dinkes, biro, geser_fase):
    geser_fase(evaluasi_dinkes.siklus, "penilaian")
    with pytest.raises(DomainError, match="berstatus draf"):
        _nilai(evaluasi_dinkes, biro, {2: 5})


def test_kembalikan_lalu_ajukan_ulang_di_jendela_perbaikan(
    evaluasi_diajukan, biro, operator_dinkes, kepala_dinkes, geser_fase
):
    with pytest.raises(DomainError, match="sedikitnya satu indikator"):
        services.evaluasi_kembalikan(evaluasi=evaluasi_diajukan, alasan_per_indikator={2: "  "}, oleh=biro)
    services.evaluasi_kembalikan(
        evaluasi=evaluasi_diajukan,
        alasan_per_indikator={2: "Berita acara FKP belum ditandatangani."},
        oleh=biro,
    )
    evaluasi_diajukan.refresh_from_db()
    assert evaluasi_diajukan.status == Status.DIKEMBALIKAN
    assert evaluasi_diajukan.penilaian.get(indikator__nomor=2).alasan_perbaikan.startswith("Berita acara")
    assert Notifikasi.objects.filter(
        penerima=kepala_dinkes, judul__startswith="Evaluasi dikembalikan"
    ).exists()
    with pytest.raises(DomainError, match="jendela perbaikan"):
        services.evaluasi_ajukan(evaluasi=evaluasi_diajukan, oleh=kepala_dinkes)
    geser_fase(evaluasi_diajukan.siklus, "perbaikan")
    services.evaluasi_ajukan(evaluasi=evaluasi_diajukan, oleh=kepala_dinkes)
    evaluasi_diajukan.refresh_from_db()
    assert evaluasi_diajukan.status == Status.DIAJUKAN


def _nilai_semua(evaluasi, biro, level):
    nomor = Indikator.objects.filter(aspek__instrumen=evaluasi.siklus.instrumen, suplemen=False)
    _nilai(evaluasi, biro, dict.fromkeys(nomor.values_list("nomor", flat=True), level))


def test_selesai_dinilai_butuh_semua_indikator_lalu_final(evaluasi_diajukan, biro, geser_fase):
    _nilai(evaluasi_diajukan, biro, {2: 5})
    with pytest.raises(DomainError, match=r"Indikator belum dinilai \(29\)"):
        services.evaluasi_selesai_dinilai(evaluasi=evaluasi_diajukan, oleh=biro)
    _nilai_semua(evaluasi_diajukan, biro, 5)
    services.evaluasi_selesai_dinilai(evaluasi=evaluasi_diajukan, oleh=biro)
    with pytest.raises(DomainError, match="jendela finalisasi"):
        services.evaluasi_finalkan(evaluasi=evaluasi_diajukan, oleh=biro)
    geser_fase(evaluasi_diajukan.siklus, "finalisasi")
    services.evaluasi_finalkan(evaluasi=evaluasi_diajukan, oleh=biro)
    evaluasi_diajukan.refresh_from_db()
    assert evaluasi_diajukan.status == Status.FINAL
    assert (evaluasi_diajukan.hasil.ipp_bulat, evaluasi_diajukan.hasil.kategori) == (5, "A")


def test_hitung_ulang_siklus_idempoten_dan_memberi_peringkat(buat_siklus, dinkes, samsat, labkes, biro):
    siklus = buat_siklus(dinkes, samsat, labkes, fase="penilaian")
    nilai = {"PD-DINKES": 4, "UPTD-SAMSAT-SMD": 5, "UPTD-LABKES": 4}
    for evaluasi in siklus.evaluasi.select_related("penyelenggara"):
        Evaluasi.objects.filter(pk=evaluasi.pk).update(status=Status.DIAJUKAN)
        evaluasi.refresh_from_db()
        _nilai_semua(evaluasi, biro, nilai[evaluasi.penyelenggara.kode])
        services.evaluasi_selesai_dinilai(evaluasi=evaluasi, oleh=biro)
    assert services.siklus_hitung_ulang(siklus=siklus) == 3
    pertama = list(
        HasilEvaluasi.objects.order_by("evaluasi_id").values_list("evaluasi_id", "ipp", "peringkat")
    )
    assert services.siklus_hitung_ulang(siklus=siklus) == 3
    kedua = list(HasilEvaluasi.objects.order_by("evaluasi_id").values_list("evaluasi_id", "ipp", "peringkat"))
    assert pertama == kedua
    peringkat = dict(HasilEvaluasi.objects.values_list("evaluasi__penyelenggara__kode", "peringkat"))
    assert peringkat == {"UPTD-SAMSAT-SMD": 1, "PD-DINKES": 2, "UPTD-LABKES": 2}


def test_hitung_ulang_jumlah_kueri_tetap(
    buat_siklus, dinkes, samsat, labkes, bapenda, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    siklus = buat_siklus(dinkes, fase="penilaian")
    with CaptureQueriesContext(connection) as satu:
        services.siklus_hitung_ulang(siklus=siklus)
    besar = buat_siklus(dinkes, samsat, labkes, bapenda, fase="penilaian", tahun=2026)
    with CaptureQueriesContext(connection) as empat:
        services.siklus_hitung_ulang(siklus=besar)
    assert len(empat) == len(satu)


def test_pengingat_h7_h3_h1_sekali_saja(
    buat_siklus, dinkes, samsat, kepala_dinkes, operator_dinkes, kepala_samsat, hari_ini
):
    siklus = buat_siklus(dinkes, samsat)
    siklus.pengisian_selesai = hari_ini + timedelta(days=3)
    siklus.save()
    Evaluasi.objects.filter(penyelenggara=samsat).update(status=Status.DIAJUKAN)
    assert services.pengingat_pengisian_kirim(tanggal=hari_ini) == 2
    assert services.pengingat_pengisian_kirim(tanggal=hari_ini) == 0
    assert not Notifikasi.objects.filter(penerima=kepala_samsat).exists()
    assert services.pengingat_pengisian_kirim(tanggal=hari_ini + timedelta(days=1)) == 0
    assert services.pengingat_pengisian_kirim(tanggal=hari_ini + timedelta(days=2)) == 2


def test_hitung_ulang_siklus_sama_dengan_fungsi_murni_untuk_level_acak(
    buat_siklus, dinkes, samsat, labkes, biro
):
    """Jalur massal (jumlah per aspek di SQL) harus identik dengan hitung_ipp per evaluasi."""
    import random

    from evaluasi.models import PenilaianIndikator

    siklus = buat_siklus(dinkes, samsat, labkes, fase="penilaian")
    indikator = list(Indikator.objects.filter(aspek__instrumen=siklus.instrumen, suplemen=False))
    rng = random.Random(7)
    harapan = {}
    for evaluasi in siklus.evaluasi.all():
        level = {i.nomor: rng.randint(0, 5) for i in indikator if rng.random() < 0.9}
        PenilaianIndikator.objects.bulk_create(
            PenilaianIndikator(evaluasi=evaluasi, indikator=i, level=level[i.nomor])
            for i in indikator
            if i.nomor in level
        )
        harapan[evaluasi.pk] = hitung_ipp(level)
    services.siklus_hitung_ulang(siklus=siklus)
    for hasil in HasilEvaluasi.objects.filter(evaluasi__siklus=siklus):
        murni = harapan[hasil.evaluasi_id]
        assert (hasil.ipp, hasil.ipp_bulat, hasil.kategori) == (murni.ipp, murni.ipp_bulat, murni.kategori)
        assert hasil.nilai_aspek == {k: str(v) for k, v in murni.nilai_aspek.items()}


def test_lokus_terlambat_memuat_draf_dan_dikembalikan_yang_lewat_jendelanya(
    buat_siklus, dinkes, samsat, labkes, biro, geser_fase, hari_ini
):
    from evaluasi.selectors import lokus_terlambat

    siklus = buat_siklus(dinkes, samsat, labkes)
    Evaluasi.objects.filter(penyelenggara=samsat).update(status=Status.DIKEMBALIKAN)
    Evaluasi.objects.filter(penyelenggara=labkes).update(status=Status.DIAJUKAN)
    assert not lokus_terlambat(siklus=siklus, user=biro, tanggal=hari_ini).exists()
    geser_fase(siklus, "finalisasi")  # pengisian dan perbaikan sudah lewat
    terlambat = set(
        lokus_terlambat(siklus=siklus, user=biro, tanggal=hari_ini).values_list(
            "penyelenggara__kode", flat=True
        )
    )
    assert terlambat == {"PD-DINKES", "UPTD-SAMSAT-SMD"}
