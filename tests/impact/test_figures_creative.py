"""Creative-economy figures: ranges kept, ties named, one rounding for title, bar and table,
status in words, and the source of every year on the chart."""

from __future__ import annotations

import pandas as pd

from impact.figures import creative
from impact.indicators import Indicator

WORKERS = Indicator("ce_workers", "Tenaga kerja ekonomi kreatif", "Creative economy workers",
                    None, None, None, "orang", "count", "tahunan", "BPS")  # fmt: skip
NAMES = {"batik": "Batik", "music": "Musik", "film": "Film"}


def _obs(rows: list[tuple]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=["sector", "year", "value", "low", "high", "status"])
    return frame.assign(source=[f"Sumber {y}" for y in frame["year"]], region="kota_blitar")


def test_a_year_given_as_a_range_gives_a_range_never_its_middle() -> None:
    obs = _obs(
        [
            ("batik", 2021, 100.0, None, None, "reported"),
            ("batik", 2023, 160.0, 150.0, 170.0, "reported"),
            ("music", 2021, 100.0, None, None, "reported"),
            ("music", 2023, 110.0, None, None, "reported"),
        ]
    )
    fig = creative.growth_figure(obs, WORKERS, NAMES, 2021, 2023, "id")
    assert fig.value_text == "+50–70%"
    assert "Batik tercepat (+50–70%)" in fig.title
    assert fig.chart["frame"]["label"].tolist() == ["+50–70%", "+10%"]
    assert fig.chart["options"]["low"] == "change_low"


def test_the_title_rounds_as_the_bar_label_and_names_a_tie() -> None:
    obs = _obs(
        [
            ("batik", 2021, 200.0, None, None, "reported"),
            ("batik", 2023, 300.5, None, None, "reported"),  # +50.25%
            ("film", 2021, 400.0, None, None, "reported"),
            ("film", 2023, 601.0, None, None, "reported"),  # the same
            ("music", 2021, 100.0, None, None, "illustrative"),
            ("music", 2023, 90.0, None, None, "reported"),
        ]
    )
    fig = creative.growth_figure(obs, WORKERS, NAMES, 2021, 2023, "id", region_name="Kota Blitar")
    labels = fig.chart["frame"]["label"].tolist()
    assert labels[:2] == ["+50,2%", "+50,2%"]  # both 50.25% in floating point: one rounding
    assert "Batik & Film tercepat (+50,2%)" in fig.title
    assert "Kota Blitar" in fig.title
    # One input is illustrative: the title says so in words.
    assert fig.title.endswith("(ilustratif)")
    assert fig.chart["options"]["source_lines"] == [
        "Sumber 2021: Sumber 2021",
        "Sumber 2023: Sumber 2023",
    ]


def test_share_names_each_year_source_and_its_status() -> None:
    obs = _obs(
        [
            ("batik", 2021, 50.0, None, None, "reported"),
            ("music", 2021, 150.0, None, None, "reported"),
            ("batik", 2022, 60.0, None, None, "estimated"),
            ("music", 2022, 140.0, None, None, "reported"),
        ]
    )
    fig = creative.share_figure(obs, WORKERS, "en")
    assert fig.value_text == "30%"
    assert fig.title == "Batik is 30% of creative economy workers in 2022 (estimated)"
    assert fig.chart["frame"]["source"].tolist() == ["Sumber 2021", "Sumber 2022"]
