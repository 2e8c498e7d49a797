"""Alur peramban sungguhan: operator masuk lewat formulir, membuka daftar Pelaksana lewat menu navigasi."""

import os

# API sinkron Playwright menjalankan loop asyncio di utas uji; tanpa ini Django menolak kueri ORM di utas itu.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

import pytest  # noqa: E402
from django.conf import settings  # noqa: E402
from playwright.sync_api import expect  # noqa: E402

pytestmark = pytest.mark.browser

FOLDER_TANGKAPAN = settings.BASE_DIR / "var" / "screenshots"
LAYAR_PONSEL = {"width": 390, "height": 844}


def test_operator_melihat_pelaksana_unit_sendiri_lewat_menu(
    transactional_db,
    live_server,
    halaman,
    masuk_lewat_peramban,
    operator_dinkes,
    pelaksana_dinkes,
    pelaksana_samsat,
):
    FOLDER_TANGKAPAN.mkdir(parents=True, exist_ok=True)

    masuk_lewat_peramban(operator_dinkes.username, "sandi-uji-123")
    halaman.locator("#navUtama").get_by_role("link", name="Pelaksana", exact=True).click()

    expect(halaman).to_have_url(f"{live_server.url}/pelaksana/")
    expect(halaman.get_by_role("heading", level=1)).to_have_text("Pelaksana pelayanan publik")
    tabel = halaman.get_by_role("table")
    expect(tabel.get_by_role("link", name=pelaksana_dinkes.nama)).to_be_visible()
    expect(tabel).not_to_contain_text(pelaksana_samsat.nama)
    expect(halaman.locator(".navbar-toggler")).to_be_hidden()
    halaman.screenshot(path=FOLDER_TANGKAPAN / "pelaksana-operator.png", full_page=True)

    halaman.set_viewport_size(LAYAR_PONSEL)
    expect(halaman.locator(".navbar-toggler")).to_be_visible()
    expect(tabel.get_by_role("link", name=pelaksana_dinkes.nama)).to_be_visible()
    lebar = halaman.evaluate(
        "() => ({scroll: document.documentElement.scrollWidth, layar: window.innerWidth})"
    )
    halaman.screenshot(path=FOLDER_TANGKAPAN / "pelaksana-operator-ponsel.png", full_page=True)
    assert lebar["scroll"] <= lebar["layar"], f"Halaman meluap ke samping di layar ponsel: {lebar}"
