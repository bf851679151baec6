"""The hearing pack in Chromium: the presentation mode fits a 1280 x 720 projector and the
arrow keys change the slide; the deck page hands over files named for what they are."""

from __future__ import annotations

import datetime as dt

import pytest
from playwright.sync_api import Page, expect

from impact import deck
from impact.deck import pdf

pytestmark = pytest.mark.e2e

PROJECTOR = {"width": 1280, "height": 720}
TITLE = '.st-key-slide_title [data-testid="stText"]'
IDLE = '[data-testid="stApp"][data-test-script-state="notRunning"]'


def _close_dialogs(page: Page) -> None:
    # A "page not found" notice can greet the first visit of a fresh server; it is not ours.
    if page.locator('[data-testid="stDialog"]').count():
        page.keyboard.press("Escape")


@pytest.mark.parametrize(
    ("lang", "third", "fourth"),
    [
        (
            "id",
            "Pendapatan pelaku batik naik 50–70% dari 2021 ke 2023",
            "Daya saing produk naik 30 poin persen, dari 55% ke 85%",
        ),
        (
            "en",
            "Batik entrepreneurs' income rose 50–70% from 2021 to 2023",
            "Product competitiveness rose 30 percentage points, from 55% to 85%",
        ),
    ],
)
def test_presentation_fits_a_projector_and_keys_move_on(
    page: Page, server, artifacts, lang, third, fourth
) -> None:
    page.set_viewport_size(PROJECTOR)
    page.goto(f"{server}/presentasi?lang={lang}&slide=3")
    page.wait_for_selector(".vega-embed svg, .vega-embed canvas", timeout=30_000)
    page.wait_for_selector(IDLE, timeout=30_000)
    _close_dialogs(page)
    assert page.locator('[data-testid="stException"]').count() == 0
    expect(page.locator(TITLE)).to_have_text(third)
    chart = page.locator(".vega-embed").first.bounding_box()
    assert chart["y"] + chart["height"] <= PROJECTOR["height"], chart  # no scrolling for the figure
    assert chart["width"] >= 800  # full width of the main area
    page.screenshot(path=str(artifacts / f"present-1280x720-{lang}.png"))
    page.mouse.click(700, 40)  # focus the page (its empty header), not a widget
    page.keyboard.press("ArrowRight")
    expect(page.locator(TITLE)).to_have_text(fourth, timeout=15_000)
    assert "slide=4" in page.url
    page.keyboard.press("ArrowLeft")
    expect(page.locator(TITLE)).to_have_text(third, timeout=15_000)
    assert "slide=3" in page.url


def test_deck_page_downloads_a_pptx_named_for_region_years_and_date(
    page: Page, server, artifacts
) -> None:
    page.set_viewport_size({"width": 1366, "height": 1600})
    page.goto(f"{server}/paparan?lang=id")
    page.wait_for_selector("h1", timeout=30_000)
    _close_dialogs(page)
    button = page.get_by_role("button", name="Unduh PPTX (16:9)")  # ready, no "build" click
    expect(button).to_be_visible(timeout=120_000)
    with page.expect_download() as download:
        button.click()
    options = deck.DeckOptions(title="", date=dt.date.today())
    assert download.value.suggested_filename == deck.file_name(options)
    if pdf.libreoffice():
        # LibreOffice converts only when asked: ~2 s alone, longer on a busy machine.
        expect(page.get_by_role("button", name="Unduh PDF")).to_have_count(0)
        page.get_by_role("button", name="Buat PDF").click()
        expect(page.get_by_role("button", name="Unduh PDF")).to_be_visible(timeout=120_000)
    page.screenshot(path=str(artifacts / "page-paparan-id.png"), full_page=True)
