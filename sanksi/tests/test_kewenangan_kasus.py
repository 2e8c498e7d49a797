"""Tabel kewenangan menggerakkan alur kasus: siapa memutus, siapa menandatangani, dan naskah PDF-nya.

- Pelaksana UPTD: sanksi oleh Kepala UPTD sendiri; Kepala Dinas membaca tetapi 403 saat memutus (BAB 7,
  BAB 6 angka 2).
- Kepala Penyelenggara: Biro menyiapkan, Sekda memutus dan menandatangani (atau Biro mencatat keputusan
  Gubernur) — BAB 6 angka 3; naskahnya atas nama pejabat yang menjabat pada tanggal keputusan.
- Mengubah satu baris tabel (data) mengubah siapa yang boleh bertindak.
"""

import io
from datetime import date, datetime, time, timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from akun.models import AturanKewenangan, Pejabat
from kaltim_yanlik.core.dokumen import dokumen_minta
from kaltim_yanlik.core.exceptions import DomainError
from kaltim_yanlik.core.models import DokumenPDF, JejakAudit
from kode_etik import services as kode_etik_services
from kode_etik.models import Larangan, Penempatan
from sanksi import services
from sanksi.dokumen import KEPUTUSAN_SANKSI, SURAT_PANGGILAN
from sanksi.models import Pelanggaran, Sanksi

pytestmark = pytest.mark.django_db

# Tanggal tetap di masa lalu (uji berjalan sesudah November 2026): langkah kasus tidak boleh bertanggal depan.
T_SURAT, T_PERIKSA, T_BAP, T_KEPUTUSAN = (
    date(2026, 5, 4),
    date(2026, 5, 6),
    date(2026, 5, 7),
    date(2026, 5, 11),
)


def _teks_pdf(dokumen: DokumenPDF) -> str:
    with dokumen.berkas.open("rb") as f:
        return " ".join(" ".join(h.extract_text() for h in PdfReader(io.BytesIO(f.read())).pages).split())


def _render(jenis, subjek, oleh, django_capture_on_commit_callbacks) -> str:
    with django_capture_on_commit_callbacks(execute=True):
        dokumen = dokumen_minta(jenis=jenis, subjek=subjek, oleh=oleh)
    dokumen.refresh_from_db()
    assert dokumen.status == DokumenPDF.Status.SELESAI, dokumen.alasan_gagal
    return _teks_pdf(dokumen)


def _sampai_bap(kasus, oleh):
    services.pemanggilan_catat(
        pelanggaran=kasus, nomor_surat="800/7/UJI", tanggal_surat=T_SURAT,
        jadwal=timezone.make_aware(datetime.combine(T_PERIKSA, time(9))), tempat="Ruang rapat", oleh=oleh,
    )  # fmt: skip
    services.pemeriksaan_catat(pelanggaran=kasus, tanggal=T_PERIKSA, pemeriksa="Pemeriksa", ringkasan="Ok.",
                               oleh=oleh)  # fmt: skip
    services.bap_catat(
        pelanggaran=kasus, nomor="BAP/7", tanggal=T_BAP, keterangan_terperiksa="Mengakui.",
        temuan="Terbukti.", terbukti=True, oleh=oleh,
    )  # fmt: skip
    kasus.refresh_from_db()
    return kasus


def _buka(pelaksana, oleh, huruf="b"):
    return services.pelanggaran_buka(
        pelaksana=pelaksana, larangan=Larangan.objects.get(huruf=huruf), uraian="Membeda-bedakan pemohon.",
        sumber=Pelanggaran.Sumber.TEMUAN_ATASAN, oleh=oleh,
    )  # fmt: skip


def _jatuhkan(kasus, oleh, **kw):
    kw.setdefault("jenis", Sanksi.Jenis.TEGURAN_TERTULIS)
    return services.sanksi_jatuhkan(
        pelanggaran=kasus, nomor_keputusan="800/KEP/7", tanggal_keputusan=T_KEPUTUSAN,
        pertimbangan="Pelanggaran pertama.", oleh=oleh, **kw,
    )  # fmt: skip


@pytest.fixture
def kepala_dinkes_pelaksana(dinkes, biro):
    """Kepala Dinkes tercatat sebagai Pelaksana sekaligus ``dinkes.kepala`` (subjek kasus Kepala)."""
    kepala = dinkes.pelaksana.create(nama="dr. Hendra Kepala Dinkes", nip="197001011995031001")
    dinkes.kepala = kepala
    dinkes.save(update_fields=["kepala"])
    return kepala


# --- Pelaksana UPTD: Kepala UPTD memutus, Kepala Dinas membaca ------------------------------------


def test_kepala_dinas_membaca_kasus_uptd_tetapi_403_saat_menjatuhkan_sanksi(
    client, pelaksana_labkes, kepala_labkes, kepala_dinkes, django_capture_on_commit_callbacks
):
    labkes = pelaksana_labkes.penyelenggara
    labkes.kepala = labkes.pelaksana.create(nama="dr. Sari Kepala Labkes", nip="198002022005012002")
    labkes.save(update_fields=["kepala"])
    kasus = _sampai_bap(_buka(pelaksana_labkes, kepala_labkes), kepala_labkes)
    url = reverse("sanksi:kasus_detail", args=[kasus.code])
    client.force_login(kepala_dinkes)
    r = client.get(url)
    assert r.status_code == 200 and pelaksana_labkes.nama in r.text and 'id="form-sanksi"' not in r.text
    assert "menunggu Kepala UPTD Laboratorium Kesehatan Daerah" in r.text
    data = {"sanksi-jenis": "teguran_tertulis", "sanksi-nomor_keputusan": "K/1",
            "sanksi-tanggal_keputusan": T_KEPUTUSAN.isoformat(), "sanksi-pertimbangan": "x"}  # fmt: skip
    r = client.post(reverse("sanksi:kasus_langkah", args=[kasus.code, "sanksi"]), data)
    assert r.status_code == 403 and "hanya dapat dilakukan oleh Kepala UPTD Laboratorium" in r.text
    assert not Sanksi.objects.exists()
    client.force_login(kepala_labkes)
    assert client.post(reverse("sanksi:kasus_langkah", args=[kasus.code, "sanksi"]), data).status_code == 302
    # Keputusan dicetak atas nama Kepala UPTD itu sendiri (yang memutus), bukan Kepala Dinas.
    teks = _render(KEPUTUSAN_SANKSI, Sanksi.objects.get(), kepala_labkes, django_capture_on_commit_callbacks)
    assert "KEPUTUSAN KEPALA UPTD LABORATORIUM KESEHATAN DAERAH" in teks and "dr. Sari Kepala Labkes" in teks


def test_mengubah_baris_tabel_mengubah_siapa_yang_boleh_bertindak(
    pelaksana_labkes, kepala_labkes, kepala_dinkes
):
    kasus = _sampai_bap(_buka(pelaksana_labkes, kepala_labkes), kepala_labkes)
    with pytest.raises(PermissionDenied):
        _jatuhkan(kasus, kepala_dinkes)
    # Data, bukan kode: admin mengalihkan penjatuhan sanksi Pelaksana UPTD ke Kepala PD induk.
    AturanKewenangan.objects.filter(tindakan="jatuhkan_sanksi", subjek="pelaksana").update(
        pelaku="kepala_induk", penanda_tangan="kepala_induk"
    )
    with pytest.raises(PermissionDenied, match="Kepala Dinas Kesehatan"):
        _jatuhkan(kasus, kepala_labkes)
    sanksi = _jatuhkan(kasus, kepala_dinkes)
    assert sanksi.penanda_tangan == "kepala_induk"
    # Menonaktifkan baris: tidak ada lagi yang berwenang, dan pesannya mengatakan begitu.
    kasus2 = _sampai_bap(_buka(pelaksana_labkes, kepala_labkes, "e"), kepala_labkes)
    AturanKewenangan.objects.filter(tindakan="jatuhkan_sanksi", subjek="pelaksana").update(aktif=False)
    with pytest.raises(PermissionDenied, match="tidak ada pejabat yang berwenang"):
        _jatuhkan(kasus2, kepala_dinkes)


def test_ubah_kewenangan_lewat_admin_hanya_admin_dan_diaudit(client, admin_portal, biro):
    aturan = AturanKewenangan.objects.get(tindakan="jatuhkan_sanksi", subjek="pelaksana")
    url = reverse("admin:akun_aturankewenangan_change", args=[aturan.pk])
    client.force_login(biro)
    assert client.get(url).status_code == 200  # Biro membaca tabelnya
    data = {
        f: getattr(aturan, f) for f in ("tindakan", "subjek", "jenis_unit", "penerbit", "pelaku", "dasar")
    }
    data |= {"penanda_tangan": "kepala_induk", "urutan": aturan.urutan, "aktif": "on"}
    assert client.post(url, data).status_code == 403
    client.force_login(admin_portal)
    assert client.post(url, data).status_code == 302
    aturan.refresh_from_db()
    assert aturan.penanda_tangan == "kepala_induk"
    jejak = JejakAudit.objects.get(aksi="akun.kewenangan.diubah")
    assert jejak.data["semula"]["penanda_tangan"] == "kepala_unit"


# --- Kepala Penyelenggara: Biro menyiapkan, Sekda memutus dan menandatangani ----------------------


def test_sekda_memutus_kasus_kepala_dan_pdf_ditandatangani_sekda_yang_menjabat_hari_itu(
    kepala_dinkes_pelaksana, biro, sekda, kepala_dinkes, pejabat_provinsi, django_capture_on_commit_callbacks
):
    # Dua Sekda berturut-turut: yang tercetak adalah yang menjabat pada tanggal keputusan (11 Mei 2026).
    lama = pejabat_provinsi["sekda"]
    lama.selesai = date(2026, 6, 30)
    lama.save(update_fields=["selesai"])
    Pejabat.objects.create(
        jabatan="sekda", jabatan_teks="Sekretaris Daerah Provinsi Kalimantan Timur",
        nama="Ir. Sekda Pengganti", nip="197512122000121001", mulai=date(2026, 7, 1),
    )  # fmt: skip
    kasus = _sampai_bap(_buka(kepala_dinkes_pelaksana, biro), biro)
    with pytest.raises(PermissionDenied, match="Sekretaris Daerah"):
        _jatuhkan(kasus, kepala_dinkes)
    sanksi = _jatuhkan(kasus, sekda)
    assert sanksi.penanda_tangan == "sekda" and sanksi.dicatat_oleh == sekda
    teks = _render(KEPUTUSAN_SANKSI, sanksi, sekda, django_capture_on_commit_callbacks)
    assert "KEPUTUSAN SEKRETARIS DAERAH PROVINSI KALIMANTAN TIMUR" in teks
    assert "Dra. Sekda Uji, M.Si." in teks and "196901011990032001" in teks
    assert "Ir. Sekda Pengganti" not in teks and "Kepala Biro" not in teks
    assert "SEKRETARIAT DAERAH" in teks and kepala_dinkes_pelaksana.nama.upper() in teks
    # Keberatan atas keputusan Sekda diajukan kepada Sekda sendiri (pejabat penerbit).
    assert "kepada Sekretaris Daerah" in teks
    # Surat panggilan kasus Kepala disiapkan dan ditandatangani Kepala Biro Organisasi.
    teks = _render(SURAT_PANGGILAN, kasus.pemanggilan, biro, django_capture_on_commit_callbacks)
    assert "Kepala Biro Uji, S.Sos." in teks


def test_keputusan_sekda_ditolak_bila_sekda_belum_tercatat(kepala_dinkes_pelaksana, biro, sekda):
    kasus = _sampai_bap(_buka(kepala_dinkes_pelaksana, biro), biro)
    with pytest.raises(DomainError, match="Sekretaris Daerah yang menjabat pada 11 Mei 2026 belum tercatat"):
        _jatuhkan(kasus, sekda)
    assert not Sanksi.objects.exists()


def test_biro_mencatat_keputusan_gubernur_atas_kasus_kepala(
    kepala_dinkes_pelaksana, biro, pejabat_provinsi, django_capture_on_commit_callbacks
):
    kasus = _sampai_bap(_buka(kepala_dinkes_pelaksana, biro), biro)
    sanksi = _jatuhkan(kasus, biro)
    assert sanksi.penanda_tangan == "gubernur"
    teks = _render(KEPUTUSAN_SANKSI, sanksi, biro, django_capture_on_commit_callbacks)
    assert "KEPUTUSAN GUBERNUR KALIMANTAN TIMUR" in teks and "Dr. H. Gubernur Uji" in teks
    assert "NIP" not in teks.split("Dr. H. Gubernur Uji", 1)[1][:40]  # Gubernur tanpa NIP


# --- Naskah atas nama Kepala yang menjabat pada tanggal keputusan ---------------------------------


def test_keputusan_lama_tetap_atas_nama_kepala_yang_menjabat_saat_itu(
    pelaksana_dinkes, operator_dinkes, kepala_dinkes, biro, django_capture_on_commit_callbacks
):
    dinkes = pelaksana_dinkes.penyelenggara
    lama = dinkes.pelaksana.create(nama="dr. Kepala Lama", nip="196501011990031001")
    dinkes.kepala = lama
    kode_etik_services.penyelenggara_simpan(penyelenggara=dinkes, oleh=biro, field_diubah=["kepala"])
    riwayat = dinkes.riwayat_kepala.get()
    riwayat.mulai = date(2020, 1, 1)
    riwayat.save(update_fields=["mulai"])
    kasus = _sampai_bap(_buka(pelaksana_dinkes, operator_dinkes), operator_dinkes)
    sanksi = _jatuhkan(kasus, kepala_dinkes)
    # Kepala berganti hari ini; keputusan 11 Mei 2026 tetap dicetak atas nama Kepala lama.
    dinkes.kepala = dinkes.pelaksana.create(nama="dr. Kepala Baru", nip="197901011999031001")
    kode_etik_services.penyelenggara_simpan(penyelenggara=dinkes, oleh=biro, field_diubah=["kepala"])
    teks = _render(KEPUTUSAN_SANKSI, sanksi, kepala_dinkes, django_capture_on_commit_callbacks)
    assert "dr. Kepala Lama" in teks and "dr. Kepala Baru" not in teks
    assert list(dinkes.riwayat_kepala.order_by("mulai").values_list("pelaksana__nama", "selesai")) == [
        ("dr. Kepala Lama", timezone.localdate() - timedelta(days=1)),
        ("dr. Kepala Baru", None),
    ]


def test_kepala_pertama_yang_dicatat_menjabat_sejak_sebelum_tercatat(pelaksana_dinkes, biro):
    """Unit tanpa riwayat: Kepala pertama berlaku juga untuk naskah bertanggal sebelum hari pencatatan."""
    from akun import kewenangan

    dinkes = pelaksana_dinkes.penyelenggara
    dinkes.riwayat_kepala.all().delete()
    dinkes.kepala = None
    dinkes.save(update_fields=["kepala"])
    dinkes.kepala = dinkes.pelaksana.create(nama="dr. Kepala Pertama", nip="197001011995031001")
    kode_etik_services.penyelenggara_simpan(penyelenggara=dinkes, oleh=biro, field_diubah=["kepala"])
    assert list(dinkes.riwayat_kepala.values_list("mulai", "selesai")) == [(None, None)]
    assert kewenangan.kepala_pada(dinkes, date(2026, 1, 5)).nama == "dr. Kepala Pertama"


# --- Pemindahan dari tempat layanan publik --------------------------------------------------------


def test_pemindahan_mengakhiri_penempatan_dan_membuka_yang_baru(
    client, pelaksana_dinkes, operator_dinkes, kepala_dinkes, django_capture_on_commit_callbacks
):
    loket = pelaksana_dinkes.penyelenggara.jenis_layanan.create(nama="Loket izin praktik")
    arsip = pelaksana_dinkes.penyelenggara.jenis_layanan.create(nama="Pengelolaan arsip")
    awal = kode_etik_services.penempatan_catat(
        pelaksana=pelaksana_dinkes, jenis_layanan=loket, tempat="", mulai=date(2025, 1, 2), keterangan="",
        oleh=operator_dinkes,
    )  # fmt: skip
    kasus = _sampai_bap(_buka(pelaksana_dinkes, operator_dinkes), operator_dinkes)
    with pytest.raises(DomainError, match="memerlukan tempat layanan baru"):
        _jatuhkan(kasus, kepala_dinkes, jenis=Sanksi.Jenis.PEMINDAHAN)
    assert Penempatan.objects.get(pk=awal.pk).selesai is None  # ditolak: tidak ada yang berubah
    berlaku = date(2026, 5, 18)
    sanksi = _jatuhkan(kasus, kepala_dinkes, jenis=Sanksi.Jenis.PEMINDAHAN, jenis_layanan_baru=arsip,
                       berlaku_mulai=berlaku)  # fmt: skip
    awal.refresh_from_db()
    assert awal.selesai == berlaku
    baru = Penempatan.objects.get(pelaksana=pelaksana_dinkes, selesai__isnull=True)
    assert (baru.jenis_layanan, baru.mulai, sanksi.penempatan_baru) == (arsip, berlaku, baru)
    assert "800/KEP/7" in baru.keterangan
    assert JejakAudit.objects.filter(aksi="kode_etik.penempatan.dicatat", object_id=str(baru.pk)).exists()
    client.force_login(kepala_dinkes)
    halaman = client.get(reverse("kode_etik:pelaksana_detail", args=[pelaksana_dinkes.code])).content.decode()
    assert "Loket izin praktik" in halaman and "Pengelolaan arsip" in halaman and "18 Mei 2026" in halaman
    teks = _render(KEPUTUSAN_SANKSI, sanksi, kepala_dinkes, django_capture_on_commit_callbacks)
    assert "Pengelolaan arsip" in teks and "18 Mei 2026" in teks
    # Keberatan dikabulkan: pemindahan batal, Pelaksana kembali ke loket semula (riwayat tetap utuh).
    keberatan = services.keberatan_catat(sanksi=sanksi, tanggal_diterima=date(2026, 5, 20), alasan="x",
                                         oleh=operator_dinkes)  # fmt: skip
    services.keberatan_putus(keberatan=keberatan, dikabulkan=True, pertimbangan="Saksi baru.",
                             tanggal_putusan=date(2026, 5, 25), oleh=kepala_dinkes)  # fmt: skip
    riwayat = list(Penempatan.objects.filter(pelaksana=pelaksana_dinkes).order_by("mulai", "id"))
    assert [(p.nama_tempat, p.mulai, p.selesai) for p in riwayat] == [
        ("Loket izin praktik", date(2025, 1, 2), berlaku),
        ("Pengelolaan arsip", berlaku, date(2026, 5, 25)),
        ("Loket izin praktik", date(2026, 5, 25), None),
    ]
