"""Admin model survei: ambang zona Ombudsman dapat diubah Biro dan dipakai pencatatan berikutnya; alamat lama
di bawah /admin/evaluasi/ diarahkan ke /admin/survei/ (isu 15)."""

from decimal import Decimal

import pytest
from django.urls import reverse

from survei.models import ZonaOmbudsman
from survei.services import kepatuhan_ombudsman_catat

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("lama", "baru"),
    [
        ("/admin/evaluasi/zonaombudsman/", "/admin/survei/zonaombudsman/"),
        (
            "/admin/evaluasi/periodeskm/7/change/?_changelist_filters=x",
            "/admin/survei/periodeskm/7/change/?_changelist_filters=x",
        ),
        ("/admin/evaluasi/kepatuhanombudsman/?tahun=2025", "/admin/survei/kepatuhanombudsman/?tahun=2025"),
    ],
)
def test_alamat_admin_lama_diarahkan_permanen(client, biro, lama, baru):
    client.force_login(biro)
    r = client.get(lama)
    assert (r.status_code, r["Location"]) == (301, baru)


def test_admin_model_evaluasi_lain_tidak_diarahkan(client, biro):
    client.force_login(biro)
    assert client.get("/admin/evaluasi/siklusmonev/").status_code == 200


def test_ambang_zona_dapat_diubah_biro_di_admin_dan_dipakai_pencatatan(client, biro, kepala_dinkes, dinkes):
    zona = ZonaOmbudsman.objects.get(tahun_mulai=2022, zona="hijau")
    client.force_login(biro)
    assert client.get(reverse("admin:survei_zonaombudsman_change", args=[zona.pk])).status_code == 200
    ZonaOmbudsman.objects.filter(tahun_mulai=2022, zona="hijau").update(batas_bawah=Decimal("90.00"))
    ZonaOmbudsman.objects.filter(tahun_mulai=2022, zona="kuning").update(batas_atas=Decimal("89.99"))
    catatan = kepatuhan_ombudsman_catat(
        penyelenggara=dinkes, tahun=2025, nilai=Decimal("85.00"), grade="B", oleh=biro
    )
    assert catatan.zona == "kuning"
    client.force_login(kepala_dinkes)
    assert client.get(reverse("admin:survei_zonaombudsman_changelist")).status_code == 404
