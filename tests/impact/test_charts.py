"""Charts carry status marks, sources and the language's number locale."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import vl_convert as vlc

from impact import i18n, store
from impact.figures import charts


def _income_chart(db: Path, lang: str):
    obs = store.observations(db, "batik_income_index", "blitar", "batik")
    return obs, charts.series_chart(
        obs,
        lang=lang,
        title="T",
        y_title="Y",
        sources=["Sumber X"],
        value_format="index",
        formatter=lambda x: i18n.format_number(x, lang, 0),
    )


def test_series_frame_marks_segments_touching_illustrative_points(seeded_db: Path) -> None:
    obs = store.observations(seeded_db, "batik_competitiveness", "blitar", "batik")
    middle = obs.iloc[[0]].assign(year=2022, value=70.0, status="illustrative")
    obs = pd.concat([obs, middle]).sort_values("year")
    frame = charts.series_frame(obs, "id", lambda x: f"{x:.0f}")
    assert frame["status_label"].tolist() == ["Dilaporkan", "Ilustratif", "Dilaporkan"]
    assert frame["segment_label"].tolist()[:2] == ["Ilustratif", "Ilustratif"]


def test_reported_range_becomes_band_and_label(seeded_db: Path) -> None:
    obs = store.observations(seeded_db, "batik_income_index", "blitar", "batik")
    frame = charts.series_frame(obs, "id", lambda x: f"{x:.0f}")
    last = frame.iloc[-1]
    assert (last["band_low"], last["band_high"], last["label"]) == (150, 170, "150–170")


def test_spec_has_locale_source_and_status_legend(seeded_db: Path) -> None:
    _, chart = _income_chart(seeded_db, "id")
    spec = chart.to_dict()
    assert spec["config"]["locale"]["number"]["decimal"] == ","
    assert "Sumber: Sumber X" in spec["title"]["subtitle"]
    marks = [layer["mark"]["type"] for layer in spec["layer"]]
    # band, the gap's connector and its words, points, labels: no line between consecutive
    # years, as there are none (an empty mark layer would be an unlabelled image to axe)
    assert marks == ["area", "rule", "text", "point", "text"]


def test_a_year_without_a_figure_is_a_labelled_gap_never_a_point(seeded_db: Path) -> None:
    obs = store.observations(seeded_db, "batik_competitiveness", "blitar", "batik")
    for lang, words in (("id", "tidak ada angka 2022"), ("en", "no figure for 2022")):
        frame = charts.series_frame(obs, lang, lambda x: f"{x:.0f}")
        assert frame["year"].tolist() == [2021, 2023]  # no point for 2022
        assert frame["gap_label"].iloc[0] == words and pd.isna(frame["gap_label"].iloc[1])
        spec = charts.series_chart(obs, lang=lang, title="T", y_title="Y", sources=["S"]).to_dict()
        layers = spec["layer"]
        # No trend line across the gap (2021 and 2023 are all there is); the connector is
        # thin, dotted and says why.
        rules = [x for x in layers if x["mark"]["type"] == "rule"]
        assert all("!isValid" not in json.dumps(x.get("transform", [])) for x in rules)
        connector = [x for x in layers if x["mark"].get("strokeDash") == [2, 4]]
        assert len(connector) == 1 and connector[0]["mark"]["strokeWidth"] < 3
        assert spec["layer"][0]["encoding"]["x"]["axis"]["values"] == [2021, 2022, 2023]
    three = pd.concat([obs, obs.iloc[[1]].assign(year=2024, value=86.0)])
    spec = charts.series_chart(three, lang="id", title="T", y_title="Y", sources=["S"]).to_dict()
    trend = [x for x in spec["layer"] if "!isValid(datum.gap_label)" in json.dumps(x)]
    assert len(trend) == 1  # 2023-2024 drawn as a line, 2021-2023 as a gap
    several = obs.assign(year=[2020, 2024])
    frame = charts.series_frame(several, "id", lambda x: f"{x:.0f}")
    assert frame["gap_label"].iloc[0] == "tidak ada angka 2021–2023"


def test_chart_renders_to_svg_with_indonesian_labels(seeded_db: Path) -> None:
    _, chart = _income_chart(seeded_db, "id")
    svg = vlc.vegalite_to_svg(chart.to_dict() | {"width": 600})
    assert "Ilustratif" in svg and "Dilaporkan" in svg and "150–170" in svg


def test_regions_chart_draws_a_gap_as_a_thin_connector_for_regions_and_benchmarks() -> None:
    rows = [
        ("Kota Blitar", "region", 2018, 5.83),
        ("Kota Blitar", "region", 2020, -2.28),
        ("Kota Blitar", "region", 2021, 4.28),
        ("Jawa Timur", "benchmark", 2020, -2.33),
        ("Jawa Timur", "benchmark", 2021, 3.57),
    ]
    frame = pd.DataFrame(rows, columns=["series", "role", "year", "value"]).assign(
        low=None, high=None, status="reported", source="BPS"
    )
    spec = charts.regions_chart(frame, lang="id", title="T", y_title="%", sources=["BPS"]).to_dict()
    rules = [x for x in spec["layer"] if x["mark"]["type"] == "rule"]
    trend = [x for x in rules if x["mark"].get("strokeWidth", 0) >= 2]
    assert len(trend) == 2  # regions and benchmarks, segment by segment
    assert all("!isValid(datum.gap_label)" in x["transform"][0]["filter"] for x in trend)
    (gap,) = [x for x in rules if x["mark"].get("strokeDash") == [2, 4]]
    assert gap["transform"][0]["filter"] == "isValid(datum.gap_label)"
    assert not [x for x in spec["layer"] if x["mark"]["type"] == "line"]  # no line joins a gap
    assert "Garis titik-titik tipis: tidak ada angka" in " ".join(spec["title"]["subtitle"])
    assert spec["layer"][0]["encoding"]["x"]["axis"]["values"] == [2018, 2019, 2020, 2021]
