"""Serangan lewat unggahan di setiap titik unggah portal, lewat HTTP sungguhan (parser multipart Django).

Titik unggah: bukti dukung F-01, lampiran sanggahan, lampiran pengaduan (formulir publik dan catatan petugas),
bukti penyelesaian RTL, impor jawaban SKM, dan impor Penyelenggara di admin (django-import-export).

Untuk berkas palsu (program atau HTML/SVG bernama .pdf, kepala PDF berisi HTML, bom piksel, satu bita di atas
batas, 0 bita, nama yang tidak sesuai isi): pesan galat berbahasa Indonesia, baris tidak bertambah, dan tidak
ada berkas tertulis di MEDIA_ROOT. Untuk nama aneh yang isinya sah: berkas tersimpan di dalam folder
unggahannya (tidak pernah keluar lewat ``..``, garis miring terbalik, NUL, atau baris baru) dan unduhannya
membawa ``X-Content-Type-Options: nosniff`` serta ``Content-Security-Policy: sandbox``.

Permintaan multipart disusun sendiri (``_multipart``), karena klien uji Django memotong nama berkas dengan
``os.path.basename`` sebelum dikirim — peramban penyerang tidak.
"""

import html
import io
import re
import struct
import tempfile
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from evaluasi import services as ev_services
from evaluasi.models import (
    BuktiDukung,
    Evaluasi,
    LampiranSanggahan,
    PenilaianIndikator,
    Sanggahan,
)
from evaluasi.tests.alur import PDF_KECIL, indikator, png_kecil
from evaluasi.tests.conftest import jendela_siklus
from kaltim_yanlik.core.kiriman import isian_kunci
from kaltim_yanlik.core.unggahan import UKURAN_MAKS_BAKU
from kode_etik.models import Penyelenggara
from sanksi.models import LampiranPengaduan, Pengaduan
from sanksi.tests.test_pengaduan import _data_catat, _data_publik
from survei import services as sv_services
from survei.models import RencanaTindakLanjut, ResponSKM

pytestmark = pytest.mark.django_db

SKRIP = b"<script>alert(document.cookie)</script>"


def _png_bom(sisi: int) -> bytes:
    """PNG kecil yang mengaku berukuran ``sisi``×``sisi`` piksel (bom dekompresi)."""

    def potong(jenis: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + jenis + data + struct.pack(">I", zlib.crc32(jenis + data))

    ihdr = struct.pack(">IIBBBBB", sisi, sisi, 8, 0, 0, 0, 0)
    isi = potong(b"IHDR", ihdr) + potong(b"IDAT", zlib.compress(b"\x00" * 64)) + potong(b"IEND", b"")
    return b"\x89PNG\r\n\x1a\n" + isi


def _zip(nama: str, isi: bytes) -> bytes:
    keluaran = io.BytesIO()
    with zipfile.ZipFile(keluaran, "w", zipfile.ZIP_DEFLATED) as arsip:
        arsip.writestr(nama, isi)
    return keluaran.getvalue()


# (id, nama, isi, potongan pesan galat). Berlaku untuk setiap titik unggah bukti/lampiran (PDF/JPG/PNG).
PALSU = [
    (
        "exe-jadi-pdf",
        "setup.pdf",
        b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 64,
        "Isi berkas bukan PDF, JPG, PNG",
    ),
    ("html-jadi-pdf", "surat.pdf", b"<!doctype html><html>" + SKRIP + b"</html>", "Isi berkas bukan PDF"),
    (
        "svg-jadi-pdf",
        "logo.pdf",
        b'<svg xmlns="http://www.w3.org/2000/svg">' + SKRIP + b"</svg>",
        "bukan PDF",
    ),
    (
        "svg-jadi-png",
        "logo.png",
        b'<svg xmlns="http://www.w3.org/2000/svg">' + SKRIP + b"</svg>",
        "bukan PDF",
    ),
    ("kepala-pdf-isi-html", "campur.pdf", b"%PDF-1.4\n<html>" + SKRIP + b"</html>\n", "rusak atau tidak"),
    ("zip-jadi-pdf", "arsip.pdf", _zip("isi.txt", b"0" * 100_000), "Isi berkas bukan PDF"),
    ("png-bernama-pdf", "foto.pdf", png_kecil(), "berakhiran tidak sesuai isinya"),
    ("pdf-bernama-htaccess", ".htaccess", PDF_KECIL, "berakhiran tidak sesuai isinya"),
    ("pdf-tanpa-akhiran", "../../etc/passwd", PDF_KECIL, "berakhiran tidak sesuai isinya"),
    ("pdf-akhiran-html", "bukti.pdf\x00.html", PDF_KECIL, "berakhiran tidak sesuai isinya"),
    ("bom-piksel-400mp", "bom.png", _png_bom(20_000), "megapiksel"),
    ("bom-piksel-144mp", "bom.png", _png_bom(12_000), "megapiksel"),
    ("kosong", "kosong.pdf", b"", "Berkas kosong"),
    (
        "lewat-batas-1-bita",
        "besar.pdf",
        b"%PDF-1.4\n" + b"0" * (UKURAN_MAKS_BAKU - 15) + b"\n%%EOF\n",
        "melebihi",
    ),
]

# (id, nama mentah di header multipart, nama yang diharapkan tersimpan sebagai nama asli atau None = ditolak).
NAMA_ANEH = [
    ("naik-folder", "../../../../tmp/kaltim-evil.pdf", "kaltim-evil.pdf"),
    ("garis-miring-terbalik", "..\\..\\evil.pdf", "evil.pdf"),
    ("jalur-windows", "C:\\Windows\\System32\\evil.pdf", "evil.pdf"),
    ("jalur-mutlak", "/etc/cron.d/evil.pdf", "evil.pdf"),
    ("nul", "bukti\x00.pdf", "bukti.pdf"),
    ("baris-baru", "surat\r\nX-Sisipan: 1.pdf", None),
    ("unicode", "Laporan Ñandú – 報告 ✓.pdf", "Laporan Ñandú – 報告 ✓.pdf"),
    ("sangat-panjang", "a" * 300 + ".pdf", "a" * 251 + ".pdf"),
    ("panjang-multibita", "報" * 120 + ".pdf", "報" * 120 + ".pdf"),
    ("entitas-html", "&lt;script&gt;.pdf", "<script>.pdf"),
]


# --- Permintaan multipart mentah -------------------------------------------------------------------------

BATAS = "----SeranganUnggahBatas7MA4YWxk"


def _multipart(isian: dict, berkas: list[tuple[str, str, bytes]]) -> bytes:
    bagian = []
    for nama, nilai_ in isian.items():
        for satu in nilai_ if isinstance(nilai_, list) else [nilai_]:
            kepala = f'--{BATAS}\r\nContent-Disposition: form-data; name="{nama}"\r\n\r\n'
            bagian.append(kepala.encode() + str(satu).encode() + b"\r\n")
    for field, nama_berkas, isi in berkas:
        kepala = f'--{BATAS}\r\nContent-Disposition: form-data; name="{field}"; filename="'.encode()
        bagian.append(
            kepala + nama_berkas.encode() + b'"\r\nContent-Type: application/pdf\r\n\r\n' + isi + b"\r\n"
        )
    bagian.append(f"--{BATAS}--\r\n".encode())
    return b"".join(bagian)


def _kirim(client, url, isian, field, nama, isi):
    tubuh = _multipart(isian, [(field, nama, isi)])
    return client.post(
        url, tubuh, content_type=f"multipart/form-data; boundary={BATAS}", REMOTE_ADDR="203.0.113.9"
    )


def _teks(r) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", r.content.decode())).split())


def _pesan(client, r) -> str:
    """Teks galat yang dilihat pengguna: halaman 400, atau pesan di halaman tujuan pengalihan."""
    if r.status_code in (301, 302):
        return _teks(client.get(r.url))
    return _teks(r)


def _berkas_media() -> set[Path]:
    return {p for p in Path(settings.MEDIA_ROOT).rglob("*") if p.is_file()}


# --- Titik unggah ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class TitikUnggah:
    siapkan: Callable  # (request) -> konteks (SimpleNamespace/dict) dengan "client" sudah masuk
    url: Callable  # (ctx) -> url
    isian: Callable  # (ctx) -> isian formulir selain berkas
    field: str
    hitung: Callable  # () -> jumlah baris yang tidak boleh bertambah bila ditolak
    tersimpan: Callable  # (ctx) -> (FieldFile, nama asli, url unduh) unggahan terakhir
    folder: str  # folder unggahan di MEDIA_ROOT


class Ctx(dict):
    __getattr__ = dict.__getitem__


def _siklus(unit, oleh, fase, tahun=2025):
    from evaluasi.models import InstrumenVersi, SiklusMonev

    siklus = SiklusMonev(
        tahun=tahun,
        nama=f"Monev {tahun}",
        instrumen=InstrumenVersi.objects.get(tahun=2025, jenis="A"),
        **jendela_siklus(timezone.localdate(), fase),
    )
    siklus = ev_services.siklus_buka(siklus=siklus, oleh=oleh, lokus=[unit])
    return siklus.evaluasi.select_related("siklus", "penyelenggara").get(penyelenggara=unit)


def _geser(siklus, fase):
    for nama, nilai_ in jendela_siklus(timezone.localdate(), fase).items():
        setattr(siklus, nama, nilai_)
    siklus.save()


def _siap_bukti(request):
    client, operator = request.getfixturevalue("client"), request.getfixturevalue("operator_dinkes")
    ev = _siklus(request.getfixturevalue("dinkes"), request.getfixturevalue("biro"), "pengisian")
    client.force_login(operator)
    return Ctx(client=client, ev=ev, slot=indikator(ev.siklus.instrumen, 2).slot_bukti.first())


def _siap_sanggahan(request):
    """Evaluasi Dinkes yang selesai dinilai, jendela perbaikan. Keadaan ditulis langsung agar cepat: alur
    pengisian dan penilaian lengkap sudah diuji di evaluasi/tests/test_sanggahan.py."""
    client, kepala = request.getfixturevalue("client"), request.getfixturevalue("kepala_dinkes")
    ev = _siklus(request.getfixturevalue("dinkes"), request.getfixturevalue("biro"), "perbaikan")
    Evaluasi.objects.filter(pk=ev.pk).update(status=Evaluasi.Status.DINILAI)
    PenilaianIndikator.objects.create(evaluasi=ev, indikator=indikator(ev.siklus.instrumen, 14), level=3)
    client.force_login(kepala)
    return Ctx(client=client, ev=ev)


def _siap_pengaduan_publik(request):
    cache.clear()  # penghitung batas kiriman publik per alamat
    request.getfixturevalue("settings").BATAS_KIRIM_PUBLIK = "1000/600"
    # Pelapor tanpa akun mengunggah; petugas unitnya yang membuka lampiran.
    return Ctx(
        client=request.getfixturevalue("client"),
        unit=request.getfixturevalue("dinkes"),
        pengunduh=request.getfixturevalue("operator_dinkes"),
    )


def _siap_pengaduan_petugas(request):
    client = request.getfixturevalue("client")
    client.force_login(request.getfixturevalue("operator_dinkes"))
    return Ctx(client=client, unit=request.getfixturevalue("dinkes"))


def _siap_rtl(request):
    client, kepala = request.getfixturevalue("client"), request.getfixturevalue("kepala_dinkes")
    hari = timezone.localdate()
    periode = sv_services.periode_skm_buat(
        penyelenggara=request.getfixturevalue("dinkes"),
        nama="Semester II",
        mulai=hari - timedelta(days=10),
        selesai=hari + timedelta(days=10),
        populasi=1000,
        oleh=kepala,
    )
    rtl = sv_services.rtl_tambah(
        periode=periode,
        unsur="U9",
        kegiatan="Perbaiki loket",
        penanggung_jawab="Kasubag",
        tenggat=hari,
        oleh=kepala,
    )
    client.force_login(kepala)
    return Ctx(client=client, rtl=rtl)


def _terakhir(model, **saring):
    return model.objects.filter(**saring).order_by("-pk").first()


def _tersimpan_bukti(ctx):
    b = _terakhir(BuktiDukung, evaluasi=ctx.ev)
    return b.berkas, b.nama_asli, reverse("evaluasi:bukti_lihat", args=[b.code])


def _tersimpan_sanggahan(ctx):
    b = _terakhir(LampiranSanggahan, sanggahan__evaluasi=ctx.ev)
    return b.berkas, b.nama_asli, reverse("evaluasi:sanggahan_lampiran", args=[b.code])


def _tersimpan_pengaduan(ctx):
    b = _terakhir(LampiranPengaduan)
    return b.berkas, b.nama_asli, reverse("sanksi:pengaduan_lampiran", args=[b.code])


def _tersimpan_rtl(ctx):
    rtl = RencanaTindakLanjut.objects.get(pk=ctx.rtl.pk)
    return rtl.bukti, rtl.nama_bukti, reverse("survei:rtl_bukti", args=[rtl.code])


def _hari() -> str:
    return timezone.localdate().isoformat()


TITIK: dict[str, TitikUnggah] = {
    "bukti-f01": TitikUnggah(
        siapkan=_siap_bukti,
        url=lambda c: reverse("evaluasi:bukti_unggah", args=[c.ev.code, 2]),
        isian=lambda c: {"slot": c.slot.code, "berlaku_tanggal": _hari(), **isian_kunci()},
        field="berkas",
        hitung=lambda: BuktiDukung.objects.count(),
        tersimpan=_tersimpan_bukti,
        folder="bukti",
    ),
    "lampiran-sanggahan": TitikUnggah(
        siapkan=_siap_sanggahan,
        url=lambda c: reverse("evaluasi:sanggahan_ajukan", args=[c.ev.code, 14]),
        isian=lambda c: {"level_diminta": "5", "alasan": "Laporan tindak lanjut sudah ada.", **isian_kunci()},
        field="lampiran",
        hitung=lambda: (Sanggahan.objects.count(), LampiranSanggahan.objects.count()),
        tersimpan=_tersimpan_sanggahan,
        folder="sanggahan",
    ),
    "lampiran-pengaduan-publik": TitikUnggah(
        siapkan=_siap_pengaduan_publik,
        url=lambda c: reverse("sanksi:pengaduan_publik"),
        isian=lambda c: _data_publik(c.unit),
        field="lampiran",
        hitung=lambda: (Pengaduan.objects.count(), LampiranPengaduan.objects.count()),
        tersimpan=_tersimpan_pengaduan,
        folder="pengaduan",
    ),
    "lampiran-pengaduan-petugas": TitikUnggah(
        siapkan=_siap_pengaduan_petugas,
        url=lambda c: reverse("sanksi:pengaduan_catat"),
        isian=lambda c: _data_catat(c.unit),
        field="lampiran",
        hitung=lambda: (Pengaduan.objects.count(), LampiranPengaduan.objects.count()),
        tersimpan=_tersimpan_pengaduan,
        folder="pengaduan",
    ),
    "bukti-rtl": TitikUnggah(
        siapkan=_siap_rtl,
        url=lambda c: reverse("survei:rtl_selesaikan", args=[c.rtl.code]),
        isian=lambda c: {"selesai_pada": _hari(), "keterangan": "Selesai."},
        field="bukti",
        hitung=lambda: RencanaTindakLanjut.objects.exclude(bukti="").count(),
        tersimpan=_tersimpan_rtl,
        folder="rtl",
    ),
}


@pytest.fixture(params=sorted(TITIK))
def titik(request):
    t = TITIK[request.param]
    return t, t.siapkan(request)


# --- Berkas palsu: ditolak dengan pesan, tanpa baris dan tanpa berkas -------------------------------------


@pytest.mark.parametrize(("nama", "isi", "pesan"), [p[1:] for p in PALSU], ids=[p[0] for p in PALSU])
def test_berkas_palsu_ditolak_tanpa_menyimpan_apa_pun(titik, nama, isi, pesan):
    t, ctx = titik
    baris, berkas = t.hitung(), _berkas_media()
    r = _kirim(ctx.client, t.url(ctx), t.isian(ctx), t.field, nama, isi)
    assert r.status_code in (302, 400), r.status_code
    assert pesan in _pesan(ctx.client, r)
    assert t.hitung() == baris
    assert _berkas_media() == berkas


# --- Nama aneh dengan isi sah: diterima dengan nama aman di dalam folder unggahan, atau ditolak ------------


def _unduh(ctx, url):
    if "pengunduh" in ctx:
        ctx.client.force_login(ctx.pengunduh)
    return ctx.client.get(url)


def _cek_tersimpan_aman(t, ctx, nama_diharapkan):
    berkas, nama_asli, url_unduh = t.tersimpan(ctx)
    folder = (Path(settings.MEDIA_ROOT) / t.folder).resolve()
    jalur = Path(berkas.path).resolve()
    assert jalur.is_relative_to(folder), jalur
    assert jalur.read_bytes() == PDF_KECIL
    assert not re.search(r"[\\\x00-\x1f]|\.\.", berkas.name), berkas.name
    assert nama_asli == nama_diharapkan
    r = _unduh(ctx, url_unduh)
    assert r.status_code == 200 and b"".join(r.streaming_content) == PDF_KECIL
    assert r["X-Content-Type-Options"] == "nosniff"
    assert r["Content-Type"] == "application/pdf"
    disposisi = r["Content-Disposition"]
    assert not re.search(r"[\r\n]|\.\./|\\", disposisi), disposisi
    # Berkas disajikan inline (pratinjau di peramban) hanya di dalam sandbox tanpa origin portal.
    assert disposisi.startswith("attachment") or r["Content-Security-Policy"] == "sandbox"


@pytest.mark.parametrize(("nama", "diharapkan"), [p[1:] for p in NAMA_ANEH], ids=[p[0] for p in NAMA_ANEH])
def test_nama_aneh_tidak_keluar_dari_folder_unggahan(titik, nama, diharapkan):
    t, ctx = titik
    baris, berkas = t.hitung(), _berkas_media()
    r = _kirim(ctx.client, t.url(ctx), t.isian(ctx), t.field, nama, PDF_KECIL)
    assert r.status_code in (302, 400), r.status_code
    if diharapkan is None:
        assert t.hitung() == baris and _berkas_media() == berkas
        return
    assert r.status_code == 302, _pesan(ctx.client, r)[:500]
    assert t.hitung() != baris
    _cek_tersimpan_aman(t, ctx, diharapkan)
    assert not Path("/tmp/kaltim-evil.pdf").exists()


def test_kepala_pdf_berisi_html_yang_utuh_disajikan_sebagai_pdf_dalam_sandbox(titik):
    """Polyglot PDF/HTML lolos pemeriksaan isi (kepala dan ekor PDF sah), tetapi tidak pernah menjadi HTML."""
    t, ctx = titik
    polyglot = b"%PDF-1.4\n<html><body>" + SKRIP + b"</body></html>\n%%EOF\n"
    r = _kirim(ctx.client, t.url(ctx), t.isian(ctx), t.field, "polyglot.pdf", polyglot)
    assert r.status_code == 302, _pesan(ctx.client, r)[:500]
    _, _, url_unduh = t.tersimpan(ctx)
    unduh = _unduh(ctx, url_unduh)
    assert unduh["Content-Type"] == "application/pdf"
    assert unduh["X-Content-Type-Options"] == "nosniff" and unduh["Content-Security-Policy"] == "sandbox"


# --- Impor jawaban SKM (CSV/XLSX) ------------------------------------------------------------------------

KEPALA_SKM = "u1;u2;u3;u4;u5;u6;u7;u8;u9\n"
IMPOR_PALSU = [
    ("exe-jadi-csv", "skm.csv", b"MZ\x90\x00" + b"\x00" * 64, "bukan teks CSV"),
    ("png-jadi-csv", "skm.csv", png_kecil(), "bukan teks CSV"),
    ("html-jadi-csv", "skm.csv", b"<html>" + SKRIP + b"</html>\n", "tidak memuat kolom u1"),
    ("html-jadi-xlsx", "skm.xlsx", b"<html>" + SKRIP + b"</html>\n", "bukan XLSX yang sah"),
    ("zip-bom-jadi-xlsx", "skm.xlsx", _zip("nol.bin", b"\x00" * 20_000_000), "XLSX rusak"),
    ("pdf-jadi-csv", "skm.csv", PDF_KECIL, "bukan teks CSV"),
    ("akhiran-pdf", "skm.pdf", KEPALA_SKM.encode(), "Jenis berkas tidak diterima"),
    ("htaccess", ".htaccess", KEPALA_SKM.encode(), "Jenis berkas tidak diterima"),
    ("naik-folder-tanpa-akhiran", "../../etc/passwd", KEPALA_SKM.encode(), "Jenis berkas tidak diterima"),
    ("akhiran-tersembunyi-nul", "skm.csv\x00.exe", KEPALA_SKM.encode(), "Jenis berkas tidak diterima"),
    ("kosong", "skm.csv", b"", "Berkas kosong"),
    ("lewat-batas-1-bita", "skm.csv", b"u1" + b";" * (settings.IMPOR_UKURAN_MAKS - 1), "melebihi batas"),
]


@pytest.fixture
def periode_dinkes(dinkes, kepala_dinkes, client):
    hari = timezone.localdate()
    periode = sv_services.periode_skm_buat(
        penyelenggara=dinkes,
        nama="Semester II",
        mulai=hari - timedelta(days=10),
        selesai=hari + timedelta(days=10),
        populasi=1000,
        oleh=kepala_dinkes,
    )
    client.force_login(kepala_dinkes)
    return periode


@pytest.mark.parametrize(
    ("nama", "isi", "pesan"), [p[1:] for p in IMPOR_PALSU], ids=[p[0] for p in IMPOR_PALSU]
)
def test_impor_skm_palsu_ditolak_tanpa_menyimpan(client, periode_dinkes, nama, isi, pesan):
    berkas = _berkas_media()
    url = reverse("survei:skm_impor", args=[periode_dinkes.code])
    r = _kirim(client, url, {}, "berkas", nama, isi)
    assert r.status_code == 400, r.status_code
    assert pesan in _teks(r)
    assert not ResponSKM.objects.exists() and _berkas_media() == berkas


@pytest.mark.parametrize("nama", ["../../../tmp/skm.csv", "..\\skm.csv", "skm\x00.csv", "報告" * 60 + ".csv"])
def test_impor_skm_nama_aneh_isi_sah_diimpor_tanpa_berkas_tertulis(client, periode_dinkes, nama):
    berkas = _berkas_media()
    url = reverse("survei:skm_impor", args=[periode_dinkes.code])
    r = _kirim(client, url, {}, "berkas", nama, (KEPALA_SKM + "4;3;3;4;3;4;4;3;3\n").encode())
    assert r.status_code == 302, _teks(r)[:500]
    assert ResponSKM.objects.filter(periode=periode_dinkes).count() == 1
    assert _berkas_media() == berkas  # impor hanya dibaca, tidak disimpan


# --- Impor Penyelenggara di admin (django-import-export) -------------------------------------------------

JUDUL_PENYELENGGARA = "kode,nama,singkatan,jenis,induk_kode\n"
BARIS_UNIT = (JUDUL_PENYELENGGARA + "PD-X,X,,PD,\n").encode()
# (id, nama, isi, potongan pesan). Semua ditolak oleh FormImporBerkas sebelum import-export menulis apa pun.
ADMIN_PALSU = [
    ("exe-jadi-csv", "unit.csv", b"MZ\x90\x00" + b"\x00" * 64, "bukan teks CSV"),
    ("svg-jadi-xlsx", "unit.xlsx", b'<svg xmlns="http://www.w3.org/2000/svg">' + SKRIP + b"</svg>", "bukan"),
    ("zip-bom-jadi-xlsx", "unit.xlsx", _zip("nol.bin", b"\x00" * 20_000_000), "yang utuh"),
    ("kosong", "unit.csv", b"", "Berkas kosong"),
    ("htaccess", ".htaccess", BARIS_UNIT, "tidak diterima"),
    ("naik-folder", "../../etc/passwd", BARIS_UNIT, "tidak diterima"),
    ("nul-sembunyikan-akhiran", "unit.csv\x00.exe", BARIS_UNIT, "tidak diterima"),
    (
        "lewat-batas",
        "unit.csv",
        JUDUL_PENYELENGGARA.encode() + b"#" * settings.IMPOR_UKURAN_MAKS,
        "melebihi batas",
    ),
]


@pytest.fixture
def folder_sementara(tmp_path, monkeypatch):
    # import-export menaruh berkas pratinjau di tempfile.gettempdir(); arahkan ke folder uji yang diamati.
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    return tmp_path


def _impor_admin(client, nama, isi):
    urutan = [f.__name__ for f in settings.IMPORT_EXPORT_FORMATS]
    format_ = str(urutan.index("XLSX" if nama.endswith(".xlsx") else "CSV"))
    url = reverse("admin:kode_etik_penyelenggara_import")
    return _kirim(client, url, {"resource": "0", "format": format_}, "import_file", nama, isi)


def _galat_impor(r) -> str:
    return " ".join(r.context["form"].errors.get("import_file", [])).replace("\xa0", " ")


@pytest.mark.parametrize(
    ("nama", "isi", "pesan"), [p[1:] for p in ADMIN_PALSU], ids=[p[0] for p in ADMIN_PALSU]
)
def test_impor_admin_palsu_ditolak_di_formulir_tanpa_berkas_sementara(
    client, biro, folder_sementara, nama, isi, pesan
):
    client.force_login(biro)
    jumlah = Penyelenggara.objects.count()
    r = _impor_admin(client, nama, isi)
    assert r.status_code == 200
    assert pesan in _galat_impor(r)
    assert "confirm_form" not in r.context
    assert Penyelenggara.objects.count() == jumlah
    assert not any(folder_sementara.iterdir())


def test_impor_admin_html_bernama_csv_ditolak_tanpa_data(client, biro, folder_sementara):
    client.force_login(biro)
    jumlah = Penyelenggara.objects.count()
    r = _impor_admin(client, "unit.csv", b"<html>" + SKRIP + b"</html>\n")
    assert "Tidak ada data yang dapat diimpor" in _galat_impor(r)
    assert "confirm_form" not in r.context and Penyelenggara.objects.count() == jumlah


def test_impor_admin_yang_ditolak_setelah_formulir_tidak_meninggalkan_berkas_sementara(
    client, biro, folder_sementara
):
    client.force_login(biro)
    _impor_admin(client, "unit.csv", b"<html>" + SKRIP + b"</html>\n")
    assert not any(folder_sementara.iterdir())
