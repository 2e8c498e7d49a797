"""Persona bersama untuk semua uji: akun tiap peran pada unit sendiri dan unit lain."""

import pytest

from akun.models import Pengguna, Peran
from kode_etik.models import Pelaksana, Penyelenggara


@pytest.fixture
def dinkes(db):
    return Penyelenggara.objects.create(kode="PD-DINKES", nama="Dinas Kesehatan", singkatan="Dinkes")


@pytest.fixture
def labkes(dinkes):
    return Penyelenggara.objects.create(
        kode="UPTD-LABKES", nama="UPTD Laboratorium Kesehatan Daerah", jenis="UPTD", induk=dinkes
    )


@pytest.fixture
def bapenda(db):
    return Penyelenggara.objects.create(
        kode="PD-BAPENDA", nama="Badan Pendapatan Daerah", singkatan="Bapenda"
    )


@pytest.fixture
def samsat(bapenda):
    return Penyelenggara.objects.create(
        kode="UPTD-SAMSAT-SMD",
        nama="UPTD PPRD Samarinda",
        singkatan="Samsat Samarinda",
        jenis="UPTD",
        induk=bapenda,
    )


def _pengguna(username, peran, unit=None):
    return Pengguna.objects.create_user(
        username=username, password="sandi-uji-123", nama=username.title(), peran=peran, penyelenggara=unit
    )


@pytest.fixture
def admin_portal(db):
    user = _pengguna("admin", Peran.ADMIN)
    user.is_staff = user.is_superuser = True
    user.save(update_fields=["is_staff", "is_superuser"])
    return user


@pytest.fixture
def biro(db):
    user = _pengguna("biro", Peran.BIRO)
    user.is_staff = True
    user.save(update_fields=["is_staff"])
    return user


@pytest.fixture
def pimpinan(db):
    return _pengguna("pimpinan", Peran.PIMPINAN)


@pytest.fixture
def kepala_dinkes(dinkes):
    return _pengguna("kepala.dinkes", Peran.KEPALA, dinkes)


@pytest.fixture
def operator_dinkes(dinkes):
    return _pengguna("operator.dinkes", Peran.OPERATOR, dinkes)


@pytest.fixture
def kepala_labkes(labkes):
    return _pengguna("kepala.labkes", Peran.KEPALA, labkes)


@pytest.fixture
def kepala_samsat(samsat):
    return _pengguna("kepala.samsat", Peran.KEPALA, samsat)


@pytest.fixture
def operator_samsat(samsat):
    return _pengguna("operator.samsat", Peran.OPERATOR, samsat)


@pytest.fixture
def pelaksana_dinkes(dinkes):
    return Pelaksana.objects.create(nama="dr. Rina Wulandari", nip="198501012010012001", penyelenggara=dinkes)


@pytest.fixture
def pelaksana_labkes(labkes):
    return Pelaksana.objects.create(nama="Agus Salim", penyelenggara=labkes)


@pytest.fixture
def pelaksana_samsat(samsat):
    return Pelaksana.objects.create(nama="Budi Santoso", nip="199002022015031002", penyelenggara=samsat)


@pytest.fixture
def sekda(db):
    return _pengguna("sekda", Peran.SEKDA)


@pytest.fixture
def pejabat_provinsi(sekda):
    """Gubernur, Sekretaris Daerah (bertaut akun ``sekda``), dan Kepala Biro yang menjabat sejak 2020."""
    from datetime import date

    from akun.models import Pejabat

    mulai = date(2020, 1, 1)
    return {
        "gubernur": Pejabat.objects.create(
            jabatan="gubernur", jabatan_teks="Gubernur Kalimantan Timur", nama="Dr. H. Gubernur Uji",
            mulai=mulai,
        ),
        "sekda": Pejabat.objects.create(
            jabatan="sekda", jabatan_teks="Sekretaris Daerah Provinsi Kalimantan Timur",
            nama="Dra. Sekda Uji, M.Si.", nip="196901011990032001", mulai=mulai, pengguna=sekda,
        ),
        "kepala_biro": Pejabat.objects.create(
            jabatan="kepala_biro", jabatan_teks="Kepala Biro Organisasi Setda Provinsi Kalimantan Timur",
            nama="Kepala Biro Uji, S.Sos.", nip="197502022000031002", mulai=mulai,
        ),
    }  # fmt: skip


# Data acuan yang dipasang migrasi: tabel kewenangan, aturan upaya administratif, hari libur, dasar hukum.
MIGRASI_DATA_ACUAN = (
    "kaltim_yanlik.core.migrations.0006_hari_libur_2026_dasar_hukum_awal",
    "akun.migrations.0004_kewenangan_awal",
    "sanksi.migrations.0003_upaya_administratif_awal",
)


@pytest.fixture(autouse=True)
def data_acuan_migrasi(request):
    """Uji transactional_db (peramban, worker) mengosongkan semua tabel sesudahnya, termasuk data migrasi;
    uji transaksional berikutnya mendapat data acuan itu kembali (fungsi migrasinya idempoten)."""
    if "transactional_db" not in request.fixturenames:
        return
    import importlib

    from django.apps import apps

    request.getfixturevalue("transactional_db")
    for modul in MIGRASI_DATA_ACUAN:
        importlib.import_module(modul).pasang(apps, None)
