"""Penghargaan Pelaksana di peramban sungguhan: Kepala Dinas Kesehatan menjalankan penghargaan bulanan
sampai piagam PDF.

Kepala membuka periode bulan lalu dari tab Penghargaan, menyusun tim penilai (ketua dirinya sebagai Kepala
Penyelenggara, sekretaris, tiga kepala bidang), menominasikan dua petugas, memulai penilaian, mengisi lima
lembar nilai, menetapkan penerima dengan nomor Keputusan Kepala Penyelenggara, lalu membuat dan mengunduh
piagamnya. Celery eager dalam uji: PDF dirender selama permintaan "Buat PDF".
"""

import io
import os

# API sinkron Playwright menjalankan loop asyncio di utas uji; tanpa ini Django menolak kueri ORM di utas itu.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

import pytest  # noqa: E402
from django.conf import settings as django_settings  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import timezone  # noqa: E402
from playwright.sync_api import expect  # noqa: E402
from pypdf import PdfReader  # noqa: E402

from penghargaan.models import PeriodePenghargaan  # noqa: E402
from penghargaan.tests.conftest import buat_staf, bulan_lalu  # noqa: E402

pytestmark = pytest.mark.browser

FOLDER_TANGKAPAN = django_settings.BASE_DIR / "var" / "screenshots"
NOMOR = "800/1.4.2/PH/DINKES/2026"


def _teks_pdf(isi: bytes) -> str:
    return " ".join(" ".join(h.extract_text() for h in PdfReader(io.BytesIO(isi)).pages).split())


def _pesan(page, teks: str):
    expect(page.get_by_role("alert").filter(has_text=teks).first).to_be_visible()


def test_kepala_menjalankan_penghargaan_bulanan_sampai_piagam_pdf(
    transactional_db, live_server, masuk_konteks_baru, dinkes, kepala_dinkes
):
    FOLDER_TANGKAPAN.mkdir(parents=True, exist_ok=True)
    staf = buat_staf(dinkes, "Dinkes")
    ani, budi = staf["calon"][:2]
    mulai = bulan_lalu()
    kepala = masuk_konteks_baru("kepala.dinkes")

    # 1. Dari menu Penegakan, tab Penghargaan: buka periode bulanan bulan lalu.
    kepala.get_by_role("link", name="Penegakan").click()
    kepala.get_by_role("link", name="Penghargaan").click()
    kepala.get_by_role("link", name="Buka periode").click()
    kepala.get_by_label("Periode").select_option("bulanan")
    kepala.get_by_label("Bulan pertama").fill(f"{mulai:%Y-%m}")
    kepala.get_by_role("button", name="Buka periode").click()
    _pesan(kepala, "enam kriteria Pergub 8/2025")
    periode = PeriodePenghargaan.objects.get()
    url_periode = live_server.url + reverse("penghargaan:periode_detail", args=[periode.code])
    expect(kepala).to_have_url(url_periode)
    kriteria = kepala.get_by_role("region", name="Kriteria dan bobot")
    expect(kriteria).to_contain_text("Tidak pernah menerima komplain dari pengguna layanan")
    expect(kriteria.locator("tfoot")).to_contain_text("100")

    # 2. Tim penilai: ketua otomatis Kepala Penyelenggara; sekretaris dan tepat tiga anggota.
    kepala.get_by_role("link", name="Susun tim").click()
    expect(kepala.get_by_role("main")).to_contain_text(f"Ketua tim {staf['kepala'].nama}")
    kepala.get_by_label("Sekretaris tim").select_option(str(staf["sekretaris"].pk))
    for p in staf["anggota"]:
        kepala.get_by_label(f"{p.nama} — {p.jabatan}").check()
    kepala.get_by_role("button", name="Simpan tim").click()
    _pesan(kepala, "Tim penilai disusun.")

    # 3. Dua nominasi, lalu penilaian dimulai (susunan dikunci).
    nominasi = kepala.get_by_role("region", name="Nominasi")
    for p, alasan in ((ani, "Selalu menyapa dan cepat."), (budi, "Merapikan antrean.")):
        nominasi.get_by_label("Pelaksana").select_option(str(p.pk))
        nominasi.get_by_label("Alasan pengusulan").fill(alasan)
        nominasi.get_by_role("button", name="Nominasikan").click()
        _pesan(kepala, f"{p.nama} dinominasikan.")
    kepala.get_by_role("button", name="Mulai penilaian").click()
    _pesan(kepala, "Penilaian dimulai")

    # 4. Lima lembar nilai: Ani 90 dan Budi 80 di setiap kriteria yang dinilai tim.
    for i in range(5):
        kepala.get_by_role("region", name="Tim penilai").get_by_role("link", name="Lembar nilai").nth(
            i
        ).click()
        for p, nilai in ((ani, "90"), (budi, "80")):
            for kotak in kepala.locator("tbody tr").filter(has_text=p.nama).locator("input").all():
                kotak.fill(nilai)
        kepala.get_by_role("button", name="Simpan lembar nilai").click()
        _pesan(kepala, "Lembar nilai")
    hasil = kepala.get_by_role("region", name="Hasil penilaian")
    expect(hasil.locator("tbody tr").first).to_contain_text(ani.nama)
    expect(hasil.locator("tbody tr").first).to_contain_text("91,00")  # 0,9 × 90 + 10 (tanpa komplain)
    kepala.screenshot(path=FOLDER_TANGKAPAN / "penghargaan-penilaian.png", full_page=True)

    # 5. Penetapan: Ani menerima piagam dan pin khusus, dengan nomor Keputusan Kepala Penyelenggara.
    kepala.get_by_role("link", name="Tetapkan penerima").click()
    kepala.get_by_label(f"Tetapkan {ani.nama} sebagai penerima").check()
    baris_ani = kepala.locator("tbody tr").filter(has_text=ani.nama)
    baris_ani.get_by_label("Pin khusus").check()
    baris_ani.get_by_label("Setuju namanya ditampilkan di halaman publik").check()
    kepala.get_by_label("Nomor Keputusan Kepala Penyelenggara").fill(NOMOR)
    kepala.get_by_label("Tanggal keputusan").fill(timezone.localdate().isoformat())
    kepala.get_by_role("button", name="Tetapkan").click()
    _pesan(kepala, "Penerima penghargaan ditetapkan.")
    expect(kepala.get_by_text(f"Keputusan Kepala Penyelenggara Nomor {NOMOR}")).to_be_visible()

    # 6. Piagam: buat PDF (eager), unduh, dan baca nama serta nomor keputusannya.
    dokumen = kepala.get_by_role("region", name="Keputusan dan piagam")
    kartu = dokumen.locator(".kartu-dokumen").filter(
        has=kepala.get_by_role("heading", name="Piagam Penghargaan")
    )
    expect(kartu).to_contain_text(ani.nama)
    kartu.get_by_role("button", name="Buat PDF").click()
    tautan = kartu.get_by_role("link", name="Unduh PDF")
    expect(tautan).to_be_visible()
    jawaban = kepala.request.get(live_server.url + tautan.get_attribute("href"))
    assert jawaban.ok and jawaban.headers["content-type"] == "application/pdf"
    teks = _teks_pdf(jawaban.body())
    assert "PIAGAM PENGHARGAAN" in teks and ani.nama in teks and NOMOR in teks
    assert "Pelaksana Pelayanan Publik Teladan" in teks and budi.nama not in teks
    kepala.screenshot(path=FOLDER_TANGKAPAN / "penghargaan-ditetapkan.png", full_page=True)

    # 7. Halaman publik memuat Ani (setuju ditampilkan) tanpa nilai.
    kepala.goto(live_server.url + reverse("penghargaan:publik"))
    expect(kepala.get_by_role("main")).to_contain_text(ani.nama)
    expect(kepala.get_by_role("main")).not_to_contain_text("91,00")
