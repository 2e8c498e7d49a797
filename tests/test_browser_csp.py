"""Content-Security-Policy di peramban sungguhan: halaman utama tiap persona tanpa pelanggaran CSP dan tanpa
pesan di konsol.

Pelanggaran ditangkap dua cara: peristiwa ``securitypolicyviolation`` (dilaporkan ke Python lewat fungsi yang
diekspos Playwright) dan pesan konsol (Chromium juga menulis setiap penolakan CSP ke konsol). Halaman yang
dibuka memuat grafik SVG (core/grafik_svg.py, tanpa gaya inline), skrip statis (F-01, pemilih
lokus, cetak QR), formulir publik, dan Django admin (jQuery, select2 autocomplete).
"""

import os
from datetime import timedelta

# API sinkron Playwright menjalankan loop asyncio di utas uji; tanpa ini Django menolak kueri ORM di utas itu.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

import pytest  # noqa: E402
from django.urls import reverse  # noqa: E402

from evaluasi import services  # noqa: E402
from evaluasi.jendela import hari_ini  # noqa: E402
from evaluasi.models import SiklusMonev  # noqa: E402
from evaluasi.tests.alur import indikator, nilai, nomor_dinilai, unggah_slot_wajib  # noqa: E402
from kode_etik.models import JenisLayanan  # noqa: E402
from sanksi import services as sanksi_services  # noqa: E402
from survei.services import nrr_simpan, periode_skm_buat  # noqa: E402

pytestmark = pytest.mark.browser

LAPOR_PELANGGARAN = """
document.addEventListener("securitypolicyviolation", (e) => {
  window.laporCsp(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber} ${e.sample}`);
});
"""
# Tingkat konsol yang bukan keluhan (mis. pesan informatif Chromium); selain ini dihitung sebagai temuan.
KONSOL_DIABAIKAN = {"debug", "verbose", "info", "log"}


@pytest.fixture
def instrumen_2025(transactional_db):
    """Instrumen 2025 dari migrasi 0002, dipasang ulang (transactional_db mengosongkan data migrasi)."""
    from evaluasi.tests.alur import pasang_instrumen_2025

    return pasang_instrumen_2025()


@pytest.fixture
def evaluasi_dinilai(instrumen_2025, dinkes, biro, operator_dinkes, kepala_dinkes):
    """Evaluasi Dinkes selesai dinilai (ada hasil → grafik aspek, peringkat, dan distribusi tampil)."""
    hari = hari_ini()
    siklus = services.siklus_buka(
        siklus=SiklusMonev(
            tahun=2025,
            nama="Monev PEKPPP 2025",
            instrumen=instrumen_2025,
            pengisian_mulai=hari - timedelta(days=10),
            pengisian_selesai=hari + timedelta(days=10),
            penilaian_mulai=hari - timedelta(days=5),
            penilaian_selesai=hari + timedelta(days=10),
            perbaikan_mulai=hari + timedelta(days=20),
            perbaikan_selesai=hari + timedelta(days=30),
            finalisasi_mulai=hari + timedelta(days=40),
            finalisasi_selesai=hari + timedelta(days=50),
        ),
        oleh=biro,
        lokus=[dinkes],
    )
    evaluasi = siklus.evaluasi.get()
    services.jawaban_simpan(
        evaluasi=evaluasi,
        indikator=indikator(instrumen_2025, 2),
        isian={"unsur": ["pengguna_layanan", "ahli"]},
        catatan="<script>alert('catatan')</script>",
        versi=0,
        oleh=operator_dinkes,
    )
    unggah_slot_wajib(evaluasi, operator_dinkes)
    services.evaluasi_ajukan(evaluasi=evaluasi, oleh=kepala_dinkes)
    nilai(evaluasi, biro, dict.fromkeys(nomor_dinilai(instrumen_2025), 3))
    services.evaluasi_selesai_dinilai(evaluasi=evaluasi, oleh=biro)
    evaluasi.refresh_from_db()
    return evaluasi


@pytest.fixture
def periode_skm(dinkes, kepala_dinkes):
    """Periode SKM terbuka dengan satu jenis layanan (formulir survei publik)."""
    JenisLayanan.objects.create(penyelenggara=dinkes, nama="Izin Apotek")
    hari = hari_ini()
    periode = periode_skm_buat(
        penyelenggara=dinkes,
        nama="Semester II",
        mulai=hari - timedelta(days=10),
        selesai=hari + timedelta(days=10),
        populasi=1000,
        oleh=kepala_dinkes,
    )
    return periode


@pytest.fixture
def pengaduan(dinkes):
    return sanksi_services.pengaduan_kirim_publik(
        penyelenggara=dinkes, uraian="<img src=x onerror=alert(1)> Loket kosong.", alamat_ip="198.51.100.1"
    )


class Pengamat:
    """Kumpulkan pelanggaran CSP, galat JS, dan pesan konsol dari satu tab, per halaman yang dibuka."""

    def __init__(self, page):
        self.page = page
        self.temuan: list[str] = []
        page.expose_function("laporCsp", lambda teks: self.temuan.append(f"CSP {page.url}: {teks}"))
        page.add_init_script(LAPOR_PELANGGARAN)
        page.on("console", self._konsol)
        page.on("pageerror", lambda galat: self.temuan.append(f"JS {page.url}: {galat}"))
        page.on("response", self._respons)

    def _respons(self, respons):
        if respons.status >= 400 and respons.url != self.page.url:
            self.temuan.append(f"sumber {respons.status} {respons.url} (di {self.page.url})")

    def _konsol(self, pesan):
        # "Failed to load resource" untuk sumber halaman sudah dicatat _respons (dengan alamatnya); sisanya
        # adalah /favicon.ico yang diminta Chromium sendiri di halaman tanpa ikon (admin, lembar QR).
        if pesan.text.startswith("Failed to load resource"):
            return
        if pesan.type not in KONSOL_DIABAIKAN:
            self.temuan.append(f"konsol {pesan.type} {self.page.url}: {pesan.text}")

    def buka(self, url: str, status: int = 200):
        respons = self.page.goto(url)
        assert respons.status == status, f"{url}: {respons.status}"
        assert "Content-Security-Policy" in {k.title(): v for k, v in respons.headers.items()}
        self.page.wait_for_load_state("networkidle")
        return self.page


def test_halaman_biro_dan_kepala_tanpa_pelanggaran_csp(
    live_server, masuk_konteks_baru, halaman, evaluasi_dinilai, periode_skm, pengaduan, biro, kepala_dinkes
):
    periode, dinkes = periode_skm, evaluasi_dinilai.penyelenggara

    def url(alamat: str) -> str:
        return live_server.url + alamat

    # Publik: halaman login, formulir pengaduan, survei SKM (gaya dari survei.css).
    publik = Pengamat(halaman)
    publik.buka(url(reverse("akun:masuk")))
    publik.buka(url(reverse("sanksi:pengaduan_publik")))
    publik.buka(url(reverse("survei:survei_publik", args=[periode.code])))
    publik.buka(url(reverse("kode_etik:publik")))

    # Kepala unit: beranda, evaluasi + grafik hasil, F-01 (f01.js), SKM dengan QR dan lembar cetak.
    kepala = Pengamat(masuk_konteks_baru(kepala_dinkes.username))
    kepala.buka(url(reverse("beranda")))
    kepala.buka(url(reverse("evaluasi:daftar")))
    halaman_detail = kepala.buka(url(reverse("evaluasi:detail", args=[evaluasi_dinilai.code])))
    assert halaman_detail.locator("svg[role=img]").count() >= 1, "grafik hasil tidak tampil"
    kepala.buka(url(reverse("evaluasi:f01", args=[evaluasi_dinilai.code, 2])))
    kepala.buka(url(reverse("survei:skm_detail", args=[periode.code])))
    kepala.buka(url(reverse("survei:skm_qr", args=[periode.code])))
    # Formulir survei ditutup setelah NRR manual; karena itu survei publik dibuka lebih dulu di atas.
    nrr_simpan(periode=periode, nrr=[3.5] * 9, jumlah_responden=300, oleh=kepala_dinkes)
    hasil_skm = kepala.buka(url(reverse("survei:skm_hasil", args=[periode.code])))
    assert hasil_skm.locator("svg[role=img]").count() >= 1, "grafik NRR tidak tampil"
    kepala.buka(url(reverse("sanksi:pengaduan_daftar")))
    kepala.buka(url(reverse("sanksi:pengaduan_detail", args=[pengaduan.code])))

    # Biro: siklus (grafik peringkat/distribusi), pemilih lokus (siklus_lokus.js), F-02, admin.
    biro_page = masuk_konteks_baru(biro.username)
    pengamat_biro = Pengamat(biro_page)
    pengamat_biro.buka(url(reverse("beranda")))
    pengamat_biro.buka(url(reverse("evaluasi:siklus_daftar")))
    siklus = pengamat_biro.buka(url(reverse("evaluasi:siklus_detail", args=[evaluasi_dinilai.siklus.code])))
    assert siklus.locator("svg[role=img]").count() >= 1, "grafik siklus tidak tampil"
    pengamat_biro.buka(url(reverse("evaluasi:nilai", args=[evaluasi_dinilai.code])))
    baru = pengamat_biro.buka(url(reverse("evaluasi:siklus_baru")))
    # Skrip pemilih lokus yang dipindah dari <script> inline benar-benar berjalan.
    assert "dipilih" in baru.locator("[data-lokus-jumlah]").inner_text()
    pengamat_biro.buka(url(reverse("survei:ombudsman_daftar")))
    pengamat_biro.buka(url(reverse("admin:index")))
    ubah = pengamat_biro.buka(url(reverse("admin:kode_etik_penyelenggara_change", args=[dinkes.pk])))
    # Autocomplete select2 dan baris inline admin terpasang (jQuery dan skrip admin dari berkas statis).
    assert ubah.locator(".select2-container").count() >= 1
    pengamat_biro.buka(url(reverse("admin:kode_etik_penyelenggara_import")))

    assert not (publik.temuan + kepala.temuan + pengamat_biro.temuan)
