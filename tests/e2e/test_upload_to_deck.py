"""From a saved file to the hearing deck in one step, as a planner goes: sign in, choose the
file, save, open the pack from the save message, download. The deck has the new year."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect
from pptx import Presentation

from tests.e2e.conftest import EDITOR_PASSWORD, wait_for_app_run

pytestmark = pytest.mark.e2e

FILE = (
    "indikator;wilayah;sektor;tahun;nilai;status;sumber\n"
    "batik_competitiveness;blitar;batik;2024;91;dilaporkan;Disperindag Blitar (2025)\n"
).encode("cp1252")


def test_saved_file_to_downloaded_deck(page: Page, fresh_server, artifacts, tmp_path: Path) -> None:
    page.set_viewport_size({"width": 1366, "height": 1600})
    actions = []

    page.goto(f"{fresh_server}/unggah?lang=id")
    page.wait_for_selector("h1", timeout=30_000)
    wait_for_app_run(page)
    # A "page not found" notice can greet the first visit of a fresh server (Streamlit's, as
    # in test_presentation.py); it is not one of the planner's steps.
    if page.locator('[data-testid="stDialog"]').count():
        page.keyboard.press("Escape")
    page.get_by_label("Nama editor").fill("ani")
    page.get_by_label("Kata sandi").fill(EDITOR_PASSWORD)
    page.get_by_role("button", name="Masuk").click()
    actions.append("sign in")
    expect(page.get_by_text("Masuk sebagai ani")).to_be_visible(timeout=30_000)

    upload = tmp_path / "daya_saing_2024.csv"
    upload.write_bytes(FILE)
    page.set_input_files("input[type=file]", str(upload))
    actions.append("choose the file")
    page.get_by_role("button", name="Simpan ke database").click(timeout=30_000)
    actions.append("save")
    expect(page.get_by_text("Tersimpan sebagai unggahan #")).to_be_visible(timeout=30_000)
    page.screenshot(path=str(artifacts / "upload-saved-to-deck.png"))

    page.get_by_role("link", name="Buka bahan paparan DPRD dengan angka baru ini").click()
    actions.append("open the pack")
    expect(page.locator("h1")).to_have_text("Bahan paparan DPRD", timeout=30_000)
    wait_for_app_run(page)
    assert "ke=2024" in page.url and "wilayah=blitar" in page.url
    # The new year is chosen, and the slide list already ends at it.
    assert "2021–2024" in page.locator('[data-testid="stExpander"]').first.inner_text()

    button = page.get_by_role("button", name="Unduh PPTX (16:9)")
    expect(button).to_be_visible(timeout=120_000)
    page.screenshot(path=str(artifacts / "deck-after-upload.png"))
    with page.expect_download(timeout=120_000) as download:
        button.click()
    actions.append("download")
    assert "_blitar_2021-2024_" in download.value.suggested_filename
    deck = Presentation(io.BytesIO(Path(download.value.path()).read_bytes()))
    text = " ".join(
        shape.text_frame.text
        for slide in deck.slides
        for shape in slide.shapes
        if shape.has_text_frame
    )
    assert "91%" in text and "2024" in text
    assert actions == ["sign in", "choose the file", "save", "open the pack", "download"]
