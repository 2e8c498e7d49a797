"""SKM di peramban sungguhan: jawaban lewat formulir survei publik mengubah IKM unit di halaman hasilnya.

Kepala Dinas Kesehatan (konteks peramban sendiri, masuk lewat formulir login) membaca IKM periode berjalan;
pengunjung anonim mengisi survei publik dengan pilihan terendah di kesembilan unsur; halaman hasil yang dimuat
ulang menampilkan IKM sesuai ``hitung_ikm`` atas rata-rata baru dan satu responden lebih banyak.
"""

import os
import re
from datetime import timedelta
from decimal import Decimal

# API sinkron Playwright menjalankan loop asyncio di utas uji; tanpa ini Django menolak kueri ORM di utas itu.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

import pytest  # noqa: E402
from django.conf import settings as django_settings  # noqa: E402
from django.core.cache import cache  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import timezone  # noqa: E402
from playwright.sync_api import expect  # noqa: E402

from survei.ikm import hitung_ikm  # noqa: E402
from survei.models import UNSUR_FIELDS, PeriodeSKM, ResponSKM  # noqa: E402

pytestmark = pytest.mark.browser

FOLDER_TANGKAPAN = django_settings.BASE_DIR / "var" / "screenshots"
# Jawaban awal: empat responden yang cukup puas (IKM awal jauh di atas hasil setelah jawaban terendah).
JAWABAN_AWAL = [
    (4, 3, 4, 4, 3, 4, 4, 3, 3),
    (3, 3, 3, 4, 3, 3, 4, 2, 3),
    (4, 4, 3, 3, 4, 4, 3, 3, 2),
    (3, 4, 4, 4, 3, 3, 4, 3, 3),
]


@pytest.fixture
def formulir_publik_tanpa_jeda(settings):
    """Formulir publik dapat dikirim segera (tanpa waktu isi minimal) dan penghitung batas kiriman kosong."""
    settings.MINIMAL_DETIK_ISI_PUBLIK = 0
    cache.clear()
    yield
    cache.clear()


def _ikm_dari_orm(periode) -> Decimal:
    """IKM yang diharapkan: ``hitung_ikm`` atas rata-rata setiap unsur dari baris ResponSKM periode."""
    baris = list(ResponSKM.objects.filter(periode=periode).values_list(*UNSUR_FIELDS))
    nrr = [Decimal(sum(r[i] for r in baris)) / len(baris) for i in range(len(UNSUR_FIELDS))]
    return hitung_ikm(nrr).ikm


def _baca_hasil(page) -> tuple[Decimal, int]:
    """(IKM, jumlah responden) seperti tertulis di kartu ringkasan halaman hasil."""
    ikm = page.locator(".display-4").inner_text().strip()
    kartu_responden = page.locator(".card").filter(has_text="Responden terhadap target sampel")
    responden = kartu_responden.locator(".fs-2").inner_text()
    cocok = re.fullmatch(r"\s*(\d+)\s*/\s*(\d+)\s*", responden)
    assert cocok, responden
    return Decimal(ikm.replace(".", "").replace(",", ".")), int(cocok.group(1))


def test_survei_publik_mengubah_ikm_di_halaman_hasil(
    transactional_db,
    live_server,
    halaman,
    masuk_konteks_baru,
    formulir_publik_tanpa_jeda,
    dinkes,
    kepala_dinkes,
):
    FOLDER_TANGKAPAN.mkdir(parents=True, exist_ok=True)
    hari = timezone.localdate()
    periode = PeriodeSKM.objects.create(
        penyelenggara=dinkes,
        nama="Periode Uji Peramban",
        mulai=hari - timedelta(days=30),
        selesai=hari + timedelta(days=30),
        populasi=120,
        menerima_jawaban=True,
    )
    ResponSKM.objects.bulk_create(
        ResponSKM(
            periode=periode, diterima_pada=timezone.now(), **dict(zip(UNSUR_FIELDS, nilai, strict=True))
        )
        for nilai in JAWABAN_AWAL
    )
    ikm_awal_harapan = _ikm_dari_orm(periode)
    url_hasil = live_server.url + reverse("survei:skm_hasil", args=[periode.code])

    # 1. Kepala Dinas Kesehatan membaca IKM dan jumlah responden periode berjalan.
    kepala = masuk_konteks_baru(kepala_dinkes.username)
    kepala.goto(url_hasil)
    ikm_awal, responden_awal = _baca_hasil(kepala)
    assert ikm_awal == ikm_awal_harapan
    assert responden_awal == len(JAWABAN_AWAL)

    # 2. Pengunjung anonim mengisi survei publik: pilihan terendah (1) di kesembilan unsur.
    publik = halaman
    publik.goto(live_server.url + reverse("survei:survei_publik", args=[periode.code]))
    expect(publik.get_by_role("heading", level=1)).to_have_text(dinkes.nama)
    unsur = publik.locator("fieldset.skm-unsur")
    expect(unsur).to_have_count(len(UNSUR_FIELDS))
    for i in range(len(UNSUR_FIELDS)):
        pilihan = unsur.nth(i).locator("input[type=radio][value='1']")
        unsur.nth(i).locator(f"label[for='{pilihan.get_attribute('id')}']").click()
        expect(pilihan).to_be_checked()
    publik.get_by_role("button", name="Kirim jawaban").click()
    expect(publik).to_have_url(live_server.url + reverse("survei:survei_terima_kasih", args=[periode.code]))
    baru = ResponSKM.objects.filter(periode=periode).order_by("-pk").first()
    assert [getattr(baru, u) for u in UNSUR_FIELDS] == [1] * len(UNSUR_FIELDS)

    # 3. Halaman hasil yang dimuat ulang menampilkan IKM baru dan satu responden lebih banyak.
    ikm_harapan = _ikm_dari_orm(periode)
    assert ikm_harapan < ikm_awal
    kepala.reload()
    expect(kepala.locator(".display-4")).to_have_text(f"{ikm_harapan:.2f}".replace(".", ","))
    ikm_baru, responden_baru = _baca_hasil(kepala)
    assert ikm_baru == ikm_harapan
    assert responden_baru == responden_awal + 1
    kepala.screenshot(path=str(FOLDER_TANGKAPAN / "skm_hasil_setelah_survei.png"), full_page=True)
