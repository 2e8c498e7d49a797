"""Siklus yang sudah terbit: jendela fase terkunci (service dan admin); penanda tangan tetap dapat diisi."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from evaluasi import services
from evaluasi.models import SiklusMonev
from kaltim_yanlik.core.exceptions import DomainError

from .test_admin import _data_formulir

pytestmark = pytest.mark.django_db


@pytest.fixture
def siklus_terbit(buat_siklus, dinkes):
    siklus = buat_siklus(dinkes, fase="finalisasi")
    SiklusMonev.objects.filter(pk=siklus.pk).update(dipublikasikan_pada=timezone.now())
    siklus.refresh_from_db()
    return siklus


def test_service_menolak_mengubah_jendela_siklus_terbit(siklus_terbit, biro):
    siklus_terbit.pengisian_selesai += timedelta(days=1)
    with pytest.raises(DomainError, match="sudah dipublikasikan"):
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
    assert "tarik publikasinya dahulu" in r.content.decode()
    siklus_terbit.refresh_from_db()
    assert (siklus_terbit.pengisian_selesai, siklus_terbit.penandatangan_nama) == (lama, "")
    data["pengisian_selesai"] = lama.isoformat()
    assert client.post(url, data).status_code == 302
    siklus_terbit.refresh_from_db()
    assert siklus_terbit.penandatangan_nama == "Nama Baru"
