"""Halaman Biro Organisasi: membuka siklus, progres siklus, F-02, pengembalian, finalisasi, hitung ulang."""

import io
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from evaluasi import services
from evaluasi.forms.biro import PESAN_TAHUN_GANDA, SiklusForm
from evaluasi.models import (
    Evaluasi,
    HasilEvaluasi,
    Indikator,
    PenilaianIndikator,
    RiwayatLevel,
    SiklusMonev,
)
from evaluasi.rekap import rekap_siklus
from evaluasi.tests.conftest import jendela_siklus
from evaluasi.views import biro as views_biro
from kaltim_yanlik.core.models import Notifikasi
from kode_etik.models import Penyelenggara

from .alur import indikator as _indikator
from .alur import isi_halaman as _isi
from .alur import nilai as _nilai
from .alur import nomor_dinilai as _nomor_dinilai
from .alur import teks_halaman as _teks
from .alur import unggah as _unggah
from .alur import unggah_slot_wajib as _unggah_slot_wajib

pytestmark = pytest.mark.django_db
Status = Evaluasi.Status


def _isi_f01(evaluasi, oleh, nomor=2, isian=None, catatan=""):
    isian = isian if isian is not None else {"unsur": ["pengguna_layanan", "ahli"]}
    indikator = _indikator(evaluasi.siklus.instrumen, nomor)
    versi = evaluasi.jawaban.filter(indikator=indikator).values_list("versi", flat=True).first() or 0
    return services.jawaban_simpan(
        evaluasi=evaluasi, indikator=indikator, isian=isian, catatan=catatan, versi=versi, oleh=oleh
    )


def _dinilai_massal(siklus, level_per_unit=None):
    """Penyiapan cepat: setiap lokus selesai dinilai dengan satu level seragam (bawaan 4) per unit."""
    level_per_unit = level_per_unit or {}
    indikator = list(Indikator.objects.filter(aspek__instrumen=siklus.instrumen, suplemen=False))
    PenilaianIndikator.objects.bulk_create(
        PenilaianIndikator(evaluasi=e, indikator=i, level=level_per_unit.get(e.penyelenggara_id, 4))
        for e in siklus.evaluasi.all()
        for i in indikator
    )
    sekarang = timezone.now()
    siklus.evaluasi.update(status=Status.DINILAI, diajukan_pada=sekarang, dinilai_pada=sekarang)


@pytest.fixture
def evaluasi_diajukan(buat_siklus, dinkes, samsat, operator_dinkes, kepala_dinkes, geser_fase):
    """Dinkes sudah mengajukan (indikator 2 terisi dengan bukti wajib); Samsat masih draf. Fase penilaian."""
    siklus = buat_siklus(dinkes, samsat)
    evaluasi = siklus.evaluasi.get(penyelenggara=dinkes)
    _isi_f01(evaluasi, operator_dinkes, catatan="FKP dihadiri 40 orang.")
    _unggah_slot_wajib(evaluasi, operator_dinkes)
    services.evaluasi_ajukan(evaluasi=evaluasi, oleh=kepala_dinkes)
    geser_fase(siklus, "penilaian")
    evaluasi.refresh_from_db()
    return evaluasi


@pytest.fixture
def evaluasi_samsat(evaluasi_diajukan, samsat):
    return evaluasi_diajukan.siklus.evaluasi.get(penyelenggara=samsat)


def _url(nama, evaluasi, *lain):
    return reverse(f"evaluasi:{nama}", args=[evaluasi.code, *lain])


def _data_nilai(nomor, level, catatan="", rekomendasi="", alasan=""):
    awalan = f"i{nomor}-"
    return {
        f"{awalan}level": level,
        f"{awalan}catatan": catatan,
        f"{awalan}rekomendasi": rekomendasi,
        f"{awalan}alasan": alasan,
    }


# --- Membuka siklus -------------------------------------------------------------------------------


def _data_siklus(instrumen, hari_ini, lokus, **lain):
    jendela = {k: v.isoformat() for k, v in jendela_siklus(hari_ini).items()}
    return {"tahun": 2027, "nama": "", "instrumen": instrumen.pk, **jendela, "lokus": lokus, **lain}


def test_biro_membuka_siklus_dengan_bawaan_semua_unit_aktif(
    client, biro, instrumen_2025, dinkes, labkes, samsat, bapenda, hari_ini
):
    samsat.aktif = False
    samsat.save()
    client.force_login(biro)
    r = client.get(reverse("evaluasi:siklus_baru"))
    assert r.status_code == 200
    bawaan = {int(pk) for pk in r.context["form"]["lokus"].value()}
    assert bawaan == {dinkes.pk, labkes.pk, bapenda.pk}
    assert f'value="{samsat.pk}"' not in r.content.decode()  # unit nonaktif bukan pilihan

    r = client.post(reverse("evaluasi:siklus_baru"), _data_siklus(instrumen_2025, hari_ini, sorted(bawaan)))
    siklus = SiklusMonev.objects.get(tahun=2027)
    assert r.status_code == 302 and r.url == reverse("evaluasi:siklus_detail", args=[siklus.code])
    assert siklus.nama == "Monev PEKPPP Tahun 2027" and siklus.dibuat_oleh == biro
    assert set(siklus.evaluasi.values_list("penyelenggara_id", flat=True)) == bawaan
    assert "dibuka dengan 3 lokus" in _isi(client.get(r.url))


def test_biro_dapat_memilih_sebagian_lokus(client, biro, instrumen_2025, dinkes, labkes, hari_ini):
    client.force_login(biro)
    client.post(reverse("evaluasi:siklus_baru"), _data_siklus(instrumen_2025, hari_ini, [labkes.pk]))
    siklus = SiklusMonev.objects.get(tahun=2027)
    assert list(siklus.evaluasi.values_list("penyelenggara_id", flat=True)) == [labkes.pk]


@pytest.mark.parametrize(
    ("field", "geser", "pesan"),
    [
        (
            "pengisian_selesai",
            lambda d: d["pengisian_mulai"] - timedelta(days=1),
            "Tanggal selesai pengisian mandiri tidak boleh sebelum tanggal mulainya.",
        ),
        (
            "penilaian_mulai",
            lambda d: d["pengisian_mulai"] - timedelta(days=1),
            "Penilaian evaluator tidak boleh dimulai sebelum pengisian mandiri dimulai.",
        ),
        (
            "finalisasi_mulai",
            lambda d: d["perbaikan_mulai"] - timedelta(days=1),
            "Finalisasi tidak boleh dimulai sebelum perbaikan dimulai.",
        ),
    ],
)
def test_tanggal_salah_ditolak_dengan_pesan_tanpa_membuat_apa_pun(
    client, biro, instrumen_2025, dinkes, hari_ini, field, geser, pesan
):
    client.force_login(biro)
    data = _data_siklus(instrumen_2025, hari_ini, [dinkes.pk])
    data[field] = geser(jendela_siklus(hari_ini)).isoformat()
    r = client.post(reverse("evaluasi:siklus_baru"), data)
    assert r.status_code == 200
    assert r.context["form"].errors[field] == [pesan]
    assert "Siklus belum dibuka" in _isi(r)
    assert not SiklusMonev.objects.exists() and not Evaluasi.objects.exists()


def test_batasan_model_tetap_menolak_bila_pemeriksaan_form_terlewat(
    client, biro, instrumen_2025, dinkes, hari_ini, monkeypatch
):
    # Lapis kedua: CheckConstraint model tetap menjadi galat form (bukan 500) bila aturan form berubah.
    monkeypatch.setattr(SiklusForm, "_periksa_urutan", lambda self, data: None)
    client.force_login(biro)
    data = _data_siklus(instrumen_2025, hari_ini, [dinkes.pk])
    data["penilaian_mulai"] = (jendela_siklus(hari_ini)["pengisian_mulai"] - timedelta(days=1)).isoformat()
    r = client.post(reverse("evaluasi:siklus_baru"), data)
    assert r.status_code == 200
    assert "siklus_fase_berurutan" in str(r.context["form"].non_field_errors())
    assert not SiklusMonev.objects.exists()


def test_galat_model_dari_service_menjadi_galat_form(
    client, biro, instrumen_2025, dinkes, hari_ini, monkeypatch
):
    def tolak(**kwargs):
        raise ValidationError(
            {"perbaikan_mulai": ["Jendela perbaikan tidak sah."], "__all__": ["Batasan siklus dilanggar."]}
        )

    monkeypatch.setattr(services, "siklus_buka", tolak)
    client.force_login(biro)
    r = client.post(reverse("evaluasi:siklus_baru"), _data_siklus(instrumen_2025, hari_ini, [dinkes.pk]))
    assert r.status_code == 200
    assert r.context["form"].errors["perbaikan_mulai"] == ["Jendela perbaikan tidak sah."]
    assert "Batasan siklus dilanggar." in _isi(r)


def test_tahun_ganda_ditolak_dengan_pesan_jelas(client, biro, buat_siklus, instrumen_2025, dinkes, hari_ini):
    buat_siklus(dinkes, tahun=2027)
    client.force_login(biro)
    r = client.post(reverse("evaluasi:siklus_baru"), _data_siklus(instrumen_2025, hari_ini, [dinkes.pk]))
    assert r.status_code == 200
    assert r.context["form"].errors["tahun"] == [PESAN_TAHUN_GANDA]
    assert SiklusMonev.objects.count() == 1


def test_tahun_ganda_bersamaan_menjadi_galat_form_bukan_500(
    client, biro, instrumen_2025, dinkes, hari_ini, monkeypatch
):
    def tabrakan(**kwargs):
        raise IntegrityError("duplicate key value violates unique constraint")

    monkeypatch.setattr(services, "siklus_buka", tabrakan)
    client.force_login(biro)
    r = client.post(reverse("evaluasi:siklus_baru"), _data_siklus(instrumen_2025, hari_ini, [dinkes.pk]))
    assert r.status_code == 200
    assert r.context["form"].errors["tahun"] == [PESAN_TAHUN_GANDA]


def test_lokus_kosong_ditolak(client, biro, instrumen_2025, dinkes, hari_ini):
    client.force_login(biro)
    r = client.post(reverse("evaluasi:siklus_baru"), _data_siklus(instrumen_2025, hari_ini, []))
    assert r.context["form"].errors["lokus"] == ["Pilih sedikitnya satu lokus."]
    assert not SiklusMonev.objects.exists()


@pytest.mark.parametrize("persona", ["kepala_dinkes", "operator_dinkes", "pimpinan"])
def test_selain_biro_tidak_dapat_membuka_siklus(client, request, persona, instrumen_2025, dinkes, hari_ini):
    client.force_login(request.getfixturevalue(persona))
    assert client.get(reverse("evaluasi:siklus_baru")).status_code == 403
    r = client.post(reverse("evaluasi:siklus_baru"), _data_siklus(instrumen_2025, hari_ini, [dinkes.pk]))
    assert r.status_code == 403
    assert not SiklusMonev.objects.exists()


# --- Daftar dan progres siklus ----------------------------------------------------------------------


def test_daftar_siklus_dengan_tombol_hanya_bagi_pengelola(
    client, biro, pimpinan, kepala_dinkes, buat_siklus, dinkes
):
    buat_siklus(dinkes)
    client.force_login(biro)
    r = client.get(reverse("evaluasi:siklus_daftar"))
    assert "Monev PEKPPP 2025" in _isi(r) and "Buka siklus baru" in _isi(r)
    assert "Pengisian mandiri" in _isi(r)  # fase yang berjalan hari ini
    client.force_login(pimpinan)
    r = client.get(reverse("evaluasi:siklus_daftar"))
    assert "Monev PEKPPP 2025" in _isi(r) and "Buka siklus baru" not in _isi(r)
    client.force_login(kepala_dinkes)
    assert client.get(reverse("evaluasi:siklus_daftar")).status_code == 403


def test_halaman_siklus_terlambat_saringan_dan_halaman(
    client, biro, buat_siklus, dinkes, samsat, labkes, geser_fase, monkeypatch
):
    siklus = buat_siklus(dinkes, samsat, labkes)
    geser_fase(siklus, "penilaian")  # pengisian sudah ditutup
    diajukan = siklus.evaluasi.get(penyelenggara=samsat)
    Evaluasi.objects.filter(pk=diajukan.pk).update(status=Status.DIAJUKAN, diajukan_pada=timezone.now())
    client.force_login(biro)
    url = reverse("evaluasi:siklus_detail", args=[siklus.code])

    r = client.get(url)
    assert [e.penyelenggara for e in r.context["terlambat"]] == [dinkes, labkes]
    assert {s: n for s, _label, n in r.context["kartu"]} == {
        "draf": 2,
        "diajukan": 1,
        "dinilai": 0,
        "dikembalikan": 0,
        "final": 0,
    }
    assert _url("nilai", diajukan) in r.content.decode()
    assert _url("nilai", siklus.evaluasi.get(penyelenggara=dinkes)) not in r.content.decode()

    r = client.get(url, {"status": "diajukan"})
    assert [e.pk for e in r.context["halaman"]] == [diajukan.pk]

    monkeypatch.setattr(views_biro, "PER_HALAMAN", 2)
    r = client.get(url, {"halaman": 2})
    assert r.context["halaman"].paginator.num_pages == 2
    assert [e.penyelenggara for e in r.context["halaman"]] == [samsat]  # urut nama: Dinkes, Labkes, Samsat


@pytest.mark.parametrize(("persona", "kode"), [("kepala_dinkes", 403), ("operator_samsat", 403)])
def test_unit_lokus_tidak_melihat_progres_dan_peringkat_siklus(
    client, request, persona, kode, buat_siklus, dinkes, samsat
):
    siklus = buat_siklus(dinkes, samsat)
    client.force_login(request.getfixturevalue(persona))
    assert client.get(reverse("evaluasi:siklus_detail", args=[siklus.code])).status_code == kode


def test_unit_di_luar_siklus_mendapat_404(client, operator_samsat, buat_siklus, dinkes):
    siklus = buat_siklus(dinkes)
    client.force_login(operator_samsat)
    assert client.get(reverse("evaluasi:siklus_detail", args=[siklus.code])).status_code == 404


def test_hitung_ulang_lewat_halaman_menghasilkan_peringkat(
    client, biro, buat_siklus, dinkes, samsat, labkes, django_capture_on_commit_callbacks
):
    siklus = buat_siklus(dinkes, samsat, labkes, fase="penilaian")
    _dinilai_massal(siklus, {samsat.pk: 5, dinkes.pk: 4, labkes.pk: 3})
    client.force_login(biro)
    url = reverse("evaluasi:siklus_hitung_ulang", args=[siklus.code])

    with django_capture_on_commit_callbacks() as antrean:
        r = client.post(url)
    assert r.status_code == 302 and len(antrean) == 1
    assert not HasilEvaluasi.objects.exists()  # belum ada apa pun sebelum commit

    with django_capture_on_commit_callbacks(execute=True):
        r = client.post(url, follow=True)
    assert "telah diantrekan" in _isi(r)
    peringkat = dict(HasilEvaluasi.objects.values_list("evaluasi__penyelenggara__kode", "peringkat"))
    assert peringkat == {"UPTD-SAMSAT-SMD": 1, "PD-DINKES": 2, "UPTD-LABKES": 3}

    r = client.get(reverse("evaluasi:siklus_detail", args=[siklus.code]))
    assert [b.penyelenggara for b in r.context["peringkat"]] == [samsat.nama, dinkes.nama, labkes.nama]
    isi = _isi(r)
    assert "5,00" in isi and "4,00" in isi and "3,00" in isi and "4.00" not in isi
    assert {d["kode"]: d["jumlah"] for d in r.context["distribusi"] if d["jumlah"]} == {
        "A": 1,
        "B": 1,
        "C": 1,
    }


def test_pimpinan_tidak_dapat_hitung_ulang(
    client, pimpinan, buat_siklus, dinkes, django_capture_on_commit_callbacks
):
    siklus = buat_siklus(dinkes, fase="penilaian")
    client.force_login(pimpinan)
    r = client.get(reverse("evaluasi:siklus_detail", args=[siklus.code]))
    assert r.status_code == 200 and "Hitung ulang hasil" not in _isi(r)
    with django_capture_on_commit_callbacks() as antrean:
        r = client.post(reverse("evaluasi:siklus_hitung_ulang", args=[siklus.code]))
    assert r.status_code == 403 and not antrean


def _kueri_halaman(client, url) -> int:
    client.get(url)  # pemanasan: cache ContentType, sesi
    with CaptureQueriesContext(connection) as kueri:
        r = client.get(url)
    assert r.status_code == 200
    return len(kueri)


def test_jumlah_kueri_halaman_siklus_tidak_bergantung_lokus(client, biro, buat_siklus, dinkes):
    kecil = buat_siklus(dinkes, fase="penilaian", tahun=2025)
    unit = Penyelenggara.objects.bulk_create(
        Penyelenggara(kode=f"PD-UJI-{n:02}", nama=f"Dinas Uji {n:02}") for n in range(11)
    )
    besar = buat_siklus(dinkes, *unit, fase="penilaian", tahun=2026)
    for siklus in (kecil, besar):
        _dinilai_massal(siklus)
        services.siklus_hitung_ulang(siklus=siklus)
    client.force_login(biro)
    satu = _kueri_halaman(client, reverse("evaluasi:siklus_detail", args=[kecil.code]))
    dua_belas = _kueri_halaman(client, reverse("evaluasi:siklus_detail", args=[besar.code]))
    r = client.get(reverse("evaluasi:siklus_detail", args=[besar.code]))
    assert len(r.context["peringkat"]) == 12 and len(r.context["halaman"]) == 12
    assert dua_belas == satu


def test_peringkat_dan_lokus_terlambat_berbatas_di_halaman_siklus(
    client, biro, buat_siklus, dinkes, monkeypatch
):
    """Tabel peringkat berhalaman dan daftar lokus terlambat dipotong: baris yang dirender tidak tumbuh
    bersama jumlah lokus (jumlah kueri: test_jumlah_kueri_halaman_siklus_tidak_bergantung_lokus)."""
    unit = Penyelenggara.objects.bulk_create(
        Penyelenggara(kode=f"PD-UJI-{n:02}", nama=f"Dinas Uji {n:02}") for n in range(6)
    )
    siklus = buat_siklus(dinkes, *unit, fase="penilaian", tahun=2026)
    _dinilai_massal(siklus)
    services.siklus_hitung_ulang(siklus=siklus)
    Evaluasi.objects.filter(siklus=siklus, penyelenggara__in=unit[:4]).update(status=Status.DRAF)
    monkeypatch.setattr(views_biro, "PER_HALAMAN", 2)
    monkeypatch.setattr(views_biro, "TERLAMBAT_MAKS", 3)
    client.force_login(biro)
    url = reverse("evaluasi:siklus_detail", args=[siklus.code])
    r = client.get(url, {"peringkat": 2})
    halaman = r.context["peringkat"]
    assert halaman.paginator.count == 3 and halaman.paginator.num_pages == 2 and len(halaman) == 1
    semua = [b.evaluasi_code for b in rekap_siklus(siklus).baris]
    assert [b.evaluasi_code for b in halaman] == semua[2:]
    assert "peringkat=1#peringkat" in _isi(r)  # tautan halaman sebelumnya, param terpisah dari "halaman"
    assert len(r.context["terlambat"]) == 3 and r.context["jumlah_terlambat"] == 4
    assert r.context["terlambat_lain"] == 1 and "dan 1 lokus lagi" in _teks(r)


def test_peringkat_xlsx_untuk_peran_provinsi_dan_404_untuk_unit(
    client, biro, pimpinan, kepala_dinkes, buat_siklus, dinkes, samsat
):
    from openpyxl import load_workbook

    siklus = buat_siklus(dinkes, samsat, fase="penilaian", tahun=2026)
    _dinilai_massal(siklus)
    Penyelenggara.objects.filter(pk=samsat.pk).update(nama='=HYPERLINK("http://contoh.invalid")')
    services.siklus_hitung_ulang(siklus=siklus)
    url = reverse("evaluasi:siklus_peringkat_xlsx", args=[siklus.code])
    client.force_login(kepala_dinkes)
    assert client.get(url).status_code == 404
    for akun in (biro, pimpinan):
        client.force_login(akun)
        r = client.get(url)
        assert r.status_code == 200 and r["Content-Type"].startswith("application/vnd.openxmlformats")
        assert "Peringkat-PEKPPP-2026.xlsx" in r["Content-Disposition"]
    lembar = load_workbook(io.BytesIO(r.content))["Peringkat"]
    baris = list(lembar.iter_rows(values_only=True))
    assert baris[2][:6] == ("Peringkat", "Penyelenggara", "Jenis", "Induk", "Status", "IPP")
    data = {b[1]: b for b in baris[3:]}
    assert set(data) == {dinkes.nama, '=HYPERLINK("http://contoh.invalid")'}
    # Nama berawalan "=" tetap teks, bukan rumus.
    sel = next(c for c in lembar.iter_rows(min_row=4) for c in c if c.value and str(c.value).startswith("="))
    assert sel.data_type == "s"
    hasil = HasilEvaluasi.objects.get(evaluasi__siklus=siklus, evaluasi__penyelenggara=dinkes)
    assert data[dinkes.nama][0] == hasil.peringkat and float(data[dinkes.nama][5]) == float(hasil.ipp_bulat)


# --- F-02: akses ----------------------------------------------------------------------------------


@pytest.mark.parametrize("persona", ["kepala_dinkes", "operator_dinkes"])
def test_unit_mendapat_403_untuk_f02_sendiri_dan_404_untuk_unit_lain(
    client, request, persona, evaluasi_diajukan, evaluasi_samsat
):
    client.force_login(request.getfixturevalue(persona))
    assert client.get(_url("nilai", evaluasi_diajukan)).status_code == 403
    assert client.post(_url("nilai_simpan", evaluasi_diajukan, 2), _data_nilai(2, 5)).status_code == 403
    assert client.get(_url("nilai", evaluasi_samsat)).status_code == 404
    assert client.post(_url("nilai_simpan", evaluasi_samsat, 2), _data_nilai(2, 5)).status_code == 404
    assert not PenilaianIndikator.objects.exists()


def test_pimpinan_membaca_f02_tanpa_formulir_dan_tidak_dapat_menulis(client, pimpinan, evaluasi_diajukan):
    client.force_login(pimpinan)
    r = client.get(_url("nilai", evaluasi_diajukan))
    isi = _isi(r)
    assert r.status_code == 200 and "Mode baca saja" in isi
    assert "<form" not in isi.split('id="isi"')[1]  # tidak ada formulir di isi halaman
    assert "Selesai dinilai" not in isi and "Finalkan" not in isi
    for nama, data in [
        ("nilai_simpan", _data_nilai(2, 5)),
        ("kembalikan", {"alasan_2": "Bukti kurang"}),
        ("selesai_dinilai", {}),
        ("finalkan", {}),
    ]:
        args = [2] if nama == "nilai_simpan" else []
        assert client.post(_url(nama, evaluasi_diajukan, *args), data).status_code == 403, nama
    evaluasi_diajukan.refresh_from_db()
    assert evaluasi_diajukan.status == Status.DIAJUKAN and not PenilaianIndikator.objects.exists()


# --- F-02: isi halaman ----------------------------------------------------------------------------


def test_f02_menampilkan_isian_terbaca_bukti_dan_tangga_level(client, biro, evaluasi_diajukan):
    client.force_login(biro)
    r = client.get(_url("nilai", evaluasi_diajukan))
    isi = _isi(r)
    assert "Masyarakat pengguna layanan" in isi and "Ahli/praktisi/akademisi" in isi
    assert "2 dari 5 dicentang" in isi
    assert "FKP dihadiri 40 orang." in isi
    bukti = evaluasi_diajukan.bukti.get()
    tautan = reverse("evaluasi:bukti_lihat", args=[bukti.code])
    assert f'<a href="{tautan}" target="_blank" rel="noopener">' in isi
    indikator_2 = _indikator(evaluasi_diajukan.siklus.instrumen, 2)
    assert all(teks in isi for teks in indikator_2.deskripsi_level)
    assert f'action="{_url("nilai_simpan", evaluasi_diajukan, 2)}"' in isi
    assert "Dinas Kesehatan" in isi and "Diajukan" in isi


def test_isian_terbaca_memakai_label_bukan_kode():
    definisi = {
        "masukan": [
            {"kode": "ada", "jenis": "ya_tidak", "label": "Tersedia kebijakan"},
            {
                "kode": "frek",
                "jenis": "pilihan",
                "label": "Frekuensi",
                "opsi": [{"kode": "harian", "label": "Harian"}],
            },
            {"kode": "masuk", "jenis": "jumlah", "label": "Pengaduan masuk"},
            {"kode": "realisasi", "jenis": "persen", "label": "Realisasi"},
            {
                "kode": "unsur",
                "jenis": "ceklis",
                "label": "Unsur",
                "opsi": [{"kode": "a", "label": "Unsur A"}],
            },
        ]
    }
    isian = {"ada": False, "frek": "harian", "masuk": 1200, "realisasi": 80.5}
    baris = views_biro.isian_terbaca(definisi, isian)
    assert [(b.label, b.teks, b.dijawab) for b in baris] == [
        ("Tersedia kebijakan", "Tidak", True),
        ("Frekuensi", "Harian", True),
        ("Pengaduan masuk", "1200", True),
        ("Realisasi", "80,5 %", True),
        ("Unsur", "", False),
    ]


def test_jumlah_kueri_f02_tidak_bergantung_bukti_dan_riwayat(
    client, biro, buat_siklus, dinkes, samsat, operator_dinkes, operator_samsat, geser_fase
):
    siklus = buat_siklus(dinkes, samsat)
    sedikit, banyak = siklus.evaluasi.get(penyelenggara=dinkes), siklus.evaluasi.get(penyelenggara=samsat)
    _isi_f01(sedikit, operator_dinkes)
    _unggah(sedikit, _indikator(siklus.instrumen, 2).slot_bukti.first(), operator_dinkes)
    for nomor, isian in [(2, {"unsur": ["ahli"]}), (7, {"media": ["cetak", "website"]}), (14, {})]:
        _isi_f01(banyak, operator_samsat, nomor, isian)
        for slot in _indikator(siklus.instrumen, nomor).slot_bukti.all():
            _unggah(banyak, slot, operator_samsat, "a.pdf")
            _unggah(banyak, slot, operator_samsat, "b.pdf")
    siklus.evaluasi.update(status=Status.DIAJUKAN, diajukan_pada=timezone.now())
    geser_fase(siklus, "penilaian")
    _nilai(sedikit, biro, {2: 3})
    _nilai(banyak, biro, {2: 1, 7: 2, 14: 3, 20: 4})
    _nilai(banyak, biro, {2: 2, 7: 3, 14: 4}, alasan="Bukti tambahan diverifikasi.")
    assert banyak.bukti.count() > 4 and RiwayatLevel.objects.filter(penilaian__evaluasi=banyak).count() == 7

    client.force_login(biro)
    assert _kueri_halaman(client, _url("nilai", banyak)) == _kueri_halaman(client, _url("nilai", sedikit))


# --- F-02: menilai --------------------------------------------------------------------------------


def test_biro_menilai_lewat_halaman_dan_perubahan_level_butuh_alasan(client, biro, evaluasi_diajukan):
    client.force_login(biro)
    simpan = _url("nilai_simpan", evaluasi_diajukan, 2)
    kembali = _url("nilai", evaluasi_diajukan) + "#indikator-2"

    r = client.post(simpan, _data_nilai(2, 2, catatan="Berita acara FKP ada."))
    assert r.status_code == 302 and r.url == kembali
    assert "Level indikator 2 disimpan" in _isi(client.get(r.url))

    r = client.post(simpan, _data_nilai(2, 4, catatan="Ketikan yang belum tersimpan"))
    assert r.status_code == 302 and r.url == kembali
    penilaian = PenilaianIndikator.objects.get(evaluasi=evaluasi_diajukan, indikator__nomor=2)
    assert penilaian.level == 2 and penilaian.catatan == "Berita acara FKP ada."
    isi = _isi(client.get(r.url))
    assert "Tuliskan alasan perubahan level" in isi
    assert "Ketikan yang belum tersimpan" in isi  # ketikan ditampilkan lagi, tidak hilang

    r = client.post(simpan, _data_nilai(2, 4, alasan="Notulen FKP menyebut 4 unsur masyarakat."))
    penilaian.refresh_from_db()
    assert penilaian.level == 4
    isi = _isi(client.get(_url("nilai", evaluasi_diajukan)))
    assert "Penilaian pertama." in isi and "Notulen FKP menyebut 4 unsur masyarakat." in isi
    assert "— → 2" in isi and "2 → 4" in isi
    assert list(RiwayatLevel.objects.values_list("level_lama", "level_baru")) == [(None, 2), (2, 4)]


def test_level_tidak_sah_ditolak_tanpa_menyimpan(client, biro, evaluasi_diajukan):
    client.force_login(biro)
    r = client.post(_url("nilai_simpan", evaluasi_diajukan, 2), _data_nilai(2, 7), follow=True)
    assert "Indikator 2 belum disimpan" in _isi(r) and "Level harus 0 sampai 5." in _isi(r)
    assert not PenilaianIndikator.objects.exists()


def test_indikator_di_luar_instrumen_404(client, biro, evaluasi_diajukan):
    client.force_login(biro)
    assert client.post(_url("nilai_simpan", evaluasi_diajukan, 99), _data_nilai(99, 3)).status_code == 404


def test_menilai_evaluasi_draf_ditolak_dengan_alasan(client, biro, evaluasi_samsat):
    client.force_login(biro)
    r = client.post(_url("nilai_simpan", evaluasi_samsat, 2), _data_nilai(2, 3), follow=True)
    assert "berstatus draf" in _isi(r)
    assert not PenilaianIndikator.objects.exists()


def test_kembalikan_dengan_alasan_per_indikator(client, biro, kepala_dinkes, evaluasi_diajukan):
    client.force_login(biro)
    r = client.post(
        _url("kembalikan", evaluasi_diajukan),
        {"alasan_2": "Berita acara FKP belum ditandatangani.", "alasan_5": "  ", "alasan_7": ""},
        follow=True,
    )
    evaluasi_diajukan.refresh_from_db()
    assert evaluasi_diajukan.status == Status.DIKEMBALIKAN
    alasan = dict(evaluasi_diajukan.penilaian.values_list("indikator__nomor", "alasan_perbaikan"))
    assert alasan == {2: "Berita acara FKP belum ditandatangani."}
    isi = _isi(r)
    assert "dikembalikan untuk perbaikan (indikator 2)" in isi
    assert "Alasan perbaikan: Berita acara FKP belum ditandatangani." in _teks(r)
    # Unit diberi tahu dengan tautan ke halaman evaluasinya, dan halaman itu menampilkan alasannya.
    notifikasi = Notifikasi.objects.get(penerima=kepala_dinkes, judul__startswith="Evaluasi dikembalikan")
    assert notifikasi.tautan == reverse("evaluasi:detail", args=[evaluasi_diajukan.code])
    client.force_login(kepala_dinkes)
    halaman_unit = client.get(notifikasi.tautan)
    assert halaman_unit.status_code == 200
    assert "Berita acara FKP belum ditandatangani." in _isi(halaman_unit)


def test_kembalikan_tanpa_alasan_ditolak(client, biro, evaluasi_diajukan):
    client.force_login(biro)
    r = client.post(_url("kembalikan", evaluasi_diajukan), {"alasan_2": " "}, follow=True)
    assert "Tuliskan alasan perbaikan pada sedikitnya satu indikator." in _isi(r)
    evaluasi_diajukan.refresh_from_db()
    assert evaluasi_diajukan.status == Status.DIAJUKAN


def test_selesai_dinilai_ditolak_dengan_daftar_indikator_yang_belum(client, biro, evaluasi_diajukan):
    _nilai(evaluasi_diajukan, biro, {2: 3})
    client.force_login(biro)
    r = client.post(_url("selesai_dinilai", evaluasi_diajukan), follow=True)
    belum = [n for n in _nomor_dinilai(evaluasi_diajukan.siklus.instrumen) if n != 2]
    assert f"Indikator belum dinilai ({len(belum)}): {', '.join(map(str, belum))}." in _isi(r)
    evaluasi_diajukan.refresh_from_db()
    assert evaluasi_diajukan.status == Status.DIAJUKAN


def test_finalkan_di_luar_jendela_ditolak_dengan_tanggalnya(client, biro, evaluasi_diajukan, geser_fase):
    siklus = evaluasi_diajukan.siklus
    _nilai(evaluasi_diajukan, biro, dict.fromkeys(_nomor_dinilai(siklus.instrumen), 5))
    client.force_login(biro)
    r = client.post(_url("selesai_dinilai", evaluasi_diajukan), follow=True)
    assert "selesai: IPP 5,00 (A, Pelayanan Prima)" in _isi(r)

    r = client.post(_url("finalkan", evaluasi_diajukan), follow=True)
    rentang = (
        f"{date_format(siklus.finalisasi_mulai, 'j F Y')} – {date_format(siklus.finalisasi_selesai, 'j F Y')}"
    )
    assert f"jendela finalisasi ({rentang})" in _isi(r)
    evaluasi_diajukan.refresh_from_db()
    assert evaluasi_diajukan.status == Status.DINILAI

    geser_fase(siklus, "finalisasi")
    r = client.post(_url("finalkan", evaluasi_diajukan), follow=True)
    evaluasi_diajukan.refresh_from_db()
    assert evaluasi_diajukan.status == Status.FINAL
    assert "ditetapkan final" in _isi(r) and "sudah final dan tidak dapat diubah" in _isi(r)
