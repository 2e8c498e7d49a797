"""Halaman penghargaan Pelaksana: data unit lain 404 di setiap URL berkode, tulis hanya oleh Kepala unit itu
(403 bagi yang lain), alur lewat formulir sampai penetapan, masukan buruk dijawab pesan tanpa perubahan."""

import pytest
from django.urls import reverse
from django.utils import timezone

from kaltim_yanlik.core.kiriman import isian_kunci
from penghargaan.models import NilaiPenghargaan, PeriodePenghargaan

from .conftest import bulan_lalu, isi_semua_lembar, periode_siap

pytestmark = pytest.mark.django_db


def _url_berkode(periode) -> list[tuple[str, str]]:
    """(metode, URL) setiap halaman dan tindakan berkode milik ``periode``."""
    kriteria = periode.kriteria.first()
    anggota = periode.tim.first()
    nominasi = periode.nominasi.first()
    kode = [periode.code]
    return [
        ("get", reverse("penghargaan:periode_detail", args=kode)),
        ("post", reverse("penghargaan:kriteria_bobot", args=kode)),
        ("post", reverse("penghargaan:kriteria_tambah", args=kode)),
        ("post", reverse("penghargaan:kriteria_hapus", args=[periode.code, kriteria.code])),
        ("get", reverse("penghargaan:tim_susun", args=kode)),
        ("post", reverse("penghargaan:tim_susun", args=kode)),
        ("post", reverse("penghargaan:nominasi_tambah", args=kode)),
        ("post", reverse("penghargaan:nominasi_hapus", args=[periode.code, nominasi.code])),
        ("post", reverse("penghargaan:penilaian_mulai", args=kode)),
        ("post", reverse("penghargaan:penilaian_buka_kembali", args=kode)),
        ("get", reverse("penghargaan:lembar_nilai", args=[periode.code, anggota.code])),
        ("post", reverse("penghargaan:lembar_nilai", args=[periode.code, anggota.code])),
        ("get", reverse("penghargaan:periode_tetapkan", args=kode)),
        ("post", reverse("penghargaan:periode_tetapkan", args=kode)),
    ]


@pytest.mark.parametrize("persona", ["kepala_samsat", "operator_samsat"])
def test_setiap_url_periode_unit_lain_404(request, client, persona, kepala_dinkes, staf_dinkes):
    periode = periode_siap(kepala_dinkes, staf_dinkes)
    client.force_login(request.getfixturevalue(persona))
    hasil = {url: getattr(client, metode)(url).status_code for metode, url in _url_berkode(periode)}
    assert set(hasil.values()) == {404}, hasil
    assert periode.nominasi.count() == 3 and periode.kriteria.count() == 6


def test_operator_dan_kepala_induk_membaca_tetapi_tidak_menulis(
    client, operator_dinkes, kepala_dinkes, kepala_labkes, labkes, staf_dinkes
):
    from .conftest import buat_staf

    periode = periode_siap(kepala_dinkes, staf_dinkes, mulai_penilaian=False)
    client.force_login(operator_dinkes)
    for metode, url in _url_berkode(periode):
        status = getattr(client, metode)(url).status_code
        assert status == (
            200 if metode == "get" and "/tim/" not in url and "/tetapkan/" not in url else 403
        ), url
    # Kepala Dinkes menjangkau UPTD-nya untuk membaca, tetapi penghargaan UPTD dijalankan Kepala UPTD.
    periode_labkes = periode_siap(kepala_labkes, buat_staf(labkes, "Labkes"), mulai_penilaian=False)
    client.force_login(kepala_dinkes)
    assert client.get(reverse("penghargaan:periode_detail", args=[periode_labkes.code])).status_code == 200
    assert client.post(reverse("penghargaan:penilaian_mulai", args=[periode_labkes.code])).status_code == 403
    periode_labkes.refresh_from_db()
    assert periode_labkes.status == "persiapan"


def test_daftar_hanya_memuat_lingkup_sendiri(
    client, kepala_dinkes, kepala_samsat, staf_dinkes, staf_samsat, biro
):
    dinkes_p = periode_siap(kepala_dinkes, staf_dinkes, mulai_penilaian=False)
    samsat_p = periode_siap(kepala_samsat, staf_samsat, mulai_penilaian=False)
    client.force_login(kepala_samsat)
    halaman = client.get(reverse("penghargaan:periode_daftar")).content.decode()
    assert str(samsat_p.code) in halaman and str(dinkes_p.code) not in halaman
    client.force_login(biro)
    halaman = client.get(reverse("penghargaan:periode_daftar")).content.decode()
    assert str(samsat_p.code) in halaman and str(dinkes_p.code) in halaman
    assert client.get(reverse("penghargaan:periode_baru")).status_code == 403


def test_alur_lewat_formulir_sampai_penetapan(client, kepala_dinkes, staf_dinkes):
    client.force_login(kepala_dinkes)
    mulai = bulan_lalu()
    r = client.post(
        reverse("penghargaan:periode_baru"),
        {"nama_penghargaan": "Pelaksana Teladan", "jenis": "bulanan", "bulan_mulai": f"{mulai:%Y-%m}"},
    )
    periode = PeriodePenghargaan.objects.get()
    assert r.status_code == 302 and periode.mulai == mulai
    kode = [periode.code]
    kinerja = periode.kriteria.get(kode="kinerja")
    client.post(reverse("penghargaan:kriteria_tambah", args=kode), {"nama": "Disiplin", "bobot": "10"})
    bobot = {f"bobot_{k.pk}": str(k.bobot) for k in periode.kriteria.all()}
    client.post(reverse("penghargaan:kriteria_bobot", args=kode), {**bobot, f"bobot_{kinerja.pk}": "20"})
    assert periode.kriteria.count() == 7 and sum(k.bobot for k in periode.kriteria.all()) == 100
    r = client.post(
        reverse("penghargaan:tim_susun", args=kode),
        {"sekretaris": staf_dinkes["sekretaris"].pk, "anggota": [p.pk for p in staf_dinkes["anggota"]]},
    )
    assert r.status_code == 302 and periode.tim.count() == 5
    for p in staf_dinkes["calon"][:2]:
        client.post(
            reverse("penghargaan:nominasi_tambah", args=kode), {"pelaksana": p.pk, "alasan": "Ramah."}
        )
    client.post(reverse("penghargaan:penilaian_mulai", args=kode))
    periode.refresh_from_db()
    assert periode.status == "penilaian"

    kriteria = list(periode.kriteria.filter(dari_data=False))
    nominasi = list(periode.nominasi.all())
    for anggota in periode.tim.all():
        data = {f"n_{n.pk}_{k.pk}": 90 - 10 * j for j, n in enumerate(nominasi) for k in kriteria}
        r = client.post(reverse("penghargaan:lembar_nilai", args=[periode.code, anggota.code]), data)
        assert r.status_code == 302, r.content.decode()[:500]
    halaman = client.get(reverse("penghargaan:periode_detail", args=kode)).content.decode()
    assert "lengkap" in halaman and "91,00" in halaman  # 0,9 × 90 + 10 (tanpa komplain)

    teratas = nominasi[0]
    r = client.post(
        reverse("penghargaan:periode_tetapkan", args=kode),
        {
            "nomor_keputusan": "800/PT/10/2026", "tanggal_keputusan": timezone.localdate().isoformat(),
            f"pilih_{teratas.pk}": "on", f"bentuk_{teratas.pk}": ["piagam", "pin"],
            f"publik_{teratas.pk}": "on", **isian_kunci(),
        },
    )  # fmt: skip
    assert r.status_code == 302
    periode.refresh_from_db()
    assert periode.status == "ditetapkan"
    penerima = periode.penerima.get()
    assert penerima.nominasi == teratas and penerima.bentuk == ["piagam", "pin"] and penerima.peringkat == 1
    halaman = client.get(reverse("penghargaan:periode_detail", args=kode)).content.decode()
    assert "Keputusan dan piagam" in halaman and "800/PT/10/2026" in halaman


def test_masukan_buruk_dijawab_pesan_tanpa_mengubah(client, kepala_dinkes, staf_dinkes):
    periode = periode_siap(kepala_dinkes, staf_dinkes, nominasi=2)
    isi_semua_lembar(periode, kepala_dinkes, {p.nama: {"*": 70} for p in staf_dinkes["calon"][:2]})
    client.force_login(kepala_dinkes)
    anggota = periode.tim.first()
    url = reverse("penghargaan:lembar_nilai", args=[periode.code, anggota.code])
    data = {
        f"n_{n.pk}_{k.pk}": "abc"
        for n in periode.nominasi.all()
        for k in periode.kriteria.filter(dari_data=False)
    }
    r = client.post(url, data)
    assert r.status_code == 200 and "bilangan bulat 0–100" in r.content.decode()
    assert set(NilaiPenghargaan.objects.filter(anggota=anggota).values_list("nilai", flat=True)) == {70}
    r = client.post(
        reverse("penghargaan:periode_tetapkan", args=[periode.code]),
        {"nomor_keputusan": "X", **isian_kunci()},
    )
    assert r.status_code == 200 and "Pilih sedikitnya satu penerima" not in r.content.decode()
    assert "wajib diisi" in r.content.decode()
    r = client.post(
        reverse("penghargaan:periode_tetapkan", args=[periode.code]),
        {"nomor_keputusan": "X", "tanggal_keputusan": timezone.localdate().isoformat(), **isian_kunci()},
    )
    assert "Pilih sedikitnya satu penerima" in r.content.decode()
    r = client.post(
        reverse("penghargaan:periode_baru"),
        {"nama_penghargaan": "X", "jenis": "bulanan", "bulan_mulai": "2026-13"},
    )
    assert r.status_code == 200 and "Bulan tidak valid" in r.content.decode()
    periode.refresh_from_db()
    assert periode.status == "penilaian" and PeriodePenghargaan.objects.count() == 1


def test_halaman_detail_kueri_tetap(client, kepala_dinkes, staf_dinkes, django_assert_max_num_queries):
    periode = periode_siap(kepala_dinkes, staf_dinkes, nominasi=4)
    isi_semua_lembar(periode, kepala_dinkes, {p.nama: {"*": 75} for p in staf_dinkes["calon"]})
    client.force_login(kepala_dinkes)
    with django_assert_max_num_queries(20):
        assert client.get(reverse("penghargaan:periode_detail", args=[periode.code])).status_code == 200
