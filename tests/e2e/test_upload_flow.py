"""A planner's yearly upload in Chromium: sign in, upload, preview, save, see it, revert."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import EDITOR_PASSWORD, sign_in, wait_for_app_run

pytestmark = pytest.mark.e2e

HOSTILE = '<img src=x onerror="window.__pwned=1"><b>Disperindag</b>'
FILE = (
    "Data daya saing Disperindag 2024\n"
    "\n"
    "indikator;wilayah;sektor;tahun;nilai;status;sumber\n"
    "batik_competitiveness;Kota & Kabupaten Blitar;batik;2024;90;dilaporkan;Disperindag (2025)\n"
    f"batik_competitiveness;blitar;batik;2023;85;dilaporkan;{HOSTILE}\n"
).encode("cp1252")


def _competitiveness_chart_text(page: Page) -> str:
    # The overview's charts show that its run has started (the upload and history pages have
    # none); then the run must end, so the charts hold the newest data.
    page.wait_for_function(
        "document.querySelectorAll('.vega-embed svg').length >= 2", timeout=30_000
    )
    wait_for_app_run(page)
    return page.locator(".vega-embed svg").nth(1).text_content() or ""


def test_upload_preview_save_see_revert(page: Page, server, artifacts, tmp_path: Path) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(f"{server}/?lang=id")
    assert "2024" not in _competitiveness_chart_text(page)

    page.goto(f"{server}/unggah?lang=id")
    sign_in(page)

    upload = tmp_path / "daya_saing_2024.csv"
    upload.write_bytes(FILE)
    page.set_input_files("input[type=file]", str(upload))
    expect(page.get_by_text("Pratinjau", exact=True)).to_be_visible(timeout=15_000)
    metrics = page.locator('[data-testid="stMetricValue"]')
    expect(metrics).to_have_count(3, timeout=15_000)
    assert metrics.all_inner_texts() == [
        "1",
        "1",
        "0",
    ]  # one new year, one row whose source changes
    page.screenshot(path=str(artifacts / "upload-preview.png"), full_page=True)
    page.get_by_role("button", name="Simpan ke database").click()
    expect(page.get_by_text("Tersimpan sebagai unggahan #")).to_be_visible(timeout=15_000)

    page.get_by_role("link", name="Ringkasan").click()
    text = _competitiveness_chart_text(page)
    assert "2024" in text and "90%" in text
    # The uploaded HTML is shown as the literal text it is, never run or rendered. (The source
    # line names its year now, so the text wraps at a space: compare without the spaces.)
    assert HOSTILE.replace(" ", "") in text.replace(" ", "")
    assert page.locator("img[src=x]").count() == 0
    assert page.evaluate("window.__pwned") is None and not dialogs
    page.screenshot(path=str(artifacts / "overview-after-upload.png"), full_page=True)

    page.get_by_role("link", name="Riwayat Unggahan").click()
    expect(page.get_by_text("Batalkan unggahan", exact=True)).to_be_visible(timeout=15_000)
    page.get_by_text("Saya mengerti").click()
    page.get_by_role("button", name="Batalkan #").click()
    expect(page.get_by_text("dibatalkan:")).to_be_visible(timeout=15_000)

    page.get_by_role("link", name="Ringkasan").click()
    text = _competitiveness_chart_text(page)
    assert "2024" not in text and HOSTILE.replace(" ", "") not in text.replace(" ", "")


@pytest.mark.parametrize(
    ("lang", "signin", "password", "done", "word"),
    [
        ("id", "Masuk", "Kata sandi", "Masuk sebagai ani", "Pilih berkas"),
        ("en", "Sign in", "Password", "Signed in as ani", "Choose file"),
    ],
)
def test_the_file_picker_speaks_her_language(
    page: Page, server, artifacts, lang, signin, password, done, word
) -> None:
    """Issue 13.7: Streamlit's own English in the drop zone ("Upload", "400MB per file") is
    not what she reads; the button says our word, and only our limit is on the page."""
    page.goto(f"{server}/unggah?lang={lang}")
    page.get_by_label("Nama editor" if lang == "id" else "Editor name").fill("ani")
    page.get_by_label(password, exact=True).fill(EDITOR_PASSWORD)
    page.get_by_role("button", name=signin, exact=True).click()
    expect(page.get_by_text(done)).to_be_visible(timeout=15_000)
    wait_for_app_run(page)
    zone = page.locator('[data-testid="stFileUploaderDropzone"]')
    expect(zone.get_by_role("button", name=word)).to_be_visible()
    expect(zone.get_by_text("Upload", exact=True)).to_be_hidden()
    expect(page.get_by_text("400MB per file")).to_be_hidden()
    zone.screenshot(path=str(artifacts / f"file_picker_{lang}.png"))
