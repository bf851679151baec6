"""The creative-economy page through AppTest in both languages."""

from __future__ import annotations

import json

from tests.pages.apptest import chart_titles, open_page


def test_workers_by_subsector_with_batik_share(app_db) -> None:
    titles = chart_titles(open_page("pages/creative.py", "id"))
    assert titles[0] == (
        "Tenaga kerja ekonomi kreatif per subsektor, skala sama: Film tumbuh paling cepat (+83,3%, 2021–2023)"
        " (ilustratif)"
    )
    # 235 of 1.143 workers in 2023
    assert titles[1] == "Batik 20,6% dari tenaga kerja ekonomi kreatif pada 2023 (ilustratif)"
    assert titles[3].startswith(
        "Pajak dan retribusi dari ekonomi kreatif: Rp1.580.000.000 pada 2023"
    )
    spec = json.loads(
        at_spec := open_page("pages/creative.py", "id").get("vega_lite_chart")[0].proto.spec
    )
    assert "facet" in spec and at_spec


def test_a_share_indicator_is_not_summed_in_english(app_db) -> None:
    at = open_page("pages/creative.py", "en", indikator="ce_young_share")
    assert any("cannot be added up" in i.value for i in at.info)
    assert chart_titles(at)[1] == (
        "Growth of share of young workers (15-30) by subsector, 2021–2023: Batik fastest"
        " (+6 percentage points) (illustrative)"
    )


def test_exports_without_data_suggest_the_upload_page(app_db) -> None:
    at = open_page("pages/creative.py", "id", indikator="ce_exports")
    assert any("Unggah Data" in i.value for i in at.info)
