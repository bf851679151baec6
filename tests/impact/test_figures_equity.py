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
        {"group": ["micro", "small", "medium"], "n": [50, 12, 40], "median": [30.04, 30.0, 29.96],
         "q1": [5.0] * 3, "q3": [50.0] * 3, "share_50": [10.0] * 3, "small": [False, True, False],
         "status": ["reported", "reported", "illustrative"]}
    )  # fmt: skip
    fig = equity.group_figure(frame, "size_class", {}, (("Survei A", (2021, 2023)),), "en")
    # Small (n=12) ties too, but a group under the threshold never carries the title (22.5.7).
    assert fig.title == (
        "Median growth by size class: Micro & Medium highest of the groups of ≥ 30 enterprises"
        " (+30%) (illustrative)"
    )
    assert fig.chart["frame"]["label"].tolist()[1] == "+30%"
    assert fig.chart["frame"]["label_group"].tolist()[1] == "Small (n=12) ⚠"


GENDER = pd.DataFrame(
    {"group": ["P", "L", "not_recorded"], "n": [40, 12, 5], "median": [35.04, 10.0, 40.0],
     "q1": [15.0, 0.0, 40.0], "q3": [62.5, 20.0, 40.0], "share_50": [50.0, 0.0, 0.0],
     "participants": [30, 4, 0], "participation": [75.0, 100 / 3, 0.0],
     "small": [False, True, True], "status": ["reported", "reported", "illustrative"]}
)  # fmt: skip
SOURCES = (("Survei A", (2021, 2023)),)


def test_gender_figures_give_n_flag_small_groups_and_keep_not_recorded_out_of_the_titles():
    growth_fig, part_fig = equity.gender_figures(GENDER, SOURCES, 2021, 2023, "id")
    assert growth_fig.title == (
        "Pertumbuhan median 2021–2023 menurut jenis kelamin pemilik: Perempuan +35%, "
        "Laki-laki +10% (ilustratif)"
    )
    assert part_fig.title == (
        "Ikut program 2021–2023 menurut jenis kelamin pemilik: Perempuan 75%, Laki-laki 33% "
        "(ilustratif)"
    )
    assert part_fig.chart["frame"]["label_group"].tolist() == [
        "Perempuan (n=40)",
        "Laki-laki (n=12) ⚠",
        "Tidak dicatat (n=5) ⚠",
    ]
    assert part_fig.chart["options"]["source_lines"] == ["Sumber: Survei A"]
    table = growth_fig.table.set_index("Kelompok")
    assert table.loc["Laki-laki (n=12) ⚠", "Ikut program"] == "33%"
    assert table.loc["Laki-laki (n=12) ⚠", "Kelompok kecil"] == "ya"
    assert part_fig.table["Jumlah ikut program"].tolist() == ["30", "4", "0"]
    assert equity.gender_note(GENDER, "en").startswith("Not recorded: 5 enterprises")


def test_gender_figures_in_english_and_none_without_any_gender() -> None:
    growth_fig, _ = equity.gender_figures(GENDER.iloc[:2], SOURCES, 2021, 2023, "en")
    assert growth_fig.title == "Median growth 2021–2023 by owner's gender: Women +35%, Men +10%"
    nobody = GENDER.iloc[2:]
    assert equity.gender_figures(nobody, SOURCES, 2021, 2023, "en") is None
    assert "5 enterprises counted, none with it" in equity.gender_missing(nobody, 2021, 2023, "en")
