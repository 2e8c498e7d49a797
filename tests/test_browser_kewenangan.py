"""Kasus terhadap Kepala Penyelenggara di peramban sungguhan (BAB 6 angka 3 Pergub 8/2025).

Biro Organisasi membuka kasus terhadap Kepala Dinas Kesehatan dan menyiapkan berkasnya (pemanggilan,
pemeriksaan, BAP); keputusan tidak tersedia bagi Biro sebagai Sekda. Sekretaris Daerah masuk lewat formulir
login, melihat kasus itu di berandanya, menjatuhkan sanksi, membuat dan mengunduh keputusan PDF: naskahnya
atas nama Sekretaris Daerah yang tercatat menjabat pada tanggal keputusan.
"""

import importlib
import io
import os
import re
from datetime import timedelta

# API sinkron Playwright menjalankan loop asyncio di utas uji; tanpa ini Django menolak kueri ORM di utas itu.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

import pytest  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import timezone  # noqa: E402
from playwright.sync_api import expect  # noqa: E402
from pypdf import PdfReader  # noqa: E402

from sanksi.models import Pelanggaran  # noqa: E402

pytestmark = pytest.mark.browser
NOMOR = "800.1.6.4/12/SETDA/2026"


@pytest.fixture
def larangan_pasal_10(transactional_db):
    """Larangan Pasal 10 dipasang ulang (transactional_db mengosongkan data migrasi uji sebelumnya)."""
    from django.apps import apps

    importlib.import_module("kode_etik.migrations.0002_norma_pergub_8_2025").pasang(apps, None)


@pytest.fixture
def kepala_dinkes_tercatat(dinkes):
    kepala = dinkes.pelaksana.create(nama="dr. Hendra Saputra, M.Kes.", nip="197001011995031001",
                                     jabatan="Kepala Dinas Kesehatan")  # fmt: skip
    dinkes.kepala = kepala
    dinkes.save(update_fields=["kepala"])
    return kepala


def _simpan(page, langkah: str, judul: str):
    page.locator(f"#form-{langkah}").get_by_role("button", name=re.compile(r"^Simpan")).click()
    expect(page.get_by_role("alert").filter(has_text=f"{judul} tercatat.")).to_be_visible()


def test_biro_menyiapkan_sekda_memutus_dan_mengunduh_keputusan_bertanda_tangan_sekda(
    transactional_db,
    live_server,
    masuk_konteks_baru,
    larangan_pasal_10,
    biro,
    sekda,
    pejabat_provinsi,
    kepala_dinkes_tercatat,
):
    hari = timezone.localdate()
    t_surat, t_periksa, t_bap, t_putus = (hari - timedelta(days=n) for n in (8, 6, 5, 2))

    # 1. Biro membuka kasus terhadap Kepala Dinkes dan menyiapkan berkasnya.
    b = masuk_konteks_baru(biro.username)
    b.goto(live_server.url + reverse("sanksi:kasus_buka"))
    form = b.get_by_role("form", name="Buka kasus")
    form.get_by_label("Pelaksana", exact=True).select_option(label=f"{kepala_dinkes_tercatat.nama} — Dinkes")
    form.get_by_role("radio", name=re.compile(r"^Huruf j — .*\[administratif\]$")).check()
    form.get_by_label("Uraian dugaan pelanggaran").fill(
        "Menambah tenaga loket tanpa persetujuan pejabat berwenang."
    )
    form.get_by_role("button", name="Buka kasus").click()
    expect(b.get_by_role("alert").filter(has_text="keputusannya oleh Sekretaris Daerah")).to_be_visible()
    kasus = Pelanggaran.objects.get(pelaksana=kepala_dinkes_tercatat)
    assert kasus.ditangani_biro

    f = b.locator("#form-pemanggilan")
    f.get_by_label("Nomor surat panggilan").fill("800/5/BIRO-ORG/2026")
    f.get_by_label("Tanggal surat", exact=True).fill(t_surat.isoformat())
    f.get_by_label("Hari dan jam pemeriksaan").fill(f"{t_periksa.isoformat()}T10:00")
    f.get_by_label("Tempat pemeriksaan").fill("Ruang Rapat Biro Organisasi")
    _simpan(b, "pemanggilan", "Pemanggilan")
    f = b.locator("#form-pemeriksaan")
    f.get_by_label("Tanggal pemeriksaan").fill(t_periksa.isoformat())
    f.get_by_label("Pemeriksa", exact=True).fill("Analis Biro Organisasi")
    f.get_by_label("Ringkasan pemeriksaan").fill("Kepala Dinas hadir dan memberi keterangan.")
    _simpan(b, "pemeriksaan", "Pemeriksaan")
    f = b.locator("#form-bap")
    f.get_by_label("Nomor BAP").fill("BAP/3/BIRO-ORG/2026")
    f.get_by_label("Tanggal BAP").fill(t_bap.isoformat())
    f.get_by_label("Keterangan Pelaksana yang diperiksa").fill("Mengakui menambah tenaga loket.")
    f.get_by_label("Temuan pemeriksa").fill("Tidak ada persetujuan tertulis.")
    f.get_by_role("radio", name="Pelanggaran terbukti", exact=True).check()
    _simpan(b, "bap", "Berita acara pemeriksaan")
    # Biro hanya dapat mencatat keputusan Gubernur; keputusan Sekda diambil Sekda sendiri.
    keputusan = b.locator("#form-sanksi")
    expect(keputusan).to_contain_text("Sekretaris Daerah atau Biro Organisasi (mencatat keputusan Gubernur)")
    expect(keputusan).to_contain_text("ditandatangani Gubernur")

    # 2. Sekda masuk, melihat kasus yang menunggunya di beranda, dan menjatuhkan sanksi.
    s = masuk_konteks_baru(sekda.username)
    kartu = s.locator("#kartu-keputusan")
    expect(kartu).to_contain_text("Dra. Sekda Uji, M.Si.")
    kartu.get_by_role("link", name="Buka kasus").click()
    expect(s.get_by_role("heading", level=1)).to_have_text(f"Kasus {kepala_dinkes_tercatat.nama}")
    f = s.locator("#form-sanksi")
    expect(f).to_contain_text("ditandatangani Sekretaris Daerah")
    f.get_by_role("radio", name="Teguran tertulis", exact=True).check()
    f.get_by_label("Nomor keputusan").fill(NOMOR)
    f.get_by_label("Tanggal keputusan").fill(t_putus.isoformat())
    f.get_by_label("Pertimbangan", exact=True).fill("pelanggaran pertama dan terperiksa kooperatif")
    _simpan(s, "sanksi", "Penjatuhan sanksi")
    kasus.refresh_from_db()
    assert (kasus.sanksi.penanda_tangan, kasus.sanksi.dicatat_oleh) == ("sekda", sekda)

    # 3. Keputusan PDF: dibuat (eager) lalu diunduh; naskah atas nama Sekda yang tercatat.
    naskah = s.get_by_role("region", name="Naskah")
    kartu_pdf = naskah.locator(".kartu-dokumen").filter(has=s.get_by_role("heading", name="Keputusan Sanksi"))
    kartu_pdf.get_by_role("button", name="Buat PDF").click()
    unduh = kartu_pdf.get_by_role("link", name="Unduh PDF")
    expect(unduh).to_be_visible()
    jawaban = s.request.get(live_server.url + unduh.get_attribute("href"))
    assert jawaban.ok and jawaban.headers["content-type"] == "application/pdf"
    teks = " ".join(" ".join(h.extract_text() for h in PdfReader(io.BytesIO(jawaban.body())).pages).split())
    assert "KEPUTUSAN SEKRETARIS DAERAH PROVINSI KALIMANTAN TIMUR" in teks and NOMOR in teks
    assert "Dra. Sekda Uji, M.Si." in teks and "196901011990032001" in teks
    assert kepala_dinkes_tercatat.nama.upper() in teks
