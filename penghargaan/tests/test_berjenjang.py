"""Penilaian penghargaan berjenjang (BAB 5): dari nominasi sampai Keputusan Kepala Penyelenggara, dan halaman
Biro untuk unit yang tidak menjalankan periode penghargaan Pelaksana dalam setahun."""

import io

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from kaltim_yanlik.core.dokumen import dokumen_minta
from kaltim_yanlik.core.exceptions import DomainError
from kaltim_yanlik.core.models import DokumenPDF, JejakAudit
from penghargaan.dokumen import KEPUTUSAN_PELAKSANA
from penghargaan.models import PeriodePenghargaan, TahapBerjenjang
from penghargaan.selectors import penilaian_periode
from penghargaan.services import berjenjang
from penghargaan.services import periode as services

from .conftest import bulan_lalu

pytestmark = pytest.mark.django_db


@pytest.fixture
def rantai(staf_dinkes):
    """Kepala ← Kepala Bidang (anggota[0]) ← Koordinator (anggota[1]) ← dua petugas (calon)."""
    kabid, koordinator = staf_dinkes["anggota"][:2]
    kabid.atasan_langsung = staf_dinkes["kepala"]
    kabid.save()
    koordinator.atasan_langsung = kabid
    koordinator.save()
    for p in staf_dinkes["calon"][:2]:
        p.atasan_langsung = koordinator
        p.save()
    return {"kabid": kabid, "koordinator": koordinator, "calon": staf_dinkes["calon"][:2]}


def _periode(kepala_dinkes, calon):
    periode = services.periode_buat(
        penyelenggara=kepala_dinkes.penyelenggara, jenis="bulanan", mulai=bulan_lalu(), metode="berjenjang",
        nama_penghargaan="Pelaksana Teladan", oleh=kepala_dinkes,
    )  # fmt: skip
    for p in calon:
        services.nominasi_tambah(periode=periode, pelaksana=p, alasan="", oleh=kepala_dinkes)
    return periode


def _nilai(periode, angka):
    return {k.pk: angka for k in periode.kriteria.filter(dari_data=False)}


def test_berjenjang_dari_nominasi_sampai_keputusan(
    client, kepala_dinkes, staf_dinkes, rantai, django_capture_on_commit_callbacks
):
    periode = _periode(kepala_dinkes, rantai["calon"])
    # Tim penilai tidak dipakai pada periode berjenjang; Kepala sendiri tidak dinominasikan.
    with pytest.raises(DomainError, match="tim penilai tidak dipakai"):
        services.tim_tetapkan(
            periode=periode, sekretaris=staf_dinkes["sekretaris"], anggota=[], oleh=kepala_dinkes
        )
    with pytest.raises(DomainError, match="tidak dinominasikan"):
        services.nominasi_tambah(
            periode=periode, pelaksana=staf_dinkes["kepala"], alasan="", oleh=kepala_dinkes
        )
    services.penilaian_mulai(periode=periode, oleh=kepala_dinkes)
    a, b = sorted(rantai["calon"], key=lambda p: p.nama)
    tahap_a = list(TahapBerjenjang.objects.filter(nominasi__pelaksana=a).order_by("tingkat"))
    assert [(t.tingkat, t.penilai) for t in tahap_a] == [(1, rantai["koordinator"]), (2, rantai["kabid"])]
    # Berurutan: peninjau (tingkat 2) menunggu atasan langsung (tingkat 1).
    with pytest.raises(DomainError, match="diisi berurutan"):
        berjenjang.tahap_berjenjang_simpan(
            tahap=tahap_a[1], nilai=_nilai(periode, 80), catatan="", oleh=kepala_dinkes
        )
    with pytest.raises(DomainError, match="0–100"):
        berjenjang.tahap_berjenjang_simpan(
            tahap=tahap_a[0], nilai=_nilai(periode, 101), catatan="", oleh=kepala_dinkes
        )
    # Lewat halaman: Kepala mencatat nilai atasan langsung (atas nama penilai yang tanpa akun).
    client.force_login(kepala_dinkes)
    url = reverse("penghargaan:tahap_berjenjang", args=[periode.code, tahap_a[0].code])
    assert rantai["koordinator"].nama in client.get(url).content.decode()
    data = {f"k_{k}": "80" for k in _nilai(periode, 0)} | {"catatan": "Disiplin dan ramah."}
    assert client.post(url, data).status_code == 302
    # Nilai belum lengkap (tingkat 2 dan nominasi lain): penetapan ditolak dengan nama yang kurang.
    penerima = [{"nominasi": periode.nominasi.get(pelaksana=a), "bentuk": ["piagam"]}]
    tetapkan = {"periode": periode, "penerima": penerima, "nomor_keputusan": "800/PH/BJ/1",
                "tanggal_keputusan": timezone.localdate(), "oleh": kepala_dinkes}  # fmt: skip
    with pytest.raises(DomainError, match=f"{a.nama} \\(tingkat 2: {rantai['kabid'].nama}\\)"):
        services.periode_tetapkan(**tetapkan)
    # Tingkat 2 meninjau dan mengoreksi; tingkat 1 yang sudah ditinjau tidak diubah lagi.
    koreksi = _nilai(periode, 90)
    berjenjang.tahap_berjenjang_simpan(tahap=tahap_a[1], nilai=koreksi, catatan="Naik.", oleh=kepala_dinkes)
    with pytest.raises(DomainError, match="sudah ditinjau"):
        berjenjang.tahap_berjenjang_simpan(
            tahap=tahap_a[0], nilai=_nilai(periode, 10), catatan="", oleh=kepala_dinkes
        )
    for t in TahapBerjenjang.objects.filter(nominasi__pelaksana=b).order_by("tingkat"):
        berjenjang.tahap_berjenjang_simpan(tahap=t, nilai=_nilai(periode, 70), catatan="", oleh=kepala_dinkes)
    hasil = {h.nama: h for h in penilaian_periode(periode).hasil}
    # Nilai akhir dari tingkat terakhir: 90 × 90% kriteria dinilai + 100 × 10% (tanpa komplain) = 91.
    assert hasil[a.nama].nilai_akhir == 91 and hasil[a.nama].peringkat == 1
    assert hasil[b.nama].nilai_akhir == 73
    services.periode_tetapkan(**tetapkan)
    periode.refresh_from_db()
    assert periode.status == PeriodePenghargaan.Status.DITETAPKAN
    assert JejakAudit.objects.filter(aksi="penghargaan.berjenjang.dinilai").count() == 4
    with django_capture_on_commit_callbacks(execute=True):
        dokumen = dokumen_minta(jenis=KEPUTUSAN_PELAKSANA, subjek=periode, oleh=kepala_dinkes)
    dokumen.refresh_from_db()
    assert dokumen.status == DokumenPDF.Status.SELESAI, dokumen.alasan_gagal
    with dokumen.berkas.open("rb") as f:
        teks = " ".join(" ".join(h.extract_text() for h in PdfReader(io.BytesIO(f.read())).pages).split())
    assert "secara berjenjang" in teks and "Tim Penilai yang terdiri atas" not in teks
    assert staf_dinkes["kepala"].nama in teks


def test_rantai_yang_putus_ditolak_saat_penilaian_dimulai(kepala_dinkes, staf_dinkes, rantai):
    calon = staf_dinkes["calon"][2]  # tanpa atasan langsung
    periode = _periode(kepala_dinkes, [*rantai["calon"], calon])
    with pytest.raises(DomainError, match=f"Rantai atasan {calon.nama} tidak sampai ke Kepala Penyelenggara"):
        services.penilaian_mulai(periode=periode, oleh=kepala_dinkes)
    assert not TahapBerjenjang.objects.exists()


def test_pelaksana_uptd_dinilai_berjenjang_hanya_oleh_kepala_uptd(kepala_dinkes, kepala_labkes, labkes):
    # Kepala Dinas tidak menjalankan penghargaan Pelaksana UPTD-nya (tabel kewenangan, BAB 5).
    with pytest.raises(PermissionDenied, match="Kepala UPTD Laboratorium"):
        services.periode_buat(
            penyelenggara=labkes, jenis="bulanan", mulai=bulan_lalu(), metode="berjenjang",
            nama_penghargaan="Teladan", oleh=kepala_dinkes,
        )  # fmt: skip


def test_halaman_biro_unit_tanpa_periode(client, biro, kepala_dinkes, staf_dinkes, dinkes, samsat):
    tahun = bulan_lalu().year
    _periode(kepala_dinkes, [])
    client.force_login(biro)
    halaman = client.get(reverse("penghargaan:tanpa_periode"), {"tahun": tahun}).content.decode()
    assert (
        samsat.nama in halaman
        and f'href="{reverse("kode_etik:penyelenggara_detail", args=[dinkes.code])}"' not in halaman
    )
    assert (
        reverse("penghargaan:tanpa_periode")
        in client.get(reverse("penghargaan:periode_daftar")).content.decode()
    )
    # Tahun lain: Dinkes pun tanpa periode.
    halaman = client.get(reverse("penghargaan:tanpa_periode"), {"tahun": tahun + 1}).content.decode()
    assert dinkes.nama in halaman
    assert client.get(reverse("penghargaan:tanpa_periode"), {"tahun": "abc"}).status_code == 200
    client.force_login(kepala_dinkes)
    assert client.get(reverse("penghargaan:tanpa_periode")).status_code == 403
