"""Sapuan URL: setiap pola URL yang memuat kode objek, untuk objek unit lain, dijawab 404 bagi akun OPD.

Cara kerja:

1. ``_pola_berobjek`` menelusuri seluruh resolver (termasuk include dan admin) dan mengumpulkan setiap pola
   yang argumennya menunjuk objek (kode UUID, ``object_id`` admin, ``jenis`` dokumen, ...).
2. ``RUTE`` memetakan nama URL → cara menyusun argumennya dari ``Dunia``: satu himpunan objek realistis milik
   unit lain (UPTD Samsat di bawah Bapenda). Halaman admin dipetakan per model di ``ADMIN_OBJEK``.
3. Akun Kepala dan Operator Dinkes meminta setiap URL itu dengan GET dan POST; jawaban yang sah hanyalah
   404, 405 (metode tidak diterima view), atau 403 yang identik dengan 403 untuk objek yang tidak ada
   (penolakan peran sebelum objek dicari, jadi keberadaan objek tidak bocor).
4. Pola baru tanpa entri di ``RUTE``/``ADMIN_OBJEK``/``PUBLIK`` atau pengecualian bernalasan membuat
   ``test_setiap_pola_berobjek_tercakup`` gagal dan menyebut namanya.

Menambah app (mis. penghargaan): tambahkan penyiap objeknya ke ``PENYIAP`` (fungsi ``(dunia) -> None`` yang
mengisi atribut ``dunia``), lalu satu baris per nama URL di ``RUTE`` dan satu baris per model admin di
``ADMIN_OBJEK``.
"""

import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from types import SimpleNamespace

import pytest
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from evaluasi import services as ev_services
from evaluasi.models import Evaluasi
from evaluasi.tests.alur import PDF_KECIL, berkas, indikator, nilai, nomor_dinilai, unggah_slot_wajib
from evaluasi.tests.conftest import jendela_siklus
from kaltim_yanlik.core.dokumen import _REGISTRI
from kaltim_yanlik.core.models import DokumenPDF, JejakAudit, RevisiDokumen
from kode_etik.models import JenisLayanan, Larangan, Norma
from sanksi import services as sk_services
from sanksi.models import Banding, Pengaduan, Rujukan
from sanksi.tests.test_pelanggaran import _buka, _jatuhkan, _keberatan, _rujuk, _sampai_bap
from survei import services as sv_services
from survei.models import PeriodeSKM, ResponSKM

pytestmark = pytest.mark.django_db

# Penanda di field internal objek unit lain; tidak boleh muncul di halaman publik mana pun.
RAHASIA = {
    "catatan_penilaian": "RAHASIA-CATATAN-BIRO-7731",
    "alasan_sanggahan": "RAHASIA-ALASAN-SANGGAHAN-7732",
    "catatan_pengaduan": "RAHASIA-CATATAN-PENGADUAN-7733",
    "pelapor": "RAHASIA-PELAPOR-7734",
    "keterangan_rtl": "RAHASIA-KETERANGAN-RTL-7735",
    "nip_pelaksana": "197001017734",
}

# Nama argumen URL yang menunjuk objek (bukan tahun, nomor indikator, atau label app).
ARG_OBJEK = {"code", "kode", "pk", "id", "object_id", "subjek_code", "unit_code", "jenis", "slug", "uuid"}
KONVERTER_OBJEK = ("UUIDConverter", "SlugConverter", "PathConverter")


# --- Dunia: objek realistis milik unit lain ----------------------------------------------------------


def _siapkan_kode_etik(d) -> None:
    from django_otp.plugins.otp_static.models import StaticDevice
    from django_otp.plugins.otp_totp.models import TOTPDevice

    d.perangkat_totp = TOTPDevice.objects.create(user=d.kepala, name="Aplikasi", confirmed=True)
    d.perangkat_cadangan = StaticDevice.objects.create(user=d.kepala, name="Kode cadangan", confirmed=True)

    from kode_etik import services as ke_services
    from kode_etik.models import RiwayatKepala

    d.layanan = JenisLayanan.objects.create(penyelenggara=d.unit, nama="Pengesahan STNK")
    d.pelaksana.nip = RAHASIA["nip_pelaksana"]
    d.pelaksana.save(update_fields=["nip"])
    d.penempatan = ke_services.penempatan_catat(
        pelaksana=d.pelaksana, jenis_layanan=d.layanan, tempat="", mulai=timezone.localdate(), keterangan="",
        oleh=d.operator,
    )  # fmt: skip
    kepala = d.unit.pelaksana.create(nama="Kepala Samsat Uji")
    d.riwayat_kepala = RiwayatKepala.objects.create(penyelenggara=d.unit, pelaksana=kepala)


def _geser(siklus, fase):
    for nama, nilai_ in jendela_siklus(timezone.localdate(), fase).items():
        setattr(siklus, nama, nilai_)
    siklus.save()


def _siapkan_evaluasi(d) -> None:
    """Evaluasi Samsat: F-01 diajukan, dinilai Biro, disanggah berlampiran, difinalkan, dipublikasikan."""
    from evaluasi.models import InstrumenVersi, SiklusMonev

    siklus = SiklusMonev(
        tahun=2025,
        nama="Monev PEKPPP 2025",
        instrumen=InstrumenVersi.objects.get(tahun=2025, jenis="A"),
        **jendela_siklus(timezone.localdate(), "pengisian"),
    )
    d.siklus = ev_services.siklus_buka(siklus=siklus, oleh=d.biro, lokus=[d.unit])
    ev = d.siklus.evaluasi.select_related("siklus", "penyelenggara").get(penyelenggara=d.unit)
    instrumen = d.siklus.instrumen
    ev_services.jawaban_simpan(
        evaluasi=ev,
        indikator=indikator(instrumen, 2),
        isian={"unsur": ["pengguna_layanan", "ahli"]},
        catatan="",
        versi=0,
        oleh=d.operator,
    )
    unggah_slot_wajib(ev, d.operator)
    ev_services.evaluasi_ajukan(evaluasi=ev, oleh=d.kepala)
    _geser(d.siklus, "penilaian")
    nilai(ev, d.biro, dict.fromkeys(nomor_dinilai(instrumen), 3))
    ev_services.penilaian_simpan(
        evaluasi=ev,
        indikator=indikator(instrumen, 2),
        level=3,
        catatan=RAHASIA["catatan_penilaian"],
        rekomendasi="",
        alasan="",
        oleh=d.biro,
    )
    ev_services.evaluasi_selesai_dinilai(evaluasi=ev, oleh=d.biro)
    _geser(d.siklus, "perbaikan")
    d.sanggahan = ev_services.sanggahan_ajukan(
        evaluasi=ev,
        indikator=indikator(instrumen, 14),
        level_diminta=5,
        alasan=RAHASIA["alasan_sanggahan"],
        lampiran=[berkas()],
        oleh=d.kepala,
    )
    ev_services.sanggahan_jawab(
        sanggahan=d.sanggahan, diterima=False, jawaban="Bukti tidak memadai.", level_baru=None, oleh=d.biro
    )
    _geser(d.siklus, "finalisasi")
    ev_services.evaluasi_finalkan(evaluasi=ev, oleh=d.biro)
    ev_services.siklus_publikasikan(siklus=d.siklus, oleh=d.biro)
    d.koreksi = ev_services.evaluasi_koreksi(
        evaluasi=ev, level_per_nomor={2: 5}, alasan="Koreksi uji.", rujukan="BA Koreksi 1", oleh=d.biro
    )
    d.evaluasi = Evaluasi.objects.get(pk=ev.pk)
    d.bukti = ev.bukti.first()
    d.lampiran_sanggahan = d.sanggahan.lampiran.first()


def _siapkan_skm(d) -> None:
    hari = timezone.localdate()
    d.periode = sv_services.periode_skm_buat(
        penyelenggara=d.unit,
        nama="Semester II",
        mulai=hari - timedelta(days=10),
        selesai=hari + timedelta(days=10),
        populasi=1000,
        oleh=d.kepala,
    )
    ResponSKM.objects.create(
        periode=d.periode, diterima_pada=timezone.now(), **{f"u{i}": 3 for i in range(1, 10)}
    )
    d.rtl = sv_services.rtl_tambah(
        periode=d.periode,
        unsur="U9",
        kegiatan="Perbaiki ruang tunggu",
        penanggung_jawab="Kasubag Umum",
        tenggat=hari,
        oleh=d.kepala,
    )
    sv_services.rtl_selesaikan(
        rtl=d.rtl, selesai_pada=hari, keterangan=RAHASIA["keterangan_rtl"], bukti=berkas(), oleh=d.kepala
    )
    d.periode = PeriodeSKM.objects.get(pk=d.periode.pk)
    d.ombudsman = sv_services.kepatuhan_ombudsman_catat(
        penyelenggara=d.unit, tahun=2025, nilai=80, grade="B", oleh=d.biro
    )


def _siapkan_sanksi(d) -> None:
    d.pengaduan = sk_services.pengaduan_catat(
        penyelenggara=d.unit,
        saluran=Pengaduan.Saluran.SURAT,
        uraian="Petugas loket meminta imbalan di luar tarif resmi.",
        pelaksana=d.pelaksana,
        nama_pelapor=RAHASIA["pelapor"],
        catatan_internal=RAHASIA["catatan_pengaduan"],
        lampiran=[berkas("kuitansi.pdf")],
        oleh=d.operator,
    )
    d.lampiran_pengaduan = d.pengaduan.lampiran.first()
    # Kasus administratif lengkap: panggilan, pemeriksaan, BAP, sanksi, keberatan.
    kasus = _sampai_bap(_buka(d.pelaksana, d.operator), d.operator)
    d.sanksi = _jatuhkan(kasus, d.kepala, tanggal=timezone.localdate() - timedelta(days=3))
    d.keberatan = _keberatan(d.sanksi, d.operator, timezone.localdate())
    # Keberatan ditolak Kepala UPTD (penerbit), lalu banding kepada Kepala Bapenda (dibuat langsung).
    sk_services.keberatan_putus(keberatan=d.keberatan, dikabulkan=False, pertimbangan="Tetap.", oleh=d.kepala)
    d.banding = Banding.objects.create(
        keberatan=d.keberatan, tanggal_diterima=timezone.localdate(), alasan="Banding.", dicatat_oleh=d.biro
    )
    d.kasus = kasus
    d.pemanggilan, d.bap = kasus.pemanggilan, kasus.beritaacarapemeriksaan
    # Kasus jalur perundang-undangan: rujukan.
    d.kasus_rujukan = _buka(d.pelaksana, d.operator, "c")
    _rujuk(d.kasus_rujukan, d.operator)
    d.rujukan = Rujukan.objects.get(pelanggaran=d.kasus_rujukan)


def _siapkan_penghargaan(d) -> None:
    """Periode penghargaan Pelaksana unit lain (sudah ditetapkan) dan penghargaan Gubernur bagi unit itu."""
    from penghargaan.models import PenerimaPenyelenggara, PenghargaanPenyelenggara
    from penghargaan.services import periode as ph_services
    from penghargaan.tests.conftest import buat_staf, isi_semua_lembar, periode_siap

    staf = buat_staf(d.unit, "Samsat")
    d.periode_ph = periode_siap(d.kepala, staf, nominasi=2)
    isi_semua_lembar(d.periode_ph, d.kepala, {p.nama: {"*": 80} for p in staf["calon"]})
    d.nominasi_ph = d.periode_ph.nominasi.first()
    ph_services.periode_tetapkan(
        periode=d.periode_ph, nomor_keputusan="800/PH/SAMSAT", tanggal_keputusan=timezone.localdate(),
        penerima=[{"nominasi": d.nominasi_ph, "bentuk": ["piagam"]}], oleh=d.kepala,
    )  # fmt: skip
    d.kriteria_ph, d.anggota_ph = d.periode_ph.kriteria.first(), d.periode_ph.tim.first()
    # Periode berjenjang: nominasi → atasan langsung (tingkat 1) → Kepala Penyelenggara.
    calon = staf["calon"][-1]
    calon.atasan_langsung = staf["kepala"]
    calon.save(update_fields=["atasan_langsung"])
    d.periode_bj = ph_services.periode_buat(
        penyelenggara=d.unit, jenis="insidentil", mulai=timezone.localdate() - timedelta(days=5),
        selesai=timezone.localdate(), metode="berjenjang", nama_penghargaan="Teladan berjenjang",
        oleh=d.kepala,
    )  # fmt: skip
    ph_services.nominasi_tambah(periode=d.periode_bj, pelaksana=calon, alasan="", oleh=d.kepala)
    ph_services.penilaian_mulai(periode=d.periode_bj, oleh=d.kepala)
    d.tahap_bj = d.periode_bj.nominasi.get().tahap_berjenjang.get()
    d.penerima_ph = d.periode_ph.penerima.get()
    d.ph_unit = PenghargaanPenyelenggara.objects.create(
        siklus=d.siklus, nama="Prima", aturan="kategori", kategori="A", aturan_teks="Kategori A.",
        status="ditetapkan", nomor_keputusan="K/1", tanggal_keputusan=timezone.localdate(),
        diusulkan_oleh=d.biro,
    )  # fmt: skip
    d.penerima_unit = PenerimaPenyelenggara.objects.create(
        penghargaan=d.ph_unit, penyelenggara=d.unit, ipp="4.80", kategori="A", predikat="Pelayanan Prima",
        peringkat=1, bentuk=["piagam"],
    )  # fmt: skip


# Subjek setiap jenis dokumen PDF terdaftar (``core.dokumen``); jenis baru tanpa entri menggagalkan
# uji cakupan.
SUBJEK_DOKUMEN: dict[str, Callable] = {
    # evaluasi
    "laporan-hasil-evaluasi": lambda d: d.evaluasi,
    "berita-acara-evaluasi": lambda d: d.evaluasi,
    "rekap-provinsi": lambda d: d.siklus,  # milik provinsi; akun OPD tetap 404 (lihat _siklus_provinsi)
    "laporan-skm": lambda d: d.periode,
    # sanksi
    "surat-panggilan": lambda d: d.pemanggilan,
    "berita-acara-pemeriksaan": lambda d: d.bap,
    "keputusan-sanksi": lambda d: d.sanksi,
    # penghargaan
    "keputusan-penghargaan-pelaksana": lambda d: d.periode_ph,
    "piagam-pelaksana": lambda d: d.penerima_ph,
    "keputusan-penghargaan-penyelenggara": lambda d: d.ph_unit,  # milik provinsi: akun OPD 404
    "piagam-penyelenggara": lambda d: d.penerima_unit,
}


def _siapkan_dokumen(d) -> None:
    """Satu DokumenPDF terbit (berkas dan revisi 1 ada) per jenis, agar unduhan diuji pada berkas sungguhan.

    Dibuat langsung (bukan ``dokumen_minta``): penerbitnya berbeda per jenis, dan yang diuji di sini akses
    baca akun unit lain."""
    d.dokumen = {}
    for jenis, subjek in SUBJEK_DOKUMEN.items():
        if jenis not in _REGISTRI:
            continue
        objek = subjek(d)
        dokumen = DokumenPDF(
            jenis=jenis,
            content_type=ContentType.objects.get_for_model(objek),
            object_id=str(objek.pk),
            nama_berkas=f"{jenis}.pdf",
            diminta_pada=timezone.now(),
            selesai_pada=timezone.now(),
            status=DokumenPDF.Status.SELESAI,
            ukuran=len(PDF_KECIL),
        )
        dokumen.berkas.save("dokumen.pdf", ContentFile(PDF_KECIL), save=False)
        dokumen.save()
        RevisiDokumen.objects.create(
            dokumen=dokumen, nomor=1, berkas=dokumen.berkas.name, ukuran=len(PDF_KECIL),
            diminta_pada=dokumen.diminta_pada, selesai_pada=dokumen.selesai_pada,
        )  # fmt: skip
        d.dokumen[jenis] = dokumen


# Urutan penting: dokumen memakai objek dari penyiap sebelumnya. App baru menambahkan penyiapnya di sini.
PENYIAP: list[Callable] = [
    _siapkan_kode_etik,
    _siapkan_evaluasi,
    _siapkan_skm,
    _siapkan_sanksi,
    _siapkan_penghargaan,
    _siapkan_dokumen,
]


@pytest.fixture
def dunia(samsat, kepala_samsat, operator_samsat, pelaksana_samsat, biro):
    d = SimpleNamespace(
        unit=samsat, kepala=kepala_samsat, operator=operator_samsat, pelaksana=pelaksana_samsat, biro=biro
    )
    for siapkan in PENYIAP:
        siapkan(d)
    return d


# --- Registri rute ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Rute:
    """Cara menyusun argumen URL dari ``Dunia``; ``argumen`` boleh mengembalikan beberapa varian (list)."""

    argumen: Callable
    # Isi POST yang masuk akal (bila kosong, POST tetap dikirim tanpa isi).
    isi: Callable = field(default=lambda d: {})


def _kode(atribut: str) -> Rute:
    return Rute(lambda d: {"code": getattr(d, atribut).code})


def _indikator(atribut: str, nomor: int, isi=lambda d: {}) -> Rute:
    return Rute(lambda d: {"code": getattr(d, atribut).code, "nomor": nomor}, isi)


def _langkah_kasus(d) -> list[dict]:
    from sanksi.alur import SYARAT_TAHAP

    return [
        {"code": kasus.code, "langkah": langkah}
        for kasus in (d.kasus, d.kasus_rujukan)
        for langkah in SYARAT_TAHAP
    ]


RUTE: dict[str, Rute] = {
    # --- kode_etik --------------------------------------------------------------------------------
    "kode_etik:penyelenggara_detail": _kode("unit"),
    "kode_etik:penyelenggara_ubah": Rute(lambda d: {"code": d.unit.code}, lambda d: {"nama": "Diubah"}),
    "kode_etik:jenis_layanan_baru": Rute(lambda d: {"unit_code": d.unit.code}, lambda d: {"nama": "Baru"}),
    "kode_etik:jenis_layanan_ubah": Rute(
        lambda d: {"unit_code": d.unit.code, "code": d.layanan.code}, lambda d: {"nama": "Diubah"}
    ),
    "kode_etik:pelaksana_detail": _kode("pelaksana"),
    "kode_etik:pelaksana_ubah": Rute(lambda d: {"code": d.pelaksana.code}, lambda d: {"nama": "Diubah"}),
    "kode_etik:penempatan_catat": Rute(
        lambda d: {"code": d.pelaksana.code},
        lambda d: {"penempatan-tempat": "Loket 9", "penempatan-mulai": timezone.localdate().isoformat()},
    ),
    # --- evaluasi: F-01, bukti dukung, F-02 -----------------------------------------------------------
    "evaluasi:detail": _kode("evaluasi"),
    "evaluasi:f01": _indikator("evaluasi", 2, lambda d: {"unsur": ["pengguna_layanan"], "versi": "1"}),
    "evaluasi:f01_pratinjau": _indikator("evaluasi", 2),
    "evaluasi:bukti_unggah": _indikator("evaluasi", 2, lambda d: {"berkas": berkas()}),
    "evaluasi:ajukan": _kode("evaluasi"),
    "evaluasi:bukti_lihat": _kode("bukti"),
    "evaluasi:bukti_hapus": _kode("bukti"),
    "evaluasi:nilai": _kode("evaluasi"),
    "evaluasi:nilai_simpan": _indikator("evaluasi", 2, lambda d: {"level": "1", "alasan": "x"}),
    "evaluasi:kembalikan": _kode("evaluasi"),
    "evaluasi:selesai_dinilai": _kode("evaluasi"),
    "evaluasi:finalkan": _kode("evaluasi"),
    "evaluasi:koreksi": Rute(
        lambda d: {"code": d.evaluasi.code},
        lambda d: {"alasan": "x", "rujukan": "y", "level_2": "5"},
    ),
    # Siklus milik provinsi (bukan unit): halaman Biro, akun OPD ditolak perannya sebelum objek dicari.
    "evaluasi:siklus_detail": _kode("siklus"),
    "evaluasi:siklus_hitung_ulang": _kode("siklus"),
    "evaluasi:siklus_peringkat_xlsx": _kode("siklus"),
    "evaluasi:siklus_publikasikan": _kode("siklus"),
    "evaluasi:siklus_tarik_publikasi": _kode("siklus"),
    "evaluasi:sanggahan_siklus": _kode("siklus"),
    # --- evaluasi: sanggahan ----------------------------------------------------------------------
    "evaluasi:sanggahan_daftar": _kode("evaluasi"),
    "evaluasi:sanggahan_ajukan": _indikator(
        "evaluasi", 14, lambda d: {"level_diminta": "5", "alasan": "x", "lampiran": berkas()}
    ),
    "evaluasi:sanggahan_detail": _kode("sanggahan"),
    "evaluasi:sanggahan_lampiran": _kode("lampiran_sanggahan"),
    # --- survei: SKM dan RTL; halaman SKM per unit (sandingan dengan IPP) milik evaluasi ----------
    "survei:skm_detail": _kode("periode"),
    "survei:skm_ubah": Rute(lambda d: {"code": d.periode.code}, lambda d: {"nama": "Diubah"}),
    "survei:skm_qr": _kode("periode"),
    "survei:skm_impor": _kode("periode"),
    "survei:skm_nrr": _kode("periode"),
    "survei:skm_hasil": _kode("periode"),
    "survei:rtl_tambah": _kode("periode"),
    "survei:rtl_selesaikan": Rute(
        lambda d: {"code": d.rtl.code}, lambda d: {"selesai_pada": "2025-01-01", "bukti": berkas()}
    ),
    "survei:rtl_bukti": _kode("rtl"),
    "evaluasi:skm_unit": _kode("unit"),
    # --- sanksi -----------------------------------------------------------------------------------
    "sanksi:kasus_detail": _kode("kasus"),
    "sanksi:kasus_langkah": Rute(_langkah_kasus),
    "sanksi:pengaduan_detail": _kode("pengaduan"),
    "sanksi:pengaduan_ubah_status": Rute(
        lambda d: {"code": d.pengaduan.code}, lambda d: {"status": "ditolak", "keterangan_publik": "x"}
    ),
    "sanksi:pengaduan_lampiran": _kode("lampiran_pengaduan"),
    # --- dokumen PDF (core) -----------------------------------------------------------------------
    "dokumen_buat": Rute(
        lambda d: [
            {"jenis": jenis, "subjek_code": subjek(d).code} for jenis, subjek in SUBJEK_DOKUMEN.items()
        ]
    ),
    "dokumen_status": Rute(lambda d: [{"code": dok.code} for dok in d.dokumen.values()]),
    "dokumen_unduh": Rute(lambda d: [{"code": dok.code} for dok in d.dokumen.values()]),
    "dokumen_revisi_unduh": Rute(lambda d: [{"code": dok.code, "nomor": 1} for dok in d.dokumen.values()]),
    # --- penghargaan -------------------------------------------------------------------------------
    "penghargaan:periode_detail": _kode("periode_ph"),
    "penghargaan:kriteria_bobot": _kode("periode_ph"),
    "penghargaan:kriteria_tambah": Rute(
        lambda d: {"code": d.periode_ph.code}, lambda d: {"nama": "X", "bobot": 5}
    ),
    "penghargaan:kriteria_hapus": Rute(
        lambda d: {"code": d.periode_ph.code, "kriteria_code": d.kriteria_ph.code}
    ),
    "penghargaan:tim_susun": _kode("periode_ph"),
    "penghargaan:nominasi_tambah": Rute(
        lambda d: {"code": d.periode_ph.code}, lambda d: {"pelaksana": d.pelaksana.pk}
    ),
    "penghargaan:nominasi_hapus": Rute(
        lambda d: {"code": d.periode_ph.code, "nominasi_code": d.nominasi_ph.code}
    ),
    "penghargaan:penilaian_mulai": _kode("periode_ph"),
    "penghargaan:penilaian_buka_kembali": _kode("periode_ph"),
    "penghargaan:lembar_nilai": Rute(
        lambda d: {"code": d.periode_ph.code, "anggota_code": d.anggota_ph.code}
    ),
    "penghargaan:periode_tetapkan": _kode("periode_ph"),
    "penghargaan:tahap_berjenjang": Rute(
        lambda d: {"code": d.periode_bj.code, "tahap_code": d.tahap_bj.code},
        lambda d: {f"k_{k.pk}": "80" for k in d.periode_bj.kriteria.all()},
    ),
    # Penghargaan Gubernur berlingkup provinsi: akun OPD 404 untuk setiap halaman berkode.
    "penghargaan:penyelenggara_detail": _kode("ph_unit"),
    "penghargaan:penyelenggara_tetapkan": _kode("ph_unit"),
    "penghargaan:penerima_keluarkan": Rute(
        lambda d: {"code": d.ph_unit.code, "penerima_code": d.penerima_unit.code}, lambda d: {"alasan": "x"}
    ),
    "penghargaan:penerima_kembalikan": Rute(
        lambda d: {"code": d.ph_unit.code, "penerima_code": d.penerima_unit.code}
    ),
}


@dataclass(frozen=True)
class Publik:
    """Halaman publik berkunci kode publik: boleh dibuka siapa pun, tetapi tanpa data internal unit."""

    argumen: Callable
    status: frozenset
    alasan: str


PUBLIK: dict[str, Publik] = {
    "survei:survei_publik": Publik(
        lambda d: {"code": d.periode.code},
        frozenset({200}),
        "Formulir SKM dibuka warga lewat kode QR periode; hanya nama unit dan layanan yang tampil.",
    ),
    "survei:survei_terima_kasih": Publik(
        lambda d: {"code": d.periode.code},
        frozenset({200}),
        "Halaman terima kasih survei publik, tanpa data periode selain nama unit.",
    ),
    "evaluasi:publik_unit": Publik(
        lambda d: {"tahun": d.siklus.tahun, "code": d.evaluasi.code},
        frozenset({200}),
        "Hasil evaluasi yang sudah dipublikasikan Biro (IPP, kategori, aspek); catatan penilaian "
        "tidak tampil.",
    ),
    "evaluasi:publik_unit_versi": Publik(
        lambda d: {"tahun": d.siklus.tahun, "nomor": 1, "code": d.evaluasi.code},
        frozenset({200}),
        "Versi publikasi tertentu dari hasil yang sama (potret terbit, tanpa catatan internal).",
    ),
}

# Model admin → objek unit lain (atau data induk) untuk change/delete/history. Seluruh admin tersembunyi
# (404) bagi akun yang tidak berkemampuan ADMIN_SITUS, jadi data induk tanpa unit juga ikut diuji.
ADMIN_OBJEK: dict[str, Callable] = {
    # kode_etik
    "kode_etik.penyelenggara": lambda d: d.unit,
    "kode_etik.pelaksana": lambda d: d.pelaksana,
    "kode_etik.jenislayanan": lambda d: d.layanan,
    "kode_etik.norma": lambda d: Norma.objects.first(),
    "kode_etik.larangan": lambda d: Larangan.objects.first(),
    # akun, core
    "akun.pengguna": lambda d: d.kepala,
    "otp_totp.totpdevice": lambda d: d.perangkat_totp,
    "otp_static.staticdevice": lambda d: d.perangkat_cadangan,
    "akun.pejabat": lambda d: apps.get_model("akun", "Pejabat").objects.create(
        jabatan="sekda", jabatan_teks="Sekretaris Daerah", nama="Sekda Uji", mulai="2020-01-01"
    ),
    "akun.aturankewenangan": lambda d: apps.get_model("akun", "AturanKewenangan").objects.first(),
    "core.harilibur": lambda d: apps.get_model("core", "HariLibur").objects.first(),
    "core.dasarhukum": lambda d: apps.get_model("core", "DasarHukum").objects.first(),
    "core.dasarhukumnaskah": lambda d: apps.get_model("core", "DasarHukumNaskah").objects.first(),
    "kode_etik.riwayatkepala": lambda d: d.riwayat_kepala,
    "kode_etik.penempatan": lambda d: d.penempatan,
    "core.jejakaudit": lambda d: JejakAudit.objects.filter(penyelenggara_id=d.unit.pk).first(),
    "core.dokumenpdf": lambda d: d.dokumen["laporan-hasil-evaluasi"],
    # sanksi
    "sanksi.pengaduan": lambda d: d.pengaduan,
    "sanksi.pelanggaran": lambda d: d.kasus,
    "sanksi.sanksi": lambda d: d.sanksi,
    "sanksi.keberatan": lambda d: d.keberatan,
    "sanksi.banding": lambda d: d.banding,
    "sanksi.aturanupayaadministratif": lambda d: apps.get_model(
        "sanksi", "AturanUpayaAdministratif"
    ).objects.first(),
    "sanksi.rujukan": lambda d: d.rujukan,
    # evaluasi
    "evaluasi.instrumenversi": lambda d: d.siklus.instrumen,
    "evaluasi.aspek": lambda d: d.siklus.instrumen.aspek.first(),
    "evaluasi.indikator": lambda d: indikator(d.siklus.instrumen, 2),
    "evaluasi.siklusmonev": lambda d: d.siklus,
    "evaluasi.evaluasi": lambda d: d.evaluasi,
    "evaluasi.jawabanindikator": lambda d: d.evaluasi.jawaban.first(),
    "evaluasi.buktidukung": lambda d: d.bukti,
    "evaluasi.penilaianindikator": lambda d: d.evaluasi.penilaian.first(),
    "evaluasi.riwayatlevel": lambda d: d.evaluasi.penilaian.first().riwayat.first(),
    "evaluasi.hasilevaluasi": lambda d: d.evaluasi.hasil,
    "evaluasi.sanggahan": lambda d: d.sanggahan,
    "evaluasi.koreksievaluasi": lambda d: d.koreksi,
    "evaluasi.publikasisiklus": lambda d: d.siklus.versi_publikasi.first(),
    # survei
    "survei.zonaombudsman": lambda d: apps.get_model("survei", "ZonaOmbudsman").objects.first(),
    "survei.periodeskm": lambda d: d.periode,
    "survei.rencanatindaklanjut": lambda d: d.rtl,
    "survei.kepatuhanombudsman": lambda d: d.ombudsman,
    # penghargaan
    "penghargaan.periodepenghargaan": lambda d: d.periode_ph,
    "penghargaan.penerimapenghargaan": lambda d: d.penerima_ph,
    "penghargaan.penghargaanpenyelenggara": lambda d: d.ph_unit,
    "penghargaan.penerimapenyelenggara": lambda d: d.penerima_unit,
}

# Pola berobjek yang sengaja tidak disapu, masing-masing dengan alasannya.
_ALASAN_AXES = "Catatan login django-axes: bukan data unit; admin tetap disapu lewat model lain."
DIKECUALIKAN: dict[str, str] = {
    "admin:axes.accessattempt": _ALASAN_AXES,
    "admin:axes.accesslog": _ALASAN_AXES,
    "admin:axes.accessfailurelog": _ALASAN_AXES,
}


# --- Penelusuran resolver -------------------------------------------------------------------------------

_RUTE_ADMIN = re.compile(r"^admin/(?P<app>\w+)/(?P<model>\w+)/<path:object_id>/(?P<aksi>\w*)/?$")


@dataclass(frozen=True)
class Pola:
    nama: str  # "ns:nama", atau untuk pola admin per objek: "admin:app.model" (dikelompokkan per model)
    rute: str
    argumen: tuple[str, ...]


def _argumen(pola) -> dict[str, str]:
    """Nama argumen → nama kelas konverternya (regex: 'regex')."""
    konverter = getattr(pola.pattern, "converters", None)
    if konverter is not None:
        return {nama: type(k).__name__ for nama, k in konverter.items()}
    return dict.fromkeys(pola.pattern.regex.groupindex, "regex")


def _telusuri(resolver, awalan="", ns="", argumen=None):
    argumen = argumen or {}
    for pola in resolver.url_patterns:
        semua = {**argumen, **_argumen(pola)}
        rute = awalan + str(pola.pattern)
        if isinstance(pola, URLResolver):
            ns_baru = f"{ns}{pola.namespace}:" if pola.namespace else ns
            yield from _telusuri(pola, rute, ns_baru, semua)
        elif isinstance(pola, URLPattern):
            yield f"{ns}{pola.name}" if pola.name else rute, rute, semua


def _berobjek(argumen: dict[str, str]) -> bool:
    return any(nama in ARG_OBJEK or konverter in KONVERTER_OBJEK for nama, konverter in argumen.items())


def _pola_berobjek() -> list[Pola]:
    hasil = []
    for nama, rute, argumen in _telusuri(get_resolver()):
        if not _berobjek(argumen):
            continue
        cocok = _RUTE_ADMIN.match(rute)
        if cocok:
            nama = f"admin:{cocok['app']}.{cocok['model']}"
        hasil.append(Pola(nama, rute, tuple(argumen)))
    return hasil


def _nama_tercakup() -> set[str]:
    return {*RUTE, *PUBLIK, *(f"admin:{label}" for label in ADMIN_OBJEK), *DIKECUALIKAN, "admin:view_on_site"}


def test_setiap_pola_berobjek_tercakup():
    pola = _pola_berobjek()
    ditemukan = {p.nama for p in pola}
    # Kewarasan penelusuran: include app dan admin benar-benar terjangkau.
    assert {
        "evaluasi:bukti_lihat",
        "sanksi:pengaduan_lampiran",
        "dokumen_unduh",
        "admin:sanksi.pengaduan",
    } <= (ditemukan)
    belum = sorted(ditemukan - _nama_tercakup())
    assert not belum, f"Pola URL berobjek tanpa entri sapuan (tambahkan ke RUTE/ADMIN_OBJEK/PUBLIK): {belum}"
    usang = sorted(_nama_tercakup() - ditemukan)
    assert not usang, f"Entri sapuan untuk pola yang sudah tidak ada: {usang}"
    jenis_tanpa_subjek = sorted(set(_REGISTRI) - set(SUBJEK_DOKUMEN))
    assert not jenis_tanpa_subjek, f"Jenis dokumen tanpa entri SUBJEK_DOKUMEN: {jenis_tanpa_subjek}"


# --- Penyusunan URL -----------------------------------------------------------------------------------


def _varian(argumen) -> list[dict]:
    return argumen if isinstance(argumen, list) else [argumen]


def _url_domain(d) -> list[tuple[str, str, dict]]:
    """(label, url, isi POST) untuk setiap entri RUTE dan setiap varian argumennya."""
    hasil = []
    for nama, rute in RUTE.items():
        for argumen in _varian(rute.argumen(d)):
            hasil.append((f"{nama} {argumen}", reverse(nama, kwargs=argumen), rute.isi))
    return hasil


def _url_admin(d) -> list[tuple[str, str, dict]]:
    hasil = []
    for pola in _pola_berobjek():
        if not pola.nama.startswith("admin:") or pola.nama in DIKECUALIKAN:
            continue
        if pola.nama == "admin:view_on_site":
            ct = ContentType.objects.get_for_model(d.evaluasi)
            url = reverse("admin:view_on_site", args=[ct.pk, d.evaluasi.pk])
        else:
            objek = ADMIN_OBJEK[pola.nama.removeprefix("admin:")](d)
            url = "/" + pola.rute.replace("<path:object_id>", str(objek.pk))
        hasil.append((pola.nama + " " + url, url, lambda d: {}))
    return hasil


def _url_fiktif(url: str) -> str:
    """URL yang sama dengan setiap UUID diganti UUID acak (objek yang tidak ada)."""
    url = re.sub(
        r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", lambda m: str(uuid.uuid4()), url
    )
    return re.sub(r"^(/admin/\w+/\w+/)\d+/", r"\g<1>987654321/", url)


def _jawab(client, metode, url, isi):
    return client.get(url) if metode == "GET" else client.post(url, isi)


def _masalah_akses(client, label, url, isi) -> list[str]:
    """Jawaban yang membocorkan objek unit lain: bukan 404/405, kecuali 403 yang sama dengan objek fiktif."""
    masalah, ada_tolak = [], False
    for metode in ("GET", "POST"):
        status = _jawab(client, metode, url, isi).status_code
        if status == 403:
            status_fiktif = _jawab(client, metode, _url_fiktif(url), isi).status_code
            if status_fiktif != 403:
                masalah.append(
                    f"{metode} {label}: 403 tetapi objek fiktif {status_fiktif} (keberadaan bocor)"
                )
        elif status not in (404, 405):
            masalah.append(f"{metode} {label}: {status}")
        ada_tolak = ada_tolak or status in (403, 404)
    if not ada_tolak:
        masalah.append(f"{label}: tidak satu metode pun ditolak (hanya 405)")
    return masalah


# --- Sapuan -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("persona", ["kepala_dinkes", "operator_dinkes"])
def test_akun_opd_mendapat_404_untuk_setiap_objek_unit_lain(client, request, dunia, persona):
    client.force_login(request.getfixturevalue(persona))
    audit_awal = JejakAudit.objects.count()
    masalah = []
    for label, url, isi in _url_domain(dunia) + _url_admin(dunia):
        masalah += _masalah_akses(client, label, url, isi(dunia))
    assert not masalah, "\n".join(masalah)
    # Tidak ada satu pun penulisan yang lolos (setiap penulisan portal diaudit).
    assert JejakAudit.objects.count() == audit_awal


def test_admin_untuk_akun_opd_404_dan_tamu_diarahkan_ke_halaman_masuk(client, dunia, kepala_dinkes):
    url = reverse("admin:sanksi_pengaduan_change", args=[dunia.pengaduan.pk])
    r = client.get(url)
    assert r.status_code == 302 and r.url.startswith(reverse("admin:login"))
    client.force_login(kepala_dinkes)
    for alamat in (reverse("admin:index"), url, reverse("admin:sanksi_pengaduan_changelist")):
        assert client.get(alamat).status_code == 404


def test_halaman_publik_tidak_membocorkan_data_internal(client, dunia, kepala_dinkes):
    rahasia = [*RAHASIA.values(), dunia.pelaksana.nama]
    for persona in (None, kepala_dinkes):
        if persona:
            client.force_login(persona)
        for nama, publik in PUBLIK.items():
            r = client.get(reverse(nama, kwargs=publik.argumen(dunia)))
            assert r.status_code in publik.status, f"{nama}: {r.status_code}"
            bocor = [teks for teks in rahasia if teks in r.content.decode()]
            assert not bocor, f"{nama} membocorkan {bocor}"


# --- Kontrol positif: pemilik unit tidak mendapat 404 (argumen registri sah, 404 di atas tidak hampa) ----

DOKUMEN_PROVINSI = {"rekap-provinsi", "keputusan-penghargaan-penyelenggara"}

CONTOH_POSITIF = {
    "kode_etik": [
        "kode_etik:penyelenggara_detail",
        "kode_etik:pelaksana_detail",
        "kode_etik:jenis_layanan_ubah",
    ],
    "evaluasi": [
        "evaluasi:detail",
        "evaluasi:f01",
        "evaluasi:bukti_lihat",
        "evaluasi:sanggahan_detail",
        "evaluasi:sanggahan_lampiran",
    ],
    "skm": ["survei:skm_detail", "survei:skm_hasil", "survei:rtl_bukti", "evaluasi:skm_unit"],
    "sanksi": ["sanksi:kasus_detail", "sanksi:pengaduan_detail", "sanksi:pengaduan_lampiran"],
    "dokumen": ["dokumen_status", "dokumen_unduh", "dokumen_revisi_unduh"],
    "penghargaan": ["penghargaan:periode_detail", "penghargaan:lembar_nilai", "penghargaan:tahap_berjenjang"],
}


def _jenis_dokumen(argumen) -> str:
    return DokumenPDF.objects.get(code=argumen["code"]).jenis


def test_kepala_unit_pemilik_tidak_mendapat_404(client, dunia):
    # Satu uji untuk semua kelompok (dunia cukup dibangun sekali); galat menyebut kelompoknya.
    client.force_login(dunia.kepala)
    gagal = []
    for kelompok, daftar in sorted(CONTOH_POSITIF.items()):
        for nama in daftar:
            for argumen in _varian(RUTE[nama].argumen(dunia)):
                # Rekap provinsi dan Keputusan Gubernur hanya untuk peran yang menjangkau semua unit.
                if nama.startswith("dokumen_") and _jenis_dokumen(argumen) in DOKUMEN_PROVINSI:
                    continue
                status = client.get(reverse(nama, kwargs=argumen)).status_code
                if status != 200:
                    gagal.append(f"[{kelompok}] {nama} {argumen}: {status}")
    assert not gagal, "\n".join(gagal)


def test_admin_portal_membuka_admin_objek_yang_sama(client, dunia, admin_portal):
    client.force_login(admin_portal)
    for label, url, _ in _url_admin(dunia):
        if url.endswith(("/change/", "/history/")):
            assert client.get(url).status_code == 200, label
