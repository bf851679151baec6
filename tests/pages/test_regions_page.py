"""The regions page and the targets on the indicator pages, through AppTest in both languages."""

from __future__ import annotations

import json

import pyarrow as pa
import pytest

from tests.pages.apptest import chart_titles, metrics, open_page


def _specs(at) -> list[dict]:
    return [json.loads(c.proto.spec) for c in at.get("vega_lite_chart")]


def _captions(at) -> list[str]:
    return [c.value.replace("\\", "") for c in at.caption]


def _rows(chart) -> list[dict]:
    """Every row of a chart's data (Streamlit sends it beside the spec, as Arrow)."""
    return [
        row
        for data in chart.proto.datasets
        for row in pa.ipc.open_stream(data.data.data).read_all().to_pylist()
    ]


def _target_labels(chart) -> set[str]:
    return {row["label"] for row in _rows(chart) if "target" in row}


@pytest.mark.parametrize(
    ("lang", "title", "kota", "kab", "missing"),
    [
        (
            "id",
            "Rata-rata pendapatan usaha batik per bulan, 2021–2023: Kota Blitar +55,9%; "
            "Kabupaten Blitar +62,5% (ilustratif)",
            "+55,9%",
            "+62,5%",
            "Jawa Timur (pembanding): belum ada data",
        ),
        (
            "en",
            "Average monthly income per batik enterprise, 2021–2023: Blitar City +55.9%; "
            "Blitar Regency +62.5% (illustrative)",
            "+55.9%",
            "+62.5%",
            "East Java (benchmark): no data yet",
        ),
    ],
)
def test_the_two_regions_side_by_side(app_db, lang, title, kota, kab, missing) -> None:
    # Kota 3.4 -> 5.3 million = +55.9%; Kabupaten 2.8 -> 4.55 million = +62.5% (seed, illustrative)
    at = open_page("pages/regions.py", lang)
    assert chart_titles(at)[0] == title  # the public benchmarks' chart follows (below)
    names = (
        ("Kota Blitar", "Kabupaten Blitar") if lang == "id" else ("Blitar City", "Blitar Regency")
    )
    assert metrics(at) == {names[0]: kota, names[1]: kab}
    assert missing in _captions(at)
    assert at.query_params["indikator"] == "batik_income_avg"
    table = at.dataframe[0].value
    assert set(table.iloc[:, 0]) == set(names)


def test_the_picker_marks_indicators_held_by_fewer_than_two_regions(app_db) -> None:
    at = open_page("pages/regions.py", "id")
    options = at.selectbox(key="url_indikator").options
    assert "Tenaga kerja industri batik" in options
    assert "Inflasi IHK (Desember ke Desember) (kurang dari dua wilayah)" in options


def test_benchmarks_only_name_the_regions_without_figures(app_db) -> None:
    at = open_page("pages/regions.py", "en", indikator="cpi_inflation")
    captions = _captions(at)
    assert "Blitar City: no data yet" in captions and "Blitar Regency: no data yet" in captions
    series = {row["series"] for row in _rows(at.get("vega_lite_chart")[0]) if "series" in row}
    assert series == {"East Java (benchmark)", "Indonesia (benchmark)"}
    assert at.query_params["sektor"] == "all"


def test_an_indicator_nobody_holds_says_so_instead_of_an_empty_chart(app_db) -> None:
    at = open_page("pages/regions.py", "id", indikator="batik_income_index")
    # no chart of the indicator: only the public benchmarks' growth chart further down
    assert [t.split(",")[0] for t in chart_titles(at)] == [GROWTH_NAME["id"]]
    assert "Kota Blitar: belum ada data" in _captions(at)
    assert at.info[0].value.startswith("Belum ada angka indikator ini")
    # the study's combined level holds it: the page says where to find it
    assert any(c.startswith("Angka gabungan Kota & Kabupaten Blitar") for c in _captions(at))


GROWTH_NAME = {
    "id": "Pertumbuhan ekonomi (PDRB/PDB harga konstan)",
    "en": "Economic growth (GRDP/GDP at constant prices)",
}


@pytest.mark.parametrize(
    ("lang", "title", "batik"),
    [
        (
            "id",
            # public_figures.csv: Kota Blitar 2024 5.33 -> 5,3; Kabupaten 2023 4.45 -> 4,5 (half
            # away from zero); Jawa Timur 2024 4.93 -> 4,9; Indonesia 2024 5.03 -> 5.
            "angka terakhir: Kota Blitar 5,3% (2024); Kabupaten Blitar 4,5% (2023); "
            "Jawa Timur 4,9% (2024); Indonesia 5% (2024)",
            [("Jawa Timur", "2018", "9.824 unit usaha"), ("Indonesia", "2023", "US$17.500.000")],
        ),
        (
            "en",
            "latest figures: Blitar City 5.3% (2024); Blitar Regency 4.5% (2023); "
            "East Java 4.9% (2024); Indonesia 5% (2024)",
            [("East Java", "2018", "9,824 enterprises"), ("Indonesia", "2023", "US$17,500,000")],
        ),
    ],
)
def test_public_benchmarks_beside_blitar(app_db, lang, title, batik) -> None:
    at = open_page("pages/regions.py", lang)
    assert chart_titles(at)[-1] == f"{GROWTH_NAME[lang]}, {title}"
    growth = _specs(at)[-1]
    assert any("Jawa Timur" in line or "East Java" in line for line in growth["title"]["subtitle"])
    table = at.dataframe[-1].value
    rows = {
        (r[table.columns[1]], r[table.columns[2]], r[table.columns[3]]) for _, r in table.iterrows()
    }
    assert set(batik) <= rows
    if lang == "en":  # every source and note of the table in English (data/translations.csv)
        text = " ".join(table.iloc[:, 5].tolist() + table.iloc[:, 6].tolist())
        assert "diberitakan" not in text and "belum" not in text


@pytest.mark.parametrize(
    ("page", "params", "labels"),
    [
        ("pages/income.py", {}, {"Target 125 (ilustratif)", "Target 160 (ilustratif)"}),
        ("pages/competitiveness.py", {}, {"Target 65% (ilustratif)", "Target 80% (ilustratif)"}),
        ("pages/income.py", {"harga": "real"}, set()),  # real terms: not the target's unit
    ],
)
def test_the_indicator_pages_draw_their_targets_marked(app_db, page, params, labels) -> None:
    at = open_page(page, "id", **params)
    spec = _specs(at)[0]
    assert _target_labels(at.get("vega_lite_chart")[0]) == labels
    subtitle = " ".join(spec["title"]["subtitle"])
    assert ("Target 2022, 2023: Contoh target ilustratif" in subtitle) is bool(labels)
