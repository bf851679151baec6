"""The creative-economy page through AppTest in both languages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from impact import store

APP = str(Path(__file__).resolve().parents[2] / "app.py")


@pytest.fixture
def app_db(monkeypatch, seeded_db: Path) -> Path:
    monkeypatch.setenv(store.DB_PATH_ENV, str(seeded_db))
    return seeded_db


def _page(lang: str, **params: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=30)
    at.session_state["lang"] = lang
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    at.switch_page("pages/creative.py")
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _titles(at: AppTest) -> list[str]:
    return [" ".join(json.loads(c.proto.spec)["title"]["text"]) for c in at.get("vega_lite_chart")]


def test_workers_by_subsector_with_batik_share(app_db) -> None:
    titles = _titles(_page("id"))
    assert titles[0] == (
        "Tenaga kerja ekonomi kreatif per subsektor, skala sama: Film tumbuh paling cepat (+83%, 2021–2023)"
    )
    # 235 of 1.143 workers in 2023
    assert titles[1] == "Batik 20,6% dari tenaga kerja ekonomi kreatif pada 2023"
    assert titles[3].startswith(
        "Pajak dan retribusi dari ekonomi kreatif: Rp1.580.000.000 pada 2023"
    )
    spec = json.loads(at_spec := _page("id").get("vega_lite_chart")[0].proto.spec)
    assert "facet" in spec and at_spec


def test_a_share_indicator_is_not_summed_in_english(app_db) -> None:
    at = _page("en", indikator="ce_young_share")
    assert any("cannot be added up" in i.value for i in at.info)
    assert _titles(at)[1] == "Growth of share of young workers (15-30) by subsector, 2021–2023"


def test_exports_without_data_suggest_the_upload_page(app_db) -> None:
    at = _page("id", indikator="ce_exports")
    assert any("Unggah Data" in i.value for i in at.info)
