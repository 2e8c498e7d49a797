"""Admin model survei: alamat lama di bawah /admin/evaluasi/ diarahkan ke /admin/survei/ (isu 15)."""

import pytest

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
