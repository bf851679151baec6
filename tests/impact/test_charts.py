"""Charts carry status marks, sources and the language's number locale."""

from __future__ import annotations

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
    assert marks == ["area", "rule", "point", "text"]


def test_chart_renders_to_svg_with_indonesian_labels(seeded_db: Path) -> None:
    _, chart = _income_chart(seeded_db, "id")
    svg = vlc.vegalite_to_svg(chart.to_dict() | {"width": 600})
    assert "Ilustratif" in svg and "Dilaporkan" in svg and "150–170" in svg
