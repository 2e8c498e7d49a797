"""Halaman audit: hanya Biro dan Admin; saringan unit/pengguna/objek/aksi/tanggal menyempit dengan benar; isi
``data`` di-escape; jumlah kueri tidak tumbuh dengan jumlah baris; ekspor CSV mengikuti saringan."""

from datetime import UTC, datetime, timedelta

import pytest
from django.conf import settings
from django.shortcuts import resolve_url
from django.urls import reverse
from django.utils import timezone

from kaltim_yanlik.core.audit import audit_catat
from kaltim_yanlik.core.audit_label import label_aksi, ringkas_perubahan
from kaltim_yanlik.core.models import JejakAudit
from kode_etik.models import Pelaksana

pytestmark = pytest.mark.django_db
URL = "/audit/"


def _pelaksana(unit, nama):
    return Pelaksana.objects.create(penyelenggara=unit, nama=nama, nip="")


def _catat(objek, aksi, oleh, unit, data=None):
    unit_id = unit.pk if unit else None
    return audit_catat(objek=objek, aksi=aksi, oleh=oleh, penyelenggara_id=unit_id, data=data)


def _baris(r) -> list[JejakAudit]:
    return list(r.context["halaman"].object_list)


@pytest.fixture
def jejak(dinkes, labkes, bapenda, operator_dinkes, kepala_labkes, biro):
    """Satu jejak per unit dan pengguna: Dinkes (operator), Labkes (kepala), Bapenda (Biro)."""
    andi, budi = _pelaksana(dinkes, "Andi"), _pelaksana(labkes, "Budi")
    return {
        "dinkes": _catat(andi, "kode_etik.pelaksana.dibuat", operator_dinkes, dinkes, {"nama": "Andi"}),
        "labkes": _catat(budi, "kode_etik.pelaksana.diubah", kepala_labkes, labkes, {"nama": "Budi"}),
        "bapenda": _catat(bapenda, "sanksi.pengaduan.diverifikasi", biro, bapenda, {"dari": "a", "ke": "b"}),
    }


# --- Akses -------------------------------------------------------------------------------------------


def test_url_bernama():
    assert reverse("audit") == URL


@pytest.mark.parametrize("persona", ["biro", "admin_portal"])
def test_biro_dan_admin_boleh_membuka(client, request, persona, jejak):
    client.force_login(request.getfixturevalue(persona))
    r = client.get(URL)
    assert r.status_code == 200
    assert len(_baris(r)) == 3


@pytest.mark.parametrize("persona", ["pimpinan", "kepala_dinkes", "operator_dinkes", "kepala_labkes"])
def test_peran_lain_ditolak_403(client, request, persona):
    client.force_login(request.getfixturevalue(persona))
    assert client.get(URL).status_code == 403
    assert client.get(URL, {"unduh": "csv"}).status_code == 403


def test_tamu_diarahkan_ke_halaman_masuk(client):
    r = client.get(URL)
    assert r.status_code == 302
    assert r["Location"].startswith(resolve_url(settings.LOGIN_URL))
    assert "next=/audit/" in r["Location"]


def test_beranda_biro_menautkan_halaman_audit(client, biro, pimpinan):
    client.force_login(biro)
    assert f'href="{URL}"' in client.get("/").content.decode()
    client.force_login(pimpinan)
    assert f'href="{URL}"' not in client.get("/").content.decode()


# --- Saringan ----------------------------------------------------------------------------------------


def test_saring_unit_tanpa_dan_dengan_unit_bawahan(client, biro, dinkes, jejak):
    client.force_login(biro)
    r = client.get(URL, {"unit": dinkes.code})
    assert _baris(r) == [jejak["dinkes"]]
    r = client.get(URL, {"unit": dinkes.code, "termasuk_bawahan": "on"})
    assert set(_baris(r)) == {jejak["dinkes"], jejak["labkes"]}
    assert "Dinkes" in r.content.decode()


def test_saring_pengguna(client, biro, kepala_labkes, jejak):
    client.force_login(biro)
    assert _baris(client.get(URL, {"pengguna": kepala_labkes.pk})) == [jejak["labkes"]]


def test_saring_jenis_objek_dan_teks_objek(client, biro, jejak):
    client.force_login(biro)
    ct_pelaksana = jejak["dinkes"].content_type_id
    r = client.get(URL, {"jenis_objek": ct_pelaksana})
    assert set(_baris(r)) == {jejak["dinkes"], jejak["labkes"]}
    assert _baris(client.get(URL, {"objek": "budi"})) == [jejak["labkes"]]
    # pk objek persis
    assert jejak["bapenda"] in _baris(client.get(URL, {"objek": jejak["bapenda"].object_id}))


def test_saring_kode_objek_uuid(client, biro, jejak):
    client.force_login(biro)
    budi = Pelaksana.objects.get(nama="Budi")
    assert _baris(client.get(URL, {"objek": str(budi.code)})) == [jejak["labkes"]]
    ct = jejak["labkes"].content_type_id
    assert _baris(client.get(URL, {"objek": str(budi.code), "jenis_objek": ct})) == [jejak["labkes"]]


def test_saring_awalan_aksi(client, biro, jejak):
    client.force_login(biro)
    assert set(_baris(client.get(URL, {"aksi": "kode_etik."}))) == {jejak["dinkes"], jejak["labkes"]}
    assert _baris(client.get(URL, {"aksi": "sanksi."})) == [jejak["bapenda"]]
    assert _baris(client.get(URL, {"aksi": "evaluasi."})) == []


def test_saring_rentang_tanggal_dalam_wita(client, biro, jejak):
    lama = timezone.now() - timedelta(days=10)
    JejakAudit.objects.filter(pk=jejak["bapenda"].pk).update(waktu=lama)
    client.force_login(biro)
    hari_ini = timezone.localdate()
    r = client.get(URL, {"dari": hari_ini.isoformat()})
    assert set(_baris(r)) == {jejak["dinkes"], jejak["labkes"]}
    r = client.get(URL, {"sampai": (hari_ini - timedelta(days=5)).isoformat()})
    assert _baris(r) == [jejak["bapenda"]]


def test_saringan_tidak_sah_diabaikan_dengan_peringatan(client, biro, jejak):
    client.force_login(biro)
    r = client.get(URL, {"dari": "2026-02-10", "sampai": "2026-01-01"})
    assert r.status_code == 200
    assert "Tanggal akhir tidak boleh sebelum tanggal awal" in r.content.decode()
    assert len(_baris(r)) == 3


def test_satu_isian_salah_tidak_membuang_saringan_lain_dan_csv_ditahan(client, biro, jejak, dinkes):
    client.force_login(biro)
    saring = {
        "unit": str(dinkes.code),
        "pengguna": "999999",
    }  # pengguna tidak ada: hanya isian itu yang diabaikan
    r = client.get(URL, saring)
    assert r.status_code == 200 and jejak["bapenda"] not in _baris(r) and jejak["dinkes"] in _baris(r)
    r = client.get(URL, {**saring, "unduh": "csv"})
    assert r["Content-Type"].startswith("text/html")  # bukan seluruh jejak provinsi sebagai CSV


# --- Tampilan ----------------------------------------------------------------------------------------


def test_label_aksi_dan_perubahan_lama_ke_baru(client, biro, jejak):
    client.force_login(biro)
    isi = client.get(URL).content.decode()
    assert "Pelaksana ditambahkan" in isi
    assert "Pengaduan diverifikasi" in isi
    assert "a → b" in isi
    assert "Operator.Dinkes" in isi and "Operator" in isi


def test_data_di_escape(client, biro, dinkes, operator_dinkes):
    andi = _pelaksana(dinkes, "<b>Andi</b>")
    jahat = {"alasan": "<script>alert(1)</script>"}
    _catat(andi, "kode_etik.pelaksana.diubah", operator_dinkes, dinkes, jahat)
    client.force_login(biro)
    isi = client.get(URL).content.decode()
    assert "<script>alert(1)</script>" not in isi
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in isi
    assert "<b>Andi</b>" not in isi


def test_waktu_ditampilkan_dalam_wita(client, biro, jejak):
    utc = datetime(2026, 3, 1, 23, 30, tzinfo=UTC)
    JejakAudit.objects.filter(pk=jejak["dinkes"].pk).update(waktu=utc)
    client.force_login(biro)
    isi = client.get(URL, {"aksi": "kode_etik.pelaksana.dibuat"}).content.decode()
    assert "07:30:00" in isi  # 23.30 UTC = 07.30 WITA hari berikutnya
    assert "2 Mar 2026" in isi or "2 Mar. 2026" in isi


def test_label_fallback_dan_ringkasan():
    assert label_aksi("penghargaan.usulan.diajukan") == "Penghargaan: usulan diajukan"
    assert label_aksi("sanksi.pelanggaran.langkah_baru") == "Kasus pelanggaran: langkah baru"
    assert label_aksi("asing_sekali") == "asing sekali"
    assert ringkas_perubahan({"level_lama": None, "level_baru": 3, "indikator": 7}) == [
        ("level", "— → 3"),
        ("indikator", "7"),
    ]
    sebelum, sesudah = {"nama": "A", "mulai": "x"}, {"nama": "B", "mulai": "x"}
    assert ringkas_perubahan({"sebelum": sebelum, "sesudah": sesudah}) == [("perubahan", "nama: A → B")]
    assert ringkas_perubahan({"panjang": "x" * 500})[0][1].endswith("…")
    # Konvensi "semula" (kode_etik, akun, Ombudsman) dan {"dari", "ke"} per field (RTL).
    assert ringkas_perubahan({"nama": "B", "semula": {"nama": "A"}}) == [("nama", "A → B")]
    assert ringkas_perubahan({"tenggat": {"dari": "1", "ke": "2"}}) == [("tenggat", "1 → 2")]
    assert ringkas_perubahan({"semula": None, "nilai": "80"}) == [("semula", "—"), ("nilai", "80")]


def test_paginasi_50_per_halaman_menjaga_saringan(client, biro, dinkes, operator_dinkes):
    andi = _pelaksana(dinkes, "Andi")
    for i in range(55):
        _catat(andi, "kode_etik.pelaksana.diubah", operator_dinkes, dinkes, {"i": i})
    client.force_login(biro)
    r = client.get(URL, {"aksi": "kode_etik."})
    assert len(_baris(r)) == 50
    assert "aksi=kode_etik.&halaman=2" in r.content.decode()
    assert len(_baris(client.get(URL, {"aksi": "kode_etik.", "halaman": 2}))) == 5
    assert len(_baris(client.get(URL, {"aksi": "kode_etik.", "page": 2}))) == 5


def test_jumlah_kueri_tidak_tumbuh_dengan_baris(
    client, biro, dinkes, labkes, operator_dinkes, kepala_labkes, django_assert_max_num_queries
):
    client.force_login(biro)
    andi = _pelaksana(dinkes, "Andi")
    _catat(andi, "kode_etik.pelaksana.diubah", operator_dinkes, dinkes)
    with django_assert_max_num_queries(100) as sedikit:
        client.get(URL)
    for i in range(40):
        oleh, unit = (operator_dinkes, dinkes) if i % 2 else (kepala_labkes, labkes)
        _catat(_pelaksana(unit, f"P{i}"), "kode_etik.pelaksana.dibuat", oleh, unit, {"i": i})
    with django_assert_max_num_queries(len(sedikit.captured_queries)):
        r = client.get(URL)
    assert len(_baris(r)) == 41


def test_objek_bertaut_ke_halamannya(client, biro, dinkes, operator_dinkes):
    andi = _pelaksana(dinkes, "Andi")
    _catat(andi, "kode_etik.pelaksana.diubah", operator_dinkes, dinkes)
    # Langkah kasus menaut ke kasusnya lewat kode kasus di data (objeknya sendiri tidak punya halaman).
    kode_kasus = "0b6f0c1e-4a49-4f4e-9a53-0d6a1c1f2a10"
    _catat(
        operator_dinkes, "sanksi.pelanggaran.dipanggil", operator_dinkes, dinkes, {"pelanggaran": kode_kasus}
    )
    client.force_login(biro)
    isi = client.get(URL).content.decode()
    assert f'href="{reverse("kode_etik:pelaksana_detail", args=[andi.code])}"' in isi
    assert f'href="{reverse("sanksi:kasus_detail", args=[kode_kasus])}"' in isi


# --- Ekspor CSV --------------------------------------------------------------------------------------


def test_unduh_csv_mengikuti_saringan_dan_menetralkan_rumus(client, biro, dinkes, operator_dinkes, jejak):
    andi = _pelaksana(dinkes, "=HYPERLINK(1)")
    _catat(andi, "kode_etik.pelaksana.diubah", operator_dinkes, dinkes)
    client.force_login(biro)
    r = client.get(URL, {"aksi": "kode_etik.", "unit": dinkes.code, "unduh": "csv"})
    assert r["Content-Type"].startswith("text/csv")
    isi = b"".join(r.streaming_content).decode("utf-8-sig")
    baris = isi.strip().splitlines()
    assert baris[0].startswith("waktu (WITA),pengguna")
    assert len(baris) == 3  # kepala + dua jejak Dinkes
    assert "'=HYPERLINK(1)" in isi
    assert "Pelaksana ditambahkan" in isi and "Badan Pendapatan" not in isi


def test_pilihan_unit_dan_pengguna_dengan_pilihan_terpilih(client, biro, jejak, labkes, operator_dinkes):
    client.force_login(biro)
    teks = client.get(URL, {"unit": str(labkes.code), "pengguna": operator_dinkes.pk}).content.decode()
    assert f'<option value="{labkes.code}" selected>{labkes.nama} — di bawah Dinkes</option>' in teks
    assert f'<option value="{operator_dinkes.pk}" selected>{operator_dinkes.nama} (Operator)</option>' in teks
