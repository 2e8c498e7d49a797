"""Publikasi hasil monev: aturan service, jejak audit, kartu Biro, dan halaman publik tanpa login.

Yang dijaga: siklus yang belum (atau tidak lagi) dipublikasikan tidak terlihat publik sama sekali — tidak
di daftar, tidak lewat URL tebakan (tahun, kode evaluasi, kode siklus lain), tidak sebagai pembanding — dan
data internal (catatan evaluator, isian F-01, bukti) tidak pernah tampil di halaman publik.
"""

import uuid

import pytest
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from evaluasi import services
from evaluasi.models import Evaluasi, HasilEvaluasi, Indikator, PenilaianIndikator, SiklusMonev
from kaltim_yanlik.core.exceptions import DomainError
from kaltim_yanlik.core.models import JejakAudit
from kode_etik.models import Penyelenggara

from .alur import berkas as _berkas
from .alur import indikator as _indikator
from .alur import nilai as _nilai
from .alur import nomor_dinilai as _nomor_dinilai
from .alur import teks_halaman as _teks

pytestmark = pytest.mark.django_db
Status = Evaluasi.Status

CATATAN_EVALUATOR = "Catatan evaluator internal: BA FKP tidak bertanda tangan"
REKOMENDASI_EVALUATOR = "Rekomendasi internal: ulangi forum konsultasi"
CATATAN_F01 = "Isian F-01 internal: forum diadakan daring"
NAMA_BUKTI = "bukti-internal-dinkes.pdf"


# --- Penyiapan -------------------------------------------------------------------------------------


def _final_langsung(siklus, level_per_unit):
    """Penyiapan cepat: lokus (id unit → level) final dengan satu level seragam; sisanya tetap draf."""
    indikator = list(Indikator.objects.filter(aspek__instrumen=siklus.instrumen, suplemen=False))
    evaluasi = dict(siklus.evaluasi.values_list("penyelenggara_id", "pk"))
    PenilaianIndikator.objects.bulk_create(
        PenilaianIndikator(evaluasi_id=evaluasi[unit_id], indikator=i, level=level)
        for unit_id, level in level_per_unit.items()
        for i in indikator
    )
    final = [evaluasi[unit_id] for unit_id in level_per_unit]
    Evaluasi.objects.filter(pk__in=final).update(status=Status.FINAL)
    services.siklus_hitung_ulang(siklus=siklus)
    return siklus


def _siklus_terbit(buat_siklus, biro, tahun, level_per_unit, *lokus):
    siklus = buat_siklus(*lokus, fase="finalisasi", tahun=tahun)
    _final_langsung(siklus, level_per_unit)
    return services.siklus_publikasikan(siklus=siklus, oleh=biro)


def _kode(siklus, unit) -> str:
    return str(siklus.evaluasi.get(penyelenggara=unit).code)


@pytest.fixture
def siklus_selesai(
    buat_siklus, dinkes, samsat, labkes, operator_dinkes, kepala_dinkes, biro, geser_fase
) -> SiklusMonev:
    """Lewat service: Dinkes (dengan isian F-01, bukti, catatan evaluator) dan Samsat final; Labkes draf."""
    siklus = buat_siklus(dinkes, samsat, labkes)
    dinkes_ev = siklus.evaluasi.get(penyelenggara=dinkes)
    services.jawaban_simpan(
        evaluasi=dinkes_ev,
        indikator=_indikator(siklus.instrumen, 2),
        isian={"unsur": ["pengguna_layanan", "ahli"]},
        catatan=CATATAN_F01,
        versi=0,
        oleh=operator_dinkes,
    )
    for slot in services.slot_wajib_kosong(dinkes_ev):
        services.bukti_unggah(
            evaluasi=dinkes_ev,
            slot=slot,
            berkas=_berkas(NAMA_BUKTI),
            berlaku_tanggal=siklus.pengisian_mulai,
            oleh=operator_dinkes,
        )
    services.evaluasi_ajukan(evaluasi=dinkes_ev, oleh=kepala_dinkes)
    siklus.evaluasi.filter(penyelenggara=samsat).update(status=Status.DIAJUKAN)
    geser_fase(siklus, "penilaian")
    for unit, level in ((dinkes, 4), (samsat, 3)):
        evaluasi = siklus.evaluasi.get(penyelenggara=unit)
        _nilai(evaluasi, biro, dict.fromkeys(_nomor_dinilai(siklus.instrumen), level))
        services.evaluasi_selesai_dinilai(evaluasi=evaluasi, oleh=biro)
    services.penilaian_simpan(
        evaluasi=dinkes_ev,
        indikator=_indikator(siklus.instrumen, 2),
        level=4,
        catatan=CATATAN_EVALUATOR,
        rekomendasi=REKOMENDASI_EVALUATOR,
        alasan="",
        oleh=biro,
    )
    geser_fase(siklus, "finalisasi")
    for evaluasi in siklus.evaluasi.filter(status=Status.DINILAI):
        services.evaluasi_finalkan(evaluasi=evaluasi, oleh=biro)
    siklus.refresh_from_db()
    return siklus


# --- Service: aturan, peran, jejak audit -----------------------------------------------------------


def test_publikasi_menerbitkan_mencatat_siapa_dan_jejak_audit(siklus_selesai, biro):
    services.siklus_publikasikan(siklus=siklus_selesai, oleh=biro)
    siklus_selesai.refresh_from_db()
    assert siklus_selesai.dipublikasikan
    assert siklus_selesai.dipublikasikan_oleh == biro
    jejak = JejakAudit.objects.get(aksi="evaluasi.siklus.dipublikasikan")
    assert (jejak.pengguna, jejak.object_id) == (biro, str(siklus_selesai.pk))
    assert jejak.data == {"tahun": 2025, "final": 2, "tidak_mengajukan": 1, "versi": 1, "ulang": False}


def test_publikasi_kedua_ditolak(siklus_selesai, biro):
    services.siklus_publikasikan(siklus=siklus_selesai, oleh=biro)
    with pytest.raises(DomainError, match="sudah dipublikasikan sejak"):
        services.siklus_publikasikan(siklus=siklus_selesai, oleh=biro)
    assert JejakAudit.objects.filter(aksi="evaluasi.siklus.dipublikasikan").count() == 1


def test_lokus_dalam_proses_ditolak_dengan_jumlahnya(buat_siklus, dinkes, samsat, labkes, bapenda, biro):
    siklus = buat_siklus(dinkes, samsat, labkes, bapenda, fase="finalisasi")
    _final_langsung(siklus, {dinkes.pk: 4})
    siklus.evaluasi.filter(penyelenggara=samsat).update(status=Status.DIAJUKAN)
    siklus.evaluasi.filter(penyelenggara=labkes).update(status=Status.DINILAI)
    siklus.evaluasi.filter(penyelenggara=bapenda).update(status=Status.DIKEMBALIKAN)
    with pytest.raises(
        DomainError, match=r"^3 lokus masih dalam proses \(diajukan, dinilai, atau dikembalikan\)"
    ):
        services.siklus_publikasikan(siklus=siklus, oleh=biro)
    siklus.refresh_from_db()
    assert not siklus.dipublikasikan
    assert not JejakAudit.objects.filter(aksi="evaluasi.siklus.dipublikasikan").exists()


def test_tanpa_evaluasi_final_ditolak(buat_siklus, dinkes, samsat, biro):
    siklus = buat_siklus(dinkes, samsat, fase="finalisasi")
    with pytest.raises(DomainError, match="Belum ada evaluasi final"):
        services.siklus_publikasikan(siklus=siklus, oleh=biro)


def test_lokus_draf_selama_jendela_pengisian_terbuka_ditolak(buat_siklus, dinkes, samsat, biro, geser_fase):
    siklus = buat_siklus(dinkes, samsat, fase="finalisasi")
    _final_langsung(siklus, {dinkes.pk: 4})
    geser_fase(siklus, "pengisian")
    with pytest.raises(DomainError, match="1 lokus belum mengajukan penilaian mandiri dan jendela pengisian"):
        services.siklus_publikasikan(siklus=siklus, oleh=biro)
    geser_fase(siklus, "finalisasi")
    services.siklus_publikasikan(siklus=siklus, oleh=biro)
    assert SiklusMonev.objects.get(pk=siklus.pk).dipublikasikan


@pytest.mark.parametrize("persona", ["kepala_dinkes", "operator_dinkes", "pimpinan"])
def test_peran_tanpa_hak_publikasi_ditolak_di_service_dan_halaman(request, client, siklus_selesai, persona):
    user = request.getfixturevalue(persona)
    with pytest.raises(PermissionDenied):
        services.siklus_publikasikan(siklus=siklus_selesai, oleh=user)
    client.force_login(user)
    r = client.post(reverse("evaluasi:siklus_publikasikan", args=[siklus_selesai.code]))
    assert r.status_code == 403
    siklus_selesai.refresh_from_db()
    assert not siklus_selesai.dipublikasikan


@pytest.mark.parametrize("persona", ["kepala_dinkes", "operator_dinkes", "pimpinan"])
def test_peran_tanpa_hak_tidak_dapat_menarik_publikasi(request, client, siklus_selesai, biro, persona):
    services.siklus_publikasikan(siklus=siklus_selesai, oleh=biro)
    user = request.getfixturevalue(persona)
    with pytest.raises(PermissionDenied):
        services.siklus_tarik_publikasi(siklus=siklus_selesai, alasan="Keliru.", oleh=user)
    client.force_login(user)
    r = client.post(reverse("evaluasi:siklus_tarik_publikasi", args=[siklus_selesai.code]), {"alasan": "x"})
    assert r.status_code == 403
    assert SiklusMonev.objects.get(pk=siklus_selesai.pk).dipublikasikan


def test_admin_boleh_mempublikasikan(siklus_selesai, admin_portal):
    services.siklus_publikasikan(siklus=siklus_selesai, oleh=admin_portal)
    assert SiklusMonev.objects.get(pk=siklus_selesai.pk).dipublikasikan_oleh == admin_portal


def test_tarik_publikasi_butuh_alasan_lalu_tercatat(siklus_selesai, biro):
    services.siklus_publikasikan(siklus=siklus_selesai, oleh=biro)
    with pytest.raises(DomainError, match="Tuliskan alasan penarikan"):
        services.siklus_tarik_publikasi(siklus=siklus_selesai, alasan="   ", oleh=biro)
    assert SiklusMonev.objects.get(pk=siklus_selesai.pk).dipublikasikan
    services.siklus_tarik_publikasi(siklus=siklus_selesai, alasan="  Nilai Samsat keliru input.  ", oleh=biro)
    siklus_selesai.refresh_from_db()
    assert (siklus_selesai.dipublikasikan_pada, siklus_selesai.dipublikasikan_oleh) == (None, None)
    jejak = JejakAudit.objects.get(aksi="evaluasi.siklus.publikasi_ditarik")
    assert jejak.pengguna == biro
    assert jejak.data["alasan"] == "Nilai Samsat keliru input."
    assert jejak.data["dipublikasikan_oleh"] == biro.pk


def test_tarik_siklus_yang_belum_terbit_ditolak(siklus_selesai, biro):
    with pytest.raises(DomainError, match="belum dipublikasikan"):
        services.siklus_tarik_publikasi(siklus=siklus_selesai, alasan="Keliru.", oleh=biro)
    assert not JejakAudit.objects.filter(aksi="evaluasi.siklus.publikasi_ditarik").exists()


def test_publikasi_menghitung_ulang_peringkat_yang_basi(buat_siklus, dinkes, samsat, biro):
    siklus = _final_langsung(buat_siklus(dinkes, samsat, fase="finalisasi"), {dinkes.pk: 2, samsat.pk: 5})
    # Peringkat basi, seperti bila antrean hitung ulang di latar belum berjalan.
    HasilEvaluasi.objects.filter(evaluasi__siklus=siklus).update(peringkat=None)
    services.siklus_publikasikan(siklus=siklus, oleh=biro)
    peringkat = dict(HasilEvaluasi.objects.values_list("evaluasi__penyelenggara__kode", "peringkat"))
    assert peringkat == {"UPTD-SAMSAT-SMD": 1, "PD-DINKES": 2}


# --- Halaman publik --------------------------------------------------------------------------------


def test_halaman_publik_tanpa_login_menampilkan_hasil_terbit(client, siklus_selesai, biro, samsat, labkes):
    services.siklus_publikasikan(siklus=siklus_selesai, oleh=biro)
    daftar = _teks(client.get(reverse("evaluasi:publik_daftar")))
    assert "Monev PEKPPP 2025" in daftar
    assert "Lokus 3 2 dinilai · 1 tidak mengajukan" in daftar
    r = client.get(reverse("evaluasi:publik_siklus", args=[2025]))
    assert r.status_code == 200
    teks = _teks(r)
    assert "1 Dinas Kesehatan — 4,00 B Baik" in teks
    assert "2 UPTD PPRD Samarinda Badan Pendapatan Daerah Badan Pendapatan Daerah 3,00 C Cukup" in teks
    assert "Tidak mengajukan penilaian mandiri" in teks and labkes.nama in teks
    r = client.get(reverse("evaluasi:publik_unit", args=[2025, _kode(siklus_selesai, samsat)]))
    teks = _teks(r)
    assert r.status_code == 200
    assert "UPTD PPRD Samarinda" in teks and "3,00" in teks and "2 dari 2" in teks


def test_siklus_belum_terbit_tidak_terlihat_di_daftar_maupun_url_tebakan(
    client, buat_siklus, biro, dinkes, samsat
):
    terbit = _siklus_terbit(buat_siklus, biro, 2025, {dinkes.pk: 4, samsat.pk: 3}, dinkes, samsat)
    belum = _final_langsung(
        buat_siklus(dinkes, samsat, fase="finalisasi", tahun=2026), {dinkes.pk: 5, samsat.pk: 2}
    )
    belum.nama = "Siklus Rahasia Belum Terbit"
    belum.save(update_fields=["nama"])
    daftar = client.get(reverse("evaluasi:publik_daftar"))
    assert daftar.status_code == 200
    assert terbit.nama in _teks(daftar)
    assert "Siklus Rahasia Belum Terbit" not in _teks(daftar)
    assert reverse("evaluasi:publik_siklus", args=[2026]) not in daftar.content.decode()
    kode_belum = _kode(belum, dinkes)
    for url in (
        reverse("evaluasi:publik_siklus", args=[2026]),
        reverse("evaluasi:publik_unit", args=[2026, kode_belum]),
        reverse("evaluasi:publik_unit", args=[2025, kode_belum]),  # kode siklus belum terbit di tahun terbit
        reverse("evaluasi:publik_unit", args=[2025, uuid.uuid4()]),
        reverse("evaluasi:publik_siklus", args=[2024]),
        "/hasil/99999999999999999999/",
        f"/hasil/2026/{belum.code}/",  # kode siklus sendiri sebagai kode evaluasi
    ):
        r = client.get(url)
        assert r.status_code == 404, url
        assert "Siklus Rahasia" not in r.content.decode(), url
    assert client.get(reverse("evaluasi:publik_unit", args=[2025, _kode(terbit, dinkes)])).status_code == 200


def test_kode_evaluasi_siklus_lain_dan_lokus_tanpa_hasil_404(client, buat_siklus, biro, dinkes, samsat):
    lama = _siklus_terbit(buat_siklus, biro, 2024, {dinkes.pk: 3, samsat.pk: 3}, dinkes, samsat)
    baru = _siklus_terbit(buat_siklus, biro, 2025, {dinkes.pk: 4}, dinkes, samsat)
    assert client.get(reverse("evaluasi:publik_unit", args=[2024, _kode(lama, dinkes)])).status_code == 200
    assert client.get(reverse("evaluasi:publik_unit", args=[2025, _kode(lama, dinkes)])).status_code == 404
    assert client.get(reverse("evaluasi:publik_unit", args=[2024, _kode(baru, dinkes)])).status_code == 404
    # Samsat tidak mengajukan pada 2025: tidak punya halaman hasil.
    assert client.get(reverse("evaluasi:publik_unit", args=[2025, _kode(baru, samsat)])).status_code == 404


def test_data_internal_tidak_pernah_tampil_di_halaman_publik(client, siklus_selesai, biro, dinkes):
    services.siklus_publikasikan(siklus=siklus_selesai, oleh=biro)
    assert PenilaianIndikator.objects.filter(catatan=CATATAN_EVALUATOR).exists()  # data internal memang ada
    assert siklus_selesai.evaluasi.get(penyelenggara=dinkes).bukti.filter(nama_asli=NAMA_BUKTI).exists()
    halaman = [
        reverse("evaluasi:publik_daftar"),
        reverse("evaluasi:publik_siklus", args=[2025]),
        reverse("evaluasi:publik_unit", args=[2025, _kode(siklus_selesai, dinkes)]),
    ]
    for url in halaman:
        isi = client.get(url).content.decode()
        for rahasia in (CATATAN_EVALUATOR, REKOMENDASI_EVALUATOR, CATATAN_F01, NAMA_BUKTI, "bukti/"):
            assert rahasia not in isi, (url, rahasia)


def test_penarikan_menyembunyikan_lagi_halaman_publik(client, siklus_selesai, biro, dinkes):
    services.siklus_publikasikan(siklus=siklus_selesai, oleh=biro)
    unit = reverse("evaluasi:publik_unit", args=[2025, _kode(siklus_selesai, dinkes)])
    assert client.get(unit).status_code == 200
    services.siklus_tarik_publikasi(siklus=siklus_selesai, alasan="Ada kekeliruan data.", oleh=biro)
    assert client.get(reverse("evaluasi:publik_siklus", args=[2025])).status_code == 404
    assert client.get(unit).status_code == 404
    assert siklus_selesai.nama not in _teks(client.get(reverse("evaluasi:publik_daftar")))


def test_pembanding_dan_riwayat_hanya_dari_siklus_terbit(client, buat_siklus, biro, dinkes, samsat):
    _siklus_terbit(buat_siklus, biro, 2023, {dinkes.pk: 2, samsat.pk: 2}, dinkes, samsat)
    _final_langsung(buat_siklus(dinkes, samsat, fase="finalisasi", tahun=2024), {dinkes.pk: 1, samsat.pk: 1})
    kini = _siklus_terbit(buat_siklus, biro, 2025, {dinkes.pk: 4, samsat.pk: 3}, dinkes, samsat)
    teks = _teks(client.get(reverse("evaluasi:publik_siklus", args=[2025])))
    assert "Dibandingkan Monev PEKPPP 2023" in teks
    assert "2024" not in teks
    # Dinkes 2,00 → 4,00 dibanding 2023 (bukan 1,00 dari 2024 yang belum terbit).
    assert "Dinas Kesehatan — 4,00 B Baik +2,00" in teks
    unit = _teks(client.get(reverse("evaluasi:publik_unit", args=[2025, _kode(kini, dinkes)])))
    assert "2023 2,00 D Buruk" in unit
    assert "2024" not in unit and "1,00 F" not in unit


def test_tautan_publik_di_navbar_dan_beranda(client):
    isi = client.get(reverse("beranda")).content.decode()
    assert isi.count(f'href="{reverse("evaluasi:publik_daftar")}"') >= 2


# --- Jumlah kueri ----------------------------------------------------------------------------------


def _kueri(client, url) -> int:
    client.get(url)  # pemanasan: cache ContentType dan grafik
    with CaptureQueriesContext(connection) as kueri:
        r = client.get(url)
    assert r.status_code == 200, url
    return len(kueri)


def _kueri_tiga_halaman(client, siklus, unit) -> list[int]:
    return [
        _kueri(client, reverse("evaluasi:publik_daftar")),
        _kueri(client, reverse("evaluasi:publik_siklus", args=[siklus.tahun])),
        _kueri(client, reverse("evaluasi:publik_unit", args=[siklus.tahun, _kode(siklus, unit)])),
    ]


def test_jumlah_kueri_halaman_publik_tidak_bergantung_jumlah_lokus(client, buat_siklus, biro, dinkes):
    unit = Penyelenggara.objects.bulk_create(
        Penyelenggara(kode=f"PD-UJI-{n:02}", nama=f"Dinas Uji {n:02}") for n in range(9)
    )
    kecil = _siklus_terbit(buat_siklus, biro, 2024, {u.pk: 3 for u in unit[:2]}, dinkes, *unit[:2])
    assert kecil.evaluasi.count() == 3
    kueri_kecil = _kueri_tiga_halaman(client, kecil, unit[0])
    # Ditarik dahulu agar siklus besar juga tanpa pembanding: yang dibandingkan hanya jumlah lokusnya.
    services.siklus_tarik_publikasi(siklus=kecil, alasan="Uji jumlah kueri.", oleh=biro)
    besar = _siklus_terbit(
        buat_siklus, biro, 2025, {u.pk: 1 + n % 5 for n, u in enumerate(unit)}, dinkes, *unit
    )
    assert besar.evaluasi.count() == 10
    assert _kueri_tiga_halaman(client, besar, unit[0]) == kueri_kecil


# --- Kartu Publikasi di halaman siklus Biro --------------------------------------------------------


def test_kartu_publikasi_bagi_biro_konfirmasi_lalu_terbit(client, siklus_selesai, biro):
    client.force_login(biro)
    detail = reverse("evaluasi:siklus_detail", args=[siklus_selesai.code])
    konfirmasi = reverse("evaluasi:siklus_publikasikan", args=[siklus_selesai.code])
    teks = _teks(client.get(detail))
    assert "Publikasi belum dipublikasikan" in teks and "Publikasikan hasil…" in teks
    r = client.get(konfirmasi)
    assert r.status_code == 200
    assert "2 lokus final" in _teks(r) and "1 lokus yang masih draf" in _teks(r)
    assert not SiklusMonev.objects.get(pk=siklus_selesai.pk).dipublikasikan  # GET tidak menerbitkan
    r = client.post(konfirmasi, follow=True)
    teks = _teks(r)
    assert "dipublikasikan dan kini dapat dibuka tanpa login" in teks
    assert "Buka halaman publik" in teks and "Tarik publikasi" in teks
    assert SiklusMonev.objects.get(pk=siklus_selesai.pk).dipublikasikan


def test_kartu_menyebut_alasan_bila_belum_dapat_dipublikasikan(client, buat_siklus, biro, dinkes, samsat):
    siklus = buat_siklus(dinkes, samsat, fase="finalisasi")
    _final_langsung(siklus, {dinkes.pk: 4})
    siklus.evaluasi.filter(penyelenggara=samsat).update(status=Status.DIAJUKAN)
    client.force_login(biro)
    teks = _teks(client.get(reverse("evaluasi:siklus_detail", args=[siklus.code])))
    assert "Belum dapat dipublikasikan: 1 lokus masih dalam proses" in teks
    r = client.post(reverse("evaluasi:siklus_publikasikan", args=[siklus.code]), follow=True)
    assert "Hasil belum dipublikasikan: 1 lokus masih dalam proses" in _teks(r)
    assert not SiklusMonev.objects.get(pk=siklus.pk).dipublikasikan


def test_pimpinan_melihat_status_tanpa_tombol(client, siklus_selesai, biro, pimpinan):
    services.siklus_publikasikan(siklus=siklus_selesai, oleh=biro)
    client.force_login(pimpinan)
    isi = client.get(reverse("evaluasi:siklus_detail", args=[siklus_selesai.code])).content.decode()
    assert "dipublikasikan" in isi and reverse("evaluasi:publik_siklus", args=[2025]) in isi
    assert reverse("evaluasi:siklus_tarik_publikasi", args=[siklus_selesai.code]) not in isi
    assert client.get(reverse("evaluasi:siklus_publikasikan", args=[siklus_selesai.code])).status_code == 403


def test_tarik_lewat_halaman_butuh_alasan(client, siklus_selesai, biro):
    services.siklus_publikasikan(siklus=siklus_selesai, oleh=biro)
    client.force_login(biro)
    url = reverse("evaluasi:siklus_tarik_publikasi", args=[siklus_selesai.code])
    r = client.post(url, {"alasan": ""}, follow=True)
    assert "Publikasi belum ditarik: Tuliskan alasan penarikan publikasi." in _teks(r)
    assert SiklusMonev.objects.get(pk=siklus_selesai.pk).dipublikasikan
    r = client.post(url, {"alasan": "Nilai keliru."}, follow=True)
    assert "ditarik; halaman publiknya tidak dapat dibuka lagi" in _teks(r)
    assert not SiklusMonev.objects.get(pk=siklus_selesai.pk).dipublikasikan
    assert (
        client.get(reverse("evaluasi:siklus_tarik_publikasi", args=[siklus_selesai.code])).status_code == 405
    )
