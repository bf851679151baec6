"""Links and first visits in Chromium: the README's /ringkasan opens the overview with no
dialog; English stays English after the first click of a fresh server's first session; a
slide title planted in a shared link shows as the literal text it is."""

from __future__ import annotations

import re
import urllib.parse

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.e2e

IDLE = '[data-testid="stApp"][data-test-script-state="notRunning"]'
DIALOG = '[data-testid="stDialog"]'


def _idle(page: Page) -> None:
    page.wait_for_selector(IDLE, timeout=30_000)


def test_ringkasan_opens_the_overview_without_a_dialog(page: Page, server) -> None:
    # A visit to "/" first (a fresh server's first visit: the next test).
    page.goto(f"{server}/?lang=en")
    _idle(page)
    page.goto(f"{server}/ringkasan?lang=en")
    expect(page.locator('[data-testid="stMetricLabel"]').first).to_have_text(
        "Batik entrepreneurs' income", timeout=30_000
    )
    _idle(page)
    assert page.locator(DIALOG).count() == 0
    assert "lang=en" in page.url


def test_first_visit_of_a_fresh_server_to_a_page_url_has_no_dialog(page: Page, fresh_server):
    page.goto(f"{fresh_server}/ringkasan?lang=en")
    expect(page.locator('[data-testid="stMetricLabel"]').first).to_be_visible(timeout=30_000)
    _idle(page)
    assert page.locator(DIALOG).count() == 0


def test_english_stays_english_after_the_first_click_of_a_fresh_server(
    page: Page, fresh_server
) -> None:
    page.goto(f"{fresh_server}/?lang=en")
    expect(page.locator('[data-testid="stMetricLabel"]').first).to_have_text(
        "Batik entrepreneurs' income", timeout=30_000
    )
    _idle(page)
    page.locator('[data-testid="stSidebarNav"]').get_by_text("Income", exact=True).click()
    expect(page).to_have_url(re.compile(r"/pendapatan"), timeout=15_000)
    _idle(page)
    expect(page.locator("h1").first).to_be_visible()
    body = page.locator('[data-testid="stSidebar"]')
    expect(body).to_contain_text("Competitiveness")  # the page links, in English
    expect(page.locator('[data-testid="stSidebarNav"]')).not_to_contain_text("Pendapatan")
    assert "lang=en" in page.url


PLANTED = "Rapat :red[palsu] [klik](http://evil.example) ![i](http://evil.example/x.png)"


def test_a_title_planted_in_a_link_shows_as_literal_text(page: Page, server) -> None:
    query = urllib.parse.urlencode({"lang": "id", "slide": "1", "judul": PLANTED})
    page.goto(f"{server}/presentasi?{query}")
    title = page.locator('.st-key-slide_title [data-testid="stText"]')
    expect(title).to_have_text(PLANTED, timeout=30_000)
    _idle(page)
    assert title.locator("a, img, [style*=color]").count() == 0
    assert page.locator('[data-testid="stMain"] a[href*="evil"]').count() == 0
    assert page.locator('[data-testid="stMain"] img[src*="evil"]').count() == 0
