"""Dasar hukum setiap naskah resmi berasal dari data ``core.DasarHukum``, bukan teks templat.

Untuk Berita Acara, Laporan Hasil Evaluasi, Keputusan sanksi, Keputusan penghargaan Pelaksana (Kepala
Penyelenggara), dan Keputusan Gubernur: naskah dirender sungguhan (WeasyPrint), satu baris data diubah, naskah
dirender ulang, dan teks PDF-nya ikut berubah.
"""

import io
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import timezone
from pypdf import PdfReader

from evaluasi import services as ev_services
from evaluasi.dokumen import BERITA_ACARA, LAPORAN
from evaluasi.tests.alur import nilai, nomor_dinilai
from evaluasi.tests.conftest import buat_siklus, geser_fase, hari_ini, instrumen_2025  # noqa: F401
from kaltim_yanlik.core.dokumen import dokumen_minta
from kaltim_yanlik.core.models import DasarHukum, DasarHukumNaskah, DokumenPDF
from penghargaan.dokumen import KEPUTUSAN_GUBERNUR, KEPUTUSAN_PELAKSANA
from penghargaan.services import penyelenggara as ph_unit
from penghargaan.services import periode as ph
from penghargaan.tests.conftest import buat_staf, finalkan, isi_semua_lembar, periode_siap
from sanksi.dokumen import KEPUTUSAN_SANKSI
from sanksi.tests.test_pelanggaran import _buka, _jatuhkan, _sampai_bap

pytestmark = pytest.mark.django_db
PENANDA = "Pelayanan Publik (teks diubah admin 4417)"


def _teks(jenis, subjek, oleh, django_capture_on_commit_callbacks) -> str:
    with django_capture_on_commit_callbacks(execute=True):
        dokumen = dokumen_minta(jenis=jenis, subjek=subjek, oleh=oleh)
    dokumen.refresh_from_db()
    assert dokumen.status == DokumenPDF.Status.SELESAI, dokumen.alasan_gagal
    with dokumen.berkas.open("rb") as f:
        return " ".join(" ".join(h.extract_text() for h in PdfReader(io.BytesIO(f.read())).pages).split())


@pytest.fixture
def naskah(
    buat_siklus,  # noqa: F811
    geser_fase,  # noqa: F811
    dinkes,
    samsat,
    biro,
    kepala_dinkes,
    operator_dinkes,
    pelaksana_dinkes,
    pejabat_provinsi,
):
    """Subjek setiap naskah resmi: evaluasi final, sanksi, periode penghargaan, penghargaan Gubernur."""
    siklus = buat_siklus(dinkes, samsat, fase="penilaian", tahun=2026)
    for ev in siklus.evaluasi.all():
        ev.status = "diajukan"
        ev.save(update_fields=["status"])
        nilai(ev, biro, dict.fromkeys(nomor_dinilai(siklus.instrumen), 4))
        ev_services.evaluasi_selesai_dinilai(evaluasi=ev, oleh=biro)
    ev_services.siklus_hitung_ulang(siklus=siklus)
    geser_fase(siklus, "finalisasi")
    evaluasi = siklus.evaluasi.get(penyelenggara=dinkes)
    ev_services.evaluasi_finalkan(evaluasi=evaluasi, oleh=biro)
    kasus = _sampai_bap(_buka(pelaksana_dinkes, operator_dinkes), operator_dinkes)
    staf = buat_staf(dinkes, "Dinkes")
    periode = periode_siap(kepala_dinkes, staf, nominasi=1)
    isi_semua_lembar(periode, kepala_dinkes, {staf["calon"][0].nama: {"*": 90}})
    ph.periode_tetapkan(
        periode=periode, nomor_keputusan="800/PH/1", tanggal_keputusan=timezone.localdate(),
        oleh=kepala_dinkes,
        penerima=[{"nominasi": periode.nominasi.get(), "bentuk": ["piagam"]}],
    )  # fmt: skip
    siklus_final = finalkan(
        buat_siklus(dinkes, samsat, fase="finalisasi", tahun=2027), {dinkes.pk: 5, samsat.pk: 5}
    )
    gubernur = ph_unit.usulan_buat(
        siklus=siklus_final, nama="Prima", aturan="kategori", kategori="A", oleh=biro
    )
    ph_unit.penghargaan_tetapkan(penghargaan=gubernur, nomor_keputusan="K/1", bentuk=["piagam"],
                                 tanggal_keputusan=timezone.localdate(), oleh=biro)  # fmt: skip
    return [
        (BERITA_ACARA, evaluasi, biro),
        (LAPORAN, evaluasi, biro),
        (KEPUTUSAN_SANKSI, _jatuhkan(kasus, kepala_dinkes), kepala_dinkes),
        (KEPUTUSAN_PELAKSANA, periode, kepala_dinkes),
        (KEPUTUSAN_GUBERNUR, gubernur, biro),
    ]


def test_setiap_naskah_resmi_mengutip_dasar_hukum_dari_data(naskah, django_capture_on_commit_callbacks):
    uu = DasarHukum.objects.get(kode="uu-pelayanan-publik")
    for jenis, subjek, oleh in naskah:
        teks = _teks(jenis, subjek, oleh, django_capture_on_commit_callbacks)
        assert "Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik" in teks, jenis
        assert PENANDA not in teks
    uu.tentang = PENANDA
    uu.save(update_fields=["tentang"])
    for jenis, subjek, oleh in naskah:
        teks = _teks(jenis, subjek, oleh, django_capture_on_commit_callbacks)
        assert f"Undang-Undang Nomor 25 Tahun 2009 tentang {PENANDA}" in teks, jenis


def test_melepas_dan_menambah_dasar_hukum_jenis_naskah(naskah, django_capture_on_commit_callbacks):
    jenis, sanksi, oleh = next(n for n in naskah if n[0] == KEPUTUSAN_SANKSI)
    assert "Nomor 30 Tahun 2014 tentang Administrasi Pemerintahan" in _teks(
        jenis, sanksi, oleh, django_capture_on_commit_callbacks
    )
    DasarHukumNaskah.objects.filter(
        jenis_naskah=jenis, dasar_hukum__kode="uu-administrasi-pemerintahan"
    ).delete()
    baru = DasarHukum.objects.create(
        kode="perda-uji", jenis="perda", penerbit="Provinsi Kalimantan Timur", nomor="3", tahun=2024,
        tentang="Penyelenggaraan Pelayanan Publik Uji", singkatan="Perda 3/2024",
    )  # fmt: skip
    DasarHukumNaskah.objects.create(jenis_naskah=jenis, dasar_hukum=baru, urutan=99)
    teks = _teks(jenis, sanksi, oleh, django_capture_on_commit_callbacks)
    assert "Administrasi Pemerintahan" not in teks
    assert "Peraturan Daerah Provinsi Kalimantan Timur Nomor 3 Tahun 2024 tentang Penyelenggaraan" in teks


def test_berita_acara_ditandatangani_kepala_biro_yang_tercatat(naskah, django_capture_on_commit_callbacks):
    jenis, evaluasi, oleh = naskah[0]
    teks = _teks(jenis, evaluasi, oleh, django_capture_on_commit_callbacks)
    # Dasar hukum instrumen (PermenPANRB 29/2022 jo. 4/2023, Pedoman 5/2023) ikut dari data instrumen.
    assert "Nomor 29 Tahun 2022" in teks and "Pedoman Menteri" in teks and "Nomor 5 Tahun 2023" in teks
    assert "Kepala Biro Uji, S.Sos." in teks


def test_templat_naskah_tidak_memuat_kutipan_peraturan_tetap():
    """Nomor dan tahun peraturan tidak ditulis di templat naskah; semuanya dari data."""
    folder = Path(settings.BASE_DIR) / "templates" / "dokumen"
    pola = re.compile(
        r"(Nomor \d+ Tahun \d{4}|Peraturan (Gubernur|Menteri|Pemerintah) [A-Z]|Undang-Undang Nomor)"
    )
    # Laporan SKM mengutip PermenPANRB 14/2017 (app survei, di luar isu ini).
    temuan = {
        p.name: pola.findall(p.read_text())
        for p in folder.glob("*.html")
        if p.name != "laporan_skm.html" and pola.search(p.read_text())
    }
    assert temuan == {}


def test_sebutan_dan_kutipan_disusun_dari_kolom():
    pergub = DasarHukum.objects.get(kode="pergub-kode-etik")
    assert pergub.sebutan == "Peraturan Gubernur Kalimantan Timur Nomor 8 Tahun 2025"
    permen = DasarHukum.objects.get(kode="permenpanrb-pekppp")
    assert permen.kutipan.startswith(
        "Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 29 Tahun 2022 tentang"
    )
    assert permen.kutipan.endswith("sebagaimana telah diubah dengan Peraturan Menteri Pendayagunaan Aparatur "
                                   "Negara dan Reformasi Birokrasi Nomor 4 Tahun 2023")  # fmt: skip
    assert not DasarHukum.objects.get(kode="pedoman-menpanrb-pekppp").terkonfirmasi


def test_mengingat_berurut_hierarki_termasuk_dasar_hukum_instrumen():
    """UU dahulu (kronologis), lalu PP, Peraturan Menteri, Pedoman, Pergub; instrumen ikut urutan itu."""
    from kaltim_yanlik.core.dasar_hukum import dasar_hukum_naskah

    kode = [d.kode for d in dasar_hukum_naskah(KEPUTUSAN_SANKSI)]
    assert kode == ["uu-pelayanan-publik", "uu-pemerintahan-daerah", "uu-administrasi-pemerintahan",
                    "pp-pelaksanaan-uu-pelayanan-publik", "pergub-kode-etik"]  # fmt: skip
    instrumen = DasarHukum.objects.filter(kode__in=["pedoman-menpanrb-pekppp", "permenpanrb-pekppp"])
    kode = [d.kode for d in dasar_hukum_naskah(BERITA_ACARA, tambahan=instrumen)]
    assert kode == ["uu-pelayanan-publik", "uu-pemerintahan-daerah", "pp-pelaksanaan-uu-pelayanan-publik",
                    "permenpanrb-pekppp", "pedoman-menpanrb-pekppp", "pergub-kode-etik"]  # fmt: skip
