"""Ringkasan penegakan: hitungan per unit, Larangan, dan hasil; lingkup akses; periode; kueri tetap."""

from datetime import date, datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from kode_etik.models import Larangan
from sanksi.models import Pelanggaran, Pengaduan, Sanksi
from sanksi.models.pengaduan import HURUF_KODE_LACAK
from sanksi.ringkasan import Periode, ringkasan_penegakan

pytestmark = pytest.mark.django_db

TAHUN = 2026


def _waktu(tahun=TAHUN, bulan=5):
    return datetime(tahun, bulan, 10, 9, 0, tzinfo=timezone.get_current_timezone())


def _pengaduan(unit, kode, status="diterima", tahun=TAHUN):
    return Pengaduan.objects.create(
        kode_lacak=kode, penyelenggara=unit, uraian="Antrean tidak tertib.", status=status,
        alasan_ditolak="Bukan wewenang unit." if status == "ditolak" else "", diterima_pada=_waktu(tahun),
    )  # fmt: skip


def _kasus(pelaksana, huruf, oleh, tahap="dibuka", tahun=TAHUN):
    larangan = Larangan.objects.get(huruf=huruf)
    return Pelanggaran.objects.create(
        pelaksana=pelaksana, penyelenggara=pelaksana.penyelenggara, larangan=larangan,
        jalur=larangan.jalur_sanksi, sumber="temuan_atasan", uraian="Temuan atasan.", tahap=tahap,
        dibuka_oleh=oleh, dibuka_pada=_waktu(tahun),
    )  # fmt: skip


def _sanksi(kasus, jenis, oleh):
    return Sanksi.objects.create(
        pelanggaran=kasus, jenis=jenis, nomor_keputusan=f"K/{kasus.pk}", tanggal_keputusan=date(TAHUN, 6, 1),
        pertimbangan="-", batas_keberatan=date(TAHUN, 6, 15), dicatat_oleh=oleh,
    )  # fmt: skip


@pytest.fixture
def data(pelaksana_dinkes, pelaksana_labkes, pelaksana_samsat, biro, dinkes, labkes, samsat):
    _pengaduan(dinkes, "AAAA3333")
    _pengaduan(dinkes, "AAAA4444", status="ditolak")
    _pengaduan(labkes, "AAAA6666")
    _pengaduan(samsat, "AAAA7777")
    _pengaduan(dinkes, "AAAA9999", tahun=TAHUN - 1)  # di luar periode
    _sanksi(_kasus(pelaksana_dinkes, "a", biro, tahap="sanksi"), "teguran_tertulis", biro)
    _kasus(pelaksana_dinkes, "b", biro, tahap="tidak_terbukti")
    _kasus(pelaksana_labkes, "c", biro, tahap="dirujuk")
    _sanksi(_kasus(pelaksana_samsat, "a", biro, tahap="sanksi"), "teguran_lisan", biro)
    _kasus(pelaksana_samsat, "a", biro, tahun=TAHUN - 1)


def _per_huruf(hasil):
    return {larangan.huruf: angka for larangan, *angka in hasil.kasus_per_larangan if angka[0]}


def test_biro_melihat_semua_unit(data, biro):
    hasil = ringkasan_penegakan(user=biro, periode=Periode.tahun(TAHUN))
    assert (hasil.jumlah_pengaduan, hasil.jumlah_kasus, hasil.jumlah_sanksi) == (4, 4, 2)
    assert _per_huruf(hasil) == {"a": [2, 2, 0, 0], "b": [1, 0, 1, 0], "c": [1, 0, 0, 1]}
    assert {k: n for k, _, n in hasil.sanksi_per_jenis} == {
        "teguran_lisan": 1, "teguran_tertulis": 1, "pemindahan": 0,
    }  # fmt: skip


def test_kepala_pd_melihat_unitnya_dan_uptd_saja(data, kepala_dinkes, dinkes, labkes):
    hasil = ringkasan_penegakan(user=kepala_dinkes, periode=Periode.tahun(TAHUN))
    assert (hasil.jumlah_pengaduan, hasil.jumlah_kasus, hasil.jumlah_sanksi) == (3, 3, 1)
    assert {b.nama for b in hasil.per_unit} == {dinkes.nama, labkes.nama}
    baris = {b.nama: b for b in hasil.per_unit}[dinkes.nama]
    assert (baris.pengaduan, baris.kasus, baris.tidak_terbukti, baris.sanksi) == (
        2,
        2,
        1,
        {"teguran_tertulis": 1},
    )


def test_kepala_uptd_lain_tidak_melihat_dinkes(data, kepala_samsat, samsat):
    hasil = ringkasan_penegakan(user=kepala_samsat, periode=Periode.tahun(TAHUN))
    assert [b.nama for b in hasil.per_unit] == [samsat.nama]
    assert (hasil.jumlah_pengaduan, hasil.jumlah_kasus) == (1, 1)


def test_periode_tahun_lalu(data, biro):
    hasil = ringkasan_penegakan(user=biro, periode=Periode.tahun(TAHUN - 1))
    assert (hasil.jumlah_pengaduan, hasil.jumlah_kasus, hasil.jumlah_sanksi) == (1, 1, 0)


def test_halaman_ringkasan_dan_saring_unit_di_luar_lingkup(data, client, kepala_dinkes, samsat, dinkes):
    client.force_login(kepala_dinkes)
    r = client.get(reverse("sanksi:ringkasan"), {"tahun": TAHUN, "unit": samsat.pk})
    isi = r.content.decode()
    assert r.status_code == 200
    assert samsat.nama not in isi and dinkes.nama in isi  # unit di luar jangkauan diabaikan, bukan dibuka
    assert "Saringan tidak sah diabaikan" in isi


def test_jumlah_kueri_halaman_tidak_bergantung_data(
    client, biro, pelaksana_dinkes, dinkes, django_assert_max_num_queries
):
    client.force_login(biro)
    url = reverse("sanksi:ringkasan") + f"?tahun={TAHUN}"
    client.get(url)  # pemanasan cache grafik dan sesi
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as sedikit:
        client.get(url)
    for i in range(15):
        _pengaduan(dinkes, "CCCCCC" + HURUF_KODE_LACAK[i] * 2)
        _kasus(pelaksana_dinkes, "abcdefghijklmn"[i % 14], biro)
    client.get(url)  # data baru → grafik baru digambar sekali dan disimpan (satu INSERT), lalu dibaca saja
    with CaptureQueriesContext(connection) as banyak:
        client.get(url)
    assert len(banyak) == len(sedikit)


def _unit_berpengaduan(jumlah: int, awalan: str):
    from kode_etik.models import Penyelenggara

    unit = Penyelenggara.objects.bulk_create(
        Penyelenggara(kode=f"{awalan}-{n:03}", nama=f"Unit {awalan} {n:03}") for n in range(jumlah)
    )
    for n, u in enumerate(unit):
        _pengaduan(u, "RR" + HURUF_KODE_LACAK[n] * 6)
    return unit


def test_tabel_per_unit_berhalaman_dan_kueri_tetap_saat_unit_bertambah(data, client, biro, monkeypatch):
    """Banyak unit dengan pengaduan: tabel per Penyelenggara dipecah per halaman (urut kasus terbanyak),
    opsi saringan unit dirangkai tanpa widget, dan jumlah kueri tidak bertambah."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from sanksi.views import ringkasan as views_ringkasan

    monkeypatch.setattr(views_ringkasan, "PER_HALAMAN", 3)
    client.force_login(biro)
    url = reverse("sanksi:ringkasan")
    client.get(url, {"tahun": TAHUN})
    with CaptureQueriesContext(connection) as sedikit:
        client.get(url, {"tahun": TAHUN})
    _unit_berpengaduan(7, "RKS")
    client.get(url, {"tahun": TAHUN})
    with CaptureQueriesContext(connection) as banyak:
        r = client.get(url, {"tahun": TAHUN, "halaman": 2})
    assert len(banyak) == len(sedikit)
    semua = ringkasan_penegakan(user=biro, periode=Periode.tahun(TAHUN)).per_unit
    halaman = r.context["per_unit"]
    assert halaman.paginator.count == len(semua) >= 10 and len(halaman) == 3
    assert [b.nama for b in halaman] == [b.nama for b in semua[3:6]]
    isi = r.content.decode()
    assert f"tahun={TAHUN}&halaman=3#per-unit" in isi  # tahun tetap, tautan ke tabelnya
    assert isi.count('<option value="') == 1 + len(r.context["pilihan_unit"])  # opsi kosong + setiap unit
