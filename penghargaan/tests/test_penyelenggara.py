"""Penghargaan Gubernur bagi Penyelenggara: usulan dari siklus final menurut aturan yang tercatat, unit
dikeluarkan dengan alasan, Keputusan Gubernur, dan halaman unit yang memuat penghargaannya."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone

from evaluasi.models import Evaluasi
from kaltim_yanlik.core.exceptions import DomainError
from kaltim_yanlik.core.models import JejakAudit
from penghargaan.services import penyelenggara as services

from .conftest import finalkan

pytestmark = pytest.mark.django_db


@pytest.fixture
def siklus_final(buat_siklus, dinkes, labkes, samsat, bapenda):
    siklus = buat_siklus(dinkes, labkes, samsat, bapenda, fase="finalisasi")
    # Dinkes dan Labkes level 5 (IPP 5,00 → A), Samsat level 4 (IPP 4,00 → B); Bapenda tetap draf.
    return finalkan(siklus, {dinkes.pk: 5, labkes.pk: 5, samsat.pk: 4})


def _usul(siklus, oleh, **aturan):
    return services.usulan_buat(siklus=siklus, nama="Penghargaan Pelayanan Prima", oleh=oleh, **aturan)


def test_usulan_menurut_kategori_mencatat_aturan_dan_salinan_hasil(siklus_final, biro, dinkes, labkes):
    penghargaan = _usul(siklus_final, biro, aturan="kategori", kategori="A")
    penerima = {p.penyelenggara_id: p for p in penghargaan.penerima.all()}
    assert set(penerima) == {dinkes.pk, labkes.pk}
    assert str(penerima[dinkes.pk].ipp) == "5.00" and penerima[dinkes.pk].kategori == "A"
    assert "kategori A (Pelayanan Prima, IPP 4,51–5,00)" in penghargaan.aturan_teks
    assert "(2 unit)" in penghargaan.aturan_teks
    assert JejakAudit.objects.filter(aksi="penghargaan.penyelenggara.diusulkan").count() == 1


def test_usulan_peringkat_teratas_menyertakan_seri_di_batas(siklus_final, biro, dinkes, labkes, samsat):
    penghargaan = _usul(siklus_final, biro, aturan="peringkat", jumlah_teratas=1)
    # Dinkes dan Labkes sama-sama IPP 5,00 di peringkat 1: keduanya ikut; Samsat tidak.
    assert set(penghargaan.penerima.values_list("penyelenggara_id", flat=True)) == {dinkes.pk, labkes.pk}
    assert "peringkat sama di batas ikut diusulkan" in penghargaan.aturan_teks


def test_siklus_belum_final_atau_tanpa_calon_ditolak(buat_siklus, siklus_final, biro, dinkes, samsat):
    with pytest.raises(DomainError, match="Tidak ada unit yang memenuhi aturan"):
        _usul(siklus_final, biro, aturan="kategori", kategori="F")
    proses = buat_siklus(dinkes, samsat, fase="penilaian", tahun=2026)
    proses.evaluasi.filter(penyelenggara=dinkes).update(status=Evaluasi.Status.DIAJUKAN)
    with pytest.raises(DomainError, match="belum final"):
        _usul(proses, biro, aturan="kategori", kategori="A")


@pytest.mark.parametrize("persona", ["kepala_dinkes", "operator_dinkes", "pimpinan"])
def test_hanya_biro_dan_admin_yang_mengusulkan(request, persona, siklus_final, admin_portal):
    with pytest.raises(PermissionDenied):
        _usul(siklus_final, request.getfixturevalue(persona), aturan="kategori", kategori="A")
    assert _usul(siklus_final, admin_portal, aturan="kategori", kategori="A").penerima.count() == 2


def test_keluarkan_lalu_tetapkan_dan_tampil_di_halaman_unit(
    siklus_final, biro, dinkes, labkes, kepala_dinkes, kepala_samsat, client, request
):
    penghargaan = _usul(siklus_final, biro, aturan="kategori", kategori="A")
    labkes_p = penghargaan.penerima.get(penyelenggara=labkes)
    with pytest.raises(DomainError, match="alasan"):
        services.penerima_keluarkan(penerima=labkes_p, alasan="  ", oleh=biro)
    services.penerima_keluarkan(penerima=labkes_p, alasan="Kepala UPTD sedang dalam pemeriksaan.", oleh=biro)

    tetapkan = {
        "penghargaan": penghargaan, "nomor_keputusan": "100.3.3.2/K.123/2026",
        "tanggal_keputusan": timezone.localdate(), "oleh": biro,
    }  # fmt: skip
    # Gubernur yang menjabat pada tanggal keputusan harus tercatat (dulu namanya diketik bebas).
    with pytest.raises(DomainError, match="Gubernur yang menjabat"):
        services.penghargaan_tetapkan(bentuk=["piagam"], **tetapkan)
    request.getfixturevalue("pejabat_provinsi")
    with pytest.raises(DomainError, match="bentuk penghargaan"):
        services.penghargaan_tetapkan(bentuk=["uang"], **tetapkan)
    services.penghargaan_tetapkan(bentuk=["piagam", "piala"], **tetapkan)
    penghargaan.refresh_from_db()
    assert penghargaan.status == "ditetapkan"
    with pytest.raises(DomainError, match="sudah ditetapkan"):
        services.penerima_kembalikan(penerima=labkes_p, oleh=biro)

    client.force_login(kepala_dinkes)
    halaman = client.get(reverse("kode_etik:penyelenggara_detail", args=[dinkes.code])).content.decode()
    assert "Penghargaan Pelayanan Prima" in halaman and "100.3.3.2/K.123/2026" in halaman
    assert "Piala/plakat/trofi" in halaman
    halaman_labkes = client.get(
        reverse("kode_etik:penyelenggara_detail", args=[labkes.code])
    ).content.decode()
    assert "100.3.3.2/K.123/2026" not in halaman_labkes  # dikeluarkan: tidak menerima

    # Halaman Gubernur berlingkup provinsi: unit mendapat 404 (berkode) dan 403 (daftar).
    assert client.get(reverse("penghargaan:penyelenggara_detail", args=[penghargaan.code])).status_code == 404
    assert client.get(reverse("penghargaan:penyelenggara_daftar")).status_code == 403
    client.force_login(biro)
    assert client.get(reverse("penghargaan:penyelenggara_detail", args=[penghargaan.code])).status_code == 200


def test_halaman_biro_usul_keluarkan_tetapkan(siklus_final, biro, dinkes, labkes, client, pejabat_provinsi):
    client.force_login(biro)
    r = client.post(
        reverse("penghargaan:penyelenggara_usul"),
        {"siklus": siklus_final.pk, "nama": "Prima", "aturan": "kategori", "kategori": "A"},
    )
    assert r.status_code == 302
    penghargaan = siklus_final.penghargaan.get()
    labkes_p = penghargaan.penerima.get(penyelenggara=labkes)
    detail = reverse("penghargaan:penyelenggara_detail", args=[penghargaan.code])
    keluar = reverse("penghargaan:penerima_keluarkan", args=[penghargaan.code, labkes_p.code])
    assert client.post(keluar, {"alasan": ""}).status_code == 302
    labkes_p.refresh_from_db()
    assert not labkes_p.dikeluarkan  # alasan kosong ditolak dengan pesan
    client.post(keluar, {"alasan": "Sedang diperiksa."})
    labkes_p.refresh_from_db()
    assert labkes_p.dikeluarkan
    # Keputusan tanpa nomor: 400 dengan pesan, tidak berubah.
    r = client.post(
        reverse("penghargaan:penyelenggara_tetapkan", args=[penghargaan.code]), {"bentuk": ["piagam"]}
    )
    assert r.status_code == 400 and "wajib diisi" in r.content.decode()
    r = client.post(
        reverse("penghargaan:penyelenggara_tetapkan", args=[penghargaan.code]),
        {
            "nomor_keputusan": "K/1",
            "tanggal_keputusan": timezone.localdate().isoformat(),
            "bentuk": ["piagam"],
        },
    )
    assert r.status_code == 302
    halaman = client.get(detail).content.decode()
    assert "Keputusan Gubernur Nomor" in halaman and "K/1" in halaman
