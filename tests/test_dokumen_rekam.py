"""Dokumen adalah rekaman: pembaca (pimpinan, Kepala unit induk yang membaca UPTD-nya) dapat mengunduh setiap
jenis dokumen, tetapi tidak menerbitkan ulang — 403, tidak ada yang diantrekan, tidak ada revisi baru — dan
kartu dokumen tidak menampilkan tombol buat/buat ulang kepada mereka."""

import pytest
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.urls import reverse

from akun.models import Pengguna, Peran
from kaltim_yanlik.core.dokumen import _REGISTRI, boleh_terbitkan
from kaltim_yanlik.core.models import DokumenPDF, JejakAudit, RevisiDokumen
from kaltim_yanlik.core.templatetags.dokumen import kartu_dokumen

from .test_sapuan_url import SUBJEK_DOKUMEN, dunia  # noqa: F401 (fixture dunia dipakai uji di bawah)

pytestmark = pytest.mark.django_db


def _kartu(user, jenis, subjek) -> str:
    request = RequestFactory().get("/")
    request.user = user
    konteks = kartu_dokumen({"request": request, "csrf_token": "x"}, jenis, subjek)
    return render_to_string("core/_kartu_dokumen.html", konteks)


def _potret():
    return (
        list(DokumenPDF.objects.order_by("pk").values_list("pk", "status", "diminta_pada", "berkas")),
        RevisiDokumen.objects.count(),
        JejakAudit.objects.filter(aksi="dokumen.diminta").count(),
    )


def test_setiap_jenis_dokumen_terdaftar_diuji():
    assert set(_REGISTRI) == set(SUBJEK_DOKUMEN)


def test_pimpinan_mengunduh_tetapi_tidak_menerbitkan_ulang_setiap_jenis(client, dunia, pimpinan):  # noqa: F811
    client.force_login(pimpinan)
    sebelum = _potret()
    for jenis, subjek in SUBJEK_DOKUMEN.items():
        objek = subjek(dunia)
        r = client.post(reverse("dokumen_buat", args=[jenis, objek.code]), {"alasan": "Coba render ulang."})
        assert r.status_code == 403, jenis
        assert client.get(reverse("dokumen_unduh", args=[dunia.dokumen[jenis].code])).status_code == 200, (
            jenis
        )
        assert not boleh_terbitkan(pimpinan, jenis=jenis, subjek=objek), jenis
        kartu = _kartu(pimpinan, jenis, objek)
        assert "Unduh PDF" in kartu and "Buat ulang" not in kartu and "Buat PDF" not in kartu, jenis
    assert _potret() == sebelum


def test_kepala_unit_induk_membaca_uptd_tetapi_tidak_menerbitkan(client, dunia, bapenda):  # noqa: F811
    kepala_induk = Pengguna.objects.create_user(
        username="kepala.bapenda",
        password="x",
        nama="Kepala Bapenda",
        peran=Peran.KEPALA,
        penyelenggara=bapenda,
    )
    client.force_login(kepala_induk)
    sebelum = _potret()
    # Laporan SKM dikelola unit induk bersama UPTD-nya (kemampuan KELOLA_SKM berlingkup UPTD), jadi bukan
    # dokumen yang hanya dibaca Kepala induk.
    for jenis, subjek in SUBJEK_DOKUMEN.items():
        if jenis == "laporan-skm":
            continue
        objek = subjek(dunia)
        status = client.post(reverse("dokumen_buat", args=[jenis, objek.code]), {"alasan": "x"}).status_code
        # 404: dokumen provinsi (rekap, Keputusan Gubernur) tidak terlihat; 403: terlihat tetapi hanya dibaca.
        assert status in (403, 404), jenis
    assert _potret() == sebelum


def test_penerbit_melihat_tombol_buat_ulang_dengan_alasan(dunia, biro):  # noqa: F811
    kartu = _kartu(biro, "rekap-provinsi", dunia.siklus)
    assert (
        "Buat ulang (revisi baru)" in kartu and 'name="alasan"' in kartu and "Riwayat terbitan (1)" in kartu
    )
