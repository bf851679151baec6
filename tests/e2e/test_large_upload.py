"""A province-sized upload in Chromium: a UTF-8 CSV large enough to be checked inside DuckDB
goes through the real uploader, previews a sample with exact counts, saves, and reverts."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from impact import synthetic
from tests.e2e.conftest import sign_in

pytestmark = pytest.mark.e2e

ENTERPRISES, YEARS = 3_000, range(2004, 2024)  # 60,000 rows, ~8.5 MB: over bulk.BULK_MIN_BYTES


def test_a_large_csv_previews_saves_and_reverts(page: Page, server, artifacts, tmp_path) -> None:
    upload = synthetic.write_csv(tmp_path / "usaha_provinsi.csv", ENTERPRISES, YEARS, seed=21)
    assert upload.stat().st_size > 5 * 2**20

    page.goto(f"{server}/?lang=id")  # first the home page: a fresh server's first visit at a
    page.wait_for_selector("h1")  # sub-page shows Streamlit's stray 'page not found' (#9992)
    page.goto(f"{server}/unggah?lang=id")
    sign_in(page)

    page.set_input_files("input[type=file]", str(upload))
    expect(page.get_by_text("Pratinjau", exact=True)).to_be_visible(timeout=60_000)
    metrics = page.locator('[data-testid="stMetricValue"]')
    expect(metrics).to_have_count(3, timeout=15_000)
    assert metrics.all_inner_texts() == ["60.000", "0", "0"]
    expect(page.get_by_text("Menampilkan 1.000 baris pertama dari 60.000.")).to_be_visible()
    page.set_viewport_size({"width": 1366, "height": 1500})  # the whole preview in one shot
    page.screenshot(path=str(artifacts / "upload-large-preview.png"), full_page=True)
    page.set_viewport_size({"width": 1366, "height": 768})

    # Once checked, the page let go of Streamlit's bytes of the file (issue 13.5); another
    # dataset chosen is checked again from the page's copy on disk, and the preview is the same.
    chooser = page.locator('[data-testid="stSelectbox"]').filter(has_text="Jenis data")
    chooser.locator("input").click()
    page.get_by_role("option", name="Catatan per unit usaha", exact=True).click()
    page.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"]')
    expect(page.get_by_text("Menampilkan 1.000 baris pertama dari 60.000.")).to_be_visible(
        timeout=60_000
    )
    assert metrics.all_inner_texts() == ["60.000", "0", "0"]
    page.screenshot(path=str(artifacts / "upload-large-rechecked.png"), full_page=True)

    page.get_by_role("button", name="Simpan ke database").click()
    saved = page.get_by_text("Tersimpan sebagai unggahan #")
    expect(saved).to_be_visible(timeout=60_000)
    assert "60.000 baris baru" in saved.inner_text()

    page.get_by_role("link", name="Riwayat Unggahan").click()
    expect(page.get_by_text("Batalkan unggahan", exact=True)).to_be_visible(timeout=15_000)
    page.get_by_text("Saya mengerti").click()
    page.get_by_role("button", name="Batalkan #").click()
    done = page.get_by_text("dibatalkan:")
    expect(done).to_be_visible(timeout=60_000)
    assert "60.000 baris" in done.inner_text()
