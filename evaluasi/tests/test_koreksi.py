"""Final berarti final: hitung ulang, F-02, dan jawaban sanggahan ditolak pada hasil final; koreksi Biro
(beralasan, berujukan) mengubah level, memeringkat ulang, dan menerbitkan versi publikasi baru; halaman publik
dibaca dari potret versi, bukan dari hasil hidup."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from evaluasi import services
from evaluasi.models import Evaluasi, HasilEvaluasi, KoreksiEvaluasi, PublikasiSiklus, RiwayatLevel
from kaltim_yanlik.core.exceptions import DomainError
from kaltim_yanlik.core.models import JejakAudit
from kode_etik.models import Penyelenggara

from .alur import indikator, nomor_dinilai
from .test_publikasi import _siklus_terbit

pytestmark = pytest.mark.django_db


@pytest.fixture
def terbit(buat_siklus, biro, dinkes, samsat, labkes):
    """Dinkes (level 4) di atas Samsat (level 3); Labkes tidak mengajukan."""
    return _siklus_terbit(buat_siklus, biro, 2025, {dinkes.pk: 4, samsat.pk: 3}, dinkes, samsat, labkes)


def _ev(siklus, unit) -> Evaluasi:
    return siklus.evaluasi.select_related("siklus", "penyelenggara").get(penyelenggara=unit)


def _koreksi_samsat_ke_5(terbit, samsat, biro):
    nomor = nomor_dinilai(terbit.instrumen)
    return services.evaluasi_koreksi(
        evaluasi=_ev(terbit, samsat),
        level_per_nomor=dict.fromkeys(nomor, 5),
        alasan="Bukti SOP yang sah ternyata sudah diunggah sebelum batas.",
        rujukan="Berita Acara Koreksi Nomor 700/BA-K/2026",
        oleh=biro,
    )


def test_hitung_ulang_siklus_final_ditolak_di_service_dan_halaman(client, terbit, biro):
    HasilEvaluasi.objects.filter(evaluasi__siklus=terbit).update(peringkat=99)
    with pytest.raises(DomainError, match="sudah final sejak dipublikasikan"):
        services.siklus_hitung_ulang(siklus=terbit)
    client.force_login(biro)
    r = client.post(reverse("evaluasi:siklus_hitung_ulang", args=[terbit.code]), follow=True)
    assert "Hitung ulang hasil dan peringkat ditolak" in r.text
    assert set(HasilEvaluasi.objects.filter(evaluasi__siklus=terbit).values_list("peringkat", flat=True)) == {
        99
    }


def test_tugas_hitung_ulang_lama_untuk_siklus_final_dilewati(terbit):
    from evaluasi.tasks import siklus_hitung_ulang_task

    assert siklus_hitung_ulang_task(terbit.pk) == 0


def test_f02_dan_sanggahan_atas_evaluasi_final_ditolak(terbit, dinkes, biro):
    ev = _ev(terbit, dinkes)
    with pytest.raises(DomainError, match="sudah final"):
        services.penilaian_simpan(
            evaluasi=ev, indikator=indikator(terbit.instrumen, 2), level=1, catatan="", rekomendasi="",
            alasan="Ubah diam-diam", oleh=biro,
        )  # fmt: skip


def test_koreksi_memeringkat_ulang_dan_menerbitkan_versi_baru(terbit, dinkes, samsat, biro):
    koreksi = _koreksi_samsat_ke_5(terbit, samsat, biro)

    hasil = dict(
        HasilEvaluasi.objects.filter(evaluasi__siklus=terbit).values_list(
            "evaluasi__penyelenggara", "peringkat"
        )
    )
    assert hasil == {samsat.pk: 1, dinkes.pk: 2}
    assert (koreksi.peringkat_lama, koreksi.peringkat_baru) == (2, 1)
    assert koreksi.ipp_baru == 5 and koreksi.kategori_baru == "A"
    riwayat = RiwayatLevel.objects.filter(koreksi=koreksi)
    assert riwayat.count() == len(nomor_dinilai(terbit.instrumen))
    assert set(riwayat.values_list("level_lama", "level_baru")) == {(3, 5)}
    versi = list(PublikasiSiklus.objects.filter(siklus=terbit).order_by("nomor"))
    assert [v.nomor for v in versi] == [1, 2]
    assert versi[1].koreksi == koreksi and versi[1].rujukan == "Berita Acara Koreksi Nomor 700/BA-K/2026"
    assert versi[0].potret["unit"][0]["nama"] == dinkes.nama  # versi 1 tetap seperti terbit
    assert versi[1].potret["unit"][0]["nama"] == samsat.nama
    assert JejakAudit.objects.filter(aksi="evaluasi.koreksi.dicatat", object_id=str(koreksi.pk)).exists()
    assert JejakAudit.objects.filter(aksi="evaluasi.publikasi.versi_diterbitkan").count() == 2


@pytest.mark.parametrize(
    ("ubah", "pesan"),
    [
        ({"alasan": " "}, "alasan"),
        ({"rujukan": ""}, "rujukan"),
        ({"level_per_nomor": {}}, "Tidak ada level yang berubah"),
        ({"level_per_nomor": {2: 9}}, "0 sampai 5"),
        ({"level_per_nomor": {999: 1}}, "tidak dikenal"),
    ],
)
def test_koreksi_tanpa_alasan_rujukan_atau_perubahan_ditolak_tanpa_jejak(terbit, samsat, biro, ubah, pesan):
    argumen = {"evaluasi": _ev(terbit, samsat), "level_per_nomor": {2: 5}, "alasan": "A", "rujukan": "R"}
    with pytest.raises(DomainError, match=pesan):
        services.evaluasi_koreksi(oleh=biro, **(argumen | ubah))
    assert not KoreksiEvaluasi.objects.exists()
    assert PublikasiSiklus.objects.filter(siklus=terbit).count() == 1


def test_koreksi_hanya_oleh_biro(client, terbit, samsat, pimpinan, kepala_samsat):
    url = reverse("evaluasi:koreksi", args=[_ev(terbit, samsat).code])
    data = {"alasan": "x", "rujukan": "y", "level_2": "5"}
    for persona in (pimpinan, kepala_samsat):
        client.force_login(persona)
        assert client.get(url).status_code == 403
        assert client.post(url, data).status_code == 403
    assert not KoreksiEvaluasi.objects.exists()


def test_halaman_koreksi_dari_f02_final_dan_kiriman_salah_tidak_mengubah(client, terbit, samsat, biro):
    ev = _ev(terbit, samsat)
    client.force_login(biro)
    assert (
        reverse("evaluasi:koreksi", args=[ev.code])
        in client.get(reverse("evaluasi:nilai", args=[ev.code])).text
    )
    url = reverse("evaluasi:koreksi", args=[ev.code])
    r = client.post(url, {"alasan": "", "rujukan": "", "level_2": "5"})
    assert r.status_code == 400 and "Tuliskan alasan koreksi" in r.text
    r = client.post(url, {"alasan": "Salah baca bukti.", "rujukan": "BA Koreksi No 1", "level_2": "5"})
    assert r.status_code == 302
    assert KoreksiEvaluasi.objects.get().perubahan == [
        {"indikator": 2, "kode": indikator(terbit.instrumen, 2).kode, "level_lama": 3, "level_baru": 5}
    ]


def test_halaman_publik_menampilkan_versi_dan_alasan_versi_lama_tetap_terbuka(
    client, terbit, dinkes, samsat, biro
):
    _koreksi_samsat_ke_5(terbit, samsat, biro)
    baru = client.get(reverse("evaluasi:publik_siklus", args=[2025])).text
    assert "Versi 2" in baru and "Bukti SOP yang sah" in baru and "700/BA-K/2026" in baru
    assert baru.index(samsat.nama) < baru.index(dinkes.nama)
    lama = client.get(reverse("evaluasi:publik_siklus_versi", args=[2025, 1]))
    assert lama.status_code == 200 and "Anda melihat versi 1" in lama.text
    assert lama.text.index(dinkes.nama) < lama.text.index(samsat.nama)
    kode = str(_ev(terbit, samsat).code)
    unit_lama = client.get(reverse("evaluasi:publik_unit_versi", args=[2025, 1, kode]))
    assert unit_lama.status_code == 200 and "3,00" in unit_lama.text
    assert "5,00" in client.get(reverse("evaluasi:publik_unit", args=[2025, kode])).text
    assert client.get(reverse("evaluasi:publik_siklus_versi", args=[2025, 3])).status_code == 404


def test_halaman_publik_dibaca_dari_potret_bukan_hasil_hidup(client, terbit):
    sebelum = client.get(reverse("evaluasi:publik_siklus", args=[2025])).content
    # Perubahan diam-diam pada hasil hidup (mis. lewat basis data) tidak sampai ke publik.
    HasilEvaluasi.objects.filter(evaluasi__siklus=terbit).update(ipp_bulat="1.11", kategori="F")
    assert client.get(reverse("evaluasi:publik_siklus", args=[2025])).content == sebelum


def test_tarik_lalu_publikasi_ulang_menampilkan_versi_yang_sama(client, terbit, biro):
    services.siklus_tarik_publikasi(siklus=terbit, alasan="Periksa ulang.", oleh=biro)
    assert client.get(reverse("evaluasi:publik_siklus", args=[2025])).status_code == 404
    assert client.get(reverse("evaluasi:publik_siklus_versi", args=[2025, 1])).status_code == 404
    services.siklus_publikasikan(siklus=terbit, oleh=biro)
    assert PublikasiSiklus.objects.filter(siklus=terbit).count() == 1
    assert client.get(reverse("evaluasi:publik_siklus", args=[2025])).status_code == 200


def _unit_banyak(awalan: str, jumlah: int) -> list[Penyelenggara]:
    return Penyelenggara.objects.bulk_create(
        Penyelenggara(kode=f"PD-{awalan}-{i:04d}", nama=f"Dinas {awalan} {i:04d}") for i in range(jumlah)
    )


def _kueri_halaman(client, url) -> int:
    with CaptureQueriesContext(connection) as kueri:
        assert client.get(url).status_code == 200
    return len(kueri)


def test_peringkat_publik_berhalaman_dan_jumlah_kueri_tetap(client, buat_siklus, biro):
    # 2024 dan 2026 kecil, 2025 besar; 2025 dan 2026 sama-sama berpembanding.
    for tahun, jumlah in ((2024, 3), (2025, 63), (2026, 3)):
        unit = _unit_banyak(str(tahun), jumlah)
        _siklus_terbit(buat_siklus, biro, tahun, {u.pk: 1 + i % 5 for i, u in enumerate(unit)}, *unit)
    n_sedikit = _kueri_halaman(client, reverse("evaluasi:publik_siklus", args=[2026]))
    n_banyak = _kueri_halaman(client, reverse("evaluasi:publik_siklus", args=[2025]))
    assert n_banyak == n_sedikit
    url = reverse("evaluasi:publik_siklus", args=[2025])
    halaman_1, halaman_2 = (
        client.get(url).context["halaman"],
        client.get(url + "?halaman=2").context["halaman"],
    )
    assert (len(halaman_1), len(halaman_2), halaman_1.paginator.count) == (50, 13, 63)
    assert client.get(url + "?halaman=abc").status_code == 200


def test_migrasi_membuat_versi_1_bagi_siklus_yang_sudah_terbit(buat_siklus, biro, dinkes, samsat):
    """Migrasi 0012 (fungsi RunPython-nya) memberi siklus terbit lama versi 1 dari hasil tersimpannya."""
    from importlib import import_module

    from django.apps import apps
    from django.utils import timezone

    from evaluasi.models import SiklusMonev

    migrasi = import_module("evaluasi.migrations.0012_versi_publikasi_awal")
    siklus = _siklus_terbit(buat_siklus, biro, 2025, {dinkes.pk: 4, samsat.pk: 3}, dinkes, samsat)
    harapan = PublikasiSiklus.objects.get(siklus=siklus).potret
    PublikasiSiklus.objects.all().delete()  # keadaan sebelum versi publikasi ada
    SiklusMonev.objects.filter(pk=siklus.pk).update(dipublikasikan_pada=timezone.now())

    migrasi.buat_versi_awal(apps, None)
    migrasi.buat_versi_awal(apps, None)  # aman diulang

    versi = PublikasiSiklus.objects.get(siklus=siklus)
    assert versi.nomor == 1 and versi.potret == harapan
