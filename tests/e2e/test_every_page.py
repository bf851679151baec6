"""Every page opened by URL in Chromium, with filters in the URL: charts drawn, no error,
no untranslated key. Screenshots of each land in artifacts/ for a person to look at."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from impact import i18n
from tests.e2e.conftest import wait_for_app_run

pytestmark = pytest.mark.e2e

PAGES = [
    ("ringkasan", "", 2),
    ("pendapatan", "&indikator=batik_income_avg&wilayah=kab_blitar&harga=real&tampilan=index", 1),
    ("daya-saing", "&dari=2021&ke=2023", 2),
    ("perbandingan-wilayah", "&indikator=batik_workers&sektor=batik", 1),
    ("hambatan", "&kategori=resources&hambatan=budget_cuts", 4),
    ("kolaborasi", "&tahun=2023", 1),
    ("program", "&wilayah=blitar&tahun=2022", 5),
    ("pemerataan", "&wilayah=kab_blitar", 6),
    ("ekonomi-kreatif", "&indikator=ce_value_added&wilayah=kota_blitar", 5),
    ("sumber", "&status=illustrative", 0),
    ("paparan", "", 0),
    ("unggah", "", 0),
    ("riwayat", "", 0),
    ("kelengkapan-data", "", 0),
]


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize(("path", "query", "charts"), PAGES, ids=[p[0] for p in PAGES])
def test_page_by_url(page: Page, server, artifacts, path, query, charts, lang) -> None:
    page.set_viewport_size({"width": 1366, "height": 2400})
    page.goto(f"{server}/{path}?lang={lang}{query}")
    page.wait_for_selector("h1", timeout=30_000)
    if charts:
        page.wait_for_function(
            f"document.querySelectorAll('.vega-embed svg, .vega-embed canvas').length >= {charts}",
            timeout=30_000,
        )
    wait_for_app_run(page)
    assert page.locator('[data-testid="stException"]').count() == 0
    body = page.locator("body").inner_text()
    leaked = [key for key in i18n.TEXTS if key in body]
    assert not leaked
    # The filters stayed in the URL, so this link reproduces the view.
    for pair in query.strip("&").split("&"):
        if pair:
            assert pair in page.url
    page.screenshot(path=str(artifacts / f"page-{path}-{lang}.png"), full_page=True)
