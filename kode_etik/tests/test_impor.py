"""Impor/ekspor admin Penyelenggara dan Pelaksana lewat halaman admin sungguhan (django-import-export).

Satu baris tidak sah membatalkan seluruh berkas; berkas yang bukan CSV/XLSX yang sah ditolak di formulir;
halaman impor berbahasa Indonesia (locale/id); Kepala unit tidak melihat impor/ekspor sama sekali (404).
"""

import gettext
import html
import io
import re
import tempfile
import zipfile
from pathlib import Path

import import_export
import openpyxl
import pytest
import tablib
from django.conf import settings
from django.contrib.admin.models import LogEntry
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from import_export.forms import SelectableFieldsExportForm

from kaltim_yanlik.core.models import JejakAudit
from kode_etik.models import Pelaksana, Penyelenggara
from kode_etik.resources import PenyelenggaraResource

pytestmark = pytest.mark.django_db

CONTOH_CSV = Path(settings.BASE_DIR) / "kode_etik" / "data" / "penyelenggara-kaltim-contoh.csv"
PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
)


def _indeks_format(nama: str) -> str:
    return str([f.__name__ for f in settings.IMPORT_EXPORT_FORMATS].index(nama))


CSV, XLSX = _indeks_format("CSV"), _indeks_format("XLSX")


def _url(model: str, langkah: str) -> str:
    return reverse(f"admin:kode_etik_{model}_{langkah}")


def _unggah(client, model, nama, isi: bytes, format_=None):
    if format_ is None:
        format_ = XLSX if nama.lower().endswith(".xlsx") else CSV
    berkas = SimpleUploadedFile(nama, isi, content_type="application/octet-stream")
    return client.post(_url(model, "import"), {"resource": "0", "format": format_, "import_file": berkas})


def _konfirmasi(client, model, respons_pratinjau):
    return client.post(_url(model, "process_import"), respons_pratinjau.context["confirm_form"].initial)


def _csv(*baris: str) -> bytes:
    return ("\n".join(baris) + "\n").encode("utf-8")


def _xlsx(baris: list[list]) -> bytes:
    buku = openpyxl.Workbook()
    lembar = buku.active
    for isi in baris:
        lembar.append(isi)
    keluaran = io.BytesIO()
    buku.save(keluaran)
    return keluaran.getvalue()


def _baris_tidak_sah(respons) -> dict[int, str]:
    """Nomor baris → teks alasannya, dari tabel "Beberapa baris tidak lolos validasi" yang dirender."""
    isi = respons.content.decode()
    hasil = {}
    for nomor, alasan in re.findall(r'<tr>\s*<td>(\d+)\s*</td>\s*<td class="errors">(.*?)</td>', isi, re.S):
        hasil[int(nomor)] = html.unescape(re.sub(r"<[^>]+>", " ", alasan))
    return hasil


def _galat_berkas(respons) -> str:
    return " ".join(respons.context["form"].errors.get("import_file", [])).replace("\xa0", " ")


@pytest.fixture(autouse=True)
def _folder_sementara_sendiri(tmp_path, monkeypatch):
    """import-export menaruh berkas pratinjau di tempfile.gettempdir() dan hanya menghapusnya setelah
    konfirmasi; arahkan ke folder uji agar /tmp bersama tidak terisi sisa berkas."""
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))


@pytest.fixture
def masuk_biro(client, biro):
    client.force_login(biro)
    return client


JUDUL_PENYELENGGARA = "kode,nama,singkatan,jenis,induk_kode"
JUDUL_PELAKSANA = ["nip", "nama", "jabatan", "kategori", "penyelenggara_kode", "aktif"]


# --- Halaman berbahasa Indonesia ---------------------------------------------------------------------------


def test_halaman_impor_berbahasa_indonesia(masuk_biro):
    r = masuk_biro.get(_url("penyelenggara", "import"))
    assert r.status_code == 200
    isi = r.content.decode()
    for teks in [
        "Berkas yang akan diimpor",
        'value="Kirim"',
        "Kolom yang akan diimpor:",
        ">Beranda</a>",
        "Impor",
    ]:
        assert teks in isi, teks
    for inggris in ["File to import", 'value="Submit"', "This importer will import", ">Home</a>"]:
        assert inggris not in isi, inggris


def test_semua_teks_templat_import_export_diterjemahkan():
    """Setiap {% translate "..." %} di templat admin import-export punya terjemahan id (gagal bila paket naik
    versi dan menambah teks baru)."""
    folder = Path(import_export.__file__).parent / "templates" / "admin" / "import_export"
    msgid = set()
    for templat in folder.glob("*.html"):
        msgid |= set(re.findall(r"""{% translate ["'](.+?)["'] %}""", templat.read_text()))
    assert len(msgid) >= 20
    with translation.override("id"):
        belum = sorted(m for m in msgid if translation.gettext(m) == m)
    assert belum == []


def _entri_po(teks: str) -> dict[str, str]:
    """msgid → msgstr (msgstr[0] untuk bentuk jamak) dari berkas .po; cukup untuk katalog sederhana ini."""

    def gabung(blok):
        return "".join(re.findall(r'"(.*)"', blok)).replace('\\"', '"').replace("\\n", "\n")

    hasil = {}
    pola = r'^msgid ((?:".*"\n)+)(?:msgid_plural (?:".*"\n)+)?msgstr(?:\[0\])? ((?:".*"\n)+)'
    for msgid, msgstr in re.findall(pola, teks, re.M):
        hasil[gabung(msgid)] = gabung(msgstr)
    hasil.pop("", None)
    return hasil


def test_katalog_mo_sesuai_po():
    """``django.mo`` yang dikomit sama dengan ``django.po`` (lupa mengompilasi ulang = gagal)."""
    folder = Path(settings.BASE_DIR) / "locale" / "id" / "LC_MESSAGES"
    po = _entri_po((folder / "django.po").read_text(encoding="utf-8"))
    with open(folder / "django.mo", "rb") as f:
        katalog = gettext.GNUTranslations(f)._catalog
    mo = {(k[0] if isinstance(k, tuple) else k): v for k, v in katalog.items() if k not in ("", ("", 0))}
    mo.pop("", None)
    assert len(po) >= 40
    assert all(po.values()), [k for k, v in po.items() if not v]
    assert po == mo


# --- Berkas dengan baris tidak sah: tidak ada yang masuk ---------------------------------------------------


def test_csv_penyelenggara_buruk_menyebut_baris_dan_alasan_tanpa_menyimpan_apa_pun(masuk_biro, dinkes):
    awal_penyelenggara, awal_jejak = Penyelenggara.objects.count(), JejakAudit.objects.count()
    isi = _csv(
        JUDUL_PENYELENGGARA,
        "PD-BARU1,Dinas Baru Satu,DBS,PD,",
        "UPTD-BARU2,UPTD Baru Dua,,UPTD,PD-DINKES",
        "PD-BARU3,Dinas Jenis Salah,,DINAS,",
        "PD-BARU4,Dinas Baru Empat,,PD,",
        "UPTD-BARU5,UPTD Induk Hilang,,UPTD,PD-TIDAK-ADA",
        "UPTD-BARU6,UPTD Tanpa Induk,,UPTD,",
    )
    r = _unggah(masuk_biro, "penyelenggara", "penyelenggara.csv", isi)

    assert r.status_code == 200
    isi_html = r.content.decode()
    assert "Beberapa baris tidak lolos validasi" in isi_html
    assert "Konfirmasi impor" not in isi_html and "confirm_form" not in r.context
    galat = _baris_tidak_sah(r)
    assert sorted(galat) == [3, 5, 6]
    assert "'DINAS' bukan pilihan yang valid" in galat[3]
    assert "Penyelenggara dengan kode “PD-TIDAK-ADA” tidak ditemukan." in galat[5]
    assert "UPTD wajib memiliki Perangkat Daerah induk." in galat[6]
    assert Penyelenggara.objects.count() == awal_penyelenggara
    assert not Penyelenggara.objects.filter(kode__in=["PD-BARU1", "UPTD-BARU2", "PD-BARU4"]).exists()
    assert JejakAudit.objects.count() == awal_jejak


def test_xlsx_pelaksana_buruk_menyebut_baris_dan_alasan_tanpa_menyimpan_apa_pun(masuk_biro, dinkes, samsat):
    awal = Pelaksana.objects.count()
    isi = _xlsx(
        [
            JUDUL_PELAKSANA,
            ["198501012010012001", "dr. Rina Wulandari", "Kepala Seksi", "pejabat", "PD-DINKES", "1"],
            ["12345", "Nur Aisyah", "Petugas Loket", "petugas", "PD-DINKES", "1"],
            ["199002022015031002", "Budi Santoso", "Pegawai", "pegawai", "PD-ENTAH", "1"],
            ["", "Agus Salim", "Petugas Parkir", "lainnya", "UPTD-SAMSAT-SMD", "1"],
        ]
    )
    r = _unggah(masuk_biro, "pelaksana", "pelaksana.xlsx", isi)

    assert r.status_code == 200
    assert "Beberapa baris tidak lolos validasi" in r.content.decode()
    assert "confirm_form" not in r.context
    galat = _baris_tidak_sah(r)
    assert sorted(galat) == [2, 3]
    assert "NIP harus terdiri atas 18 digit angka" in galat[2]
    assert "Penyelenggara dengan kode “PD-ENTAH” tidak ditemukan." in galat[3]
    assert Pelaksana.objects.count() == awal
    assert not Pelaksana.objects.filter(nama__in=["dr. Rina Wulandari", "Agus Salim"]).exists()


# --- Berkas sah: dua langkah (pratinjau → konfirmasi), setiap baris teraudit -------------------------------


def test_csv_sah_diimpor_lewat_pratinjau_dan_konfirmasi_dengan_jejak_audit(masuk_biro, biro, dinkes):
    isi = _csv(
        JUDUL_PENYELENGGARA,
        "PD-BAPPEDA,Badan Perencanaan Pembangunan Daerah,Bappeda,PD,",
        "UOBK-AWS,RSUD Abdul Wahab Sjahranie,RSUD AWS,UOBK,PD-DINKES",
        "UPTD-LABKES,UPTD Laboratorium Kesehatan Daerah,Labkesda,UPTD,PD-DINKES",
    )
    pratinjau = _unggah(masuk_biro, "penyelenggara", "penyelenggara.csv", isi)
    assert pratinjau.status_code == 200
    assert "Pratinjau" in pratinjau.content.decode() and "Konfirmasi impor" in pratinjau.content.decode()
    assert Penyelenggara.objects.count() == 1  # pratinjau (dry run) tidak menyimpan apa pun

    r = _konfirmasi(masuk_biro, "penyelenggara", pratinjau)
    assert r.status_code == 302 and r.url == _url("penyelenggara", "changelist")
    baru = {p.kode: p for p in Penyelenggara.objects.exclude(pk=dinkes.pk)}
    assert set(baru) == {"PD-BAPPEDA", "UOBK-AWS", "UPTD-LABKES"}
    assert baru["UPTD-LABKES"].induk == dinkes and baru["UPTD-LABKES"].jenis == "UPTD"
    for p in baru.values():
        jejak = JejakAudit.objects.filter(aksi="kode_etik.penyelenggara.dibuat", object_id=str(p.pk))
        assert jejak.count() == 1, p.kode
        assert jejak.get().pengguna == biro
    pesan = [str(m) for m in r.wsgi_request._messages]
    assert pesan == ["Impor penyelenggara selesai: 3 baru, 0 diperbarui, 0 dihapus, dan 0 dilewati."]
    assert set(LogEntry.objects.values_list("change_message", flat=True)) == {
        "Ditambahkan melalui impor berkas"
    }


def test_csv_contoh_kaltim_mengimpor_51_baris(masuk_biro):
    pratinjau = _unggah(masuk_biro, "penyelenggara", CONTOH_CSV.name, CONTOH_CSV.read_bytes())
    assert pratinjau.status_code == 200 and "confirm_form" in pratinjau.context, _baris_tidak_sah(pratinjau)
    r = _konfirmasi(masuk_biro, "penyelenggara", pratinjau)
    assert r.status_code == 302
    assert Penyelenggara.objects.count() == 51
    assert JejakAudit.objects.filter(aksi="kode_etik.penyelenggara.dibuat").count() == 51
    assert Penyelenggara.objects.get(kode="UPTD-LABKES").induk.kode == "PD-DINKES"
    assert Penyelenggara.objects.filter(jenis="PD", induk__isnull=True).count() == 35


def test_xlsx_pelaksana_sah_diimpor(masuk_biro, dinkes, labkes):
    isi = _xlsx(
        [
            JUDUL_PELAKSANA,
            ["198501012010012001", "dr. Rina Wulandari", "Kepala Seksi", "pejabat", "PD-DINKES", "1"],
            ["", "Agus Salim", "Petugas Sampel", "petugas", "UPTD-LABKES", "1"],
        ]
    )
    pratinjau = _unggah(masuk_biro, "pelaksana", "pelaksana.xlsx", isi)
    assert "confirm_form" in pratinjau.context, _baris_tidak_sah(pratinjau)
    assert _konfirmasi(masuk_biro, "pelaksana", pratinjau).status_code == 302
    assert Pelaksana.objects.get(nip="198501012010012001").penyelenggara == dinkes
    assert Pelaksana.objects.get(nama="Agus Salim").penyelenggara == labkes
    assert JejakAudit.objects.filter(aksi="kode_etik.pelaksana.dibuat").count() == 2


def test_konfirmasi_setelah_data_berubah_dibatalkan_dengan_pesan(masuk_biro, dinkes):
    isi = _csv(
        JUDUL_PENYELENGGARA, "PD-BARU1,Dinas Baru Satu,,PD,", "UPTD-BARU2,UPTD Baru Dua,,UPTD,PD-DINKES"
    )
    pratinjau = _unggah(masuk_biro, "penyelenggara", "penyelenggara.csv", isi)
    assert "confirm_form" in pratinjau.context
    # Sejak pratinjau, induknya berubah menjadi UOBK: baris 2 kini tidak sah.
    Penyelenggara.objects.filter(pk=dinkes.pk).update(jenis="UOBK")

    r = _konfirmasi(masuk_biro, "penyelenggara", pratinjau)
    assert r.status_code == 302 and r.url == _url("penyelenggara", "import")
    pesan = [str(m) for m in r.wsgi_request._messages]
    assert len(pesan) == 1 and "Impor dibatalkan" in pesan[0] and "(baris 2)" in pesan[0]
    assert not Penyelenggara.objects.filter(kode__in=["PD-BARU1", "UPTD-BARU2"]).exists()
    assert not JejakAudit.objects.exists() and not LogEntry.objects.exists()


def test_konfirmasi_dua_kali_tidak_galat_500(masuk_biro):
    pratinjau = _unggah(
        masuk_biro, "penyelenggara", "p.csv", _csv(JUDUL_PENYELENGGARA, "PD-BARU1,Dinas Baru,,PD,")
    )
    assert _konfirmasi(masuk_biro, "penyelenggara", pratinjau).status_code == 302
    r = _konfirmasi(masuk_biro, "penyelenggara", pratinjau)
    assert r.status_code == 302 and r.url == _url("penyelenggara", "import")
    assert "sudah diproses" in str(list(r.wsgi_request._messages)[-1])
    assert Penyelenggara.objects.filter(kode="PD-BARU1").count() == 1


@pytest.mark.parametrize("rusak", [{"format": "abc"}, {"format": "9"}, {"resource": "7"}])
def test_konfirmasi_dengan_field_tersembunyi_rusak_ditolak_tanpa_500(masuk_biro, rusak):
    pratinjau = _unggah(
        masuk_biro, "penyelenggara", "p.csv", _csv(JUDUL_PENYELENGGARA, "PD-BARU1,Dinas Baru,,PD,")
    )
    data = {**pratinjau.context["confirm_form"].initial, **rusak}
    r = masuk_biro.post(_url("penyelenggara", "process_import"), data)
    assert r.status_code == 200
    assert "Data konfirmasi impor tidak sah" in r.content.decode()
    assert not Penyelenggara.objects.filter(kode="PD-BARU1").exists()


# --- Berkas palsu, terlalu besar, kosong, salah ekstensi: ditolak di formulir ------------------------------


def _zip_bukan_xlsx() -> bytes:
    keluaran = io.BytesIO()
    with zipfile.ZipFile(keluaran, "w") as arsip:
        arsip.writestr("catatan.txt", "bukan buku kerja")
    return keluaran.getvalue()


BERKAS_DITOLAK = [
    pytest.param(
        "gambar.csv", PNG, CSV, "Isi berkas bukan teks CSV (terdeteksi gambar PNG)", id="png-jadi-csv"
    ),
    pytest.param(
        "gambar.xlsx", PNG, XLSX, "bukan lembar kerja Excel .xlsx (terdeteksi gambar PNG)", id="png-jadi-xlsx"
    ),
    pytest.param(
        "arsip.xlsx",
        _zip_bukan_xlsx(),
        XLSX,
        "bukan lembar kerja Excel .xlsx yang utuh",
        id="zip-bukan-ooxml",
    ),
    pytest.param(
        "lama.xlsx",
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504,
        XLSX,
        "dokumen Office lama",
        id="xls-lama",
    ),
    pytest.param("rusak.xlsx", b"PK\x03\x04potongan", XLSX, "yang utuh", id="xlsx-terpotong"),
    pytest.param("kosong.csv", b"", CSV, "Berkas kosong (0 bita)", id="kosong"),
    pytest.param("spasi.csv", b" \r\n\r\n", CSV, "Berkas CSV tidak berisi data", id="hanya-spasi"),
    pytest.param(
        "data.txt",
        _csv(JUDUL_PENYELENGGARA, "PD-X,X,,PD,"),
        CSV,
        "Jenis berkas “data.txt” tidak diterima",
        id="txt",
    ),
    pytest.param("data.xls", _csv(JUDUL_PENYELENGGARA, "PD-X,X,,PD,"), XLSX, "tidak diterima", id="xls"),
    pytest.param(
        "tanpa-ekstensi", _csv(JUDUL_PENYELENGGARA, "PD-X,X,,PD,"), CSV, "tidak diterima", id="tanpa-ekstensi"
    ),
    pytest.param(
        "data.csv",
        _csv(JUDUL_PENYELENGGARA, "PD-X,X,,PD,"),
        XLSX,
        "tidak sesuai dengan format XLSX",
        id="csv-pilih-xlsx",
    ),
    pytest.param(
        "windows.csv",
        (JUDUL_PENYELENGGARA + "\nPD-X,Dinas Pariwisata – Kafé,,PD,\n").encode("cp1252"),
        CSV,
        "tidak ber-encoding UTF-8 (karakter tidak dikenal di baris ke-2 berkas",
        id="cp1252",
    ),
    pytest.param(
        "titik-koma.csv",
        _csv("kode;nama;singkatan;jenis;induk_kode", "PD-X;X;;PD;"),
        CSV,
        "titik koma",
        id="titik-koma",
    ),
]


@pytest.mark.parametrize(("nama", "isi", "format_", "pesan"), BERKAS_DITOLAK)
def test_berkas_tidak_sah_ditolak_dengan_pesan(masuk_biro, nama, isi, format_, pesan):
    r = _unggah(masuk_biro, "penyelenggara", nama, isi, format_)
    assert r.status_code == 200
    assert pesan in _galat_berkas(r)
    assert html.escape(pesan, quote=False) in r.content.decode() or pesan in html.unescape(r.content.decode())
    assert "result" not in r.context and "confirm_form" not in r.context
    assert not Penyelenggara.objects.exists()


def test_berkas_melebihi_batas_ukuran_ditolak(masuk_biro):
    judul = JUDUL_PENYELENGGARA + "\n"
    isi = (judul + "PD-X,X,,PD,\n" * (settings.IMPOR_UKURAN_MAKS // 12 + 1)).encode()
    assert len(isi) > settings.IMPOR_UKURAN_MAKS
    r = _unggah(masuk_biro, "penyelenggara", "besar.csv", isi)
    assert r.status_code == 200
    assert "melebihi batas 5,0 MB (5.242.880 bita)" in _galat_berkas(r)
    assert "result" not in r.context
    assert not Penyelenggara.objects.exists()


def test_batas_ukuran_tepat_diterima_satu_bita_lebih_ditolak(masuk_biro, settings):
    isi = _csv(JUDUL_PENYELENGGARA, "PD-BARU1,Dinas Baru Satu,,PD,")
    settings.IMPOR_UKURAN_MAKS = len(isi)
    assert "confirm_form" in _unggah(masuk_biro, "penyelenggara", "pas.csv", isi).context
    settings.IMPOR_UKURAN_MAKS = len(isi) - 1
    r = _unggah(masuk_biro, "penyelenggara", "lebih.csv", isi)
    assert "melebihi batas" in _galat_berkas(r) and "result" not in r.context


def test_csv_dengan_bom_utf8_dari_excel_diterima(masuk_biro):
    isi = "\ufeff".encode() + _csv(JUDUL_PENYELENGGARA, "PD-DISPAR,Dinas Pariwisata – Kafé,,PD,")
    pratinjau = _unggah(masuk_biro, "penyelenggara", "excel.csv", isi)
    assert "confirm_form" in pratinjau.context, _galat_berkas(pratinjau)
    _konfirmasi(masuk_biro, "penyelenggara", pratinjau)
    assert Penyelenggara.objects.get(kode="PD-DISPAR").nama == "Dinas Pariwisata – Kafé"


def test_csv_tanpa_kolom_kunci_ditolak_dengan_pesan_indonesia(masuk_biro):
    r = _unggah(masuk_biro, "penyelenggara", "salah-judul.csv", _csv("id,judul", "1,Dinas"))
    assert r.status_code == 200
    assert 'Kolom kunci "kode" tidak ditemukan pada baris judul berkas.' in html.unescape(r.content.decode())
    assert "confirm_form" not in r.context and not Penyelenggara.objects.exists()


# --- Ekspor dan hak akses ----------------------------------------------------------------------------------


def test_ekspor_csv_oleh_biro(masuk_biro, labkes):
    halaman = masuk_biro.get(_url("penyelenggara", "export"))
    assert halaman.status_code == 200 and "Kolom yang akan diekspor" in halaman.content.decode()
    kolom = PenyelenggaraResource().get_export_order()
    data = {"resource": "0", "format": CSV}
    data |= {
        SelectableFieldsExportForm.create_boolean_field_name(PenyelenggaraResource, k): "on" for k in kolom
    }
    r = masuk_biro.post(_url("penyelenggara", "export"), data)
    assert r.status_code == 200
    assert r["Content-Type"].startswith("text/csv") and "attachment" in r["Content-Disposition"]
    baris = r.content.decode("utf-8-sig").splitlines()
    assert baris[0] == "kode,nama,singkatan,jenis,induk_kode,alamat,aktif"
    assert "UPTD-LABKES,UPTD Laboratorium Kesehatan Daerah,,UPTD,PD-DINKES,,1" in baris
    assert "PD-DINKES,Dinas Kesehatan,Dinkes,PD,,,1" in baris


@pytest.mark.parametrize("model", ["penyelenggara", "pelaksana"])
@pytest.mark.parametrize("langkah", ["import", "process_import", "export"])
@pytest.mark.parametrize("metode", ["get", "post"])
def test_kepala_dinkes_mendapat_404_di_impor_dan_ekspor(client, kepala_dinkes, model, langkah, metode):
    client.force_login(kepala_dinkes)
    data = {"resource": "0", "format": CSV}
    if langkah == "import" and metode == "post":
        data["import_file"] = SimpleUploadedFile("p.csv", _csv(JUDUL_PENYELENGGARA, "PD-X,X,,PD,"))
    r = getattr(client, metode)(_url(model, langkah), data)
    assert r.status_code == 404
    assert not Penyelenggara.objects.filter(kode="PD-X").exists()


def test_nip_berupa_angka_di_xlsx_ditolak_bukan_dibulatkan(client, biro, dinkes):
    """Excel menyimpan NIP sebagai angka float; digit terakhirnya hilang, jadi barisnya harus ditolak."""
    from kode_etik.resources import PelaksanaResource

    data = tablib.Dataset(headers=["nip", "nama", "jabatan", "kategori", "penyelenggara_kode", "aktif"])
    data.append([199203152019032011.0, "Nur Aisyah", "Petugas", "petugas", dinkes.kode, 1])
    hasil = PelaksanaResource().import_data(
        data, dry_run=False, user=biro, rollback_on_validation_errors=True
    )
    assert hasil.has_validation_errors()
    assert "18 digit" in str(hasil.invalid_rows[0].error_dict)
    assert not Pelaksana.objects.exists()
