"""Instrumen yang dipakai siklus terkunci: admin (Biro dan admin) dan service menolak perubahan isinya, dan
hasil yang sudah terbit tidak bergeser satu bait pun."""

from decimal import Decimal

import pytest
from django.urls import reverse

from evaluasi import services
from evaluasi.models import Aspek, Indikator, KategoriIPP, SlotBukti
from kaltim_yanlik.core.exceptions import DomainError

from .alur import indikator
from .test_admin import _baris_inline, _data_formulir, _ubah
from .test_publikasi import _siklus_terbit

pytestmark = pytest.mark.django_db


def _pesan(respons) -> str:
    return " ".join(str(m) for m in respons.wsgi_request._messages)


@pytest.fixture
def form_sebelum_dipakai(client, admin_portal, instrumen_2025):
    """Data formulir admin instrumen yang dibuka sebelum siklus memakainya (tab yang dibiarkan terbuka)."""
    client.force_login(admin_portal)
    data = _data_formulir(client.get(_ubah(instrumen_2025)))
    indikator_2 = indikator(instrumen_2025, 2)
    data_indikator = _data_formulir(
        client.get(reverse("admin:evaluasi_indikator_change", args=[indikator_2.pk]))
    )
    client.logout()
    return data, data_indikator


@pytest.fixture
def siklus_terbit(buat_siklus, biro, dinkes, samsat):
    return _siklus_terbit(buat_siklus, biro, 2025, {dinkes.pk: 4, samsat.pk: 3}, dinkes, samsat)


@pytest.mark.parametrize("peran", ["biro", "admin_portal"])
def test_bobot_aspek_instrumen_terpakai_ditolak_lewat_admin_dan_hasil_publik_tetap(
    client, request, peran, instrumen_2025, form_sebelum_dipakai, siklus_terbit
):
    data, _ = form_sebelum_dipakai
    # Jumlah tetap 100 %: lolos pemeriksaan bobot, jadi hanya kuncilah yang dapat menolaknya.
    data[f"{_baris_inline(data, 'aspek-', 'kode', 'I')}-bobot"] = "23.00"
    data[f"{_baris_inline(data, 'aspek-', 'kode', 'II')}-bobot"] = "19.00"
    halaman_publik = client.get(reverse("evaluasi:publik_siklus", args=[2025])).content
    client.force_login(request.getfixturevalue(peran))

    respons = client.post(_ubah(instrumen_2025), data)

    assert respons.status_code == 302
    pesan = _pesan(respons)
    assert "sudah dipakai Monev PEKPPP 2025" in pesan and "Salin ke versi baru" in pesan
    assert Aspek.objects.get(instrumen=instrumen_2025, kode="I").bobot == Decimal("24.00")
    client.logout()
    assert client.get(reverse("evaluasi:publik_siklus", args=[2025])).content == halaman_publik


@pytest.mark.parametrize("peran", ["biro", "admin_portal"])
def test_bobot_dan_level_indikator_instrumen_terpakai_ditolak_lewat_admin(
    client, request, peran, instrumen_2025, form_sebelum_dipakai, siklus_terbit
):
    _, data = form_sebelum_dipakai
    ind = indikator(instrumen_2025, 2)
    data.update({"bobot": str(ind.bobot + 1), "level_3": "Diubah diam-diam"})
    client.force_login(request.getfixturevalue(peran))

    respons = client.post(reverse("admin:evaluasi_indikator_change", args=[ind.pk]), data)

    assert respons.status_code == 302 and "Salin ke versi baru" in _pesan(respons)
    ind.refresh_from_db()
    assert ind.level_3 != "Diubah diam-diam"


def test_halaman_admin_instrumen_terpakai_hanya_baca_dengan_alasan(
    client, biro, instrumen_2025, siklus_terbit
):
    client.force_login(biro)
    respons = client.get(_ubah(instrumen_2025))
    assert respons.status_code == 200
    assert not respons.context["has_change_permission"]
    assert "sudah dipakai Monev PEKPPP 2025" in respons.text
    assert 'name="aspek-0-bobot"' not in respons.text


def test_menambah_indikator_ke_instrumen_terpakai_ditolak_di_formulir(
    client, admin_portal, instrumen_2025, siklus_terbit
):
    client.force_login(admin_portal)
    aspek = Aspek.objects.get(instrumen=instrumen_2025, kode="I")
    data = {"aspek": aspek.pk, "nomor": 40, "kode": "X.1", "teks": "Baru", "bobot": "0", "suplemen": "on"}
    data |= {f"level_{n}": "-" for n in range(6)} | {"opsi_f01": "{}", "initial-opsi_f01": "{}"}
    data |= {"slot_bukti-TOTAL_FORMS": "0", "slot_bukti-INITIAL_FORMS": "0"}

    respons = client.post(reverse("admin:evaluasi_indikator_add"), data)

    assert respons.status_code == 200 and "sudah dipakai Monev PEKPPP 2025" in respons.text
    assert not Indikator.objects.filter(aspek=aspek, nomor=40).exists()


def test_service_menolak_perubahan_isi_tetapi_mengizinkan_nonaktif(
    admin_portal, instrumen_2025, siklus_terbit
):
    ind = indikator(instrumen_2025, 2)
    ind.bobot += 1
    with pytest.raises(DomainError, match="Salin ke versi baru"):
        services.indikator_simpan(indikator=ind, oleh=admin_portal)
    instrumen_2025.nama = "Diubah"
    with pytest.raises(DomainError, match="sudah dipakai"):
        services.instrumen_simpan(instrumen=instrumen_2025, oleh=admin_portal)
    with pytest.raises(DomainError):
        services.instrumen_rincian_wajib_dapat_diubah(instrumen_id=instrumen_2025.pk)
    instrumen_2025.refresh_from_db()
    instrumen_2025.aktif = False
    services.instrumen_simpan(instrumen=instrumen_2025, oleh=admin_portal, field_diubah=["aktif"])
    instrumen_2025.refresh_from_db()
    assert instrumen_2025.aktif is False


def test_salinan_instrumen_terpakai_bebas_diubah(client, admin_portal, instrumen_2025, siklus_terbit):
    baru = services.instrumen_salin(instrumen=instrumen_2025, tahun=2030, oleh=admin_portal)
    ind = indikator(baru, 2)
    ind.level_3 = "Deskripsi baru"
    services.indikator_simpan(indikator=ind, oleh=admin_portal)
    assert SlotBukti.objects.filter(indikator=ind).exists()
    assert (
        KategoriIPP.objects.filter(instrumen=baru).count()
        == KategoriIPP.objects.filter(instrumen=instrumen_2025).count()
    )
