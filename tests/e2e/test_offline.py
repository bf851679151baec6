"""Every page works on an office network without internet: the browser asks no other host.

Each request whose host is not the dashboard's (127.0.0.1) is aborted and counted. The old
``page_icon=":material/texture:"`` fetched its SVG from fonts.gstatic.com on every view.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, Route

pytestmark = pytest.mark.e2e

PATHS = [
    "ringkasan",
    "pendapatan",
    "daya-saing",
    "perbandingan-wilayah",
    "hambatan",
    "kolaborasi",
    "program",
    "pemerataan",
    "ekonomi-kreatif",
    "sumber",
    "paparan",
    "presentasi",
    "unggah",
    "riwayat",
    "kelengkapan-data",
]


def test_no_page_asks_the_internet_for_anything(page: Page, server) -> None:
    outside: list[str] = []
    seen: list[str] = []

    def only_local(route: Route) -> None:
        url = route.request.url
        if urlsplit(url).hostname in ("127.0.0.1", None) or url.startswith(("data:", "blob:")):
            seen.append(url)
            route.continue_()
        else:
            outside.append(url)
            route.abort()

    page.route("**/*", only_local)
    for path in PATHS:
        page.goto(f"{server}/{path}")
        page.wait_for_selector(
            '[data-testid="stApp"][data-test-script-state="notRunning"]', timeout=60_000
        )
        page.wait_for_load_state("networkidle")  # late requests (icons, fonts) after the run
    assert outside == []
    assert seen  # the route did see the dashboard's own requests
    icon = page.locator("link[rel='shortcut icon']").get_attribute("href")
    assert icon.startswith("data:image/svg+xml")  # the emoji icon, drawn locally
