"""The overview in Chromium against a real server: figures, drawn charts, no error box."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import wait_for_app_run

pytestmark = pytest.mark.e2e

CHART = ".vega-embed svg, .vega-embed canvas"
ERRORS = '[data-testid="stException"], [data-testid="stAlert"]'


def _open(page: Page, url: str) -> None:
    page.goto(url)
    page.wait_for_selector('[data-testid="stMetricValue"]', timeout=30_000)
    page.wait_for_function(
        "document.querySelectorAll('.vega-embed svg, .vega-embed canvas').length >= 2",
        timeout=30_000,
    )


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("id", ["+50–70%", "55% → 85%", "+30 poin persen", "Struktural", "Sumber daya"]),
        ("en", ["+50–70%", "55% → 85%", "+30 percentage points", "Structural", "Resources"]),
    ],
)
def test_overview_shows_headlines_and_charts(page: Page, server, artifacts, lang, expected):
    _open(page, f"{server}/?lang={lang}")
    metrics = page.locator('[data-testid="stMetricValue"]').all_inner_texts()
    assert metrics[:2] == expected[:2]
    body = page.locator("body")
    for text in expected[2:]:
        expect(body).to_contain_text(text)
    assert page.locator(CHART).count() >= 2
    assert page.locator(ERRORS).count() == 0
    # Both charts have a visible drawing area (not squeezed to nothing by their titles).
    for box in [e.bounding_box() for e in page.locator(".vega-embed").all()]:
        assert box and box["height"] > 250 and box["width"] > 300
    page.set_viewport_size({"width": 1366, "height": 1500})
    wait_for_app_run(page)
    expect(page.locator(".vega-embed svg, .vega-embed canvas")).not_to_have_count(0)
    page.screenshot(path=str(artifacts / f"overview-{lang}.png"), full_page=True)


def test_language_switch_in_the_sidebar(page: Page, server):
    _open(page, server)
    page.get_by_text("English", exact=True).click()
    expect(page.locator('[data-testid="stMetricLabel"]').first).to_have_text(
        "Batik entrepreneurs' income", timeout=15_000
    )
    assert "lang=en" in page.url
