"""Pengaduan: formulir publik dengan kode lacak, perlindungan banjir kiriman, halaman lacak yang tidak
membocorkan apa pun, pencatatan petugas dengan nomor SP4N-LAPOR!, alur status, lingkup unit, dan audit."""

import re
import time
from datetime import date
from io import BytesIO
from pathlib import Path

import pytest
from django.core import signing
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from kaltim_yanlik.core import pembatas
from kaltim_yanlik.core.exceptions import DomainError
from kaltim_yanlik.core.kiriman import isian_kunci
from kaltim_yanlik.core.models import JejakAudit, Notifikasi
from sanksi import services
from sanksi.models import LampiranPengaduan, Pengaduan, RiwayatStatusPengaduan
from sanksi.models.pengaduan import HURUF_KODE_LACAK, PANJANG_KODE_LACAK

pytestmark = pytest.mark.django_db
Status = Pengaduan.Status

PDF_KECIL = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
TEKS_BERNAMA_PDF = b"Ini hanya catatan teks biasa yang diberi nama .pdf oleh pengirimnya.\n"
URAIAN = "Antrean loket dibiarkan dua jam tanpa petugas; saya diminta uang pelicin agar didahulukan."


@pytest.fixture(autouse=True)
def cache_bersih():
    # Penghitung batas kiriman tinggal di cache: tanpa ini batas satu uji bocor ke uji berikutnya.
    cache.clear()
    yield
    cache.clear()


def _png() -> bytes:
    keluaran = BytesIO()
    Image.new("RGB", (4, 4), "green").save(keluaran, format="PNG")
    return keluaran.getvalue()


def _berkas(nama="bukti.pdf", isi=PDF_KECIL):
    return SimpleUploadedFile(nama, isi)


def _token_lama(detik=60) -> str:
    """Cap waktu formulir yang dibuka ``detik`` lalu, seperti manusia yang membaca lalu mengetik."""
    return signing.dumps(time.time() - detik, salt=pembatas._GARAM_WAKTU)


def _data_publik(unit, **lain) -> dict:
    return {
        "penyelenggara": str(unit.code),
        "uraian": URAIAN,
        "tanggal_kejadian": "2025-03-04",
        "situs_web": "",
        "waktu_isi": _token_lama(),
        **isian_kunci(),
        **lain,
    }


def _kirim(client, unit, alamat="203.0.113.7", **lain):
    return client.post(reverse("sanksi:pengaduan_publik"), _data_publik(unit, **lain), REMOTE_ADDR=alamat)


def _teks(r) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", r.content.decode()).split())


def _berkas_media(settings) -> set[Path]:
    return {p for p in Path(settings.MEDIA_ROOT).rglob("*") if p.is_file()}


def _publik(unit, **lain) -> Pengaduan:
    return services.pengaduan_kirim_publik(
        penyelenggara=unit, uraian=URAIAN, alamat_ip="198.51.100.1", **lain
    )


# --- Formulir publik --------------------------------------------------------------------------------


def test_kiriman_publik_membuat_pengaduan_dengan_kode_lacak_sah(
    client, dinkes, kepala_dinkes, operator_dinkes, kepala_samsat
):
    r = _kirim(client, dinkes, nama_pelapor="Rudi", kontak_pelapor="0812")
    assert r.status_code == 302 and r.url == reverse("sanksi:pengaduan_terkirim")
    p = Pengaduan.objects.get()
    assert p.status == Status.DITERIMA and p.saluran == Pengaduan.Saluran.FORMULIR and p.dicatat_oleh is None
    assert len(p.kode_lacak) == PANJANG_KODE_LACAK and set(p.kode_lacak) <= set(HURUF_KODE_LACAK)
    assert list(p.riwayat.values_list("status", flat=True)) == [Status.DITERIMA]
    terkirim = client.get(r.url)
    assert p.kode_lacak in _teks(terkirim) and "Catat atau foto kode ini" in _teks(terkirim)
    audit = JejakAudit.objects.get(aksi="sanksi.pengaduan.dikirim_publik")
    assert audit.penyelenggara_id == dinkes.pk and audit.pengguna is None
    assert audit.data["alamat_ip"] == "203.0.113.7"
    # Kepala dan operator unit yang diadukan diberi tahu; unit lain tidak.
    assert set(Notifikasi.objects.values_list("penerima__username", flat=True)) == {
        "kepala.dinkes",
        "operator.dinkes",
    }


def test_kode_lacak_acak_hanya_dari_huruf_yang_tidak_mirip():
    from sanksi.services import pengaduan as modul

    kode = {modul.kode_lacak_baru() for _ in range(300)}
    assert len(kode) == 300
    assert all(len(k) == PANJANG_KODE_LACAK and set(k) <= set(HURUF_KODE_LACAK) for k in kode)
    assert not set("".join(kode)) & set("0O1IL2Z5S8B")


def test_unit_nonaktif_dan_tanggal_masa_depan_ditolak(dinkes):
    with pytest.raises(DomainError, match="tidak boleh di masa depan"):
        _publik(dinkes, tanggal_kejadian=date(2999, 1, 1))
    dinkes.aktif = False
    dinkes.save(update_fields=["aktif"])
    with pytest.raises(DomainError, match="masih aktif"):
        _publik(dinkes)
    assert not Pengaduan.objects.exists()


@pytest.mark.parametrize(
    ("lain", "pesan"),
    [
        ({"situs_web": "http://promo.example"}, "Kiriman tidak dapat diproses"),
        ({"waktu_isi": "BARU"}, "terlalu cepat"),
        ({"waktu_isi": "dipalsukan"}, "tidak utuh"),
        ({"waktu_isi": ""}, "tidak utuh"),
    ],
)
def test_umpan_dan_kiriman_terlalu_cepat_ditolak_tanpa_menyimpan(client, dinkes, lain, pesan):
    if lain.get("waktu_isi") == "BARU":
        lain = {"waktu_isi": _token_lama(detik=0)}
    r = _kirim(client, dinkes, **lain)
    assert r.status_code == 400
    assert pesan in _teks(r)
    assert not Pengaduan.objects.exists() and not JejakAudit.objects.exists()


def test_batas_kiriman_per_alamat_menjawab_429_tanpa_menyimpan(client, dinkes, settings):
    settings.BATAS_KIRIM_PUBLIK = "2/600"
    assert _kirim(client, dinkes).status_code == 302
    assert _kirim(client, dinkes).status_code == 302
    r = _kirim(client, dinkes)
    assert r.status_code == 429
    assert "Terlalu banyak permintaan dari alamat Anda" in _teks(r)
    assert Pengaduan.objects.count() == 2
    # Alamat lain tidak ikut terkena; X-Forwarded-For dari klien tidak dipercaya untuk lolos.
    assert _kirim(client, dinkes, alamat="203.0.113.99").status_code == 302
    lolos = client.post(
        reverse("sanksi:pengaduan_publik"),
        _data_publik(dinkes),
        REMOTE_ADDR="203.0.113.7",
        HTTP_X_FORWARDED_FOR="10.9.8.7",
    )
    assert lolos.status_code == 429 and Pengaduan.objects.count() == 3


def test_batas_dari_teks_menolak_bentuk_salah():
    assert pembatas.Batas.dari_teks("5/600") == pembatas.Batas(5, 600)
    for salah in ("5", "lima/600", "0/600"):
        with pytest.raises(ValueError):
            pembatas.Batas.dari_teks(salah)


@pytest.mark.parametrize(
    ("daftar", "pesan"),
    [
        (
            [("catatan.pdf", TEKS_BERNAMA_PDF)],
            "Lampiran «catatan.pdf» ditolak: Isi berkas bukan PDF, JPG, PNG",
        ),
        # Berkas sah di depan tidak ikut tersimpan bila berkas berikutnya ditolak.
        (
            [("sah.pdf", PDF_KECIL), ("besar.pdf", b"%PDF-1.4\n" + b"0" * (10 * 1024 * 1024) + b"%%EOF")],
            "Lampiran «besar.pdf» ditolak: Berkas 10.0 MB melebihi batas 10 MB",
        ),
        ([(f"b{i}.pdf", PDF_KECIL) for i in range(4)], "Lampiran paling banyak 3 berkas; Anda memilih 4"),
    ],
)
def test_lampiran_buruk_ditolak_dengan_pesan_dan_tidak_ada_yang_tersimpan(
    client, dinkes, settings, daftar, pesan
):
    di_disk = _berkas_media(settings)
    r = _kirim(client, dinkes, lampiran=[_berkas(nama, isi) for nama, isi in daftar])
    assert r.status_code == 400
    assert pesan in _teks(r)
    assert not Pengaduan.objects.exists() and not LampiranPengaduan.objects.exists()
    assert _berkas_media(settings) == di_disk


def test_lampiran_sah_tersimpan_dan_hanya_diunduh_unit_berwenang(
    client, dinkes, kepala_dinkes, kepala_samsat, kepala_labkes
):
    r = _kirim(client, dinkes, lampiran=[_berkas(), _berkas("foto.png", _png())])
    assert r.status_code == 302
    lampiran = LampiranPengaduan.objects.order_by("nama_asli")
    assert [x.nama_asli for x in lampiran] == ["bukti.pdf", "foto.png"]
    url = reverse("sanksi:pengaduan_lampiran", args=[lampiran[0].code])
    client.force_login(kepala_dinkes)
    unduh = client.get(url)
    assert unduh.status_code == 200 and b"".join(unduh.streaming_content) == PDF_KECIL
    assert unduh["Content-Security-Policy"] == "sandbox"
    for orang_lain in (kepala_samsat, kepala_labkes):
        client.force_login(orang_lain)
        assert client.get(url).status_code == 404


# --- Halaman lacak ----------------------------------------------------------------------------------


@pytest.fixture
def pengaduan_bernama(dinkes, pelaksana_dinkes, operator_dinkes):
    """Pengaduan yang memuat semua yang tidak boleh dibaca publik, sudah diverifikasi dengan catatan."""
    p = services.pengaduan_catat(
        penyelenggara=dinkes,
        saluran=Pengaduan.Saluran.SURAT,
        uraian="Petugas loket meminta imbalan di luar tarif resmi.",
        pelaksana=pelaksana_dinkes,
        nama_pelaksana_disebut="Pak Joko Sembiring",
        nama_pelapor="Rudi Hartono",
        kontak_pelapor="0812-9999-7777",
        catatan_internal="RAHASIA-CATATAN-AWAL",
        lampiran=[_berkas("kuitansi-rudi.pdf")],
        oleh=operator_dinkes,
    )
    return services.pengaduan_ubah_status(
        pengaduan=p,
        status=Status.DIVERIFIKASI,
        keterangan_publik="Pengaduan Anda sedang kami periksa.",
        catatan_internal="RAHASIA-INTERNAL-123",
        oleh=operator_dinkes,
    )


def test_halaman_lacak_hanya_menampilkan_status_dan_keterangan_publik(client, pengaduan_bernama):
    p = pengaduan_bernama
    # Huruf kecil dan spasi ditoleransi.
    kode_ketik = f" {p.kode_lacak[:4].lower()} {p.kode_lacak[4:].lower()} "
    r = client.get(reverse("sanksi:pengaduan_lacak"), {"kode": kode_ketik})
    teks = _teks(r)
    assert r.status_code == 200
    assert p.kode_lacak in teks and "Diverifikasi" in teks and "Diterima" in teks
    assert "Pengaduan Anda sedang kami periksa." in teks
    for rahasia in (
        "RAHASIA-INTERNAL-123",
        "RAHASIA-CATATAN-AWAL",
        "Pak Joko Sembiring",
        "dr. Rina Wulandari",
        "Rudi Hartono",
        "0812-9999-7777",
        "kuitansi-rudi.pdf",
        "imbalan di luar tarif",
        "Operator.Dinkes",
    ):
        assert rahasia not in r.content.decode(), rahasia


def test_kode_tidak_dikenal_dijawab_ramah(client, pengaduan_bernama):
    r = client.get(reverse("sanksi:pengaduan_lacak"), {"kode": "ZZZZ9999"})
    assert r.status_code == 404
    assert "Pengaduan tidak ditemukan" in _teks(r)


def test_pencarian_kode_dibatasi_per_alamat(client, pengaduan_bernama, settings):
    settings.BATAS_LACAK_PUBLIK = "3/600"
    url = reverse("sanksi:pengaduan_lacak")
    for _ in range(3):
        assert client.get(url, {"kode": "AAAA3333"}, REMOTE_ADDR="198.51.100.4").status_code == 404
    r = client.get(url, {"kode": pengaduan_bernama.kode_lacak}, REMOTE_ADDR="198.51.100.4")
    assert r.status_code == 429 and "Terlalu banyak permintaan" in _teks(r)
    # Kode yang benar pun tidak dijawab selama batasnya terlampaui.
    assert "Diverifikasi" not in _teks(r) and "sedang kami periksa" not in _teks(r)


# --- Pencatatan petugas -----------------------------------------------------------------------------


def _data_catat(unit, **lain) -> dict:
    return {
        "penyelenggara": str(unit.code),
        "saluran": Pengaduan.Saluran.SP4N_LAPOR,
        "nomor_lapor": "#1234 567",
        "uraian": "Diteruskan dari SP4N-LAPOR!: pelayanan ditolak tanpa alasan.",
        **isian_kunci(),
        **lain,
    }


def test_petugas_mencatat_pengaduan_sp4n_lapor_dengan_nomornya(client, dinkes, operator_dinkes):
    client.force_login(operator_dinkes)
    r = client.post(reverse("sanksi:pengaduan_catat"), _data_catat(dinkes))
    p = Pengaduan.objects.get()
    assert r.status_code == 302 and r.url == reverse("sanksi:pengaduan_detail", args=[p.code])
    assert p.nomor_lapor == "1234567" and p.saluran == "sp4n_lapor" and p.dicatat_oleh == operator_dinkes
    audit = JejakAudit.objects.get(aksi="sanksi.pengaduan.dicatat")
    assert audit.pengguna == operator_dinkes and audit.penyelenggara_id == dinkes.pk
    assert audit.data["nomor_lapor"] == "1234567"


@pytest.mark.parametrize(
    ("nomor", "pesan"),
    [
        ("", "Isi nomor pengaduan SP4N-LAPOR!"),
        ("12/34", "hanya berisi angka dan huruf"),
        ("12", "4 sampai 40"),
    ],
)
def test_nomor_lapor_wajib_dan_berbentuk_sah(client, dinkes, operator_dinkes, nomor, pesan):
    client.force_login(operator_dinkes)
    r = client.post(reverse("sanksi:pengaduan_catat"), _data_catat(dinkes, nomor_lapor=nomor))
    assert r.status_code == 400 and pesan in _teks(r)
    assert not Pengaduan.objects.exists()


def test_petugas_tidak_mencatat_untuk_unit_lain(client, dinkes, operator_samsat, pimpinan):
    with pytest.raises(PermissionDenied):
        services.pengaduan_catat(penyelenggara=dinkes, saluran="surat", uraian="x", oleh=operator_samsat)
    client.force_login(operator_samsat)
    r = client.post(reverse("sanksi:pengaduan_catat"), _data_catat(dinkes))
    assert r.status_code == 400 and "Pilih unit dari daftar" in _teks(r)
    client.force_login(pimpinan)
    assert client.get(reverse("sanksi:pengaduan_catat")).status_code == 403
    assert not Pengaduan.objects.exists()


# --- Alur status --------------------------------------------------------------------------------------

JALUR_SAH = [
    [Status.DIVERIFIKASI, Status.DITINDAKLANJUTI, Status.SELESAI],
    [Status.DITOLAK],
    [Status.DIVERIFIKASI, Status.DITOLAK],
]


def _ubah(p, status, oleh, **lain):
    if status == Status.DITOLAK:
        lain.setdefault("alasan_ditolak", "Bukan kewenangan unit ini; diteruskan ke instansi vertikal.")
    return services.pengaduan_ubah_status(pengaduan=p, status=status, oleh=oleh, **lain)


@pytest.mark.parametrize("jalur", JALUR_SAH)
def test_transisi_yang_sah_dan_setiap_perubahan_diaudit(dinkes, kepala_dinkes, jalur):
    p = _publik(dinkes)
    for status in jalur:
        p = _ubah(p, status, kepala_dinkes, keterangan_publik=f"Tahap {status}")
    p.refresh_from_db()
    assert p.status == jalur[-1]
    assert list(p.riwayat.values_list("status", flat=True)) == [Status.DITERIMA, *jalur]
    assert all(r.oleh == kepala_dinkes for r in p.riwayat.exclude(status=Status.DITERIMA))
    audit = JejakAudit.objects.filter(aksi__startswith="sanksi.pengaduan.", pengguna=kepala_dinkes).order_by(
        "id"
    )
    assert [a.aksi for a in audit] == [f"sanksi.pengaduan.{s}" for s in jalur]
    assert all(a.penyelenggara_id == dinkes.pk and a.waktu and a.object_id == str(p.pk) for a in audit)


@pytest.mark.parametrize(
    ("jalur", "tujuan", "pesan"),
    [
        ([], Status.SELESAI, "berstatus diterima tidak dapat menjadi selesai"),
        ([], Status.DITINDAKLANJUTI, "tidak dapat menjadi ditindaklanjuti"),
        ([Status.DIVERIFIKASI], Status.DITERIMA, "tidak dapat menjadi diterima"),
        ([Status.DIVERIFIKASI, Status.DITINDAKLANJUTI], Status.DITOLAK, "tidak dapat menjadi ditolak"),
        (JALUR_SAH[0], Status.DITOLAK, "tidak dapat diubah lagi"),
        ([Status.DITOLAK], Status.DIVERIFIKASI, "tidak dapat diubah lagi"),
        ([], "dihapus", "Status tujuan tidak dikenal"),
    ],
)
def test_transisi_tidak_sah_ditolak_tanpa_perubahan(dinkes, kepala_dinkes, jalur, tujuan, pesan):
    p = _publik(dinkes)
    for status in jalur:
        p = _ubah(p, status, kepala_dinkes)
    jumlah_audit, jumlah_riwayat = JejakAudit.objects.count(), RiwayatStatusPengaduan.objects.count()
    with pytest.raises(DomainError, match=pesan):
        _ubah(p, tujuan, kepala_dinkes)
    p.refresh_from_db()
    assert p.status == (jalur[-1] if jalur else Status.DITERIMA)
    assert (
        JejakAudit.objects.count() == jumlah_audit
        and RiwayatStatusPengaduan.objects.count() == jumlah_riwayat
    )


def test_penolakan_wajib_beralasan_dan_alasannya_dibaca_pelapor(client, dinkes, kepala_dinkes):
    p = _publik(dinkes)
    with pytest.raises(DomainError, match="Tuliskan alasan pengaduan ditolak"):
        _ubah(p, Status.DITOLAK, kepala_dinkes, alasan_ditolak="  ")
    _ubah(p, Status.DITOLAK, kepala_dinkes, alasan_ditolak="Sudah ditangani Ombudsman.")
    r = client.get(reverse("sanksi:pengaduan_lacak"), {"kode": p.kode_lacak})
    assert "Ditolak" in _teks(r) and "Sudah ditangani Ombudsman." in _teks(r)


def test_catatan_internal_ditambahkan_bukan_ditimpa(pengaduan_bernama, operator_dinkes):
    p = _ubah(pengaduan_bernama, Status.DITINDAKLANJUTI, operator_dinkes, catatan_internal="Catatan kedua")
    assert "RAHASIA-CATATAN-AWAL" in p.catatan_internal and "RAHASIA-INTERNAL-123" in p.catatan_internal
    assert "Catatan kedua" in p.catatan_internal and "Operator.Dinkes" in p.catatan_internal


# --- Halaman petugas dan lingkup -------------------------------------------------------------------


def test_ubah_status_lewat_halaman(client, pengaduan_bernama, kepala_dinkes):
    p = pengaduan_bernama
    client.force_login(kepala_dinkes)
    url = reverse("sanksi:pengaduan_ubah_status", args=[p.code])
    gagal = client.post(url, {"status": Status.DITOLAK, "alasan_ditolak": ""})
    assert gagal.status_code == 400 and "Tuliskan alasan pengaduan ditolak" in _teks(gagal)
    r = client.post(url, {"status": Status.DITINDAKLANJUTI, "keterangan_publik": "Petugas dipanggil."})
    assert r.status_code == 302
    p.refresh_from_db()
    assert p.status == Status.DITINDAKLANJUTI
    detail = client.get(reverse("sanksi:pengaduan_detail", args=[p.code]))
    assert detail.status_code == 200 and "RAHASIA-INTERNAL-123" in _teks(detail)


def test_pengaduan_unit_lain_404_di_halaman_status_lampiran_dan_admin(
    client, pengaduan_bernama, kepala_samsat, operator_samsat, kepala_labkes, biro, pimpinan
):
    p = pengaduan_bernama
    detail = reverse("sanksi:pengaduan_detail", args=[p.code])
    status = reverse("sanksi:pengaduan_ubah_status", args=[p.code])
    lampiran = reverse("sanksi:pengaduan_lampiran", args=[p.lampiran.get().code])
    admin = reverse("admin:sanksi_pengaduan_change", args=[p.pk])
    for orang_lain in (kepala_samsat, operator_samsat, kepala_labkes):
        client.force_login(orang_lain)
        assert client.get(detail).status_code == 404
        assert client.post(status, {"status": Status.DITINDAKLANJUTI}).status_code == 404
        assert client.get(lampiran).status_code == 404
        assert client.get(admin).status_code == 404
    p.refresh_from_db()
    assert p.status == Status.DIVERIFIKASI
    client.force_login(biro)
    assert client.get(detail).status_code == 200 and client.get(admin).status_code == 200
    # Pimpinan membaca semua unit tetapi tidak mengubah status.
    client.force_login(pimpinan)
    assert client.get(detail).status_code == 200
    assert client.post(status, {"status": Status.DITINDAKLANJUTI}).status_code == 403


def test_daftar_dibatasi_lingkup_dan_disaring(client, dinkes, samsat, kepala_samsat, biro):
    a = _publik(dinkes)
    b = _publik(samsat)
    c = services.pengaduan_catat(
        penyelenggara=samsat, saluran="sp4n_lapor", nomor_lapor="LPR-7788", uraian="Lewat LAPOR!", oleh=biro
    )
    url = reverse("sanksi:pengaduan_daftar")
    client.force_login(kepala_samsat)
    teks = _teks(client.get(url))
    assert b.kode_lacak in teks and c.kode_lacak in teks and a.kode_lacak not in teks
    client.force_login(biro)
    teks = _teks(client.get(url, {"saluran": "sp4n_lapor"}))
    assert c.kode_lacak in teks and a.kode_lacak not in teks and b.kode_lacak not in teks
    teks = _teks(client.get(url, {"cari": "lpr-7788"}))
    assert c.kode_lacak in teks and a.kode_lacak not in teks
    teks = _teks(client.get(url, {"penyelenggara": str(dinkes.code)}))
    assert a.kode_lacak in teks and b.kode_lacak not in teks


def test_menu_penegakan_untuk_petugas_dan_tautan_pengaduan_untuk_publik(client, kepala_samsat):
    assert reverse("sanksi:pengaduan_publik") in client.get(reverse("kode_etik:publik")).content.decode()
    client.force_login(kepala_samsat)
    assert reverse("sanksi:pengaduan_daftar") in client.get(reverse("kode_etik:publik")).content.decode()


def test_halaman_terkirim_tanpa_kiriman_kembali_ke_formulir(client):
    r = client.get(reverse("sanksi:pengaduan_terkirim"))
    assert r.status_code == 302 and r.url == reverse("sanksi:pengaduan_publik")


def test_formulir_publik_hanya_memuat_unit_aktif(client, dinkes, samsat):
    samsat.aktif = False
    samsat.save(update_fields=["aktif"])
    isi = client.get(reverse("sanksi:pengaduan_publik")).content.decode()
    assert str(dinkes.code) in isi and str(samsat.code) not in isi
    r = _kirim(client, samsat)
    assert r.status_code == 400 and "Pilih unit dari daftar" in _teks(r)
    assert not Pengaduan.objects.exists()


def test_pelaksana_atau_jenis_layanan_unit_lain_ditolak(dinkes, pelaksana_samsat, operator_dinkes):
    with pytest.raises(DomainError, match="Pelaksana yang dipilih bukan milik Dinas Kesehatan"):
        services.pengaduan_catat(
            penyelenggara=dinkes,
            saluran="surat",
            uraian="x",
            pelaksana=pelaksana_samsat,
            oleh=operator_dinkes,
        )
    assert not Pengaduan.objects.exists()


def test_admin_pengaduan_hanya_dibaca(client, pengaduan_bernama, biro):
    client.force_login(biro)
    daftar = client.get(reverse("admin:sanksi_pengaduan_changelist"))
    assert daftar.status_code == 200 and pengaduan_bernama.kode_lacak in _teks(daftar)
    assert client.get(reverse("admin:sanksi_pengaduan_add")).status_code == 403
    ubah = client.post(
        reverse("admin:sanksi_pengaduan_change", args=[pengaduan_bernama.pk]), {"status": Status.SELESAI}
    )
    assert ubah.status_code == 403
    pengaduan_bernama.refresh_from_db()
    assert pengaduan_bernama.status == Status.DIVERIFIKASI
