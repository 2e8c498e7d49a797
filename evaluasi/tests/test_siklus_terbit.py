"""Siklus yang sudah terbit (final): jendela fase terkunci di service dan admin, juga setelah publikasinya
ditarik; penanda tangan tetap dapat diisi."""

from datetime import timedelta

import pytest
from django.urls import reverse

from evaluasi import services
from evaluasi.models import SiklusMonev
from kaltim_yanlik.core.exceptions import DomainError

from .test_admin import _data_formulir
from .test_publikasi import _siklus_terbit

pytestmark = pytest.mark.django_db


@pytest.fixture
def siklus_terbit(buat_siklus, biro, dinkes):
    return _siklus_terbit(buat_siklus, biro, 2025, {dinkes.pk: 4}, dinkes)


def test_service_menolak_mengubah_jendela_siklus_terbit(siklus_terbit, biro):
    siklus_terbit.pengisian_selesai += timedelta(days=1)
    with pytest.raises(DomainError, match="sudah final sejak dipublikasikan"):
        services.siklus_ubah_jendela(siklus=siklus_terbit, oleh=biro, field_diubah=["pengisian_selesai"])
    siklus_terbit.penandatangan_nama = "Dra. Contoh Kepala Biro"
    services.siklus_ubah_jendela(siklus=siklus_terbit, oleh=biro, field_diubah=["penandatangan_nama"])
    assert SiklusMonev.objects.get(pk=siklus_terbit.pk).penandatangan_nama == "Dra. Contoh Kepala Biro"


def test_admin_menampilkan_penolakan_dan_tidak_mengubah_apa_pun(client, siklus_terbit, biro):
    client.force_login(biro)
    url = reverse("admin:evaluasi_siklusmonev_change", args=[siklus_terbit.pk])
    data = _data_formulir(client.get(url))
    lama = siklus_terbit.pengisian_selesai
    data["pengisian_selesai"] = (lama + timedelta(days=3)).isoformat()
    data["penandatangan_nama"] = "Nama Baru"
    r = client.post(url, data)
    assert r.status_code == 200
    assert "sudah final sejak dipublikasikan" in r.content.decode()
    siklus_terbit.refresh_from_db()
    assert (siklus_terbit.pengisian_selesai, siklus_terbit.penandatangan_nama) == (lama, "")
    data["pengisian_selesai"] = lama.isoformat()
    assert client.post(url, data).status_code == 302
    siklus_terbit.refresh_from_db()
    assert siklus_terbit.penandatangan_nama == "Nama Baru"


def test_menarik_publikasi_tidak_membuka_siklus_kembali(siklus_terbit, biro):
    services.siklus_tarik_publikasi(siklus=siklus_terbit, alasan="Salah unggah.", oleh=biro)
    siklus = SiklusMonev.objects.get(pk=siklus_terbit.pk)
    siklus.pengisian_selesai += timedelta(days=1)
    with pytest.raises(DomainError, match="juga bila publikasinya ditarik"):
        services.siklus_ubah_jendela(siklus=siklus, oleh=biro, field_diubah=["pengisian_selesai"])
    with pytest.raises(DomainError, match="Hitung ulang"):
        services.siklus_hitung_ulang(siklus=siklus)
