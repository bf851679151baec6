"""Pages printed from Chromium (what Ctrl+P gives a planner) are clean A4 sheets: few of them,
no sidebar or controls, every word of the page whole and on the sheet (pdftotext reads them
back), charts drawn. The PDFs and their first sheet as PNG land in artifacts/ for a person."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from playwright.sync_api import Page

from tests.e2e.conftest import wait_for_app_run

pytestmark = pytest.mark.e2e

A4_POINTS = (595.92, 842.88)  # width, height of an A4 sheet in PDF points (1/72 in)
# (path, charts drawn on screen, most sheets the page may take)
PAGES = [
    ("ringkasan", 2, 2),
    ("pendapatan", 1, 2),
    ("hambatan", 4, 3),
    ("program", 5, 4),
    ("sumber", 0, 2),
    ("riwayat", 0, 1),
]
# Words of the frame and of controls: none of them belongs on paper.
NOT_PRINTED = {"id": ["Jelajahi", "Bahasa Indonesia", "PNG", "SVG", "Unduh CSV"]}
INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
# The page's own words as the browser lays them out for print: headings, paragraphs and
# metric values of the main area that the print style leaves visible (not inside charts).
PAGE_WORDS = """() => [...document.querySelectorAll(
    '[data-testid="stMain"] :is(h1, h2, h3, p, [data-testid="stMetricValue"])')]
    .filter(e => e.checkVisibility() && !e.closest('svg, .vega-embed'))
    .map(e => e.innerText).join(' ')"""


# The frame's style element (pages/_frame.css); Streamlit draws st.html a moment after the run
# that sent it has ended (its code loads on first use), so the test waits for it.
FRAME_STYLES = """() => [...document.querySelectorAll('style')]
    .filter(s => s.textContent.includes('frame_style')).length"""


NOTHING_LOADING = """() => !document.querySelector(
    '[data-testid="stMain"] [data-testid="stSkeleton"], '
    + '[data-testid="stMain"] [data-testid="stSkeletonElement"]')"""


def _words(text: str) -> list[str]:
    return INVISIBLE.sub("", text).split()


def _pdf_words(pdf: Path) -> list[tuple[str, float, float, float, float, int]]:
    """(word, x0, y0, x1, y1, sheet) of every word pdftotext finds, in PDF points."""
    out = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    words, sheet = [], 0
    for line in out.splitlines():
        if "<page " in line:
            sheet += 1
        m = re.search(
            r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*)<', line
        )
        if m:
            x0, y0, x1, y1 = map(float, m.groups()[:4])
            text = m.group(5).replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
            words.append((INVISIBLE.sub("", text.replace("&quot;", '"')), x0, y0, x1, y1, sheet))
    return words


def _sheets(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True)
    return int(re.search(r"^Pages:\s+(\d+)", info.stdout, re.M).group(1))


@pytest.fixture(scope="module", autouse=True)
def _poppler() -> None:
    if not shutil.which("pdftotext"):
        pytest.fail("pdftotext is missing: run `make test`, which installs poppler-utils")


@pytest.mark.parametrize(("path", "charts", "most"), PAGES, ids=[p[0] for p in PAGES])
def test_page_prints_on_few_clean_a4_sheets(
    page: Page, server, artifacts, path: str, charts: int, most: int
) -> None:
    page.goto(f"{server}/{path}?lang=id")
    page.wait_for_selector("h1", timeout=30_000)
    if charts:
        page.wait_for_function(
            f"document.querySelectorAll('.vega-embed svg').length >= {charts}", timeout=30_000
        )
    wait_for_app_run(page)
    page.wait_for_function(f"({FRAME_STYLES})() === 1")  # drawn a moment after the run
    # Elements whose code loads on first use (st.metric among them) show a skeleton until it
    # has: on a busy machine the outcome cards were still grey boxes on paper.
    page.wait_for_function(NOTHING_LOADING, timeout=30_000)
    styled = page.evaluate(FRAME_STYLES)
    pdf = artifacts / f"print-{path}.pdf"
    page.pdf(path=str(pdf), format="A4", print_background=True)

    sheets = _sheets(pdf)
    assert 1 <= sheets <= most, f"{path}: {sheets} A4 sheets"
    words = _pdf_words(pdf)
    width, height = A4_POINTS
    off_sheet = [w for w in words if w[1] < -0.5 or w[2] < -0.5 or w[3] > width or w[4] > height]
    assert off_sheet == []
    printed = [w[0] for w in words]
    for word in NOT_PRINTED["id"]:
        assert word not in " ".join(printed), f"{word!r} printed ({styled} frame styles)"

    # Every word of the page is on paper whole: a word cut by a line break or a box edge would
    # come back from the PDF in pieces (or not at all).
    page.emulate_media(media="print")
    expected = _words(page.evaluate(PAGE_WORDS))
    page.emulate_media(media=None)
    assert len(expected) > 10
    missing = sorted(set(expected) - set(printed))
    assert missing == [], f"{path}: not whole on paper: {missing[:20]}"
    if charts:  # the charts' axes are on paper: their year labels are there as words
        assert {"2021", "2023"} <= set(printed)

    subprocess.run(
        ["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", str(pdf), str(pdf.with_suffix(""))],
        check=True,
    )
