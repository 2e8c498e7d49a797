"""Penyiapan uji penghargaan: unit dengan Kepala Penyelenggara tercatat, staf, dan periode bulan lalu."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from kode_etik.models import Pelaksana
from penghargaan.services import periode as services


def bulan_lalu() -> date:
    """Tanggal 1 bulan lalu: periode bulanan yang sudah berakhir, sehingga dapat ditetapkan hari ini."""
    awal_bulan_ini = timezone.localdate().replace(day=1)
    return (awal_bulan_ini - timedelta(days=1)).replace(day=1)


def buat_staf(unit, awalan: str, jumlah: int = 8) -> dict:
    kepala = Pelaksana.objects.create(
        nama=f"{awalan} Kepala", jabatan=f"Kepala {unit.nama}", kategori="pejabat", penyelenggara=unit
    )
    unit.kepala = kepala
    unit.save(update_fields=["kepala"])
    staf = [
        Pelaksana.objects.create(nama=f"{awalan} Staf {i:02d}", jabatan=f"Jabatan {i}", penyelenggara=unit)
        for i in range(1, jumlah + 1)
    ]
    return {"kepala": kepala, "sekretaris": staf[0], "anggota": staf[1:4], "calon": staf[4:]}


@pytest.fixture
def staf_dinkes(dinkes):
    return buat_staf(dinkes, "Dinkes")


@pytest.fixture
def staf_samsat(samsat):
    return buat_staf(samsat, "Samsat")


def periode_siap(kepala_user, staf, *, nominasi: int = 3, mulai: date | None = None, mulai_penilaian=True):
    """Periode bulanan dengan tim lengkap dan ``nominasi`` nominasi; berstatus penilaian bila diminta."""
    periode = services.periode_buat(
        penyelenggara=kepala_user.penyelenggara, jenis="bulanan", mulai=mulai or bulan_lalu(),
        nama_penghargaan="Pelaksana Teladan", oleh=kepala_user,
    )  # fmt: skip
    services.tim_tetapkan(
        periode=periode, sekretaris=staf["sekretaris"], anggota=staf["anggota"], oleh=kepala_user
    )
    for p in staf["calon"][:nominasi]:
        services.nominasi_tambah(periode=periode, pelaksana=p, alasan="Kinerja baik.", oleh=kepala_user)
    if mulai_penilaian:
        services.penilaian_mulai(periode=periode, oleh=kepala_user)
    periode.refresh_from_db()
    return periode


def isi_semua_lembar(periode, kepala_user, nilai_per_nominasi: dict[str, dict[str, int]]):
    """Semua anggota tim memberi nilai yang sama: ``{nama Pelaksana: {kode/nama kriteria: nilai}}``."""
    kriteria = list(periode.kriteria.filter(dari_data=False))
    nominasi = list(periode.nominasi.select_related("pelaksana"))
    for anggota in periode.tim.all():
        nilai = {}
        for n in nominasi:
            per_kriteria = nilai_per_nominasi[n.pelaksana.nama]
            for k in kriteria:
                nilai[(n.pk, k.pk)] = per_kriteria.get(k.kode or k.nama, per_kriteria.get("*", 80))
        services.lembar_nilai_simpan(anggota=anggota, nilai=nilai, oleh=kepala_user)


# Fixture siklus monev dipakai ulang dari evaluasi (instrumen 2025 dari migrasi, pembuat siklus).
from evaluasi.tests.conftest import buat_siklus, hari_ini, instrumen_2025  # noqa: E402, F401


def finalkan(siklus, level_per_unit: dict[int, int]):
    """Lokus (id unit → level seragam) final, hasil dihitung; lokus lain tetap draf."""
    from evaluasi import services as evaluasi_services
    from evaluasi.models import Evaluasi, Indikator, PenilaianIndikator

    indikator = list(Indikator.objects.filter(aspek__instrumen=siklus.instrumen, suplemen=False))
    evaluasi = dict(siklus.evaluasi.values_list("penyelenggara_id", "pk"))
    PenilaianIndikator.objects.bulk_create(
        PenilaianIndikator(evaluasi_id=evaluasi[unit_id], indikator=i, level=level)
        for unit_id, level in level_per_unit.items()
        for i in indikator
    )
    Evaluasi.objects.filter(pk__in=[evaluasi[u] for u in level_per_unit]).update(status=Evaluasi.Status.FINAL)
    evaluasi_services.siklus_hitung_ulang(siklus=siklus)
    return siklus
