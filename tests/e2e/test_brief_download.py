"""The one-page brief through the real page, as a planner gets it: open the hearing pack, click
'Unduh ringkasan (PDF, A4)', and the file is one A4 page with no word outside its margins, in
the page's language. A PNG of the page and of the brief land in artifacts/."""

from __future__ import annotations

import io
import subprocess
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect
from pypdf import PdfReader

from tests.e2e.conftest import wait_for_app_run
from tests.pdfcheck import outside, text_of

pytestmark = pytest.mark.e2e


@pytest.mark.parametrize(
    ("lang", "label", "heading", "words"),
    [
        ("id", "Unduh ringkasan (PDF, A4)", "Bahan paparan DPRD", "RINGKASAN EKSEKUTIF"),
        ("en", "Download the brief (PDF, A4)", "DPRD hearing pack", "EXECUTIVE BRIEF"),
    ],
)
def test_the_brief_downloads_as_one_a4_page(
    page: Page, server, artifacts, lang, label, heading, words
) -> None:
    page.set_viewport_size({"width": 1366, "height": 1400})
    page.goto(f"{server}/paparan?lang={lang}")
    expect(page.locator("h1")).to_have_text(heading, timeout=60_000)
    wait_for_app_run(page)
    if page.locator('[data-testid="stDialog"]').count():  # a fresh server's first-visit notice
        page.keyboard.press("Escape")
    button = page.get_by_role("button", name=label)
    expect(button).to_be_visible(timeout=120_000)  # one click from the deck page
    page.screenshot(path=str(artifacts / f"deck-page-brief-{lang}.png"))
    with page.expect_download(timeout=120_000) as download:
        button.click()
    name = download.value.suggested_filename
    assert name.endswith(".pdf") and "_blitar_2021-2023_" in name
    pdf = Path(download.value.path()).read_bytes()
    pages = PdfReader(io.BytesIO(pdf)).pages
    assert len(pages) == 1
    box = pages[0].mediabox
    assert abs(float(box.width) - 595.28) < 1 and abs(float(box.height) - 841.89) < 1  # A4
    assert outside(pdf) == []
    text = text_of(pdf)
    assert words in text and "+50–70%" in text
    (artifacts / f"brief-{lang}.pdf").write_bytes(pdf)
    subprocess.run(
        [
            "pdftoppm",
            "-png",
            "-r",
            "80",
            "-singlefile",
            "-gray",
            "-",
            str(artifacts / f"brief-{lang}"),
        ],
        input=pdf,
        check=True,
    )
