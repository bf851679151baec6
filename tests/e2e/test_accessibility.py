"""axe-core in Chromium on every page, both languages: the app's own elements have no serious
or critical violation (and headings in order), so everyone in a hearing room can read them.

axe-core is installed by `make axe` (tests/e2e/axe/package.json, pinned and hash-checked).
What remains comes from Streamlit itself and is excluded by one narrow rule, named in the
README: its sidebar navigation puts <div>s between <ul> and <li> (axe rules "list" and
"listitem"), which only Streamlit can change. Nothing else is excluded.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import ROOT, sign_in, wait_for_app_run

pytestmark = pytest.mark.e2e

AXE_JS = ROOT / "tests" / "e2e" / "axe" / "node_modules" / "axe-core" / "axe.min.js"
FAILING_IMPACTS = {"serious", "critical"}
# Rules that count at any impact: the issue found headings out of order (a "moderate" rule).
ALWAYS_FAILING_RULES = {"heading-order"}
# Streamlit's own markup, outside the app's reach: the sidebar navigation's list structure.
STREAMLIT_ONLY = {
    "rules": ["list", "listitem"],
    "within": '[data-testid="stSidebarNav"]',
}

PAGES = [
    "",
    "pendapatan?harga=real&tampilan=index",
    "daya-saing",
    "perbandingan-wilayah",
    "hambatan",
    "kolaborasi",
    "program",
    "pemerataan",
    "ekonomi-kreatif",
    "sumber",
    "paparan",
    "unggah",
    "riwayat",
    "kelengkapan-data",
]

FILE = (
    b"indikator;wilayah;sektor;tahun;nilai;status;sumber\n"
    b"batik_competitiveness;blitar;batik;2024;90;dilaporkan;Disperindag (2025)\n"
)


def _axe_source() -> str:
    if not AXE_JS.exists():
        pytest.fail(f"{AXE_JS} is missing: run `make axe` (make test installs it)")
    return AXE_JS.read_text(encoding="utf-8")


def violations(page: Page, any_impact: set[str] = ALWAYS_FAILING_RULES) -> list[dict]:
    """axe-core's violations on the page as it is now, counting those that fail this test
    (serious or critical, and the rules in ``any_impact``), Streamlit's own excluded."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(content=_axe_source())
    found = page.evaluate(
        """async ({rules, within}) => {
            const all = await axe.run(document, {
                resultTypes: ['violations'],
                rules: Object.fromEntries(rules.map(r => [r, {enabled: false}])),
            });
            const streamlit = await axe.run({exclude: [[within]]}, {
                resultTypes: ['violations'],
                runOnly: {type: 'rule', values: rules},
            });
            return [...all.violations, ...streamlit.violations];
        }""",
        STREAMLIT_ONLY,
    )
    return [
        {
            "rule": v["id"],
            "impact": v["impact"],
            "help": v["help"],
            "nodes": [(n["target"], n["html"][:120], n.get("failureSummary")) for n in v["nodes"]],
        }
        for v in found
        if v["impact"] in FAILING_IMPACTS or v["id"] in any_impact
    ]


# The frame's style element (pages/_frame.css); Streamlit draws st.html a moment after the run
# that sent it has ended (its code loads on first use), so a check waits for it.
FRAME_STYLED = """() => [...document.querySelectorAll('style')]
    .some(s => s.textContent.includes('frame_style'))"""


def _open(page: Page, url: str) -> None:
    page.goto(url)
    page.wait_for_selector('[data-testid="stMain"] [data-testid="stElementContainer"]')
    wait_for_app_run(page)
    page.wait_for_function(FRAME_STYLED)


def test_the_check_finds_what_it_should(page: Page) -> None:
    """The check can fail: faint text, a skipped heading level and a bare list item."""
    page.set_content(
        "<html lang='id'><head><title>x</title></head><body><main><h1>Judul</h1>"
        "<h3>Sub</h3><p style='color:#aaaaaa'>Teks pucat</p><li>lepas</li></main></body></html>"
    )
    rules = {v["rule"] for v in violations(page)}
    assert {"color-contrast", "heading-order", "listitem"} <= rules


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("path", PAGES)
def test_page_has_no_serious_violation(page: Page, server, path: str, lang: str) -> None:
    sep = "&" if "?" in path else "?"
    _open(page, f"{server}/{path}{sep}lang={lang}")
    assert violations(page) == []


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("slide", [1, 3, 5])
def test_presentation_has_no_serious_violation(page: Page, server, slide: int, lang: str) -> None:
    _open(page, f"{server}/presentasi?slide={slide}&lang={lang}")
    assert violations(page, any_impact=set()) == []


@pytest.mark.parametrize("slide", [1, 2, 3, 8])  # the cover, the cards, a chart, a table
def test_presentation_headings_in_order(page: Page, server, slide: int) -> None:
    """Slides size their text by role (pages/_deck_ui.py), not by heading level: an h2 value
    under an h5 finding broke the order a screen reader lists."""
    _open(page, f"{server}/presentasi?slide={slide}&lang=id")
    assert [v for v in violations(page) if v["rule"] == "heading-order"] == []


def test_signed_in_upload_with_preview(page: Page, server, tmp_path: Path) -> None:
    """The upload page as an editor sees it: signed in, a file checked, its preview shown."""
    _open(page, f"{server}/unggah?lang=id")
    assert violations(page) == []  # the sign-in form (its heading under the title)
    sign_in(page)
    upload = tmp_path / "daya_saing_2024.csv"
    upload.write_bytes(FILE)
    page.set_input_files("input[type=file]", str(upload))
    expect(page.get_by_text("Pratinjau", exact=True)).to_be_visible(timeout=15_000)
    wait_for_app_run(page)
    assert violations(page) == []
