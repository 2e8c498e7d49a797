"""Halaman SKM per unit (app evaluasi): tren IKM dan sandingan IPP | IKM | Ombudsman per tahun, lingkup akses
(unit lain 404, induk menjangkau UPTD), dan jumlah kueri yang tidak tumbuh bersama periode dan respondennya.

Angka IKM dan Ombudsman dibaca dari app survei; data ujinya disusun dengan pembantu uji survei.
"""

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from evaluasi.selectors.sandingan import sandingan_unit
from survei.services import kepatuhan_ombudsman_catat
from survei.tests.test_hasil import JAWABAN, _isi_periode, _jumlah_kueri, _periode, _respons

pytestmark = pytest.mark.django_db


def test_sandingan_ikm_periode_terakhir_dan_ombudsman(client, biro, dinkes):
    awal = _periode(dinkes, "Semester I 2025", date(2025, 1, 1))
    _respons(awal, [[2] * 9])
    akhir = _periode(dinkes, "Semester II 2025", date(2025, 7, 1))
    _respons(akhir, JAWABAN)
    kepatuhan_ombudsman_catat(penyelenggara=dinkes, tahun=2025, nilai=Decimal("79.5"), grade="B", oleh=biro)
    kepatuhan_ombudsman_catat(penyelenggara=dinkes, tahun=2021, nilai=Decimal("60"), grade="", oleh=biro)
    baris = sandingan_unit(dinkes)
    assert [b.tahun for b in baris] == [2025, 2021]
    assert (baris[0].ikm.ikm, baris[0].periode_ikm, baris[0].ombudsman.zona) == (
        Decimal("82.64"), "Semester II 2025", "hijau",
    )  # fmt: skip
    assert (baris[1].ikm, baris[1].ombudsman.zona) == (None, "kuning")
    client.force_login(biro)
    html = client.get(reverse("evaluasi:skm_unit", args=[dinkes.code])).content.decode()
    assert "82,64" in html and "79,50" in html


def test_sandingan_memuat_ipp_evaluasi_unit(buat_siklus, biro, dinkes):
    from evaluasi.models import Evaluasi, HasilEvaluasi

    siklus = buat_siklus(dinkes, tahun=2025)
    evaluasi = Evaluasi.objects.get(siklus=siklus, penyelenggara=dinkes)
    Evaluasi.objects.filter(pk=evaluasi.pk).update(status=Evaluasi.Status.FINAL)
    HasilEvaluasi.objects.update_or_create(
        evaluasi=evaluasi,
        defaults={"ipp": Decimal("3.7498"), "ipp_bulat": Decimal("3.75"), "kategori": "B",
                  "predikat": "Baik", "dihitung_pada": timezone.now()},
    )  # fmt: skip
    [baris] = sandingan_unit(dinkes)
    assert (baris.tahun, baris.ipp, baris.kategori) == (2025, Decimal("3.75"), "B")


def test_halaman_unit_lain_404(client, kepala_samsat, dinkes):
    client.force_login(kepala_samsat)
    assert client.get(reverse("evaluasi:skm_unit", args=[dinkes.code])).status_code == 404


def test_induk_dan_pimpinan_membaca_halaman_uptd(client, kepala_dinkes, pimpinan, labkes):
    _periode(labkes)
    for pengguna in (kepala_dinkes, pimpinan):
        client.force_login(pengguna)
        assert client.get(reverse("evaluasi:skm_unit", args=[labkes.code])).status_code == 200


def test_kueri_halaman_unit_tidak_tumbuh_bersama_periode_dan_responden(client, dinkes, bapenda, biro):
    _isi_periode(dinkes, 3, 3)
    _isi_periode(bapenda, 10, 10)
    client.force_login(biro)
    unit = [
        _jumlah_kueri(lambda u=u: client.get(reverse("evaluasi:skm_unit", args=[u.code])))
        for u in (dinkes, bapenda)
    ]
    assert unit[0] == unit[1]
