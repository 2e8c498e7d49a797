"""Halaman unit lokus: daftar, ringkasan evaluasi, F-01 per indikator, pratinjau, bukti dukung, pengajuan."""

import re
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from evaluasi import services
from evaluasi.models import (
    Aspek,
    BuktiDukung,
    Evaluasi,
    HasilEvaluasi,
    Indikator,
    InstrumenVersi,
    JawabanIndikator,
    KategoriIPP,
    PenilaianIndikator,
    SiklusMonev,
    SlotBukti,
)
from evaluasi.tests.conftest import jendela_siklus
from kaltim_yanlik.core.kiriman import isian_kunci
from kode_etik.models import Penyelenggara

from .alur import PDF_KECIL
from .alur import isi_halaman as _isi
from .alur import png_kecil as _png
from .alur import teks_halaman as _teks
from .alur import unggah as _unggah

pytestmark = pytest.mark.django_db
Status = Evaluasi.Status
EXE_BERNAMA_PDF = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00" + b"\x00" * 200
TIGA_UNSUR = ["pengguna_layanan", "ahli", "media_massa"]


# --- Bantuan ---------------------------------------------------------------------------------------


def _main(r) -> str:
    return _isi(r).split("<main", 1)[1].split("</main>", 1)[0]


def _indikator(evaluasi, nomor) -> Indikator:
    return Indikator.objects.get(aspek__instrumen=evaluasi.siklus.instrumen, nomor=nomor)


def _url(nama, evaluasi, *args):
    return reverse(f"evaluasi:{nama}", args=[evaluasi.code, *args])


def _simpan(evaluasi, oleh, nomor=2, isian=None):
    indikator = _indikator(evaluasi, nomor)
    versi = evaluasi.jawaban.filter(indikator=indikator).values_list("versi", flat=True).first() or 0
    return services.jawaban_simpan(
        evaluasi=evaluasi,
        indikator=indikator,
        isian=isian if isian is not None else {"unsur": TIGA_UNSUR},
        catatan="",
        versi=versi,
        oleh=oleh,
    )


def _berkas_media(settings) -> set[Path]:
    return set(Path(settings.MEDIA_ROOT).rglob("*.*"))


def _versi_di_halaman(r) -> int:
    return int(re.search(r'name="versi" value="(\d+)"', _isi(r)).group(1))


@pytest.fixture
def siklus(buat_siklus, dinkes, labkes, samsat):
    return buat_siklus(dinkes, labkes, samsat)


@pytest.fixture
def ev_dinkes(siklus, dinkes):
    return siklus.evaluasi.get(penyelenggara=dinkes)


@pytest.fixture
def ev_labkes(siklus, labkes):
    return siklus.evaluasi.get(penyelenggara=labkes)


@pytest.fixture
def ev_samsat(siklus, samsat):
    return siklus.evaluasi.get(penyelenggara=samsat)


@pytest.fixture
def bukti_dinkes(ev_dinkes, operator_dinkes):
    _simpan(ev_dinkes, operator_dinkes)
    return _unggah(ev_dinkes, _indikator(ev_dinkes, 2).slot_bukti.get(urutan=1), operator_dinkes)


# --- Lingkup: unit lain mendapat 404, sama dengan tidak ada -------------------------------------------


def _permintaan_lingkup(ev, bukti) -> list[tuple[str, str, dict]]:
    slot = bukti.slot
    return [
        ("get", _url("detail", ev), {}),
        ("get", _url("f01", ev, 2), {}),
        ("post", _url("f01", ev, 2), {"versi": "1", "isian_unsur": ["ahli"]}),
        ("post", _url("f01_pratinjau", ev, 2), {"isian_unsur": ["ahli"]}),
        ("post", _url("bukti_unggah", ev, 2), {"slot": str(slot.code), "berlaku_tanggal": "2025-01-02"}),
        ("post", _url("ajukan", ev), {}),
        ("get", reverse("evaluasi:bukti_lihat", args=[bukti.code]), {}),
        ("post", reverse("evaluasi:bukti_hapus", args=[bukti.code]), {}),
    ]


@pytest.mark.parametrize("persona", ["operator_samsat", "kepala_labkes"])
def test_unit_lain_dan_uptd_mendapat_404_untuk_evaluasi_dinkes(
    client, request, persona, ev_dinkes, bukti_dinkes
):
    client.force_login(request.getfixturevalue(persona))
    for metode, url, data in _permintaan_lingkup(ev_dinkes, bukti_dinkes):
        r = getattr(client, metode)(url, data)
        assert r.status_code == 404, (metode, url, r.status_code)
    ev_dinkes.refresh_from_db()
    assert ev_dinkes.status == Status.DRAF
    assert BuktiDukung.objects.filter(pk=bukti_dinkes.pk).exists()
    assert ev_dinkes.jawaban.get().isian == {"unsur": TIGA_UNSUR}


def test_kepala_dinkes_menjangkau_evaluasi_uptd_di_bawahnya(
    client, kepala_dinkes, ev_labkes, operator_dinkes
):
    _simpan(ev_labkes, kepala_dinkes)
    bukti = _unggah(ev_labkes, _indikator(ev_labkes, 2).slot_bukti.get(urutan=1), kepala_dinkes)
    client.force_login(kepala_dinkes)
    assert client.get(_url("detail", ev_labkes)).status_code == 200
    assert client.get(_url("f01", ev_labkes, 2)).status_code == 200
    assert client.get(reverse("evaluasi:bukti_lihat", args=[bukti.code])).status_code == 200


def test_daftar_hanya_memuat_lingkup_pengguna(client, kepala_dinkes, operator_samsat, biro, siklus):
    client.force_login(kepala_dinkes)
    teks = _teks(client.get(reverse("evaluasi:daftar")))
    assert "Dinas Kesehatan" in teks and "UPTD Laboratorium Kesehatan Daerah" in teks
    assert "UPTD PPRD Samarinda" not in teks
    client.force_login(operator_samsat)
    teks = _teks(client.get(reverse("evaluasi:daftar")))
    assert "UPTD PPRD Samarinda" in teks and "Dinas Kesehatan" not in teks
    client.force_login(biro)
    teks = _teks(client.get(reverse("evaluasi:daftar")))
    assert "3 evaluasi ditemukan" in teks


def test_daftar_disaring_per_status_dan_menampilkan_ipp(client, biro, siklus, ev_dinkes, ev_samsat):
    ev_samsat.status, ev_samsat.diajukan_pada = Status.DINILAI, timezone.now()
    ev_samsat.save()
    HasilEvaluasi.objects.create(
        evaluasi=ev_samsat,
        ipp=Decimal("3.7512"),
        ipp_bulat=Decimal("3.75"),
        kategori="B",
        predikat="Baik",
        peringkat=1,
        dihitung_pada=timezone.now(),
    )
    client.force_login(biro)
    teks = _teks(client.get(reverse("evaluasi:daftar"), {"status": "dinilai", "siklus": str(siklus.code)}))
    assert "1 evaluasi ditemukan" in teks
    assert "UPTD PPRD Samarinda" in teks and "Dinas Kesehatan" not in teks
    assert "3,75 B" in teks and "peringkat 1" in teks


# --- F-01 lewat halaman -------------------------------------------------------------------------------


def test_operator_mengisi_indikator_lalu_ringkasan_menampilkan_usulan_dan_ipp_mandiri(
    client, operator_dinkes, ev_dinkes
):
    client.force_login(operator_dinkes)
    halaman = client.get(_url("f01", ev_dinkes, 2))
    assert halaman.status_code == 200 and _versi_di_halaman(halaman) == 0
    r = client.post(
        _url("f01", ev_dinkes, 2), {"versi": "0", "isian_unsur": TIGA_UNSUR, "catatan": "FKP 12 Mei."}
    )
    assert r.status_code == 302 and r["Location"] == _url("f01", ev_dinkes, 2)
    jawaban = ev_dinkes.jawaban.get()
    assert (jawaban.isian, jawaban.catatan, jawaban.level_usulan, jawaban.versi) == (
        {"unsur": TIGA_UNSUR},
        "FKP 12 Mei.",
        3,
        1,
    )
    assert "Isian indikator 2 tersimpan" in _teks(client.get(r["Location"]))

    ringkasan = client.get(_url("detail", ev_dinkes))
    baris = re.search(r'<tr id="baris-2".*?</tr>', _isi(ringkasan), re.S).group(0)
    assert 'data-usulan="3"' in baris
    # IPP mandiri = 24 % (aspek I) × 14 % (indikator 2) × 3 = 0,1008 → 0,10, kategori F.
    assert re.search(r"data-ipp-mandiri>0,10<", _isi(ringkasan))
    assert "IPP mandiri (dari usulan level unit) 0,10 F Gagal" in _teks(ringkasan)


def test_simpan_dan_lanjut_membuka_indikator_berikutnya(client, operator_dinkes, ev_dinkes):
    client.force_login(operator_dinkes)
    halaman = _teks(client.get(_url("f01", ev_dinkes, 2)))
    assert "Indikator 1" in halaman and "Indikator 3" in halaman
    r = client.post(_url("f01", ev_dinkes, 2), {"versi": "0", "isian_unsur": ["ahli"], "lanjut": "3"})
    assert r["Location"] == _url("f01", ev_dinkes, 3)


def test_halaman_indikator_memuat_tangga_level_dan_isian_tersimpan(client, operator_dinkes, ev_dinkes):
    _simpan(ev_dinkes, operator_dinkes)
    client.force_login(operator_dinkes)
    r = client.get(_url("f01", ev_dinkes, 2))
    indikator = _indikator(ev_dinkes, 2)
    teks = _teks(r)
    for level, deskripsi in enumerate(indikator.deskripsi_level):
        assert f"{level} · {' '.join(deskripsi.split())}" in teks
    assert re.search(r'value="media_massa"[^>]*checked', _isi(r))
    assert not re.search(r'value="instansi_terkait"[^>]*checked', _isi(r))
    assert _versi_di_halaman(r) == 1
    assert "Usulan level: 3" in teks


def test_simpan_kedua_dengan_versi_lama_ditolak_409_dan_isian_pertama_utuh(
    client, operator_dinkes, kepala_dinkes, ev_dinkes
):
    kedua = Client()
    client.force_login(operator_dinkes)
    kedua.force_login(kepala_dinkes)
    url = _url("f01", ev_dinkes, 2)
    versi_1, versi_2 = _versi_di_halaman(client.get(url)), _versi_di_halaman(kedua.get(url))
    assert versi_1 == versi_2 == 0

    assert client.post(url, {"versi": versi_1, "isian_unsur": ["pengguna_layanan"]}).status_code == 302
    r = kedua.post(url, {"versi": versi_2, "isian_unsur": ["ahli", "media_massa"], "catatan": "Versi Kepala"})

    assert r.status_code == 409
    teks = _teks(r)
    assert "muat ulang halaman" in teks and "Muat isian terbaru" in teks
    # Ketikan orang kedua masih di layar; versi lama tetap dibawa agar kirim ulang tidak menimpa diam-diam.
    assert re.search(r'value="media_massa"[^>]*checked', _isi(r))
    assert "Versi Kepala" in _isi(r) and _versi_di_halaman(r) == 0
    jawaban = ev_dinkes.jawaban.get()
    assert (jawaban.isian, jawaban.versi, jawaban.diubah_oleh) == (
        {"unsur": ["pengguna_layanan"]},
        1,
        operator_dinkes,
    )


def test_isian_tidak_sah_400_dengan_ketikan_tetap_tampil(client, operator_dinkes, ev_dinkes):
    client.force_login(operator_dinkes)
    r = client.post(
        _url("f01", ev_dinkes, 8), {"versi": "0", "isian_ada_rtl": "ya", "isian_realisasi": "150"}
    )
    assert r.status_code == 400
    assert "Persentase paling besar 100" in _teks(r)
    assert re.search(r'name="isian_realisasi" value="150"', _isi(r))
    assert not ev_dinkes.jawaban.exists()


def test_tangga_menolak_isian_yang_bertentangan_dengan_400(client, operator_dinkes, ev_dinkes):
    client.force_login(operator_dinkes)
    r = client.post(_url("f01", ev_dinkes, 28), {"versi": "0", "isian_masuk": "3", "isian_selesai": "5"})
    assert r.status_code == 400
    assert "melebihi pengaduan masuk" in _teks(r)
    assert not ev_dinkes.jawaban.exists()


def test_isian_setelah_diajukan_ditolak_400_dan_halaman_baca_saja(
    client, operator_dinkes, kepala_dinkes, ev_dinkes
):
    _simpan(ev_dinkes, operator_dinkes)
    for slot in _indikator(ev_dinkes, 2).slot_bukti.filter(wajib=True):
        _unggah(ev_dinkes, slot, operator_dinkes)
    services.evaluasi_ajukan(evaluasi=ev_dinkes, oleh=kepala_dinkes)
    client.force_login(operator_dinkes)
    halaman = client.get(_url("f01", ev_dinkes, 2))
    assert _input_aktif(halaman) == []
    assert "isian tidak dapat diubah lagi" in _teks(halaman)
    r = client.post(_url("f01", ev_dinkes, 2), {"versi": "1", "isian_unsur": ["ahli"]})
    assert r.status_code == 400
    assert "berstatus diajukan" in _teks(r)
    assert ev_dinkes.jawaban.get().isian == {"unsur": TIGA_UNSUR}


# --- Pratinjau -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("nomor", "data", "level"),
    [
        # regulations.md §2.4: ind. 2 "≥3 unsur → 3", ">4 → 5"; ind. 8 "tepat 80 % → 3", "80–100 → 4".
        (2, {"isian_unsur": TIGA_UNSUR}, 3),
        (2, {"isian_unsur": [*TIGA_UNSUR, "ahli", "instansi_terkait", "organisasi_masyarakat_sipil"]}, 5),
        (8, {"isian_ada_rtl": "ya", "isian_realisasi": "80"}, 3),
        (8, {"isian_ada_rtl": "ya", "isian_realisasi": "80,5"}, 4),
        (8, {"isian_ada_rtl": "tidak", "isian_realisasi": "100"}, 0),
        # ind. 28: tepat 90 % lewat SP4N-LAPOR! → 5.
        (28, {"isian_masuk_lapor": "10", "isian_selesai_lapor": "9"}, 5),
    ],
)
def test_pratinjau_memberi_usulan_level_menurut_tangga(
    client, operator_dinkes, ev_dinkes, nomor, data, level
):
    client.force_login(operator_dinkes)
    r = client.post(_url("f01_pratinjau", ev_dinkes, nomor), data)
    assert r.status_code == 200
    assert r.json()["level_usulan"] == level


def test_pratinjau_memakai_usulan_tersimpan_lain_tanpa_menyimpan(client, operator_dinkes, ev_dinkes):
    _simpan(ev_dinkes, operator_dinkes, nomor=14, isian={"unsur": ["seragam", "identitas_nama", "atribut"]})
    client.force_login(operator_dinkes)
    r = client.post(_url("f01_pratinjau", ev_dinkes, 2), {"isian_unsur": TIGA_UNSUR})
    # 24 % × 14 % × 3 (ind. 2, pratinjau) + 25 % × 30 % × 3 (ind. 14, tersimpan) = 0,1008 + 0,225 → 0,33.
    assert r.json() == {"level_usulan": 3, "ipp_mandiri": "0,33", "kategori": "F", "predikat": "Gagal"}
    assert list(ev_dinkes.jawaban.values_list("indikator__nomor", flat=True)) == [14]


@pytest.mark.parametrize(
    ("nomor", "data", "pesan"),
    [
        (2, {"isian_unsur": ["bukan_opsi"]}, "tidak dikenal"),
        (8, {"isian_realisasi": "banyak"}, "angka 0–100"),
        (28, {"isian_masuk": "3", "isian_selesai": "5"}, "melebihi pengaduan masuk"),
    ],
)
def test_pratinjau_isian_sampah_400_dengan_pesan(client, operator_dinkes, ev_dinkes, nomor, data, pesan):
    client.force_login(operator_dinkes)
    r = client.post(_url("f01_pratinjau", ev_dinkes, nomor), data)
    assert r.status_code == 400
    assert r.json()["pesan"].startswith("Isian tidak sah") and pesan in r.json()["pesan"]
    assert not ev_dinkes.jawaban.exists()


# --- Bukti dukung ----------------------------------------------------------------------------------


def _unggah_lewat_halaman(client, ev, slot, nama, isi, berlaku="2025-01-15"):
    berkas = SimpleUploadedFile(nama, isi, content_type="application/pdf")
    data = {"slot": str(slot.code), "berkas": berkas, "berlaku_tanggal": berlaku, **isian_kunci()}
    return client.post(_url("bukti_unggah", ev, 2), data, follow=True)


def test_unggah_lewat_halaman_menyimpan_bukti_dan_menampilkannya(client, operator_dinkes, ev_dinkes):
    slot = _indikator(ev_dinkes, 2).slot_bukti.get(urutan=1)
    client.force_login(operator_dinkes)
    r = _unggah_lewat_halaman(client, ev_dinkes, slot, "BA FKP.pdf", PDF_KECIL)
    assert r.redirect_chain[-1][0] == _url("f01", ev_dinkes, 2) + f"#bukti-{slot.code}"
    bukti = BuktiDukung.objects.get()
    assert (bukti.slot, bukti.nama_asli, str(bukti.berlaku_tanggal)) == (slot, "BA FKP.pdf", "2025-01-15")
    teks = _teks(r)
    assert "Berkas BA FKP.pdf diunggah" in teks and "berlaku 15 Jan 2025" in teks


@pytest.mark.parametrize(
    ("nama", "isi", "pesan"),
    [
        ("setup.pdf", EXE_BERNAMA_PDF, "Isi berkas bukan PDF, JPG, PNG yang sah"),
        ("besar.pdf", b"%PDF-1.4\n" + b"0" * (10 * 1024 * 1024) + b"\n%%EOF", "melebihi batas 10 MB"),
        ("foto.exe", _png(), "tidak sesuai isinya"),
    ],
)
def test_unggah_palsu_atau_besar_ditolak_tanpa_sisa(
    client, operator_dinkes, ev_dinkes, settings, nama, isi, pesan
):
    slot = _indikator(ev_dinkes, 2).slot_bukti.get(urutan=1)
    sebelum = _berkas_media(settings)
    client.force_login(operator_dinkes)
    r = _unggah_lewat_halaman(client, ev_dinkes, slot, nama, isi)
    assert r.status_code == 200 and r.redirect_chain[-1][0] == _url("f01", ev_dinkes, 2)
    assert f"Bukti «{slot.nama}» tidak disimpan" in _teks(r) and pesan in _teks(r)
    assert not BuktiDukung.objects.exists()
    assert _berkas_media(settings) == sebelum


@pytest.mark.parametrize(
    ("berlaku", "tanpa_berkas", "pesan"),
    [
        ("2999-01-01", False, "tidak boleh di masa depan"),
        ("", False, "Isi tanggal berlakunya dokumen"),
        ("2025-01-15", True, "Pilih berkas yang akan diunggah"),
    ],
)
def test_formulir_unggah_menolak_tanggal_dan_berkas_kosong(
    client, operator_dinkes, ev_dinkes, berlaku, tanpa_berkas, pesan
):
    slot = _indikator(ev_dinkes, 2).slot_bukti.get(urutan=1)
    client.force_login(operator_dinkes)
    data = {"slot": str(slot.code), "berlaku_tanggal": berlaku, **isian_kunci()}
    if not tanpa_berkas:
        data["berkas"] = SimpleUploadedFile("ba.pdf", PDF_KECIL)
    r = client.post(_url("bukti_unggah", ev_dinkes, 2), data, follow=True)
    assert pesan in _teks(r)
    assert not BuktiDukung.objects.exists()


def test_slot_indikator_lain_ditolak(client, operator_dinkes, ev_dinkes):
    slot_lain = _indikator(ev_dinkes, 3).slot_bukti.first()
    client.force_login(operator_dinkes)
    r = _unggah_lewat_halaman(client, ev_dinkes, slot_lain, "ba.pdf", PDF_KECIL)
    assert "Slot bukti tidak dikenal untuk indikator ini" in _teks(r)
    assert not BuktiDukung.objects.exists()


def test_lihat_bukti_menyajikan_isi_dengan_tajuk_keamanan(client, operator_dinkes, ev_dinkes):
    isi = _png()
    slot = _indikator(ev_dinkes, 2).slot_bukti.get(urutan=4)
    bukti = _unggah(ev_dinkes, slot, operator_dinkes, nama='Foto "FKP" ü.png', isi=isi)
    client.force_login(operator_dinkes)
    r = client.get(reverse("evaluasi:bukti_lihat", args=[bukti.code]))
    assert r.status_code == 200
    assert b"".join(r.streaming_content) == isi
    assert r["Content-Type"] == "image/png"
    assert r["Content-Disposition"] == "inline; filename*=utf-8''Foto%20%22FKP%22%20%C3%BC.png"
    assert r["X-Content-Type-Options"] == "nosniff"
    assert r["Content-Security-Policy"] == "sandbox"


@pytest.mark.parametrize(("persona", "status"), [("biro", 200), ("pimpinan", 200), ("operator_samsat", 404)])
def test_lihat_bukti_bagi_evaluator_dan_unit_lain(client, request, bukti_dinkes, persona, status):
    client.force_login(request.getfixturevalue(persona))
    r = client.get(reverse("evaluasi:bukti_lihat", args=[bukti_dinkes.code]))
    assert r.status_code == status
    if status == 200:
        assert r["Content-Type"] == "application/pdf" and r["Content-Security-Policy"] == "sandbox"
        assert r["Content-Disposition"] == 'inline; filename="bukti.pdf"'


def test_hapus_bukti_lewat_halaman(client, operator_dinkes, bukti_dinkes, django_capture_on_commit_callbacks):
    client.force_login(operator_dinkes)
    with django_capture_on_commit_callbacks(execute=True):
        r = client.post(reverse("evaluasi:bukti_hapus", args=[bukti_dinkes.code]), follow=True)
    assert "Berkas bukti.pdf dihapus" in _teks(r)
    assert not BuktiDukung.objects.exists()


# --- Pengajuan -------------------------------------------------------------------------------------


def test_operator_tidak_dapat_mengajukan_403_dan_melihat_catatan_kepala(client, operator_dinkes, ev_dinkes):
    _simpan(ev_dinkes, operator_dinkes)
    client.force_login(operator_dinkes)
    ringkasan = client.get(_url("detail", ev_dinkes))
    assert "Hanya Kepala Penyelenggara yang dapat mengajukan" in _teks(ringkasan)
    assert _url("ajukan", ev_dinkes) not in _isi(ringkasan)
    assert client.post(_url("ajukan", ev_dinkes)).status_code == 403
    ev_dinkes.refresh_from_db()
    assert ev_dinkes.status == Status.DRAF


def test_kepala_mengajukan_setelah_bukti_wajib_lengkap(client, operator_dinkes, kepala_dinkes, ev_dinkes):
    _simpan(ev_dinkes, operator_dinkes)
    client.force_login(kepala_dinkes)
    ringkasan = client.get(_url("detail", ev_dinkes))
    assert _url("ajukan", ev_dinkes) in _isi(ringkasan)
    assert "Indikator 2: Berita acara (kesepakatan) Forum Konsultasi Publik" in _teks(ringkasan)

    r = client.post(_url("ajukan", ev_dinkes), follow=True)
    assert "Evaluasi belum diajukan" in _teks(r) and "indikator 2: Berita acara" in _teks(r)
    ev_dinkes.refresh_from_db()
    assert ev_dinkes.status == Status.DRAF

    for slot in _indikator(ev_dinkes, 2).slot_bukti.filter(wajib=True):
        _unggah_lewat_halaman(client, ev_dinkes, slot, "ba.pdf", PDF_KECIL)
    r = client.post(_url("ajukan", ev_dinkes), follow=True)
    assert "diajukan ke Biro Organisasi" in _teks(r)
    ev_dinkes.refresh_from_db()
    assert ev_dinkes.status == Status.DIAJUKAN


# --- Baca saja -------------------------------------------------------------------------------------


def _input_aktif(r) -> list[str]:
    """Masukan di isi halaman yang dapat diubah atau dikirim (bukan tersembunyi, bukan nonaktif)."""
    tag = re.findall(r"<(?:input|textarea|select|button)\b[^>]*>", _main(r))
    return [t for t in tag if "disabled" not in t and 'type="hidden"' not in t and 'type="button"' not in t]


@pytest.mark.parametrize("persona", ["pimpinan", "biro"])
def test_pimpinan_dan_biro_membaca_tanpa_masukan_aktif_dan_post_403(
    client, request, persona, operator_dinkes, ev_dinkes, bukti_dinkes
):
    client.force_login(request.getfixturevalue(persona))
    ringkasan = client.get(_url("detail", ev_dinkes))
    assert ringkasan.status_code == 200 and _input_aktif(ringkasan) == []
    halaman = client.get(_url("f01", ev_dinkes, 2))
    assert halaman.status_code == 200 and _input_aktif(halaman) == []
    assert re.search(r'value="media_massa"[^>]*checked', _isi(halaman))  # isian tetap terbaca
    assert "Mode baca saja" in _teks(halaman)

    berkas = SimpleUploadedFile("ba.pdf", PDF_KECIL)
    slot = str(bukti_dinkes.slot.code)
    assert client.post(_url("f01", ev_dinkes, 2), {"versi": "1", "isian_unsur": []}).status_code == 403
    unggah = {"slot": slot, "berkas": berkas, "berlaku_tanggal": "2025-01-02", **isian_kunci()}
    assert client.post(_url("bukti_unggah", ev_dinkes, 2), unggah).status_code == 403
    assert client.post(reverse("evaluasi:bukti_hapus", args=[bukti_dinkes.code])).status_code == 403
    assert client.post(_url("ajukan", ev_dinkes)).status_code == 403
    assert ev_dinkes.jawaban.get().isian == {"unsur": TIGA_UNSUR}
    assert BuktiDukung.objects.count() == 1


def test_pengisi_melihat_masukan_aktif(client, operator_dinkes, ev_dinkes):
    """Pembanding uji baca saja: bagi operator pada jendela pengisian, masukan yang sama aktif."""
    client.force_login(operator_dinkes)
    aktif = " ".join(_input_aktif(client.get(_url("f01", ev_dinkes, 2))))
    assert 'name="isian_unsur"' in aktif and 'type="file"' in aktif and "<textarea" in aktif


# --- Hasil evaluator pada ringkasan -----------------------------------------------------------------


def test_ringkasan_menampilkan_penilaian_alasan_perbaikan_dan_peningkatan(
    client, kepala_dinkes, biro, ev_dinkes, geser_fase
):
    _simpan(ev_dinkes, kepala_dinkes)
    PenilaianIndikator.objects.create(
        evaluasi=ev_dinkes,
        indikator=_indikator(ev_dinkes, 2),
        level=2,
        catatan="Daftar hadir tidak lengkap.",
        rekomendasi="Libatkan media massa.",
        alasan_perbaikan="Berita acara belum ditandatangani.",
    )
    HasilEvaluasi.objects.create(
        evaluasi=ev_dinkes,
        nilai_aspek={"I": "0.2800", "II": "0.0000"},
        ipp=Decimal("0.0672"),
        ipp_bulat=Decimal("0.07"),
        kategori="F",
        predikat="Gagal",
        dihitung_pada=timezone.now(),
    )
    ev_dinkes.status = Status.DIKEMBALIKAN
    ev_dinkes.save()
    geser_fase(ev_dinkes.siklus, "perbaikan")
    client.force_login(kepala_dinkes)
    r = client.get(_url("detail", ev_dinkes))
    teks = _teks(r)
    baris = re.search(r'<tr id="baris-2"[^>]*>', _isi(r)).group(0)
    assert "table-warning" in baris
    assert "Alasan perbaikan: Berita acara belum ditandatangani." in teks
    assert "level 2 Catatan: Daftar hadir tidak lengkap. Rekomendasi: Libatkan media massa." in teks
    assert "IPP hasil penilaian Biro (sementara) 0,07 F Gagal" in teks
    assert "nilai mandiri 0,42 · nilai evaluator 0,28" in teks  # aspek I: 14 % × 3 = 0,42
    # Kenaikan terbesar: ind. 14 (25 % × 30 %) = +0,075 per level; ind. 2 dari level evaluator 2.
    assert "14.b.K" in teks and "+0,075 per level" in teks
    assert "Ajukan ulang ke Biro Organisasi" in teks


# --- Jumlah kueri tetap ----------------------------------------------------------------------------


def _jumlah_kueri(client, url) -> int:
    with CaptureQueriesContext(connection) as kueri:
        r = client.get(url)
    assert r.status_code == 200
    return len(kueri)


def _isi_banyak(evaluasi, oleh):
    """Jawaban untuk setiap indikator, tiga bukti per indikator, penilaian, dan hasil (data ruahan)."""
    indikator = list(Indikator.objects.filter(aspek__instrumen=evaluasi.siklus.instrumen).exclude(nomor=2))
    JawabanIndikator.objects.bulk_create(
        JawabanIndikator(evaluasi=evaluasi, indikator=i, isian={}, level_usulan=1, versi=1) for i in indikator
    )
    slot = [s for i in indikator for s in i.slot_bukti.all()]
    BuktiDukung.objects.bulk_create(
        BuktiDukung(
            evaluasi=evaluasi,
            slot=s,
            berkas=f"bukti/uji/{s.pk}-{n}.pdf",
            nama_asli=f"bukti-{n}.pdf",
            jenis_isi="application/pdf",
            ukuran=100,
            berlaku_tanggal=evaluasi.siklus.pengisian_mulai,
        )
        for s in slot
        for n in range(3)
    )
    PenilaianIndikator.objects.bulk_create(
        PenilaianIndikator(evaluasi=evaluasi, indikator=i, level=3, catatan="ok") for i in indikator
    )
    HasilEvaluasi.objects.create(
        evaluasi=evaluasi,
        nilai_aspek={"I": "3.0000"},
        ipp=Decimal("3.0000"),
        ipp_bulat=Decimal("3.00"),
        kategori="C",
        predikat="Cukup",
        dihitung_pada=timezone.now(),
    )


def test_jumlah_kueri_ringkasan_dan_indikator_tidak_bergantung_isian_dan_bukti(
    client, kepala_dinkes, ev_dinkes, ev_labkes
):
    for ev in (ev_dinkes, ev_labkes):
        _simpan(ev, kepala_dinkes)
        _unggah(ev, _indikator(ev, 2).slot_bukti.get(urutan=1), kepala_dinkes)
    _isi_banyak(ev_labkes, kepala_dinkes)
    # Keduanya punya hasil, agar halaman yang dibandingkan sama bentuknya (grafik dan kartu laporan).
    HasilEvaluasi.objects.create(
        evaluasi=ev_dinkes,
        nilai_aspek={"I": "1.0000"},
        ipp=Decimal("1.0000"),
        ipp_bulat=Decimal("1.00"),
        kategori="F",
        predikat="Gagal",
        dihitung_pada=timezone.now(),
    )
    client.force_login(kepala_dinkes)
    assert ev_labkes.bukti.count() > 100 and ev_labkes.jawaban.count() == 31
    assert _jumlah_kueri(client, _url("detail", ev_labkes)) == _jumlah_kueri(
        client, _url("detail", ev_dinkes)
    )
    # Indikator 1: 4 slot × 3 bukti dan penilaian pada Labkes, tanpa apa pun pada Dinkes.
    assert _jumlah_kueri(client, _url("f01", ev_labkes, 1)) == _jumlah_kueri(
        client, _url("f01", ev_dinkes, 1)
    )


def test_jumlah_kueri_daftar_tidak_bergantung_banyaknya_evaluasi(client, biro, buat_siklus, dinkes):
    buat_siklus(dinkes, tahun=2024)
    client.force_login(biro)
    sedikit = _jumlah_kueri(client, reverse("evaluasi:daftar"))
    unit = Penyelenggara.objects.bulk_create(
        Penyelenggara(kode=f"PD-UJI-{n:02}", nama=f"Dinas Uji {n:02}") for n in range(20)
    )
    besar = buat_siklus(*unit, tahun=2025)
    HasilEvaluasi.objects.bulk_create(
        HasilEvaluasi(
            evaluasi=e,
            ipp=Decimal("2.5"),
            ipp_bulat=Decimal("2.50"),
            kategori="C-",
            predikat="Cukup dengan Catatan",
            peringkat=n,
            dihitung_pada=timezone.now(),
        )
        for n, e in enumerate(besar.evaluasi.all(), start=1)
    )
    r = client.get(reverse("evaluasi:daftar"))
    assert "21 evaluasi ditemukan" in _teks(r) and "2,50 C-" in _teks(r)
    assert _jumlah_kueri(client, reverse("evaluasi:daftar")) == sedikit


def _evaluasi_instrumen_dua_indikator(unit, hari_ini) -> Evaluasi:
    """Evaluasi atas instrumen mini (satu aspek, dua indikator) untuk membandingkan jumlah kueri."""
    instrumen = InstrumenVersi.objects.create(tahun=2031, nama="Instrumen uji mini", jenis="B")
    aspek = Aspek.objects.create(instrumen=instrumen, kode="I", nama="Kebijakan", bobot=100, urutan=1)
    for nomor in (1, 2):
        indikator = Indikator.objects.create(
            aspek=aspek,
            nomor=nomor,
            kode=f"{nomor}.u",
            teks=f"Indikator uji {nomor}",
            bobot=50,
            **{f"level_{n}": f"Level {n}" for n in range(6)},
        )
        SlotBukti.objects.create(indikator=indikator, nama="Bukti uji", urutan=1)
    KategoriIPP.objects.create(instrumen=instrumen, kode="F", predikat="Gagal", batas_bawah=0, batas_atas=5)
    siklus = SiklusMonev.objects.create(
        tahun=2031, nama="Siklus uji mini", instrumen=instrumen, **jendela_siklus(hari_ini)
    )
    return Evaluasi.objects.create(siklus=siklus, penyelenggara=unit)


def test_jumlah_kueri_ringkasan_tidak_bergantung_banyaknya_indikator(
    client, kepala_dinkes, ev_dinkes, labkes, hari_ini
):
    mini = _evaluasi_instrumen_dua_indikator(labkes, hari_ini)
    client.force_login(kepala_dinkes)
    teks = _teks(client.get(_url("detail", mini)))
    assert "Indikator uji 2" in teks and "Indikator uji 3" not in teks
    assert _jumlah_kueri(client, _url("detail", mini)) == _jumlah_kueri(client, _url("detail", ev_dinkes))
    assert _jumlah_kueri(client, _url("f01", mini, 2)) == _jumlah_kueri(client, _url("f01", ev_dinkes, 2))
