"""The equity page through AppTest: empty state, then synthetic records uploaded the validated way."""

from __future__ import annotations

import json

import pytest
from streamlit.testing.v1 import AppTest

from tests.pages.apptest import APP, open_page
from tests.synthetic_data import load_synthetic


def test_without_records_the_page_says_how_to_add_them(app_db) -> None:
    at = open_page("pages/equity.py", "id")
    assert any("Catatan per unit usaha" in i.value for i in at.info)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_with_synthetic_records(app_db, lang) -> None:
    load_synthetic(app_db)
    at = open_page("pages/equity.py", lang, wilayah="kab_blitar")
    metrics = {m.label: m.value for m in at.metric}
    counted = "Usaha dihitung" if lang == "id" else "Enterprises counted"
    assert int(metrics[counted].replace(".", "").replace(",", "")) > 150
    titles = [
        " ".join(json.loads(c.proto.spec)["title"]["text"]) for c in at.get("vega_lite_chart")
    ]
    assert len(titles) == 4
    assert titles[0].startswith(
        "Sebaran pertumbuhan pendapatan 2021–2023" if lang == "id" else "Spread of income growth"
    )
    markdown = " ".join(m.value for m in at.markdown)
    assert ("Ilustratif" if lang == "id" else "Illustrative") in markdown
    assert any("sintetis" in c.value.lower() for c in at.caption)


def test_income_page_offers_the_series_derived_from_records(app_db) -> None:
    load_synthetic(app_db)
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["indikator"] = "enterprise_income_mean"
    at.query_params["wilayah"] = "kota_blitar"
    at.run()
    at.switch_page("pages/income.py")
    at.run()
    assert not at.exception
    assert any("catatan per unit usaha" in c.value for c in at.caption)
    title = " ".join(json.loads(at.get("vega_lite_chart")[0].proto.spec)["title"]["text"])
    assert title.startswith(
        "Rata-rata pendapatan per usaha per tahun (dari catatan per unit usaha) naik"
    )
    table = at.dataframe[0].value
    assert table["Catatan"].str.startswith("n = ").all() and set(table["Status"]) == {"Ilustratif"}
