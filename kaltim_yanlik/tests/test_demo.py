"""Perintah demo: memuat unit contoh, Pelaksana, dan akun setiap peran; aman dijalankan dua kali."""

import io
from datetime import date

import pytest
from django.core.management import call_command
from django.urls import reverse

from akun.models import Pengguna
from evaluasi.models import Evaluasi, HasilEvaluasi, SiklusMonev
from kode_etik.models import JenisLayanan, Pelaksana, Penyelenggara

pytestmark = pytest.mark.django_db

AKUN = ["admin", "biro", "sekda", "pimpinan", "kepala.dinkes", "operator.dinkes", "kepala.samsat"]
AKUN.append("operator.samsat")


def _jumlah():
    return (
        Penyelenggara.objects.count(),
        Pelaksana.objects.count(),
        JenisLayanan.objects.count(),
        Pengguna.objects.count(),
    )


def test_demo_lengkap_dua_kali_tanpa_gandaan_dan_setiap_akun_melihat_lingkupnya(client):
    # Satu uji untuk dua putaran demo: demo lengkap (monev ikut) memakan belasan detik per putaran.
    keluaran = io.StringIO()
    call_command("demo", stdout=keluaran)
    pertama = _jumlah()
    teks = keluaran.getvalue()
    assert "yanlik-demo-2025" in teks
    assert all(username in teks for username in AKUN)
    assert pertama[0] == 51
    assert all(unit.kepala_id for unit in Penyelenggara.objects.all())
    siklus = SiklusMonev.objects.get(tahun=2026)
    assert set(siklus.evaluasi.values_list("status", flat=True)) == set(Evaluasi.Status.values)
    # Siklus 2025 sudah selesai dan terbit untuk semua lokus yang sama: pembanding dan halaman publik.
    lalu = SiklusMonev.objects.get(tahun=2025)
    assert lalu.dipublikasikan
    assert set(lalu.evaluasi.values_list("status", flat=True)) == {Evaluasi.Status.FINAL}
    assert lalu.evaluasi.count() == siklus.evaluasi.count() == 51
    assert client.get(reverse("evaluasi:publik_siklus", args=[2025])).status_code == 200
    assert HasilEvaluasi.objects.filter(peringkat=1).exists()
    _periksa_kewenangan_demo()
    _periksa_lingkup_setiap_akun(client)
    call_command("demo", stdout=io.StringIO())
    assert _jumlah() == pertama
    assert SiklusMonev.objects.count() == 2


def _periksa_lingkup_setiap_akun(client):
    samsat = Penyelenggara.objects.get(kode="UPTD-SAMSAT-SMD")
    dinkes = Penyelenggara.objects.get(kode="PD-DINKES")
    for username in AKUN:
        client.logout()
        r = client.post(reverse("akun:masuk"), {"username": username, "password": "yanlik-demo-2025"})
        assert r.status_code == 302, username
        daftar = client.get(reverse("kode_etik:penyelenggara_list"), {"cari": "Samsat Samarinda"})
        melihat_samsat = samsat.nama in daftar.content.decode()
        detail_dinkes = client.get(reverse("kode_etik:penyelenggara_detail", args=[dinkes.code])).status_code
        if username.endswith(".dinkes"):
            assert (melihat_samsat, detail_dinkes) == (False, 200), username
        elif username.endswith(".samsat"):
            assert (melihat_samsat, detail_dinkes) == (True, 404), username
        else:
            assert (melihat_samsat, detail_dinkes) == (True, 200), username


def _periksa_kewenangan_demo():
    """Sekda dengan pejabat tercatat, kasus Kepala menunggu Sekda, kasus UPTD diputus Kepala UPTD sendiri,
    keberatan bertenggat melewati hari libur, penempatan, dan periode penghargaan berjenjang."""
    from akun.models import Pejabat
    from kode_etik.models import Penempatan
    from penghargaan.models import PeriodePenghargaan
    from sanksi.beranda import keputusan_menunggu
    from sanksi.models import Keberatan, Pelanggaran, Sanksi

    sekda = Pengguna.objects.get(username="sekda")
    assert Pejabat.objects.get(jabatan="sekda", selesai__isnull=True).pengguna == sekda
    assert {"gubernur", "sekda", "kepala_biro"} <= set(Pejabat.objects.values_list("jabatan", flat=True))
    menunggu = keputusan_menunggu(sekda)
    assert any(m.kasus.ditangani_biro and m.kasus.tahap == Pelanggaran.Tahap.BAP for m in menunggu)
    samsat = Sanksi.objects.get(pelanggaran__penyelenggara__kode="UPTD-SAMSAT-SMD")
    assert samsat.dicatat_oleh.username == "kepala.samsat" and samsat.penanda_tangan == "kepala_unit"
    idulfitri = Keberatan.objects.get(sanksi__pelanggaran__penyelenggara__kode="PD-DPMPTSP")
    assert (idulfitri.tanggal_diterima, idulfitri.batas_putus) == (date(2026, 3, 17), date(2026, 4, 8))
    assert Penempatan.objects.count() > 200
    assert PeriodePenghargaan.objects.filter(metode="berjenjang").exists()
