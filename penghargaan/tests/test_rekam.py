"""Kriteria "tidak pernah menerima komplain" diperiksa dari data pengaduan dan sanksi, bukan diketik."""

from datetime import datetime, time

import pytest
from django.utils import timezone

from kode_etik.models import Larangan
from penghargaan.rekam import rekam_jejak
from sanksi.models import Keberatan, Pelanggaran, Pengaduan, Sanksi

from .conftest import bulan_lalu

pytestmark = pytest.mark.django_db


def _saat(tanggal):
    return timezone.make_aware(datetime.combine(tanggal, time(9)))


def _pengaduan(pelaksana, tanggal, kode, status="diterima", kejadian=None):
    return Pengaduan.objects.create(
        kode_lacak=kode, penyelenggara=pelaksana.penyelenggara, pelaksana=pelaksana, uraian="Petugas ketus.",
        status=status, alasan_ditolak="Tidak berdasar." if status == "ditolak" else "",
        diterima_pada=_saat(tanggal), tanggal_kejadian=kejadian,
    )  # fmt: skip


def _sanksi(pelaksana, tanggal, oleh, nomor="800/1"):
    kasus = Pelanggaran.objects.create(
        pelaksana=pelaksana, penyelenggara=pelaksana.penyelenggara, larangan=Larangan.objects.get(huruf="a"),
        jalur="administratif", sumber="temuan_atasan", uraian="Temuan.", tahap="sanksi", dibuka_oleh=oleh,
        dibuka_pada=_saat(tanggal),
    )  # fmt: skip
    return Sanksi.objects.create(
        pelanggaran=kasus, jenis="teguran_tertulis", nomor_keputusan=nomor, tanggal_keputusan=tanggal,
        pertimbangan="-", batas_keberatan=tanggal, dicatat_oleh=oleh,
    )  # fmt: skip


def test_pengaduan_dan_sanksi_dalam_periode_ditandai(staf_dinkes, biro):
    mulai = bulan_lalu()
    selesai = mulai.replace(day=28)
    ani, budi, cici, dedi, eka = staf_dinkes["calon"][:4] + [staf_dinkes["sekretaris"]]
    _pengaduan(ani, mulai.replace(day=10), "AAAA2222")
    _pengaduan(budi, mulai.replace(day=10), "AAAA3333", status="ditolak")  # tidak berdasar: tidak dihitung
    _pengaduan(budi, mulai.replace(day=1).replace(year=mulai.year - 1), "AAAA4444")  # di luar periode
    _sanksi(cici, mulai.replace(day=15), biro)
    batal = _sanksi(dedi, mulai.replace(day=15), biro, nomor="800/2")
    Keberatan.objects.create(
        sanksi=batal,
        tanggal_diterima=mulai.replace(day=16),
        alasan="-",
        dicatat_oleh=biro,
        keputusan="dikabulkan",
    )
    # Diterima di luar periode, tetapi kejadiannya di dalam periode: tetap komplain atas periode ini.
    _pengaduan(
        eka, selesai.replace(day=28).replace(year=mulai.year + 1), "AAAA5555", kejadian=mulai.replace(day=3)
    )

    rekam = rekam_jejak(
        pelaksana_ids=[p.pk for p in (ani, budi, cici, dedi, eka)], mulai=mulai, selesai=selesai
    )

    assert [p["kode_lacak"] for p in rekam[ani.pk].pengaduan] == ["AAAA2222"] and not rekam[ani.pk].bersih
    assert rekam[budi.pk].bersih
    assert rekam[cici.pk].bersanksi and rekam[cici.pk].sanksi[0]["nomor_keputusan"] == "800/1"
    assert rekam[dedi.pk].bersih  # sanksi dibatalkan karena keberatan dikabulkan
    assert not rekam[eka.pk].bersih
    assert rekam[cici.pk].ringkas() == "1 sanksi dalam periode"


def test_kueri_tetap_berapa_pun_jumlah_pelaksana(staf_dinkes, django_assert_num_queries):
    ids = [p.pk for p in staf_dinkes["calon"]]
    with django_assert_num_queries(2):
        rekam_jejak(pelaksana_ids=ids, mulai=bulan_lalu(), selesai=bulan_lalu().replace(day=28))
