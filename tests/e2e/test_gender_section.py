"""The equity page's women-and-men section in Chromium, both languages: its two charts drawn
with n beside every group, the 'not recorded' count, and a screenshot of the section in
artifacts/ for a person to look at."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import wait_for_app_run

pytestmark = pytest.mark.e2e

WORDS = {
    "id": ("Perempuan dan laki-laki", "Tidak dicatat:"),
    "en": ("Women and men", "Not recorded:"),
}


@pytest.mark.parametrize("lang", ["id", "en"])
def test_women_and_men_section(page: Page, server, artifacts, lang: str) -> None:
    heading, not_recorded = WORDS[lang]
    page.goto(f"{server}/pemerataan?lang={lang}&wilayah=kab_blitar")
    page.wait_for_selector("h1", timeout=30_000)
    page.wait_for_function(
        "document.querySelectorAll('.vega-embed svg, .vega-embed canvas').length >= 6",
        timeout=30_000,
    )
    wait_for_app_run(page)
    assert page.locator('[data-testid="stException"]').count() == 0
    section = page.get_by_role("heading", name=heading)
    expect(section).to_be_visible()
    expect(page.get_by_text(not_recorded)).to_be_visible()
    charts = page.locator(".vega-embed")
    for chart in (charts.nth(4), charts.nth(5)):
        chart.scroll_into_view_if_needed()
        expect(chart.locator("svg, canvas").first).to_be_visible()
    page.set_viewport_size({"width": 1366, "height": 1100})
    section.scroll_into_view_if_needed()
    page.evaluate("window.scrollBy(0, -20)")
    page.screenshot(path=str(artifacts / f"equity-gender-{lang}.png"))
