"""Penegakan kode etik di peramban sungguhan: pengaduan publik → kasus → teguran tertulis → keputusan PDF.

Pelapor anonim mengirim pengaduan lewat formulir publik dan melacaknya dengan kode yang diterimanya. Kepala
Dinas Kesehatan (konteks peramban sendiri, masuk lewat formulir login) membuka kasus dari pengaduan itu atas
larangan huruf a (jalur administratif), mencatat pemanggilan, pemeriksaan, dan BAP "terbukti", menjatuhkan
teguran tertulis, lalu membuat dan mengunduh naskah keputusan sanksinya. Celery eager dalam uji: PDF
dirender selama permintaan "Buat PDF".
"""

import importlib
import io
import os
import re
from datetime import timedelta

# API sinkron Playwright menjalankan loop asyncio di utas uji; tanpa ini Django menolak kueri ORM di utas itu.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

import pytest  # noqa: E402
from django.conf import settings as django_settings  # noqa: E402
from django.core.cache import cache  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import timezone  # noqa: E402
from playwright.sync_api import expect  # noqa: E402
from pypdf import PdfReader  # noqa: E402

from sanksi.models import Pelanggaran, Pengaduan, Sanksi  # noqa: E402

pytestmark = pytest.mark.browser

FOLDER_TANGKAPAN = django_settings.BASE_DIR / "var" / "screenshots"
URAIAN_PENGADUAN = "Petugas loket meminta uang tambahan di luar tarif resmi untuk mempercepat surat."
NOMOR_KEPUTUSAN = "862/77/DINKES/2026"


@pytest.fixture
def larangan_pasal_10(transactional_db):
    """Norma dan larangan Pasal 10 dari migrasi data kode_etik 0002, dipasang ulang bila perlu.

    transactional_db mengosongkan semua tabel setelah setiap uji, termasuk data migrasi, sehingga uji
    peramban yang berjalan lebih dulu menghapus larangan ini. Fungsi migrasinya memakai update_or_create.
    """
    from django.apps import apps

    importlib.import_module("kode_etik.migrations.0002_norma_pergub_8_2025").pasang(apps, None)


@pytest.fixture
def formulir_publik_tanpa_jeda(settings):
    """Formulir publik dapat dikirim segera (tanpa waktu isi minimal) dan penghitung batas kiriman kosong."""
    settings.MINIMAL_DETIK_ISI_PUBLIK = 0
    cache.clear()
    yield
    cache.clear()


def _teks_pdf(isi: bytes) -> str:
    return " ".join(" ".join(h.extract_text() for h in PdfReader(io.BytesIO(isi)).pages).split())


def _simpan_langkah(page, langkah: str, judul: str):
    """Kirim formulir langkah ``langkah`` lalu tunggu pesan "<judul> tercatat." dari halaman kasus."""
    page.locator(f"#form-{langkah}").get_by_role("button", name=re.compile(r"^Simpan")).click()
    expect(page.get_by_role("alert").filter(has_text=f"{judul} tercatat.")).to_be_visible()
    expect(page.locator(f"#form-{langkah}")).to_have_count(0)


def test_pengaduan_publik_menjadi_kasus_teguran_tertulis_dengan_keputusan_pdf(
    transactional_db,
    live_server,
    halaman,
    masuk_konteks_baru,
    larangan_pasal_10,
    formulir_publik_tanpa_jeda,
    dinkes,
    kepala_dinkes,
    pelaksana_dinkes,
):
    FOLDER_TANGKAPAN.mkdir(parents=True, exist_ok=True)
    hari = timezone.localdate()
    tgl_surat, tgl_periksa, tgl_bap, tgl_keputusan = (hari - timedelta(days=n) for n in (6, 3, 2, 1))

    # 1. Pelapor anonim mengirim pengaduan dan melacaknya dengan kode yang ditampilkan.
    publik = halaman
    publik.goto(live_server.url + reverse("sanksi:pengaduan_publik"))
    publik.get_by_label("Unit pelayanan yang diadukan").select_option(label=dinkes.nama)
    publik.get_by_label("Uraian pengaduan").fill(URAIAN_PENGADUAN)
    publik.get_by_role("button", name="Kirim pengaduan").click()
    expect(publik).to_have_url(live_server.url + reverse("sanksi:pengaduan_terkirim"))
    expect(publik.get_by_role("heading", level=1)).to_have_text("Pengaduan Anda sudah kami terima")
    kode = publik.locator("#kode-lacak").inner_text().strip()
    assert re.fullmatch(r"[A-Z0-9]{8}", kode), kode
    pengaduan = Pengaduan.objects.get(kode_lacak=kode)
    assert pengaduan.penyelenggara == dinkes and pengaduan.status == Pengaduan.Status.DITERIMA

    publik.goto(live_server.url + reverse("sanksi:pengaduan_lacak"))
    publik.get_by_label("Kode lacak").fill(kode.lower())
    publik.get_by_role("button", name="Lacak").click()
    hasil_lacak = publik.get_by_role("region", name=f"Pengaduan {kode}")
    expect(hasil_lacak).to_contain_text(dinkes.nama)
    expect(hasil_lacak.locator(".badge")).to_have_text("Diterima")
    expect(hasil_lacak).not_to_contain_text(pelaksana_dinkes.nama)

    # 2. Kepala Dinas Kesehatan membuka kasus dari pengaduan itu (larangan huruf a, jalur administratif).
    kepala = masuk_konteks_baru(kepala_dinkes.username)
    kepala.goto(live_server.url + reverse("sanksi:pengaduan_daftar"))
    kepala.get_by_role("table").get_by_role("link", name=kode, exact=True).click()
    expect(kepala.get_by_role("heading", level=1)).to_have_text(f"Pengaduan {kode}")
    expect(kepala.get_by_text(URAIAN_PENGADUAN)).to_be_visible()
    kepala.get_by_role("link", name="Buka kasus dari pengaduan ini").click()
    expect(kepala).to_have_url(
        live_server.url + reverse("sanksi:kasus_buka") + f"?pengaduan={pengaduan.code}"
    )
    form_buka = kepala.get_by_role("form", name="Buka kasus")
    form_buka.get_by_label("Pelaksana", exact=True).select_option(
        label=f"{pelaksana_dinkes.nama} — {dinkes.nama_pendek}"
    )
    form_buka.get_by_role("radio", name=re.compile(r"^Huruf a — .*\[administratif\]$")).check()
    form_buka.get_by_label("Sumber").select_option(label="Pengaduan masyarakat")
    form_buka.get_by_label("Pengaduan (opsional)", exact=True).select_option(
        label=f"{kode} — {dinkes.nama_pendek} (diterima)"
    )
    form_buka.get_by_label("Uraian dugaan pelanggaran").fill(
        "Menurut pengaduan, Pelaksana meminta imbalan di luar tarif resmi di loket surat keterangan."
    )
    form_buka.get_by_role("button", name="Buka kasus").click()
    expect(kepala.get_by_role("alert").filter(has_text="dibuka (sanksi administratif)")).to_be_visible()
    kasus = Pelanggaran.objects.get(pengaduan=pengaduan)
    url_kasus = live_server.url + reverse("sanksi:kasus_detail", args=[kasus.code])
    expect(kepala).to_have_url(url_kasus)
    assert (kasus.pelaksana, kasus.larangan.huruf, kasus.jalur) == (
        pelaksana_dinkes,
        "a",
        Pelanggaran.Jalur.ADMINISTRATIF,
    )
    expect(kepala.get_by_role("heading", level=1)).to_have_text(f"Kasus {pelaksana_dinkes.nama}")
    expect(kepala.locator("main")).to_contain_text(kode)  # linimasa menautkan pengaduannya

    # 3. Langkah administratif berurutan; halaman hanya menampilkan formulir langkah berikut.
    form = kepala.locator("#form-pemanggilan")
    expect(kepala.locator("#form-pemeriksaan")).to_have_count(0)
    form.get_by_label("Nomor surat panggilan").fill("800/41/DINKES/2026")
    form.get_by_label("Tanggal surat", exact=True).fill(tgl_surat.isoformat())
    form.get_by_label("Hari dan jam pemeriksaan").fill(f"{tgl_periksa.isoformat()}T09:30")
    form.get_by_label("Tempat pemeriksaan").fill("Ruang Rapat Dinas Kesehatan")
    _simpan_langkah(kepala, "pemanggilan", "Pemanggilan")

    form = kepala.locator("#form-pemeriksaan")
    form.get_by_label("Tanggal pemeriksaan").fill(tgl_periksa.isoformat())
    form.get_by_label("Pemeriksa", exact=True).fill("Drs. Pemeriksa Satu\nIr. Pemeriksa Dua")
    form.get_by_label("Ringkasan pemeriksaan").fill("Pelaksana hadir dan memberikan keterangan.")
    _simpan_langkah(kepala, "pemeriksaan", "Pemeriksaan")

    form = kepala.locator("#form-bap")
    form.get_by_label("Nomor BAP").fill("BAP/12/DINKES/2026")
    form.get_by_label("Tanggal BAP").fill(tgl_bap.isoformat())
    form.get_by_label("Keterangan Pelaksana yang diperiksa").fill("Mengakui menerima uang tambahan.")
    form.get_by_label("Temuan pemeriksa").fill("Keterangan saksi dan rekaman CCTV loket.")
    form.get_by_role("radio", name="Pelanggaran terbukti", exact=True).check()
    _simpan_langkah(kepala, "bap", "Berita acara pemeriksaan")

    form = kepala.locator("#form-sanksi")
    form.get_by_role("radio", name="Teguran tertulis", exact=True).check()
    form.get_by_label("Nomor keputusan").fill(NOMOR_KEPUTUSAN)
    form.get_by_label("Tanggal keputusan").fill(tgl_keputusan.isoformat())
    form.get_by_label("Pertimbangan", exact=True).fill("perbuatan tersebut baru pertama kali dilakukan")
    _simpan_langkah(kepala, "sanksi", "Penjatuhan sanksi")

    expect(kepala.locator("main .badge").filter(has_text="Sanksi dijatuhkan")).to_be_visible()
    kasus.refresh_from_db()
    assert kasus.tahap == Pelanggaran.Tahap.SANKSI and kasus.ditutup_pada is not None
    assert (kasus.sanksi.jenis, kasus.sanksi.nomor_keputusan, kasus.sanksi.tanggal_keputusan) == (
        Sanksi.Jenis.TEGURAN_TERTULIS,
        NOMOR_KEPUTUSAN,
        tgl_keputusan,
    )

    # 4. Naskah keputusan sanksi: buat PDF (eager, selesai dalam permintaan), lalu unduh dan baca isinya.
    naskah = kepala.get_by_role("region", name="Naskah")
    kartu = naskah.locator(".kartu-dokumen").filter(
        has=kepala.get_by_role("heading", name="Keputusan Sanksi")
    )
    expect(kartu).to_contain_text(f"Nomor {NOMOR_KEPUTUSAN}")
    expect(kartu).to_contain_text("Belum pernah dibuat.")
    kartu.get_by_role("button", name="Buat PDF").click()
    expect(kepala).to_have_url(url_kasus)
    tautan_unduh = kartu.get_by_role("link", name="Unduh PDF")
    expect(tautan_unduh).to_be_visible()
    expect(kartu).to_contain_text("Selesai")

    jawaban = kepala.request.get(live_server.url + tautan_unduh.get_attribute("href"))
    assert jawaban.ok and jawaban.headers["content-type"] == "application/pdf"
    teks = _teks_pdf(jawaban.body())
    assert f"KEPADA SDR. {pelaksana_dinkes.nama.upper()}" in teks  # judul keputusan: huruf kapital
    assert f"Sdr. {pelaksana_dinkes.nama} terbukti melanggar" in teks  # diktum "Menimbang"
    assert "TEGURAN TERTULIS" in teks
    assert NOMOR_KEPUTUSAN in teks

    kepala.screenshot(path=FOLDER_TANGKAPAN / "penegakan-kasus-sanksi.png", full_page=True)
