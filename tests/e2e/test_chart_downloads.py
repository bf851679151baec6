"""A chart's CSV download in Chromium: the file is made when the button is pressed (a
callable, so a page view does not pay for it) and holds the chart's table as the page shows
it (the figure layer's table in the page's language, the same seed data)."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page

from impact import indicators, store
from impact.figures import export, figure, tables
from tests.e2e.conftest import wait_for_app_run

pytestmark = pytest.mark.e2e


def _expected_csv(db: Path) -> bytes:
    """The overview's income figure table, as pages/overview.py and _render.py make it."""
    indicator = indicators.get(indicators.load_registry(db), "batik_income_index")
    obs = store.observations(db, "batik_income_index", "blitar", "batik")
    inflation = store.observations(db, figure.INFLATION_INDICATOR, figure.INFLATION_REGION, "all")
    fig = figure.change_figure(obs, indicator, 2021, 2023, "id", inflation=inflation)
    return export.to_csv_bytes(tables.display(fig.table, "id"))


def test_the_overview_csv_is_made_on_the_click(page: Page, server, tmp_path) -> None:
    page.goto(f"{server}/?lang=id")
    page.wait_for_selector(".vega-embed svg, .vega-embed canvas", timeout=30_000)
    wait_for_app_run(page)
    with page.expect_download(timeout=30_000) as download:
        page.get_by_role("button", name="CSV").first.click()
    assert download.value.suggested_filename == "ringkasan_pendapatan.csv"
    got = Path(download.value.path()).read_bytes()
    assert got == _expected_csv(store.ensure_database(tmp_path / "seed.duckdb"))
