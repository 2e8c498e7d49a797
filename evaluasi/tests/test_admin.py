"""Admin instrumen: penolakan bobot tampil sebagai pesan (bukan 500), aksi memanggil layanan."""

from decimal import Decimal

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.urls import reverse

from evaluasi.models import Aspek, Indikator, InstrumenVersi, KategoriIPP
from kaltim_yanlik.core.models import JejakAudit

pytestmark = pytest.mark.django_db

DAFTAR = reverse("admin:evaluasi_instrumenversi_changelist")


def _ubah(instrumen):
    return reverse("admin:evaluasi_instrumenversi_change", args=[instrumen.pk])


def _nilai(bidang) -> str | None:
    nilai = bidang.value()
    if nilai is None or nilai is False:
        return None
    return "on" if nilai is True else str(nilai)


def _data_formulir(respons) -> dict:
    """Data POST yang sama dengan formulir admin yang baru dibuka (formulir utama dan semua inline)."""
    data = {}
    formulir = [respons.context["adminform"].form]
    for inline in respons.context["inline_admin_formsets"]:
        formset = inline.formset
        formulir += [formset.management_form, *formset.forms]
    for form in formulir:
        for nama in form.fields:
            nilai = _nilai(form[nama])
            if nilai is None:
                continue
            data[form.add_prefix(nama)] = nilai
            if form.fields[nama].show_hidden_initial:
                # Peramban juga mengirim nilai awal tersembunyi (field berdefault callable, mis. JSONField).
                data[form.add_initial_prefix(nama)] = nilai
    return data


def _baris_inline(data: dict, awalan: str, kolom: str, nilai_lama: str) -> str:
    """Kunci POST baris inline ``awalan`` yang kolom ``kolom``-nya bernilai ``nilai_lama``."""
    (kunci,) = [
        k for k, v in data.items() if k.startswith(awalan) and k.endswith(f"-{kolom}") and v == nilai_lama
    ]
    return kunci.rsplit("-", 1)[0]


@pytest.fixture
def klien_admin(client, admin_portal):
    client.force_login(admin_portal)
    return client


def _kirim_ubah(klien, instrumen, **ubah):
    data = _data_formulir(klien.get(_ubah(instrumen)))
    for kunci, nilai in ubah.items():
        if nilai is None:
            data.pop(kunci, None)
        else:
            data[kunci] = nilai
    return klien.post(_ubah(instrumen), data)


def _pesan(respons) -> list[str]:
    return [str(m) for m in respons.context["messages"]] if respons.context else []


def test_daftar_dan_halaman_ubah_terbuka(klien_admin, instrumen_2025):
    daftar = klien_admin.get(DAFTAR)
    ubah = klien_admin.get(_ubah(instrumen_2025))

    assert daftar.status_code == 200 and "PEKPPP 2025" in daftar.text
    assert ubah.status_code == 200 and "Kebijakan Pelayanan" in ubah.text and "100,00 %" in ubah.text


@pytest.mark.parametrize(
    "nama_url",
    [
        "admin:evaluasi_instrumenversi_add",
        "admin:evaluasi_indikator_add",
        "admin:evaluasi_indikator_changelist",
    ],
)
def test_halaman_tambah_dan_daftar_terbuka(klien_admin, instrumen_2025, nama_url):
    assert klien_admin.get(reverse(nama_url)).status_code == 200


def test_menambah_instrumen_langsung_aktif_tanpa_isi_ditolak(klien_admin, instrumen_2025):
    tambah = reverse("admin:evaluasi_instrumenversi_add")
    data = _data_formulir(klien_admin.get(tambah)) | {
        "tahun": "2026",
        "nama": "Uji",
        "jenis": "A",
        "aktif": "on",
    }

    respons = klien_admin.post(tambah, data)

    assert respons.status_code == 200
    assert "Instrumen belum memiliki aspek." in respons.text
    assert "Instrumen belum memiliki kategori IPP." in respons.text
    assert not InstrumenVersi.objects.filter(tahun=2026).exists()


def test_biro_boleh_dan_operator_tidak_melihat_admin_instrumen(client, biro, operator_dinkes, instrumen_2025):
    client.force_login(biro)
    assert client.get(DAFTAR).status_code == 200

    client.force_login(operator_dinkes)
    assert client.get(DAFTAR).status_code == 404


def test_simpan_tanpa_perubahan_berhasil_dan_dicatat(klien_admin, instrumen_2025):
    respons = _kirim_ubah(klien_admin, instrumen_2025, nama="PEKPPP 2025 Jenis A (luring) – revisi")

    assert respons.status_code == 302
    instrumen_2025.refresh_from_db()
    assert instrumen_2025.nama.endswith("revisi")
    assert JejakAudit.objects.filter(aksi="evaluasi.instrumen.diubah").exists()


def test_bobot_aspek_instrumen_aktif_ditolak_dengan_jumlahnya(klien_admin, instrumen_2025):
    data = _data_formulir(klien_admin.get(_ubah(instrumen_2025)))
    baris = _baris_inline(data, "aspek-", "kode", "I")
    data[f"{baris}-bobot"] = "20"

    respons = klien_admin.post(_ubah(instrumen_2025), data)

    assert respons.status_code == 200
    assert "Jumlah bobot aspek = 96,00 % (harus 100 %)." in respons.text
    assert Aspek.objects.get(instrumen=instrumen_2025, kode="I").bobot == 24


def test_mengaktifkan_instrumen_tidak_valid_lewat_formulir_ditolak(klien_admin, instrumen_2025, admin_portal):
    InstrumenVersi.objects.filter(pk=instrumen_2025.pk).update(aktif=False)
    Indikator.objects.filter(aspek__instrumen=instrumen_2025, nomor=14).update(bobot=25)

    respons = _kirim_ubah(klien_admin, instrumen_2025, aktif="on")

    assert respons.status_code == 200
    assert "Jumlah bobot indikator aspek II (Profesionalisme SDM) = 95,00 % (harus 100 %)." in respons.text
    instrumen_2025.refresh_from_db()
    assert not instrumen_2025.aktif


def test_draf_tidak_seimbang_boleh_disimpan_dengan_peringatan(klien_admin, instrumen_2025):
    data = _data_formulir(klien_admin.get(_ubah(instrumen_2025)))
    data.pop("aktif")
    data[f"{_baris_inline(data, 'aspek-', 'kode', 'I')}-bobot"] = "20"

    respons = klien_admin.post(_ubah(instrumen_2025), data, follow=True)

    assert respons.status_code == 200
    assert any("Jumlah bobot aspek = 96,00 % (harus 100 %)." in p and "draf" in p for p in _pesan(respons))
    assert Aspek.objects.get(instrumen=instrumen_2025, kode="I").bobot == 20
    assert JejakAudit.objects.filter(aksi="evaluasi.instrumen.rincian_diubah").exists()


def test_celah_kategori_instrumen_aktif_ditolak(klien_admin, instrumen_2025):
    data = _data_formulir(klien_admin.get(_ubah(instrumen_2025)))
    data[f"{_baris_inline(data, 'kategori-', 'kode', 'E')}-batas_atas"] = "1.40"

    respons = klien_admin.post(_ubah(instrumen_2025), data)

    assert respons.status_code == 200
    assert "Celah antara kategori E dan D: IPP 1,41–1,50 tidak berkategori." in respons.text
    assert KategoriIPP.objects.get(instrumen=instrumen_2025, kode="E").batas_atas == Decimal("1.50")


def _ubah_indikator(indikator):
    return reverse("admin:evaluasi_indikator_change", args=[indikator.pk])


def test_bobot_indikator_instrumen_aktif_ditolak_di_halaman_indikator(klien_admin, instrumen_2025):
    indikator = Indikator.objects.get(aspek__instrumen=instrumen_2025, nomor=1)
    data = _data_formulir(klien_admin.get(_ubah_indikator(indikator)))
    data["bobot"] = "12"

    respons = klien_admin.post(_ubah_indikator(indikator), data)

    assert respons.status_code == 200
    assert "Jumlah bobot indikator aspek I (Kebijakan Pelayanan) = 95,00 % (harus 100 %)." in respons.text
    indikator.refresh_from_db()
    assert indikator.bobot == 17


def test_opsi_f01_yang_tidak_cocok_dengan_aturan_ditolak(klien_admin, instrumen_2025):
    indikator = Indikator.objects.get(aspek__instrumen=instrumen_2025, nomor=8)
    data = _data_formulir(klien_admin.get(_ubah_indikator(indikator)))
    data["opsi_f01"] = '{"masukan": []}'

    respons = klien_admin.post(_ubah_indikator(indikator), data)

    assert respons.status_code == 200
    assert "memerlukan masukan &#x27;ada_rtl&#x27; berjenis ya_tidak" in respons.text


def test_ubah_teks_indikator_tersimpan_dan_dicatat(klien_admin, instrumen_2025):
    indikator = Indikator.objects.get(aspek__instrumen=instrumen_2025, nomor=1)
    data = _data_formulir(klien_admin.get(_ubah_indikator(indikator)))
    data["level_5"] = "Teks level 5 yang diperbaiki."

    respons = klien_admin.post(_ubah_indikator(indikator), data)

    assert respons.status_code == 302
    indikator.refresh_from_db()
    assert indikator.level_5 == "Teks level 5 yang diperbaiki."
    assert JejakAudit.objects.get(aksi="evaluasi.indikator.diubah").data == {
        "level_5": "Teks level 5 yang diperbaiki."
    }


def test_ubah_slot_bukti_dicatat(klien_admin, instrumen_2025):
    indikator = Indikator.objects.get(aspek__instrumen=instrumen_2025, nomor=11)
    data = _data_formulir(klien_admin.get(_ubah_indikator(indikator)))
    del data[f"{_baris_inline(data, 'slot_bukti-', 'urutan', '1')}-wajib"]

    respons = klien_admin.post(_ubah_indikator(indikator), data)

    assert respons.status_code == 302
    assert not indikator.slot_bukti.get(urutan=1).wajib
    jejak = JejakAudit.objects.filter(aksi="evaluasi.indikator.rincian_diubah", object_id=str(indikator.pk))
    assert jejak.exists()


def test_daftar_indikator_dan_pencarian_aspek_terbuka(klien_admin, instrumen_2025):
    daftar = klien_admin.get(reverse("admin:evaluasi_indikator_changelist"), {"q": "Maklumat"})
    cari = klien_admin.get(
        reverse("admin:autocomplete"),
        {"app_label": "evaluasi", "model_name": "indikator", "field_name": "aspek", "term": "Kebijakan"},
    )

    assert daftar.status_code == 200 and "5.a.K" in daftar.text
    assert cari.status_code == 200
    assert [r["text"] for r in cari.json()["results"]] == ["I. Kebijakan Pelayanan (2025, jenis A)"]


def _aksi(klien, aksi, instrumen, **lain):
    data = {"action": aksi, ACTION_CHECKBOX_NAME: [instrumen.pk], "index": 0} | lain
    return klien.post(DAFTAR, data, follow=True)


def test_aksi_periksa_bobot_melaporkan_valid(klien_admin, instrumen_2025):
    respons = _aksi(klien_admin, "periksa_bobot", instrumen_2025)

    assert any("valid" in p for p in _pesan(respons))


def test_aksi_periksa_bobot_melaporkan_jumlah_yang_salah(klien_admin, instrumen_2025):
    Aspek.objects.filter(instrumen=instrumen_2025, kode="VI").update(bobot=10)

    respons = _aksi(klien_admin, "periksa_bobot", instrumen_2025)

    assert any("Jumlah bobot aspek = 98,00 % (harus 100 %)." in p for p in _pesan(respons))


def test_aksi_salin_menampilkan_formulir_lalu_menyalin(klien_admin, instrumen_2025):
    formulir = _aksi(klien_admin, "salin_ke_tahun_baru", instrumen_2025)
    assert formulir.status_code == 200
    assert "admin/evaluasi/instrumenversi/salin.html" in [t.name for t in formulir.templates]
    assert 'value="2026"' in formulir.text

    data = {
        "action": "salin_ke_tahun_baru",
        ACTION_CHECKBOX_NAME: [instrumen_2025.pk],
        "tahun": "2026",
        "nama": "",
    }
    respons = klien_admin.post(DAFTAR, data)

    salinan = InstrumenVersi.objects.get(tahun=2026)
    assert respons.status_code == 302 and respons.url == _ubah(salinan)
    assert not salinan.aktif
    assert Indikator.objects.filter(aspek__instrumen=salinan).count() == 31


def test_aksi_salin_ke_tahun_yang_ada_memberi_pesan(klien_admin, instrumen_2025):
    data = {
        "action": "salin_ke_tahun_baru",
        ACTION_CHECKBOX_NAME: [instrumen_2025.pk],
        "tahun": "2025",
        "nama": "",
    }

    respons = klien_admin.post(DAFTAR, data, follow=True)

    assert respons.status_code == 200
    assert "Instrumen jenis A tahun 2025 sudah ada." in _pesan(respons)
    assert InstrumenVersi.objects.count() == 1


def test_aksi_aktifkan_menolak_draf_tidak_valid(klien_admin, instrumen_2025):
    InstrumenVersi.objects.update(aktif=False)
    Indikator.objects.filter(aspek__instrumen=instrumen_2025, nomor=29).update(bobot=40)

    respons = _aksi(klien_admin, "aktifkan", instrumen_2025)

    assert any(
        "tidak diaktifkan" in p and "aspek VI (Inovasi Pelayanan Publik) = 90,00 % (harus 100 %)" in p
        for p in _pesan(respons)
    )
    instrumen_2025.refresh_from_db()
    assert not instrumen_2025.aktif
