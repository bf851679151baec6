"""Equity figures: one rounding for title and card, end bands in words, ties named, status."""

from __future__ import annotations

import pandas as pd

from impact.figures import equity

MEAN = pd.DataFrame(
    {"year": [2021, 2022, 2023], "source": ["Survei A", "Survei A", "Survei A; Survei B"]}
)


def _overall(median: float, status: str = "reported") -> pd.DataFrame:
    return pd.DataFrame(
        [{"group": None, "n": 40, "median": median, "q1": 10.0, "q3": 40.0, "share_50": 25.0,
          "small": False, "status": status}]
    )  # fmt: skip


def test_title_and_card_write_the_median_alike_and_name_each_years_sources() -> None:
    bands = pd.DataFrame({"band_low": [-50.0, 0.0, 150.0], "band_high": [-40.0, 10.0, 160.0],
                          "n": [3, 30, 7]})  # fmt: skip
    fig = equity.distribution_figure(
        _overall(27.75, "estimated"), bands, {"missing_year": 2, "zero_base": 1}, MEAN,
        2021, 2023, "id",
    )  # fmt: skip
    assert dict(fig.metrics)["Pertumbuhan median"] == "+27,8%"
    assert "median +27,8%" in fig.title and fig.title.endswith("(estimasi)")
    assert fig.chart["frame"]["band"].tolist() == ["di bawah −40", "0 s.d. 10", "150 ke atas"]
    assert fig.sources == (("Survei A", (2021, 2023)), ("Survei B", (2023,)))
    assert fig.chart["options"]["source_lines"] == [
        "Sumber 2021, 2023: Survei A",
        "Sumber 2023: Survei B",
    ]


def test_groups_tied_at_the_top_are_all_named_with_their_counts() -> None:
    frame = pd.DataFrame(
        {"group": ["micro", "small", "medium"], "n": [50, 12, 40], "median": [20.04, 30.0, 29.96],
         "q1": [5.0] * 3, "q3": [50.0] * 3, "share_50": [10.0] * 3, "small": [False, True, False],
         "status": ["reported", "reported", "illustrative"]}
    )  # fmt: skip
    fig = equity.group_figure(frame, "size_class", {}, (("Survei A", (2021, 2023)),), "en")
    assert fig.title == (
        "Median growth by size class: Small & Medium highest (+30%) (illustrative)"
    )
    assert fig.chart["frame"]["label"].tolist()[1] == "+30%"
    assert fig.chart["frame"]["label_group"].tolist()[1] == "Small (n=12) ⚠"
