"""Kebijakan akses sebagai fungsi: kemampuan per peran dan lingkup baris."""

import pytest

from akun import akses
from akun.akses import KEMAMPUAN_PERAN, Kemampuan
from akun.models import Pengguna, Peran
from kode_etik.models import Pelaksana, Penyelenggara

pytestmark = pytest.mark.django_db


def test_setiap_peran_punya_baris_di_matriks():
    assert set(KEMAMPUAN_PERAN) == set(Peran)


def test_pimpinan_hanya_membaca():
    kemampuan = KEMAMPUAN_PERAN[Peran.PIMPINAN]
    assert not any(k.value.startswith(("kelola", "admin")) for k in kemampuan)
    assert Kemampuan.LIHAT_SEMUA_UNIT in kemampuan


def test_peran_unit_tanpa_unit_tidak_boleh_apa_pun(dinkes):
    pengguna = Pengguna(username="x", peran=Peran.OPERATOR, penyelenggara=None, is_active=True)
    assert not akses.boleh(pengguna, Kemampuan.LIHAT_PELAKSANA)
    assert not akses.batasi(Penyelenggara.objects.all(), pengguna, jalur="").exists()


def test_akun_nonaktif_tidak_boleh_apa_pun(biro):
    biro.is_active = False
    assert not akses.boleh(biro, Kemampuan.LIHAT_PENYELENGGARA)


def test_batasi_lingkup_kepala_pd_dan_uptd(kepala_dinkes, kepala_labkes, dinkes, labkes, samsat):
    semua = Penyelenggara.objects.all()
    assert set(akses.batasi(semua, kepala_dinkes, jalur="")) == {dinkes, labkes}
    assert set(akses.batasi(semua, kepala_labkes, jalur="")) == {labkes}


def test_batasi_lewat_jalur_field(kepala_dinkes, pelaksana_dinkes, pelaksana_labkes, pelaksana_samsat):
    assert set(akses.batasi(Pelaksana.objects.all(), kepala_dinkes)) == {pelaksana_dinkes, pelaksana_labkes}


def test_biro_dan_pimpinan_menjangkau_semua(biro, pimpinan, dinkes, samsat):
    for user in (biro, pimpinan):
        assert (
            akses.batasi(Penyelenggara.objects.all(), user, jalur="").count() == Penyelenggara.objects.count()
        )


def test_anonim_tidak_menjangkau_apa_pun(dinkes):
    from django.contrib.auth.models import AnonymousUser

    assert not akses.batasi(Penyelenggara.objects.all(), AnonymousUser(), jalur="").exists()


def test_bendera_staf_mengikuti_peran():
    assert akses.peran_staf_admin(Peran.ADMIN) == (True, True)
    assert akses.peran_staf_admin(Peran.BIRO) == (True, False)
    assert akses.peran_staf_admin(Peran.KEPALA) == (False, False)
