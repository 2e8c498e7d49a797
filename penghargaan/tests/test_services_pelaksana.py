"""Penghargaan Pelaksana lewat service: hanya Kepala unit sendiri, susunan tim Pergub, kunci per status,
lembar nilai lengkap, penetapan dengan pemeriksaan sanksi dan tanggal, dan jejak audit."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from kaltim_yanlik.core.audit_label import LABEL_AKSI
from kaltim_yanlik.core.exceptions import DomainError
from kaltim_yanlik.core.models import JejakAudit
from kode_etik.models import Pelaksana
from penghargaan.models import NilaiPenghargaan, PenerimaPenghargaan, PeriodePenghargaan
from penghargaan.selectors import penilaian_periode
from penghargaan.services import periode as services

from .conftest import buat_staf, bulan_lalu, isi_semua_lembar, periode_siap
from .test_rekam import _pengaduan, _sanksi

pytestmark = pytest.mark.django_db


def _buat(user, unit):
    return services.periode_buat(
        penyelenggara=unit, jenis="bulanan", mulai=bulan_lalu(), nama_penghargaan="Teladan", oleh=user
    )


@pytest.mark.parametrize("persona", ["operator_dinkes", "biro", "admin_portal", "pimpinan", "kepala_samsat"])
def test_hanya_kepala_unit_itu_yang_membuka_periode(request, persona, dinkes, kepala_dinkes):
    with pytest.raises(PermissionDenied):
        _buat(request.getfixturevalue(persona), dinkes)
    assert _buat(kepala_dinkes, dinkes).kriteria.count() == 6


def test_kepala_pd_tidak_menjalankan_penghargaan_uptd_di_bawahnya(kepala_dinkes, kepala_labkes, labkes):
    with pytest.raises(PermissionDenied):
        _buat(kepala_dinkes, labkes)
    buat_staf(labkes, "Labkes")
    periode = _buat(kepala_labkes, labkes)
    staf = Pelaksana.objects.filter(penyelenggara=labkes).exclude(pk=labkes.kepala_id)
    with pytest.raises(PermissionDenied):
        services.nominasi_tambah(periode=periode, pelaksana=staf[0], alasan="", oleh=kepala_dinkes)


def test_periode_berkala_dimulai_tanggal_satu_dan_selesai_dihitung(kepala_dinkes, dinkes):
    with pytest.raises(DomainError, match="tanggal 1"):
        services.periode_buat(
            penyelenggara=dinkes, jenis="triwulan", mulai=bulan_lalu() + timedelta(days=1),
            nama_penghargaan="T", oleh=kepala_dinkes,
        )  # fmt: skip
    periode = services.periode_buat(
        penyelenggara=dinkes, jenis="triwulan", mulai=bulan_lalu(), nama_penghargaan="T", oleh=kepala_dinkes
    )
    assert (periode.selesai - periode.mulai).days in range(88, 92)
    assert sum(k.bobot for k in periode.kriteria.all()) == 100


def test_susunan_tim_dijaga(kepala_dinkes, dinkes, staf_dinkes, staf_samsat):
    periode = _buat(kepala_dinkes, dinkes)
    s, a = staf_dinkes["sekretaris"], staf_dinkes["anggota"]

    def tim(sekretaris, anggota):
        services.tim_tetapkan(periode=periode, sekretaris=sekretaris, anggota=anggota, oleh=kepala_dinkes)

    with pytest.raises(DomainError, match="tepat 3"):
        tim(s, a[:2])
    with pytest.raises(DomainError, match="hanya satu kali"):
        tim(s, [s, a[0], a[1]])
    with pytest.raises(DomainError, match="hanya satu kali"):
        tim(s, [staf_dinkes["kepala"], a[0], a[1]])
    with pytest.raises(DomainError, match="harus Pelaksana pada Dinas Kesehatan"):
        tim(s, [a[0], a[1], staf_samsat["anggota"][0]])
    services.nominasi_tambah(
        periode=periode, pelaksana=staf_dinkes["calon"][0], alasan="", oleh=kepala_dinkes
    )
    with pytest.raises(DomainError, match="sedang dinominasikan"):
        tim(s, [a[0], a[1], staf_dinkes["calon"][0]])
    assert not periode.tim.exists()

    tim(s, a)
    susunan = sorted((x.peran, x.pelaksana_id) for x in periode.tim.all())
    assert susunan == sorted(
        [("ketua", staf_dinkes["kepala"].pk), ("sekretaris", s.pk)] + [("anggota", p.pk) for p in a]
    )
    with pytest.raises(DomainError, match="anggota tim penilai"):
        services.nominasi_tambah(periode=periode, pelaksana=a[0], alasan="", oleh=kepala_dinkes)


def test_ketua_wajib_kepala_penyelenggara_tercatat(kepala_dinkes, dinkes, staf_dinkes):
    periode = periode_siap(kepala_dinkes, staf_dinkes, mulai_penilaian=False)
    # Kepala berganti setelah tim disusun: ketua tim bukan lagi Kepala Penyelenggara.
    dinkes.kepala = staf_dinkes["calon"][3]
    dinkes.save(update_fields=["kepala"])
    with pytest.raises(DomainError, match="Ketua tim penilai harus Kepala Penyelenggara"):
        services.penilaian_mulai(periode=periode, oleh=kepala_dinkes)
    dinkes.kepala = None
    dinkes.save(update_fields=["kepala"])
    with pytest.raises(DomainError, match="belum tercatat"):
        services.tim_tetapkan(
            periode=periode,
            sekretaris=staf_dinkes["sekretaris"],
            anggota=staf_dinkes["anggota"],
            oleh=kepala_dinkes,
        )


def test_penilaian_dimulai_hanya_bila_bobot_100_tim_lengkap_dan_ada_nominasi(
    kepala_dinkes, dinkes, staf_dinkes
):
    periode = _buat(kepala_dinkes, dinkes)
    with pytest.raises(DomainError, match="Tim penilai belum disusun"):
        services.penilaian_mulai(periode=periode, oleh=kepala_dinkes)
    services.tim_tetapkan(
        periode=periode,
        sekretaris=staf_dinkes["sekretaris"],
        anggota=staf_dinkes["anggota"],
        oleh=kepala_dinkes,
    )
    with pytest.raises(DomainError, match="Belum ada nominasi"):
        services.penilaian_mulai(periode=periode, oleh=kepala_dinkes)
    services.nominasi_tambah(
        periode=periode, pelaksana=staf_dinkes["calon"][0], alasan="", oleh=kepala_dinkes
    )
    services.kriteria_tambah(periode=periode, nama="Disiplin", bobot="10", oleh=kepala_dinkes)
    with pytest.raises(DomainError, match="110%, harus tepat 100%"):
        services.penilaian_mulai(periode=periode, oleh=kepala_dinkes)
    kinerja = periode.kriteria.get(kode="kinerja")
    services.kriteria_atur_bobot(periode=periode, bobot={kinerja.pk: Decimal("20")}, oleh=kepala_dinkes)
    services.penilaian_mulai(periode=periode, oleh=kepala_dinkes)
    periode.refresh_from_db()
    assert periode.status == PeriodePenghargaan.Status.PENILAIAN
    # Susunan terkunci selama penilaian.
    for langkah in (
        lambda: services.kriteria_tambah(periode=periode, nama="Lain", bobot=5, oleh=kepala_dinkes),
        lambda: services.nominasi_tambah(periode=periode, pelaksana=staf_dinkes["calon"][1], alasan="",
                                         oleh=kepala_dinkes),
        lambda: services.kriteria_hapus(kriteria=periode.kriteria.get(nama="Disiplin"), oleh=kepala_dinkes),
    ):  # fmt: skip
        with pytest.raises(DomainError, match="berstatus penilaian"):
            langkah()


def test_kriteria_pergub_tidak_dapat_dihapus_dan_bobot_divalidasi(kepala_dinkes, dinkes):
    periode = _buat(kepala_dinkes, dinkes)
    with pytest.raises(DomainError, match="tidak dapat dihapus"):
        services.kriteria_hapus(kriteria=periode.kriteria.get(kode="kinerja"), oleh=kepala_dinkes)
    for salah in ("0", "-5", "101", "abc"):
        with pytest.raises(DomainError):
            services.kriteria_tambah(periode=periode, nama="X", bobot=salah, oleh=kepala_dinkes)
    assert periode.kriteria.count() == 6


def test_lembar_nilai_harus_lengkap_dan_dalam_rentang_tanpa_menyimpan_separuh(kepala_dinkes, staf_dinkes):
    periode = periode_siap(kepala_dinkes, staf_dinkes, nominasi=2)
    anggota = periode.tim.first()
    kriteria = list(periode.kriteria.filter(dari_data=False))
    nominasi = list(periode.nominasi.all())
    lengkap = {(n.pk, k.pk): 80 for n in nominasi for k in kriteria}
    with pytest.raises(DomainError, match="setiap nominasi untuk setiap kriteria"):
        services.lembar_nilai_simpan(
            anggota=anggota, nilai=dict(list(lengkap.items())[1:]), oleh=kepala_dinkes
        )
    tanpa_komplain = periode.kriteria.get(dari_data=True)
    with pytest.raises(DomainError):
        services.lembar_nilai_simpan(
            anggota=anggota, nilai={**lengkap, (nominasi[0].pk, tanpa_komplain.pk): 100}, oleh=kepala_dinkes
        )
    salah = {**lengkap, (nominasi[1].pk, kriteria[-1].pk): 101}
    with pytest.raises(DomainError, match="0–100"):
        services.lembar_nilai_simpan(anggota=anggota, nilai=salah, oleh=kepala_dinkes)
    assert not NilaiPenghargaan.objects.filter(anggota=anggota).exists()
    assert services.lembar_nilai_simpan(anggota=anggota, nilai=lengkap, oleh=kepala_dinkes) == 10
    assert services.lembar_nilai_simpan(anggota=anggota, nilai=lengkap, oleh=kepala_dinkes) == 0


def test_penetapan_memeriksa_lembar_sanksi_dan_tanggal_lalu_mencatat_hasil(kepala_dinkes, staf_dinkes, biro):
    periode = periode_siap(kepala_dinkes, staf_dinkes, nominasi=3)
    ani, budi, cici = staf_dinkes["calon"][:3]
    _pengaduan(budi, periode.mulai.replace(day=5), "BBBB2222")
    _sanksi(cici, periode.mulai.replace(day=6), biro)
    nominasi = {n.pelaksana_id: n for n in periode.nominasi.all()}

    def tetapkan(penerima, tanggal=None):
        return services.periode_tetapkan(
            periode=periode, penerima=penerima, nomor_keputusan="800/PH/01/2026",
            tanggal_keputusan=tanggal or timezone.localdate(), oleh=kepala_dinkes,
        )  # fmt: skip

    pilihan_ani = [{"nominasi": nominasi[ani.pk], "bentuk": ["piagam", "uang"], "tampil_publik": True}]
    with pytest.raises(DomainError, match="Lembar nilai belum lengkap"):
        tetapkan(pilihan_ani)
    isi_semua_lembar(
        periode, kepala_dinkes, {ani.nama: {"*": 85}, budi.nama: {"*": 95}, cici.nama: {"*": 99}}
    )

    hasil = penilaian_periode(periode)
    # Nilai tim Cici 99 dan Budi 95 di atas Ani 85, tetapi kriteria tanpa komplain (bobot 10) mereka 0.
    assert [(h.nama, h.nilai_akhir) for h in hasil.hasil] == [
        (cici.nama, Decimal("89.10")), (ani.nama, Decimal("86.50")), (budi.nama, Decimal("85.50")),
    ]  # fmt: skip
    assert not hasil.rekam[budi.pk].bersih and hasil.rekam[cici.pk].bersanksi

    with pytest.raises(DomainError, match="dijatuhi sanksi"):
        tetapkan([{"nominasi": nominasi[cici.pk], "bentuk": ["piagam"]}])
    with pytest.raises(DomainError, match="setelah periode berakhir"):
        tetapkan(pilihan_ani, tanggal=periode.selesai - timedelta(days=1))
    with pytest.raises(DomainError, match="masa depan"):
        tetapkan(pilihan_ani, tanggal=timezone.localdate() + timedelta(days=1))
    with pytest.raises(DomainError, match="bentuk penghargaan"):
        tetapkan([{"nominasi": nominasi[ani.pk], "bentuk": []}])
    assert not PenerimaPenghargaan.objects.exists()

    tetapkan(pilihan_ani + [{"nominasi": nominasi[budi.pk], "bentuk": ["piagam"]}])
    periode.refresh_from_db()
    assert periode.status == "ditetapkan" and periode.nomor_keputusan == "800/PH/01/2026"
    assert periode.penandatangan_nama == staf_dinkes["kepala"].nama
    penerima = {p.nominasi.pelaksana_id: p for p in periode.penerima.all()}
    assert penerima[ani.pk].nilai_akhir == Decimal("86.50") and penerima[ani.pk].bentuk == ["piagam", "uang"]
    assert penerima[ani.pk].tampil_publik and not penerima[budi.pk].tampil_publik
    with pytest.raises(DomainError, match="berstatus ditetapkan"):
        tetapkan(pilihan_ani)
    aksi = set(
        JejakAudit.objects.filter(penyelenggara_id=periode.penyelenggara_id).values_list("aksi", flat=True)
    )
    assert {
        "penghargaan.periode.dibuat", "penghargaan.tim.ditetapkan", "penghargaan.nominasi.ditambah",
        "penghargaan.penilaian.dimulai", "penghargaan.nilai.disimpan", "penghargaan.periode.ditetapkan",
    } <= aksi  # fmt: skip
    assert aksi <= set(LABEL_AKSI), "setiap aksi penghargaan berlabel di halaman audit"
    nilai = JejakAudit.objects.filter(aksi="penghargaan.nilai.disimpan").first()
    assert nilai.penyelenggara_id == periode.penyelenggara_id and len(nilai.data["perubahan"]) == 15
