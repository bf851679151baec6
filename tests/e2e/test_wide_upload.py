"""A BPS-style wide table through the real upload page in Chromium: one unknown row label
mapped on the page, preview, save, and the value on its chart with its BPS mark."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import sign_in, wait_for_app_run

pytestmark = pytest.mark.e2e

LABEL = "Indeks daya saing batik (skala 0-100)"  # no indicator is named so: asked on the page
FILE = (
    "Skor Daya Saing Produk Batik Kota & Kabupaten Blitar, 2022-2024 (persen)\r\n"
    "Uraian;2022;2023;2024**\r\n"
    f"{LABEL};70;85;88\r\n"
    "Catatan: ** angka sangat sementara;;;\r\n"
    "Sumber: Disperindag Blitar (2025);;;\r\n"
).encode("cp1252")


def _competitiveness_chart_text(page: Page) -> str:
    page.wait_for_function(
        "document.querySelectorAll('.vega-embed svg').length >= 2", timeout=30_000
    )
    wait_for_app_run(page)
    return page.locator(".vega-embed svg").nth(1).text_content() or ""


def test_wide_table_mapped_saved_and_charted_with_its_mark(
    page: Page, fresh_server, artifacts, tmp_path: Path
) -> None:
    # The overview first, as a planner opens the dashboard (a fresh server's very first
    # visit straight to /unggah showed Streamlit's "Page not found" dialog over the page).
    page.goto(f"{fresh_server}/?lang=id")
    assert "88%" not in _competitiveness_chart_text(page)
    page.goto(f"{fresh_server}/unggah?lang=id")
    sign_in(page)

    upload = tmp_path / "daya_saing_bps.csv"
    upload.write_bytes(FILE)
    page.set_input_files("input[type=file]", str(upload))
    expect(page.get_by_text("Tabel lebar dikenali")).to_be_visible(timeout=15_000)
    wait_for_app_run(page)
    page.get_by_text("Dari judul, satuan dan baris Sumber").scroll_into_view_if_needed()
    page.screenshot(path=str(artifacts / "wide-upload-asked.png"))
    # The label is asked about (the issues table, a canvas, says so too), the file is not
    # refused, and nothing is offered for saving until she chooses.
    expect(page.get_by_text(f"Baris 3: '{LABEL}' tidak cocok dengan indikator")).to_be_visible()
    assert page.get_by_role("button", name="Simpan ke database").count() == 0

    ask = page.locator('[data-testid="stSelectbox"]').filter(has_text="Baris 3:")
    ask.locator("input").click()
    page.keyboard.type("Skor daya saing produk")  # filters the list, as a planner would
    page.get_by_role("option", name="Skor daya saing produk batik", exact=True).click()
    expect(page.get_by_text("Pratinjau", exact=True)).to_be_visible(timeout=15_000)
    wait_for_app_run(page)
    metrics = page.locator('[data-testid="stMetricValue"]')
    expect(metrics).to_have_count(3, timeout=15_000)
    assert sum(int(m) for m in metrics.all_inner_texts()) == 3  # three year cells
    page.get_by_text("Pratinjau", exact=True).scroll_into_view_if_needed()
    page.screenshot(path=str(artifacts / "wide-upload-preview.png"))
    page.get_by_role("button", name="Simpan ke database").click()
    expect(page.get_by_text("Tersimpan sebagai unggahan #")).to_be_visible(timeout=15_000)

    page.get_by_role("link", name="Ringkasan").click()
    text = _competitiveness_chart_text(page)
    assert "88%**" in text  # the value with its BPS symbol
    assert "angka sangat sementara" in text  # and the symbol explained under the title
    page.screenshot(path=str(artifacts / "wide-upload-chart.png"), full_page=True)


# Kota and Kabupaten as two column groups, as a Dalam Angka table prints them; the title
# states no unit, so the plan asks exactly one question (the row's unit) and nothing else.
GROUPS = (
    "Tenaga Kerja Industri Batik, 2022-2023\r\n"
    ";Kota Blitar;;Kabupaten Blitar;\r\n"
    "Uraian;2022;2023;2022;2023\r\n"
    "Tenaga kerja industri batik;1.011;1.057;1.243;1.329\r\n"
    "Sumber: BPS Provinsi Jawa Timur;;;;\r\n"
).encode("cp1252")


def test_kota_and_kabupaten_column_groups_become_two_regions(
    page: Page, fresh_server, artifacts, tmp_path: Path
) -> None:
    page.set_viewport_size({"width": 1366, "height": 1800})
    page.goto(f"{fresh_server}/?lang=id")
    page.wait_for_selector("h1", timeout=30_000)
    wait_for_app_run(page)
    page.goto(f"{fresh_server}/unggah?lang=id")
    sign_in(page)
    upload = tmp_path / "tenaga_kerja_kota_kab.csv"
    upload.write_bytes(GROUPS)
    page.set_input_files("input[type=file]", str(upload))
    expect(page.get_by_text("Tabel lebar dikenali")).to_be_visible(timeout=15_000)
    wait_for_app_run(page)
    # One question: the unit. No region is asked (the column groups give both), and no
    # advice to delete a column.
    asked = page.locator('[data-testid="stSelectbox"]').filter(has_text="dalam satuan apa")
    expect(asked).to_have_count(1)
    assert page.locator('[data-testid="stSelectbox"]').filter(has_text="Wilayah tabel").count() == 0
    assert "Hapus salah satu" not in page.locator("body").inner_text()
    assert page.get_by_role("button", name="Simpan ke database").count() == 0
    page.get_by_text("Kolom menjadi tahun").scroll_into_view_if_needed()
    page.screenshot(path=str(artifacts / "wide-groups-asked.png"), full_page=True)
    page.set_viewport_size({"width": 390, "height": 844})  # the plan on a phone
    wait_for_app_run(page)
    page.screenshot(path=str(artifacts / "wide-groups-asked-phone.png"), full_page=True)
    page.set_viewport_size({"width": 1366, "height": 1800})
    wait_for_app_run(page)

    asked.locator("input").click()
    page.get_by_role("option", name="orang", exact=True).click()
    expect(page.get_by_text("Pratinjau", exact=True)).to_be_visible(timeout=15_000)
    wait_for_app_run(page)
    page.screenshot(path=str(artifacts / "wide-groups-preview.png"), full_page=True)
    page.get_by_role("button", name="Simpan ke database").click()
    expect(page.get_by_text("Tersimpan sebagai unggahan #")).to_be_visible(timeout=15_000)

    page.goto(f"{fresh_server}/perbandingan-wilayah?lang=id&indikator=batik_workers")
    page.wait_for_function(
        "document.querySelectorAll('.vega-embed svg').length >= 1", timeout=30_000
    )
    wait_for_app_run(page)
    drawn = " ".join(
        page.locator(".vega-embed svg")
        .first.locator("text")
        .evaluate_all("nodes => nodes.map(n => n.textContent)")
    )
    body = page.locator("body").inner_text()
    page.screenshot(path=str(artifacts / "wide-groups-regions.png"), full_page=True)
    # Each region's own figure for 2023, from its own column group.
    assert "1.057" in drawn + body and "1.329" in drawn + body
