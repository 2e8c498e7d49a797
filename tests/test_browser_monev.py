"""Alur monev di peramban sungguhan: F-01 dan bukti (operator), pengajuan (kepala), F-02 (Biro), hasil.

Setiap persona masuk lewat formulir login dalam konteks peramban sendiri (cookie terpisah). Siklus dibuka
lewat service dengan jendela pengisian dan penilaian yang sama-sama memuat hari ini, sehingga seluruh alur
berjalan dalam satu uji. Agar singkat, hanya indikator 2 yang diisi unit (slot wajib hanya diminta untuk
usulan di atas level 0), dan Biro menilai 29 indikator lain lewat service sebelum menilai indikator 2 lewat
halaman F-02.
"""

import os
import re
from datetime import timedelta

# API sinkron Playwright menjalankan loop asyncio di utas uji; tanpa ini Django menolak kueri ORM di utas itu.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

import pytest  # noqa: E402
from django.conf import settings  # noqa: E402
from django.urls import reverse  # noqa: E402
from playwright.sync_api import expect  # noqa: E402

from evaluasi import services  # noqa: E402
from evaluasi.jendela import hari_ini  # noqa: E402
from evaluasi.models import Evaluasi, Indikator, SiklusMonev  # noqa: E402
from evaluasi.skor import hitung_ipp  # noqa: E402

pytestmark = pytest.mark.browser

FOLDER_TANGKAPAN = settings.BASE_DIR / "var" / "screenshots"
SANDI = "sandi-uji-123"
PDF_KECIL = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
SLOT_WAJIB_2 = "Berita acara (kesepakatan) Forum Konsultasi Publik"
UNSUR_DICENTANG = ("Masyarakat pengguna layanan", "Ahli/praktisi/akademisi", "Media massa")
LEVEL_HALAMAN_2 = 4  # level indikator 2 yang dipilih Biro di halaman F-02


@pytest.fixture
def instrumen_2025(transactional_db):
    """Instrumen 2025 dari migrasi data 0002, dipasang ulang bila perlu.

    transactional_db mengosongkan semua tabel setelah setiap uji, termasuk data migrasi, sehingga uji
    peramban yang berjalan lebih dulu menghapus instrumen ini. serialized_rollback tidak dipakai: setelah
    flush uji lain, post_migrate membuat ulang ContentType dengan pk baru dan pemulihannya bertabrakan.
    Fungsi migrasi itu sendiri tidak berbuat apa-apa bila instrumen masih ada.
    """
    from evaluasi.tests.alur import pasang_instrumen_2025

    return pasang_instrumen_2025()


@pytest.fixture
def evaluasi_dinkes(instrumen_2025, dinkes, biro):
    """Siklus 2025 dengan lokus Dinas Kesehatan saja; pengisian dan penilaian sama-sama berjalan hari ini."""
    hari = hari_ini()
    siklus = SiklusMonev(
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
    )
    siklus = services.siklus_buka(siklus=siklus, oleh=biro, lokus=[dinkes])
    return siklus.evaluasi.get()


def _buka_evaluasi_dari_daftar(page, evaluasi):
    page.locator("#navUtama").get_by_role("link", name="Evaluasi", exact=True).click()
    page.get_by_role("table").get_by_role("link", name=evaluasi.penyelenggara.nama).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(evaluasi.penyelenggara.nama)


def _teks_ipp(hasil) -> str:
    return f"{hasil.ipp_bulat:.2f}".replace(".", ",")


def test_alur_monev_f01_pengajuan_f02_hingga_hasil(
    transactional_db,
    live_server,
    masuk_lewat_peramban,
    masuk_konteks_baru,
    evaluasi_dinkes,
    operator_dinkes,
    kepala_dinkes,
    biro,
):
    FOLDER_TANGKAPAN.mkdir(parents=True, exist_ok=True)
    evaluasi = evaluasi_dinkes
    url_detail = live_server.url + reverse("evaluasi:detail", args=[evaluasi.code])

    # 1. Operator mengisi F-01 indikator 2 dan mengunggah bukti wajibnya.
    operator = masuk_lewat_peramban(operator_dinkes.username, SANDI)
    operator.on("dialog", lambda d: d.accept())
    _buka_evaluasi_dari_daftar(operator, evaluasi)
    expect(operator).to_have_url(url_detail)
    operator.get_by_role("row").filter(has_text="2.a.P").get_by_role("link").click()
    expect(operator.get_by_role("heading", level=1)).to_contain_text("Indikator 2")
    for unsur in UNSUR_DICENTANG:
        operator.get_by_role("checkbox", name=unsur, exact=True).check()
    expect(operator.locator("[data-nilai-level]")).to_have_text("3")  # pratinjau sebelum disimpan
    operator.get_by_role("button", name="Simpan isian").click()
    expect(operator.get_by_role("alert")).to_contain_text("Isian indikator 2 tersimpan. Usulan level: 3.")
    expect(operator.locator("[data-nilai-level]")).to_have_text("3")

    kartu_slot = operator.get_by_role("article", name=SLOT_WAJIB_2)
    kartu_slot.locator("input[type=file]").set_input_files(
        {"name": "ba-fkp.pdf", "mimeType": "application/pdf", "buffer": PDF_KECIL}
    )
    kartu_slot.get_by_label("Berlaku per tanggal").fill(evaluasi.siklus.pengisian_mulai.isoformat())
    kartu_slot.get_by_role("button", name="Unggah").click()
    pesan_unggah = f"Berkas ba-fkp.pdf diunggah pada «{SLOT_WAJIB_2}»."
    expect(kartu_slot.get_by_role("alert")).to_contain_text(pesan_unggah)  # dipindah f01.js ke kartu slot
    expect(kartu_slot.get_by_role("link", name=re.compile("ba-fkp.pdf"))).to_be_visible()
    operator.screenshot(path=FOLDER_TANGKAPAN / "monev-f01.png", full_page=True)

    # 2. Kepala mengajukan ke Biro Organisasi (dialog konfirmasi diterima).
    kepala = masuk_konteks_baru(kepala_dinkes.username)
    kepala.on("dialog", lambda d: d.accept())
    _buka_evaluasi_dari_daftar(kepala, evaluasi)
    expect(kepala.locator("#baris-2 [data-usulan]")).to_have_text("3")
    expect(kepala.get_by_text("Semua bukti dukung wajib")).to_be_visible()
    kepala.get_by_role("button", name="Ajukan ke Biro Organisasi").click()
    expect(kepala.get_by_role("alert")).to_contain_text("diajukan ke Biro Organisasi")
    expect(kepala.locator("main .badge.text-bg-warning").first).to_have_text("Diajukan")
    evaluasi.refresh_from_db()
    assert evaluasi.status == Evaluasi.Status.DIAJUKAN

    # 3. Biro menilai: 29 indikator lewat service, indikator 2 lewat halaman F-02, lalu "Selesai dinilai".
    indikator = {
        i.nomor: i
        for i in Indikator.objects.filter(aspek__instrumen=evaluasi.siklus.instrumen, suplemen=False)
    }
    level = {nomor: nomor % 6 for nomor in indikator}
    level[2] = LEVEL_HALAMAN_2
    for nomor, lvl in level.items():
        if nomor != 2:
            services.penilaian_simpan(
                evaluasi=evaluasi,
                indikator=indikator[nomor],
                level=lvl,
                catatan="",
                rekomendasi="",
                alasan="",
                oleh=biro,
            )
    harapan = hitung_ipp(level, evaluasi.siklus.instrumen)

    penilai = masuk_konteks_baru(biro.username)
    penilai.on("dialog", lambda d: d.accept())
    _buka_evaluasi_dari_daftar(penilai, evaluasi)
    penilai.get_by_role("link", name="Buka penilaian evaluator (F-02)").click()
    expect(penilai).to_have_url(live_server.url + reverse("evaluasi:nilai", args=[evaluasi.code]))
    expect(penilai.get_by_text(f"{len(level) - 1} dari {len(level)} indikator dinilai")).to_be_visible()
    kartu_2 = penilai.locator("#indikator-2")
    expect(kartu_2.get_by_text("3 dari 5 dicentang")).to_be_visible()
    expect(kartu_2.get_by_role("link", name=re.compile("ba-fkp.pdf"))).to_be_visible()
    kartu_2.locator(f"input[name='i2-level'][value='{LEVEL_HALAMAN_2}']").check()
    kartu_2.get_by_label("Catatan evaluator").fill("Berita acara FKP lengkap.")
    kartu_2.get_by_role("button", name="Simpan level 2").click()
    expect(kartu_2.get_by_role("alert")).to_contain_text("Level indikator 2 disimpan.")
    expect(kartu_2.locator(".card-header")).to_contain_text(f"level {LEVEL_HALAMAN_2}")
    expect(penilai.get_by_text(f"{len(level)} dari {len(level)} indikator dinilai")).to_be_visible()

    penilai.get_by_role("button", name="Selesai dinilai").click()
    expect(penilai.get_by_role("alert").first).to_contain_text(
        f"selesai: IPP {_teks_ipp(harapan)} ({harapan.kategori}, {harapan.predikat})."
    )
    expect(penilai.locator("main .badge.text-bg-info").first).to_have_text("Dinilai")
    expect(penilai.get_by_role("button", name="Finalkan")).to_be_visible()  # kini menunggu finalisasi
    penilai.screenshot(path=FOLDER_TANGKAPAN / "monev-f02.png")
    kartu_2.screenshot(path=FOLDER_TANGKAPAN / "monev-f02-indikator-2.png")

    # 4. Hasil tampil di halaman unit (kepala): IPP dan kategori sesuai hitung_ipp atas level yang dinilai.
    kepala.goto(url_detail)
    expect(kepala.locator("main .badge.text-bg-info").first).to_have_text("Dinilai")
    kotak_hasil = kepala.locator("[aria-labelledby='judul-ipp-evaluator']")
    expect(kotak_hasil).to_contain_text("IPP hasil penilaian Biro (sementara)")
    expect(kotak_hasil.locator(".fs-2")).to_have_text(_teks_ipp(harapan))
    expect(kotak_hasil.locator(".badge")).to_have_text(harapan.kategori)
    expect(kotak_hasil).to_contain_text(harapan.predikat)
    expect(kepala.locator("#baris-2")).to_contain_text(f"level {LEVEL_HALAMAN_2}")
    expect(kepala.get_by_role("button", name="Ajukan ke Biro Organisasi")).to_have_count(0)
    kepala.screenshot(path=FOLDER_TANGKAPAN / "monev-unit-hasil.png", full_page=True)
    evaluasi.refresh_from_db()
    assert evaluasi.status == Evaluasi.Status.DINILAI
    assert (evaluasi.hasil.ipp, evaluasi.hasil.kategori) == (harapan.ipp, harapan.kategori)
