"""SKM: formulir survei publik (kode QR) dengan perlindungan banjir, periode dan impor jawaban oleh unit,
rekap NRR, dan lingkup unit (periode unit lain → 404, pimpinan → 403 pada penulisan)."""

import html
import re
import time
from datetime import timedelta
from decimal import Decimal
from io import BytesIO

import pytest
from django.core import signing
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from openpyxl import Workbook

from kaltim_yanlik.core import pembatas
from kaltim_yanlik.core.exceptions import DomainError
from kaltim_yanlik.core.models import JejakAudit
from kode_etik.models import JenisLayanan
from survei import services
from survei.models import UNSUR_FIELDS, PeriodeSKM, ResponSKM

pytestmark = pytest.mark.django_db
SAH = dict.fromkeys(UNSUR_FIELDS, "3")
KEPALA_CSV = "u1;u2;u3;u4;u5;u6;u7;u8;u9;usia;jenis_kelamin;saran"


@pytest.fixture(autouse=True)
def cache_bersih():
    # Penghitung batas kiriman tinggal di cache: tanpa ini batas satu uji bocor ke uji berikutnya.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def hari():
    return timezone.localdate()


@pytest.fixture
def periode(dinkes, kepala_dinkes, hari):
    return services.periode_skm_buat(
        penyelenggara=dinkes,
        nama="Semester II",
        mulai=hari - timedelta(days=10),
        selesai=hari + timedelta(days=10),
        populasi=1000,
        oleh=kepala_dinkes,
    )


@pytest.fixture
def periode_samsat(samsat, kepala_samsat, hari):
    return services.periode_skm_buat(
        penyelenggara=samsat, nama="Semester II", mulai=hari, selesai=hari, populasi=50, oleh=kepala_samsat
    )


@pytest.fixture
def layanan(dinkes):
    return JenisLayanan.objects.create(penyelenggara=dinkes, nama="Izin Apotek")


def _token_lama(detik=60) -> str:
    return signing.dumps(time.time() - detik, salt=pembatas._GARAM_WAKTU)


def _kirim(client, periode, alamat="203.0.113.7", **lain):
    data = {**SAH, "situs_web": "", "waktu_isi": _token_lama(), **lain}
    data = {k: v for k, v in data.items() if v is not None}
    url = reverse("survei:survei_publik", kwargs={"code": periode.code})
    return client.post(url, data, REMOTE_ADDR=alamat)


def _teks(r) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", r.content.decode())).split())


def _csv(teks: str, nama="skm.csv"):
    return SimpleUploadedFile(nama, teks.encode())


def _xlsx(baris: list[list], nama="skm.xlsx"):
    buku = Workbook()
    for b in baris:
        buku.active.append(b)
    keluaran = BytesIO()
    buku.save(keluaran)
    return SimpleUploadedFile(nama, keluaran.getvalue())


def _url(nama, periode):
    return reverse(f"survei:{nama}", kwargs={"code": periode.code})


# --- Formulir publik ---------------------------------------------------------------------------------


def test_formulir_publik_menampilkan_unit_layanan_dan_pilihan_jawaban_permen(client, periode, layanan):
    r = client.get(_url("survei_publik", periode))
    assert r.status_code == 200
    teks = _teks(r)
    assert "Dinas Kesehatan" in teks and "Izin Apotek" in teks
    for pilihan in ("Sangat mahal", "Gratis", "Dikelola dengan baik", "Tidak sopan dan ramah", "Sangat baik"):
        assert pilihan in teks


def test_kiriman_publik_tersimpan_dengan_layanan_profil_dan_diaudit(client, periode, layanan):
    r = _kirim(
        client, periode, u4="4", u9="1", jenis_layanan=str(layanan.code), usia="30-39", saran=" Antre "
    )
    assert r.status_code == 302 and r.url == _url("survei_terima_kasih", periode)
    respons = ResponSKM.objects.get()
    assert (respons.u1, respons.u4, respons.u9) == (3, 4, 1)
    assert respons.jenis_layanan == layanan and respons.usia == "30-39" and respons.saran == "Antre"
    assert respons.sumber == ResponSKM.Sumber.FORMULIR
    jejak = JejakAudit.objects.get(aksi="evaluasi.skm.respons.diterima")
    assert jejak.penyelenggara_id == periode.penyelenggara_id and jejak.data["alamat_ip"] == "203.0.113.7"
    assert "Terima kasih" in _teks(client.get(r.url))


@pytest.mark.parametrize(
    ("lain", "pesan"),
    [
        ({"u3": "0"}, "Jawaban U3 harus salah satu dari empat pilihan"),
        ({"u5": "5"}, "Jawaban U5 harus salah satu dari empat pilihan"),
        ({"u9": None}, "Pilih satu jawaban untuk U9"),
    ],
)
def test_jawaban_tidak_sah_ditolak_dengan_pesan_tanpa_menyimpan(client, periode, lain, pesan):
    r = _kirim(client, periode, **lain)
    assert r.status_code == 400
    assert pesan in _teks(r)
    assert not ResponSKM.objects.exists()


@pytest.mark.parametrize("nilai", [0, 5, None, "x", True])
def test_service_menolak_nilai_di_luar_1_4(periode, nilai):
    with pytest.raises(DomainError, match="U2"):
        services.respons_kirim_publik(periode=periode, jawaban={**SAH, "u2": nilai})
    assert not ResponSKM.objects.exists()


def test_layanan_unit_lain_ditolak(periode, samsat):
    lain = JenisLayanan.objects.create(penyelenggara=samsat, nama="Balik Nama")
    with pytest.raises(DomainError, match="bukan milik unit"):
        services.respons_kirim_publik(periode=periode, jawaban=SAH, jenis_layanan=lain)


@pytest.mark.parametrize("keadaan", ["ditutup", "belum_mulai", "sudah_selesai", "nrr"])
def test_periode_tertutup_atau_di_luar_tanggal_dijawab_404_ramah(client, periode, hari, keadaan):
    if keadaan == "ditutup":
        periode.menerima_jawaban = False
    elif keadaan == "belum_mulai":
        periode.mulai, periode.selesai = hari + timedelta(days=1), hari + timedelta(days=5)
    elif keadaan == "sudah_selesai":
        periode.mulai, periode.selesai = hari - timedelta(days=5), hari - timedelta(days=1)
    else:
        periode.sumber = PeriodeSKM.Sumber.NRR
    periode.save()
    r = client.get(_url("survei_publik", periode))
    assert r.status_code == 404 and "Survei tidak tersedia" in _teks(r)
    assert _kirim(client, periode).status_code == 404
    assert not ResponSKM.objects.exists()
    with pytest.raises(DomainError):
        services.respons_kirim_publik(periode=periode, jawaban=SAH)


def test_kode_tidak_dikenal_dan_unit_nonaktif_404(client, periode, dinkes):
    r = client.get(reverse("survei:survei_publik", kwargs={"code": "00000000-0000-0000-0000-000000000000"}))
    assert r.status_code == 404 and "Survei tidak tersedia" in _teks(r)
    dinkes.aktif = False
    dinkes.save(update_fields=["aktif"])
    assert client.get(_url("survei_publik", periode)).status_code == 404


def test_batas_kiriman_per_alamat_menjawab_429(client, periode, settings):
    settings.BATAS_KIRIM_SKM = "2/600"
    assert _kirim(client, periode).status_code == 302
    assert _kirim(client, periode).status_code == 302
    r = _kirim(client, periode)
    assert r.status_code == 429 and "Terlalu banyak permintaan" in _teks(r)
    assert ResponSKM.objects.count() == 2
    assert _kirim(client, periode, alamat="203.0.113.99").status_code == 302


@pytest.mark.parametrize(
    ("lain", "pesan"),
    [
        ({"situs_web": "http://promo.example"}, "Kiriman tidak dapat diproses"),
        ({"waktu_isi": "BARU"}, "terlalu cepat"),
        ({"waktu_isi": "dipalsukan"}, "tidak utuh"),
    ],
)
def test_umpan_dan_kiriman_terlalu_cepat_ditolak(client, periode, lain, pesan):
    if lain.get("waktu_isi") == "BARU":
        lain = {"waktu_isi": _token_lama(detik=0)}
    r = _kirim(client, periode, **lain)
    assert r.status_code == 400 and pesan in _teks(r)
    assert not ResponSKM.objects.exists()


# --- Periode -------------------------------------------------------------------------------------------


def test_operator_membuat_periode_lewat_halaman_dan_diaudit(client, dinkes, operator_dinkes, hari):
    client.force_login(operator_dinkes)
    data = {
        "penyelenggara": str(dinkes.code),
        "nama": "Tahun 2026",
        "mulai": hari.isoformat(),
        "selesai": (hari + timedelta(days=30)).isoformat(),
        "populasi": "400",
    }
    r = client.post(reverse("survei:skm_buat"), data)
    periode = PeriodeSKM.objects.get()
    assert r.status_code == 302 and r.url == _url("skm_detail", periode)
    assert periode.dibuat_oleh == operator_dinkes and periode.populasi == 400
    jejak = JejakAudit.objects.get(aksi="evaluasi.skm.periode.dibuat")
    assert jejak.penyelenggara_id == dinkes.pk


def test_periode_tanggal_terbalik_dan_ganda_ditolak(dinkes, kepala_dinkes, periode, hari):
    with pytest.raises(DomainError, match="sebelum atau sama"):
        services.periode_skm_buat(
            penyelenggara=dinkes,
            nama="X",
            mulai=hari,
            selesai=hari - timedelta(days=1),
            populasi=5,
            oleh=kepala_dinkes,
        )
    with pytest.raises(DomainError, match="sudah ada"):
        services.periode_skm_buat(
            penyelenggara=dinkes,
            nama="Y",
            mulai=periode.mulai,
            selesai=periode.selesai,
            populasi=5,
            oleh=kepala_dinkes,
        )
    assert PeriodeSKM.objects.count() == 1


def test_kepala_mengubah_periode_dan_menutup_formulir(client, periode, kepala_dinkes):
    client.force_login(kepala_dinkes)
    data = {
        "nama": "Semester II 2026",
        "mulai": periode.mulai.isoformat(),
        "selesai": periode.selesai.isoformat(),
        "populasi": "2000",
    }
    assert client.post(_url("skm_ubah", periode), data).status_code == 302
    periode.refresh_from_db()
    assert periode.nama == "Semester II 2026" and not periode.menerima_jawaban and periode.populasi == 2000
    assert JejakAudit.objects.filter(aksi="evaluasi.skm.periode.diubah").exists()


def test_halaman_periode_menampilkan_tautan_qr_dan_target_sampel(client, periode, operator_dinkes):
    client.force_login(operator_dinkes)
    r = client.get(_url("skm_detail", periode))
    assert r.status_code == 200
    html = r.content.decode()
    assert _url("survei_publik", periode) in html and "<svg" in html
    assert "278" in _teks(r)  # Krejcie–Morgan untuk N = 1000
    cetak = client.get(_url("skm_qr", periode))
    assert cetak.status_code == 200 and "<svg" in cetak.content.decode()
    assert "Dinas Kesehatan" in _teks(cetak) and "Semester II" in _teks(cetak)


# --- Impor ---------------------------------------------------------------------------------------------


def test_impor_csv_titik_koma_dan_koma(client, periode, operator_dinkes, layanan):
    client.force_login(operator_dinkes)
    teks = (
        f"{KEPALA_CSV};jenis_layanan_kode\n"
        "4;3;3;4;3;4;4;3;3;30-39;P;Tertib;izin apotek\n\n"
        "3;3;2;4;3;3;4;3;2;;;;\n"
    )
    r = client.post(_url("skm_impor", periode), {"berkas": _csv(teks)})
    assert r.status_code == 302
    assert ResponSKM.objects.filter(sumber=ResponSKM.Sumber.IMPOR).count() == 2
    assert ResponSKM.objects.filter(jenis_layanan=layanan, jenis_kelamin="P").count() == 1
    koma = "u1,u2,u3,u4,u5,u6,u7,u8,u9\n1,1,1,1,1,1,1,1,1\n"
    assert services.respons_impor(periode=periode, berkas=_csv(koma), oleh=operator_dinkes) == 1
    assert JejakAudit.objects.filter(aksi="evaluasi.skm.respons.diimpor").count() == 2


def test_impor_xlsx(periode, kepala_dinkes):
    baris = [
        ["U1", "U2", "U3", "U4", "U5", "U6", "U7", "U8", "U9", "Saran"],
        [4, 4, 4, 4, 4, 4, 4, 4, 3.0, "Ok"],
    ]
    assert services.respons_impor(periode=periode, berkas=_xlsx(baris), oleh=kepala_dinkes) == 1
    respons = ResponSKM.objects.get()
    assert respons.u9 == 3 and respons.saran == "Ok"


def test_satu_baris_buruk_tidak_ada_yang_diimpor_dan_barisnya_disebut(client, periode, operator_dinkes):
    client.force_login(operator_dinkes)
    baris = ["4;3;3;4;3;4;4;3;3;;;", "4;3;5;4;3;4;4;3;3;;;", "3;3;3;4;3;3;4;3;3;;X;", "4;4;4;4;4;4;4;4;4;;;"]
    teks = "\n".join([KEPALA_CSV, *baris]) + "\n"
    r = client.post(_url("skm_impor", periode), {"berkas": _csv(teks)})
    assert r.status_code == 400
    teks_halaman = _teks(r)
    assert "2 baris tidak sah; tidak ada yang diimpor" in teks_halaman
    assert "3 Jawaban U3 harus salah satu pilihan 1–4, bukan 5" in teks_halaman
    assert "4 Isian jenis kelamin 'X' tidak dikenal" in teks_halaman
    assert not ResponSKM.objects.exists()
    assert not JejakAudit.objects.filter(aksi="evaluasi.skm.respons.diimpor").exists()


@pytest.mark.parametrize(
    ("berkas", "pesan"),
    [
        (SimpleUploadedFile("skm.pdf", b"%PDF-1.4\n%%EOF\n"), "Jenis berkas tidak diterima"),
        (SimpleUploadedFile("skm.csv", b"\x89PNG\r\n\x1a\n0000"), "bukan teks CSV"),
        (SimpleUploadedFile("skm.xlsx", b"u1;u2\n1;2\n"), "bukan XLSX yang sah"),
        (SimpleUploadedFile("skm.xlsx", b"PK\x03\x04rusak"), "XLSX rusak"),
        (SimpleUploadedFile("skm.csv", "u1;saran\n1;Puas é\n".encode("latin-1")), "UTF-8"),
        (SimpleUploadedFile("skm.csv", b"a;b\n1;2\n"), "tidak memuat kolom u1"),
        (SimpleUploadedFile("skm.csv", KEPALA_CSV.encode()), "tidak berisi baris jawaban"),
    ],
)
def test_berkas_salah_jenis_atau_isi_ditolak(periode, kepala_dinkes, berkas, pesan):
    with pytest.raises(DomainError, match=pesan):
        services.respons_impor(periode=periode, berkas=berkas, oleh=kepala_dinkes)
    assert not ResponSKM.objects.exists()


def test_berkas_terlalu_besar_ditolak(client, periode, kepala_dinkes, settings):
    settings.IMPOR_UKURAN_MAKS = 1024 * 1024
    client.force_login(kepala_dinkes)
    besar = f"{KEPALA_CSV}\n" + "4;3;3;4;3;4;4;3;3;;;\n" * 60_000
    r = client.post(_url("skm_impor", periode), {"berkas": _csv(besar)})
    assert r.status_code == 400 and "melebihi batas 1 MB" in _teks(r)
    assert not ResponSKM.objects.exists()


# --- NRR -----------------------------------------------------------------------------------------------


def test_nrr_dengan_koma_tersimpan_dan_menutup_formulir(client, periode, kepala_dinkes):
    client.force_login(kepala_dinkes)
    nilai = ["3,62", "3,48", "3,45", "3,10", "3,52", "3,62", "3,66", "3,30", "2,95"]
    data = {**dict(zip(UNSUR_FIELDS, nilai, strict=True)), "jumlah_responden": "300"}
    assert client.post(_url("skm_nrr", periode), data).status_code == 302
    periode.refresh_from_db()
    assert periode.nrr_u1 == Decimal("3.62") and periode.nrr_u9 == Decimal("2.95")
    assert periode.sumber == PeriodeSKM.Sumber.NRR and not periode.menerima_jawaban
    jejak = JejakAudit.objects.get(aksi="evaluasi.skm.nrr.disimpan")
    assert jejak.data["ikm"] == "85.28" and jejak.penyelenggara_id == periode.penyelenggara_id


def test_nrr_di_luar_1_4_ditolak_tanpa_menyimpan(client, periode, kepala_dinkes):
    client.force_login(kepala_dinkes)
    data = {**dict.fromkeys(UNSUR_FIELDS, "3,5"), "u4": "4,5", "jumlah_responden": "10"}
    r = client.post(_url("skm_nrr", periode), data)
    assert r.status_code == 400 and "NRR unsur ke-4 harus di antara 1 dan 4" in _teks(r)
    periode.refresh_from_db()
    assert periode.nrr_u1 is None and periode.sumber == PeriodeSKM.Sumber.RESPONDEN
    with pytest.raises(DomainError, match="tepat 9"):
        services.nrr_simpan(periode=periode, nrr=[3] * 8, jumlah_responden=10, oleh=kepala_dinkes)
    with pytest.raises(DomainError, match="Jumlah responden"):
        services.nrr_simpan(periode=periode, nrr=[3] * 9, jumlah_responden=0, oleh=kepala_dinkes)


def test_nrr_ditolak_bila_sudah_ada_jawaban_responden(periode, kepala_dinkes):
    services.respons_kirim_publik(periode=periode, jawaban=SAH)
    with pytest.raises(DomainError, match="sudah berisi jawaban"):
        services.nrr_simpan(periode=periode, nrr=[3] * 9, jumlah_responden=10, oleh=kepala_dinkes)


# --- Lingkup dan peran -----------------------------------------------------------------------------------


@pytest.mark.parametrize("nama", ["skm_detail", "skm_ubah", "skm_qr", "skm_impor", "skm_nrr"])
def test_periode_unit_lain_404(client, periode_samsat, kepala_dinkes, nama):
    client.force_login(kepala_dinkes)
    assert client.get(_url(nama, periode_samsat)).status_code == 404
    if nama == "skm_impor":
        r = client.post(_url(nama, periode_samsat), {"berkas": _csv(f"{KEPALA_CSV}\n4;3;3;4;3;4;4;3;3;;;\n")})
        assert r.status_code == 404 and not ResponSKM.objects.exists()


def test_daftar_hanya_periode_dalam_lingkup(client, periode, periode_samsat, kepala_dinkes, biro):
    client.force_login(kepala_dinkes)
    assert list(client.get(reverse("survei:skm_daftar")).context["halaman"]) == [periode]
    client.force_login(biro)
    assert set(client.get(reverse("survei:skm_daftar")).context["halaman"]) == {periode, periode_samsat}


def test_kepala_induk_menjangkau_uptd_di_bawahnya(client, labkes, kepala_labkes, kepala_dinkes, hari):
    periode_labkes = services.periode_skm_buat(
        penyelenggara=labkes, nama="Tahunan", mulai=hari, selesai=hari, populasi=30, oleh=kepala_labkes
    )
    client.force_login(kepala_dinkes)
    assert client.get(_url("skm_detail", periode_labkes)).status_code == 200


def test_service_menolak_unit_lain(periode_samsat, kepala_dinkes, dinkes, samsat, hari):
    with pytest.raises(PermissionDenied):
        services.periode_skm_buat(
            penyelenggara=samsat, nama="X", mulai=hari, selesai=hari, populasi=5, oleh=kepala_dinkes
        )
    with pytest.raises(PermissionDenied):
        services.nrr_simpan(periode=periode_samsat, nrr=[3] * 9, jumlah_responden=5, oleh=kepala_dinkes)


@pytest.mark.parametrize("nama", ["skm_ubah", "skm_impor", "skm_nrr"])
def test_pimpinan_membaca_tetapi_403_pada_penulisan(client, periode, pimpinan, nama):
    client.force_login(pimpinan)
    assert client.get(_url("skm_detail", periode)).status_code == 200
    assert client.get(reverse("survei:skm_buat")).status_code == 403
    assert client.get(_url(nama, periode)).status_code == 403
    assert client.post(_url(nama, periode), {}).status_code == 403


def test_tanpa_login_diarahkan_ke_halaman_masuk(client, periode):
    r = client.get(_url("skm_detail", periode))
    assert r.status_code == 302 and "masuk" in r.url


def test_berkas_melebihi_jumlah_baris_ditolak(periode, kepala_dinkes, monkeypatch):
    monkeypatch.setattr("survei.services.skm.MAKS_BARIS_IMPOR", 2)
    teks = "\n".join([KEPALA_CSV, *["4;3;3;4;3;4;4;3;3;;;"] * 3]) + "\n"
    with pytest.raises(DomainError, match="Paling banyak 2 baris"):
        services.respons_impor(periode=periode, berkas=_csv(teks), oleh=kepala_dinkes)
    assert not ResponSKM.objects.exists()


def _xlsx_lembar_terpotong() -> SimpleUploadedFile:
    """XLSX sah yang XML lembarnya terpotong: baru terbaca rusak saat baris diiterasi."""
    import zipfile

    sah, rusak = BytesIO(), BytesIO()
    buku = Workbook()
    buku.active.append(["U1", "U2"])
    buku.save(sah)
    with zipfile.ZipFile(sah) as masuk, zipfile.ZipFile(rusak, "w") as keluar:
        for nama in masuk.namelist():
            isi = masuk.read(nama)
            keluar.writestr(nama, isi[: len(isi) // 2] if nama.endswith("sheet1.xml") else isi)
    return SimpleUploadedFile("skm.xlsx", rusak.getvalue())


@pytest.mark.parametrize(
    ("berkas", "pesan"),
    [
        (SimpleUploadedFile("skm.csv", f"{KEPALA_CSV}\n4;{'x' * 140_000}\n".encode()), "CSV rusak"),
        (SimpleUploadedFile("skm.csv", f"{KEPALA_CSV}\n4;3\x00;3\n".encode()), "bukan teks CSV"),
    ],
)
def test_csv_rusak_ditolak_dengan_pesan_bukan_500(client, periode, kepala_dinkes, berkas, pesan):
    client.force_login(kepala_dinkes)
    r = client.post(_url("skm_impor", periode), {"berkas": berkas})
    assert r.status_code == 400 and pesan in _teks(r)
    assert not ResponSKM.objects.exists()


def test_xlsx_dengan_lembar_terpotong_ditolak(client, periode, kepala_dinkes):
    client.force_login(kepala_dinkes)
    r = client.post(_url("skm_impor", periode), {"berkas": _xlsx_lembar_terpotong()})
    assert r.status_code == 400 and "XLSX rusak" in _teks(r)
    assert not ResponSKM.objects.exists()


def test_populasi_di_luar_rentang_dijawab_pesannya_bukan_duplikat(client, periode, kepala_dinkes):
    client.force_login(kepala_dinkes)
    data = {"nama": periode.nama, "mulai": periode.mulai.isoformat(), "selesai": periode.selesai.isoformat()}
    r = client.post(_url("skm_ubah", periode), {**data, "populasi": "3000000000"})
    assert r.status_code in (200, 400) and "Paling banyak 100.000.000" in _teks(r)
    assert "sudah ada" not in _teks(r)
