"""The regions page and the targets on the indicator charts, drawn by Chromium: the benchmark
lines, the regions without figures named, the target rules with their status in words.
Screenshots land in artifacts/ for a person to look at."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from tests.e2e.conftest import wait_for_app_run

pytestmark = pytest.mark.e2e


def _open(page: Page, url: str, charts: int = 1) -> str:
    page.set_viewport_size({"width": 1366, "height": 1800})
    page.goto(url)
    page.wait_for_selector("h1", timeout=30_000)
    page.wait_for_function(
        f"document.querySelectorAll('.vega-embed svg, .vega-embed canvas').length >= {charts}",
        timeout=30_000,
    )
    wait_for_app_run(page)
    assert page.locator('[data-testid="stException"]').count() == 0
    return page.locator("body").inner_text()


def _chart_text(page: Page, index: int = 0) -> str:
    """Every text the chart draws (Vega renders SVG text elements)."""
    texts = (
        page.locator(".vega-embed svg")
        .nth(index)
        .locator("text")
        .evaluate_all("nodes => nodes.map(n => n.textContent)")
    )
    return " ".join(texts)


def test_benchmarks_beside_regions_without_figures(page: Page, server, artifacts) -> None:
    body = _open(page, f"{server}/perbandingan-wilayah?lang=en&indikator=cpi_inflation")
    assert "Blitar City: no data yet" in body and "Blitar Regency: no data yet" in body
    drawn = _chart_text(page)
    assert "East Java (benchmark)" in drawn and "Indonesia (benchmark)" in drawn
    page.screenshot(path=str(artifacts / "regions-benchmarks-en.png"), full_page=True)


@pytest.mark.parametrize(
    ("path", "labels"),
    [
        ("pendapatan", ("Target 125 (ilustratif)", "Target 160 (ilustratif)")),
        ("daya-saing", ("Target 65% (ilustratif)", "Target 80% (ilustratif)")),
    ],
)
def test_targets_are_drawn_with_their_status(page: Page, server, artifacts, path, labels) -> None:
    _open(page, f"{server}/{path}?lang=id")
    drawn = _chart_text(page)
    for label in labels:
        assert label in drawn
    assert "Target 2022, 2023: Contoh target ilustratif" in drawn
    page.screenshot(path=str(artifacts / f"target-{path}-id.png"), full_page=True)
