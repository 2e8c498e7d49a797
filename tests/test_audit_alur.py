"""Setiap langkah alur kerja dan setiap perubahan nilai tampil di halaman audit dengan unit yang benar.

Alur dijalankan lewat service (seperti view memanggilnya), lalu halaman /audit/ dibuka dengan saringan
awalan aksi dan unit: label aksinya harus tampil, dan jejaknya harus tercatat pada unit pemilik objek.
"""

import html
import re
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from akun.models import Pengguna, Peran
from akun.services import pengguna_simpan
from evaluasi import services as ev
from evaluasi.jendela import hari_ini
from evaluasi.models import Evaluasi, InstrumenVersi, SiklusMonev
from evaluasi.tests.alur import PDF_KECIL, indikator, nilai, nomor_dinilai, unggah_slot_wajib
from evaluasi.tests.conftest import jendela_siklus
from kaltim_yanlik.core.audit_label import LABEL_AKSI
from kaltim_yanlik.core.models import JejakAudit
from kode_etik.models import JenisLayanan, Pelaksana
from kode_etik.services import jenis_layanan_simpan, pelaksana_simpan
from sanksi import services as sk
from sanksi.models import Pengaduan
from sanksi.tests.test_pelanggaran import _buka, _jatuhkan, _rujuk, _sampai_bap
from survei import services as sv
from survei.models import ZonaOmbudsman

pytestmark = pytest.mark.django_db
URL = "/audit/"
CONTOH_NRR = ["3.62", "3.48", "3.45", "3.10", "3.52", "3.62", "3.66", "3.30", "2.95"]


def _teks(r) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", r.content.decode())).split())


def _tampil(client, aksi: str, unit, *, termasuk_bawahan=False) -> str:
    """Buka halaman audit dengan saringan aksi (+ unit); pastikan label aksinya tampil. Kembalikan teksnya."""
    saringan = {"aksi": aksi}
    if unit is not None:
        saringan["unit"] = str(unit.code)
    if termasuk_bawahan:
        saringan["termasuk_bawahan"] = "on"
    r = client.get(URL, saringan)
    assert r.status_code == 200
    baris = [j for j in r.context["halaman"].object_list if j.aksi == aksi]
    assert baris, f"{aksi} tidak tampil di halaman audit untuk unit {unit}"
    assert LABEL_AKSI[aksi] in _teks(r), aksi
    if unit is not None and not termasuk_bawahan:
        assert all(j.penyelenggara_id == unit.pk for j in baris)
    return _teks(r)


def _semua_tampil(client, daftar_aksi, unit):
    for aksi in daftar_aksi:
        _tampil(client, aksi, unit)


@pytest.fixture
def auditor(client, biro):
    client.force_login(biro)
    return client


# --- Monev PEKPPP: F-01, ajukan, nilai, kembalikan, sanggahan, final, publikasi --------------------------


def _buka_siklus(biro, *lokus):
    instrumen = InstrumenVersi.objects.get(tahun=2025, jenis="A")
    siklus = SiklusMonev(
        tahun=2025, nama="Monev PEKPPP 2025", instrumen=instrumen, **jendela_siklus(hari_ini(), "pengisian")
    )
    return ev.siklus_buka(siklus=siklus, oleh=biro, lokus=list(lokus))


def _geser(siklus, fase):
    """Jendela ``fase`` berjalan hari ini (data uji, bukan langkah alur; tidak lewat service)."""
    SiklusMonev.objects.filter(pk=siklus.pk).update(**jendela_siklus(hari_ini(), fase))
    siklus.refresh_from_db()


def _simpan_f01(evaluasi, oleh, versi):
    return ev.jawaban_simpan(
        evaluasi=evaluasi,
        indikator=indikator(evaluasi.siklus.instrumen, 2),
        isian={"unsur": ["pengguna_layanan", "ahli"]},
        catatan="",
        versi=versi,
        oleh=oleh,
    )


def _sanggah(evaluasi, oleh, nomor):
    return ev.sanggahan_ajukan(
        evaluasi=evaluasi,
        indikator=indikator(evaluasi.siklus.instrumen, nomor),
        level_diminta=5,
        alasan="Bukti baru tersedia.",
        lampiran=[SimpleUploadedFile("bukti.pdf", PDF_KECIL, content_type="application/pdf")],
        oleh=oleh,
    )


def test_alur_monev_teraudit_per_unit(auditor, dinkes, samsat, operator_dinkes, kepala_dinkes, biro):
    siklus = _buka_siklus(biro, dinkes)
    evaluasi = siklus.evaluasi.select_related("siklus", "penyelenggara").get(penyelenggara=dinkes)
    _simpan_f01(evaluasi, operator_dinkes, versi=0)
    unggah_slot_wajib(evaluasi, operator_dinkes)
    ev.evaluasi_ajukan(evaluasi=evaluasi, oleh=kepala_dinkes)

    _geser(siklus, "penilaian")
    nilai(evaluasi, biro, dict.fromkeys(nomor_dinilai(siklus.instrumen), 3))
    ev.evaluasi_kembalikan(evaluasi=evaluasi, alasan_per_indikator={2: "Lengkapi bukti."}, oleh=biro)

    _geser(siklus, "perbaikan")
    evaluasi.refresh_from_db()
    _simpan_f01(evaluasi, operator_dinkes, versi=1)
    ev.evaluasi_ajukan(evaluasi=evaluasi, oleh=kepala_dinkes)
    nilai(evaluasi, biro, {2: 4}, alasan="Bukti perbaikan memadai.")
    ev.evaluasi_selesai_dinilai(evaluasi=evaluasi, oleh=biro)
    diterima, ditolak = _sanggah(evaluasi, kepala_dinkes, 14), _sanggah(evaluasi, kepala_dinkes, 15)
    ev.sanggahan_jawab(sanggahan=diterima, diterima=True, jawaban="Sesuai.", level_baru=5, oleh=biro)
    ev.sanggahan_jawab(sanggahan=ditolak, diterima=False, jawaban="Bukti lama.", level_baru=None, oleh=biro)

    _geser(siklus, "finalisasi")
    ev.evaluasi_finalkan(evaluasi=evaluasi, oleh=biro)
    ev.siklus_publikasikan(siklus=siklus, oleh=biro)
    assert Evaluasi.objects.get(pk=evaluasi.pk).status == Evaluasi.Status.FINAL

    _semua_tampil(
        auditor,
        [
            "evaluasi.f01.disimpan",
            "evaluasi.bukti.diunggah",
            "evaluasi.diajukan",
            "evaluasi.f02.dinilai",
            "evaluasi.dikembalikan",
            "evaluasi.dinilai",
            "evaluasi.sanggahan.diajukan",
            "evaluasi.sanggahan.diterima",
            "evaluasi.sanggahan.ditolak",
            "evaluasi.difinalkan",
        ],
        dinkes,
    )
    # Perubahan nilai terbaca lama → baru: level evaluator, level dari sanggahan, status evaluasi.
    assert "level: 3 → 4" in _tampil(auditor, "evaluasi.f02.dinilai", dinkes)
    assert "level: 3 → 5" in _tampil(auditor, "evaluasi.sanggahan.diterima", dinkes)
    assert "status: dinilai → final" in _tampil(auditor, "evaluasi.difinalkan", dinkes)
    assert "status: dikembalikan → diajukan" in _tampil(auditor, "evaluasi.diajukan", dinkes)
    # Siklus dan publikasi milik provinsi: tercatat tanpa unit, tetap tampil tanpa saringan unit.
    _tampil(auditor, "evaluasi.siklus.dibuka", None)
    _tampil(auditor, "evaluasi.siklus.dipublikasikan", None)
    # Unit lain tidak ikut.
    r = auditor.get(URL, {"unit": str(samsat.code), "aksi": "evaluasi."})
    assert r.context["halaman"].paginator.count == 0


# --- SKM: periode, survei publik, impor, NRR, RTL, Ombudsman -----------------------------------------------


def test_alur_skm_teraudit_per_unit(auditor, dinkes, kepala_dinkes, operator_dinkes, biro):
    hari = timezone.localdate()
    periode = sv.periode_skm_buat(
        penyelenggara=dinkes, nama="Semester I", mulai=hari - timedelta(days=5), selesai=hari, populasi=100,
        oleh=kepala_dinkes,
    )  # fmt: skip
    sv.periode_skm_ubah(
        periode=periode, nama="Semester I 2026", mulai=periode.mulai, selesai=hari, populasi=120,
        menerima_jawaban=True, oleh=kepala_dinkes,
    )  # fmt: skip
    sv.respons_kirim_publik(periode=periode, jawaban={f"u{i}": "3" for i in range(1, 10)}, alamat_ip="::1")
    csv = SimpleUploadedFile("skm.csv", b"u1;u2;u3;u4;u5;u6;u7;u8;u9\n4;3;3;4;3;4;4;3;3\n")
    sv.respons_impor(periode=periode, berkas=csv, oleh=operator_dinkes)
    rekap = sv.periode_skm_buat(
        penyelenggara=dinkes, nama="Rekap luar", mulai=hari, selesai=hari, populasi=50, oleh=kepala_dinkes
    )
    nrr = [Decimal(n) for n in CONTOH_NRR]
    sv.nrr_simpan(periode=rekap, nrr=nrr, jumlah_responden=40, oleh=kepala_dinkes)
    rtl = sv.rtl_tambah(
        periode=periode, unsur="U9", kegiatan="Tambah kursi", penanggung_jawab="Kasubag Umum",
        tenggat=hari + timedelta(days=30), oleh=operator_dinkes,
    )  # fmt: skip
    sv.rtl_ubah(
        rtl=rtl, unsur="U9", kegiatan="Tambah kursi tunggu", penanggung_jawab="Kasubag Umum",
        tenggat=hari + timedelta(days=40), oleh=operator_dinkes,
    )  # fmt: skip
    bukti = SimpleUploadedFile("bukti.pdf", PDF_KECIL, content_type="application/pdf")
    sv.rtl_selesaikan(
        rtl=rtl, selesai_pada=hari, keterangan="Kursi terpasang.", bukti=bukti, oleh=kepala_dinkes
    )
    sv.kepatuhan_ombudsman_catat(penyelenggara=dinkes, tahun=2024, nilai=Decimal("81"), grade="A", oleh=biro)
    sv.kepatuhan_ombudsman_catat(penyelenggara=dinkes, tahun=2024, nilai=Decimal("79"), grade="B", oleh=biro)

    _semua_tampil(
        auditor,
        [
            "evaluasi.skm.periode.dibuat",
            "evaluasi.skm.periode.diubah",
            "evaluasi.skm.respons.diterima",
            "evaluasi.skm.respons.diimpor",
            "evaluasi.skm.nrr.disimpan",
            "evaluasi.skm.rtl.ditambah",
            "evaluasi.skm.rtl.diubah",
            "evaluasi.skm.rtl.diselesaikan",
            "evaluasi.ombudsman.dicatat",
            "evaluasi.ombudsman.dikoreksi",
        ],
        dinkes,
    )
    assert "nama: Semester I → Semester I 2026" in _tampil(auditor, "evaluasi.skm.periode.diubah", dinkes)
    assert "kegiatan: Tambah kursi → Tambah kursi tunggu" in _tampil(
        auditor, "evaluasi.skm.rtl.diubah", dinkes
    )
    assert "nilai: 81.00 → 79" in _tampil(auditor, "evaluasi.ombudsman.dikoreksi", dinkes)


def test_ambang_zona_ombudsman_lewat_admin_teraudit(client, admin_portal, biro):
    """Ambang menentukan zona nilai Ombudsman: perubahan lewat admin tercatat dengan nilai semula."""
    zona = ZonaOmbudsman.objects.filter(zona="hijau").order_by("-tahun_mulai").first()
    url = f"/admin/survei/zonaombudsman/{zona.pk}/"
    data = {
        "tahun_mulai": zona.tahun_mulai,
        "tahun_selesai": zona.tahun_selesai or "",
        "zona": zona.zona,
        "batas_bawah": "82.00",
        "batas_atas": zona.batas_atas,
    }
    client.force_login(admin_portal)
    assert client.post(f"{url}change/", data).status_code == 302
    client.force_login(biro)
    teks = _tampil(client, "evaluasi.ombudsman.ambang_diubah", None)
    assert f"batas_bawah: {zona.batas_bawah} → 82.00" in teks


# --- Penegakan: pengaduan dan kasus pelanggaran ------------------------------------------------------------


def test_alur_pengaduan_teraudit_per_unit(auditor, dinkes, operator_dinkes, kepala_dinkes):
    publik = sk.pengaduan_kirim_publik(
        penyelenggara=dinkes, uraian="Loket kosong dua jam.", alamat_ip="198.51.100.1"
    )
    dicatat = sk.pengaduan_catat(
        penyelenggara=dinkes,
        saluran=Pengaduan.Saluran.LANGSUNG,
        uraian="Diminta uang pelicin.",
        oleh=operator_dinkes,
    )
    S = Pengaduan.Status
    for status in (S.DIVERIFIKASI, S.DITINDAKLANJUTI, S.SELESAI):
        sk.pengaduan_ubah_status(pengaduan=publik, status=status, oleh=operator_dinkes)
    sk.pengaduan_ubah_status(
        pengaduan=dicatat, status=S.DITOLAK, alasan_ditolak="Bukan wewenang.", oleh=kepala_dinkes
    )

    _semua_tampil(
        auditor,
        [
            "sanksi.pengaduan.dikirim_publik",
            "sanksi.pengaduan.dicatat",
            "sanksi.pengaduan.diverifikasi",
            "sanksi.pengaduan.ditindaklanjuti",
            "sanksi.pengaduan.selesai",
            "sanksi.pengaduan.ditolak",
        ],
        dinkes,
    )
    assert "status: diterima → diverifikasi" in _tampil(auditor, "sanksi.pengaduan.diverifikasi", dinkes)


def test_alur_kasus_pelanggaran_teraudit_per_unit(
    auditor, dinkes, pelaksana_dinkes, pelaksana_labkes, operator_dinkes, kepala_dinkes, kepala_labkes, biro
):
    kasus = _sampai_bap(_buka(pelaksana_dinkes, operator_dinkes), operator_dinkes)
    sanksi = _jatuhkan(kasus, kepala_dinkes)
    keberatan = sk.keberatan_catat(
        sanksi=sanksi, tanggal_diterima=timezone.localdate(), alasan="Saya sakit.", oleh=operator_dinkes
    )
    # Keberatan diputus pejabat penerbit (Kepala Dinkes), bukan lagi Biro (tabel kewenangan).
    sk.keberatan_putus(keberatan=keberatan, dikabulkan=False, pertimbangan="Tanpa bukti.", oleh=kepala_dinkes)
    bebas = _sampai_bap(_buka(pelaksana_dinkes, operator_dinkes, "b"), operator_dinkes, terbukti=False)
    sk.pelanggaran_tidak_terbukti(pelanggaran=bebas, alasan="Tidak terbukti.", oleh=kepala_dinkes)
    # Kasus UPTD (jalur perundang-undangan): tercatat pada Labkes, tampil di Dinkes hanya dengan unit bawahan.
    rujuk = _buka(pelaksana_labkes, kepala_labkes, "d")
    rujukan = _rujuk(rujuk, kepala_labkes)
    sk.rujukan_hasil_catat(
        rujukan=rujukan, hasil="Diteruskan ke APH.", hasil_tanggal=timezone.localdate(), oleh=kepala_labkes
    )
    sk.pelanggaran_selesaikan(pelanggaran=rujuk, oleh=kepala_labkes)

    _semua_tampil(
        auditor,
        [
            "sanksi.pelanggaran.dibuka",
            "sanksi.pelanggaran.dipanggil",
            "sanksi.pelanggaran.diperiksa",
            "sanksi.pelanggaran.bap",
            "sanksi.pelanggaran.sanksi",
            "sanksi.pelanggaran.keberatan",
            "sanksi.pelanggaran.keberatan_diputus",
            "sanksi.pelanggaran.tidak_terbukti",
        ],
        dinkes,
    )
    labkes = rujuk.penyelenggara
    _semua_tampil(
        auditor,
        ["sanksi.pelanggaran.dirujuk", "sanksi.pelanggaran.hasil_rujukan", "sanksi.pelanggaran.selesai"],
        labkes,
    )
    assert "tahap: bap → sanksi" in _tampil(auditor, "sanksi.pelanggaran.sanksi", dinkes)
    r = auditor.get(URL, {"unit": str(dinkes.code), "aksi": "sanksi.pelanggaran.dirujuk"})
    assert r.context["halaman"].paginator.count == 0
    _tampil(auditor, "sanksi.pelanggaran.dirujuk", dinkes, termasuk_bawahan=True)
    # Kode kasus menemukan semua langkahnya, termasuk yang objeknya Pemanggilan/BAP/Sanksi.
    r = auditor.get(URL, {"objek": str(kasus.code)})
    langkah = {j.aksi.rsplit(".", 1)[1] for j in r.context["halaman"].object_list}
    assert {"dibuka", "dipanggil", "diperiksa", "bap", "sanksi", "keberatan", "keberatan_diputus"} <= langkah


# --- Data induk: Pelaksana, jenis layanan, akun ------------------------------------------------------------


def test_data_induk_dan_akun_teraudit_dengan_nilai_lama(auditor, dinkes, operator_dinkes, admin_portal):
    pelaksana = pelaksana_simpan(
        pelaksana=Pelaksana(penyelenggara=dinkes, nama="Rina"), oleh=operator_dinkes, field_diubah=["nama"]
    )
    pelaksana.nama = "Rina Wulandari"
    pelaksana_simpan(pelaksana=pelaksana, oleh=operator_dinkes, field_diubah=["nama"])
    layanan = jenis_layanan_simpan(
        jenis_layanan=JenisLayanan(penyelenggara=dinkes, nama="Izin Apotek"), oleh=operator_dinkes
    )
    layanan.nama = "Izin Apotek dan Toko Obat"
    jenis_layanan_simpan(jenis_layanan=layanan, oleh=operator_dinkes, field_diubah=["nama"])
    akun = pengguna_simpan(
        pengguna=Pengguna(username="op2", nama="Op Dua", peran=Peran.OPERATOR, penyelenggara=dinkes),
        oleh=admin_portal,
        sandi="sandi-rahasia-123",
    )
    akun.peran = Peran.KEPALA
    pengguna_simpan(pengguna=akun, oleh=admin_portal, field_diubah=["peran"])

    _semua_tampil(
        auditor,
        [
            "kode_etik.pelaksana.dibuat",
            "kode_etik.pelaksana.diubah",
            "kode_etik.jenis_layanan.dibuat",
            "kode_etik.jenis_layanan.diubah",
            "akun.pengguna.dibuat",
            "akun.pengguna.diubah",
        ],
        dinkes,
    )
    assert "nama: Rina → Rina Wulandari" in _tampil(auditor, "kode_etik.pelaksana.diubah", dinkes)
    assert "peran: operator → kepala" in _tampil(auditor, "akun.pengguna.diubah", dinkes)
    teks = _tampil(auditor, "akun.pengguna.dibuat", dinkes)
    assert "sandi-rahasia-123" not in teks
    assert not JejakAudit.objects.filter(data__icontains="sandi-rahasia").exists()


def test_setiap_aksi_literal_di_service_punya_label():
    """Kode aksi yang ditulis apa adanya di service punya label sendiri (yang dirangkai f-string diuji alur
    di atas). Penghargaan sedang dibangun terpisah: aksinya tetap terbaca lewat label fallback."""
    akar = Path(__file__).resolve().parent.parent
    berkas = [
        *(akar / "evaluasi" / "services").glob("*.py"),
        *(akar / "survei" / "services").glob("*.py"),
        *(akar / "sanksi" / "services").glob("*.py"),
        akar / "kode_etik" / "services.py",
        akar / "akun" / "services.py",
        akar / "kaltim_yanlik" / "core" / "dokumen.py",
    ]
    # aksi="..." di pemanggilan audit_catat, dan kode aksi literal yang diteruskan ke pembantu _audit.
    aksi_kw = r'aksi="((?:evaluasi|sanksi|kode_etik|akun|dokumen)(?:\.[a-z_0-9]+)+)"'
    literal = r'"((?:evaluasi|sanksi)\.[a-z_0-9]+(?:\.[a-z_0-9]+)+)"'
    pola = re.compile(f"{aksi_kw}|{literal}")
    tertulis = {a or b for p in berkas for a, b in pola.findall(p.read_text())}
    assert len(tertulis) >= 25
    assert sorted(tertulis - set(LABEL_AKSI)) == []
