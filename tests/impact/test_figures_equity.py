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
        {"group": ["a", "b", "c", "d"], "n": [50, 12, 40, 5],
         "median": [30.04, 30.0, 29.96, 10.0], "q1": [5.0] * 4, "q3": [50.0] * 4,
         "share_50": [10.0] * 4, "small": [False, True, False, True],
         "status": ["reported", "reported", "illustrative", "reported"]}
    )  # fmt: skip
    names = {"a": "A", "b": "B", "c": "C", "d": "D"}
    fig = equity.group_figure(frame, "region", names, (("Survei A", (2021, 2023)),), "en")
    # B (n=12) ties too, but a group under the threshold is withheld, never in the title.
    assert fig.title == (
        "Median growth by region: A & C highest of the groups shown (+30%) (illustrative)"
    )
    assert fig.chart["frame"]["label_group"].tolist() == ["A (n=50)", "C (n=40)"]
    assert fig.table["Group"].tolist() == ["A (n=50)", "B (n < 30)", "C (n=40)", "D (n < 30)"]


GENDER = pd.DataFrame(
    {"group": ["P", "L", "not_recorded"], "n": [40, 12, 5], "median": [35.04, 10.0, 40.0],
     "q1": [15.0, 0.0, 40.0], "q3": [62.5, 20.0, 40.0], "share_50": [50.0, 0.0, 0.0],
     "participants": [30, 4, 0], "participation": [75.0, 100 / 3, 0.0],
     "small": [False, True, True], "status": ["reported", "reported", "illustrative"]}
)  # fmt: skip
SOURCES = (("Survei A", (2021, 2023)),)


def test_gender_figures_give_n_withhold_small_groups_and_keep_not_recorded_out_of_titles():
    growth_fig, part_fig = equity.gender_figures(GENDER, SOURCES, 2021, 2023, "id")
    # Laki-laki (12) and Tidak dicatat (5) are under 30: withheld, two of them (no third)
    assert growth_fig.title == (
        "Pertumbuhan median 2021–2023 menurut jenis kelamin pemilik: Perempuan +35% (ilustratif)"
    )
    assert part_fig.title == (
        "Ikut program 2021–2023 menurut jenis kelamin pemilik: Perempuan 75% (ilustratif)"
    )
    assert part_fig.chart["frame"]["label_group"].tolist() == ["Perempuan (n=40)"]
    assert part_fig.chart["options"]["source_lines"] == ["Sumber: Survei A"]
    table = growth_fig.table.set_index("Kelompok")
    assert table.loc["Laki-laki (n < 30)", "Ikut program"] == "ditahan"
    assert table.loc["Laki-laki (n < 30)", "Ditahan"] == "ya"
    assert part_fig.table["Jumlah ikut program"].tolist() == [
        "30", "ditahan", "ditahan"
    ]  # fmt: skip
    assert equity.gender_note(GENDER, "en").startswith("Not recorded: 5 enterprises")


def test_gender_figures_in_english_and_none_without_any_gender() -> None:
    # Men (12) withheld alone would be Women's total minus the rest: Women withheld too
    growth_fig, part_fig = equity.gender_figures(GENDER.iloc[:2], SOURCES, 2021, 2023, "en")
    assert growth_fig.title == "Median growth 2021–2023 by owner's gender: withheld"
    assert growth_fig.chart is None and part_fig.chart is None
    nobody = GENDER.iloc[2:]
    assert equity.gender_figures(nobody, SOURCES, 2021, 2023, "en") is None
    assert "5 enterprises counted, none with it" in equity.gender_missing(nobody, 2021, 2023, "en")


# --- the UMK yardstick --------------------------------------------------------------------


def _yardstick(overall: dict, years: list[dict], regions: list[dict] | None = None):
    from impact.equity import UmkYardstick

    columns = ["group", "n", "reached", "no_umk", "combined", "share", "small", "status",
               "record_status"]  # fmt: skip
    by_region = pd.DataFrame(regions or [], columns=columns)
    return UmkYardstick(
        year=2023,
        overall=pd.DataFrame([overall], columns=columns),
        by={"year": pd.DataFrame(years, columns=columns), "region": by_region,
            "size_class": by_region},
        umk=pd.DataFrame({"region": ["kota_blitar"], "year": [2023], "value": [2.5e6],
                          "status": ["reported"], "source": ["SK UMK"]}),
        sources=pd.DataFrame({"year": [2022, 2023, 2023], "source": ["Survei", "Survei", "SK UMK"]}),
    )  # fmt: skip


def _row(group, n, reached, no_umk=0, combined=0, small=False, status="reported") -> dict:
    share = 100 * reached / n if n else float("nan")
    return {"group": group, "n": n, "reached": reached, "no_umk": no_umk,
            "combined": combined, "share": share, "small": small,
            "status": status if n else None, "record_status": status}  # fmt: skip


def test_umk_title_card_and_notes_name_who_was_left_out_and_why() -> None:
    overall = _row(None, 40, 30, no_umk=5, combined=3, status="estimated")
    found = _yardstick(overall, [_row(2022, 0, 0, no_umk=9), {**overall, "group": 2023}])
    fig = equity.umk_figure(found, "id")
    assert fig.title == (
        "Pangsa usaha dengan pendapatan per bulan ≥ UMK wilayahnya, 2023: 75% (estimasi)"
    )
    assert dict(fig.metrics) == {"Usaha ≥ UMK": "75%", "Usaha dibandingkan": "40",
                                 "Tanpa UMK (tidak dihitung)": "5"}  # fmt: skip
    notes = " ".join(fig.notes)
    assert "≥ 12 × UMK" in notes and "Tidak dihitung di 2023: 5 usaha tanpa UMK" in notes
    assert "3 usaha yang dicatat untuk Kota & Kabupaten Blitar gabungan" in notes
    assert "2022: 9 usaha" in notes  # a year without a UMK is named, never filled
    # the chart draws only the year with a UMK; its sources are that year's
    assert fig.chart["frame"]["label_group"].tolist() == ["2023 (n=40)"]
    assert sorted(fig.chart["options"]["source_lines"]) == [
        "Sumber 2023: SK UMK",
        "Sumber 2023: Survei",
    ]
    assert fig.status == "estimated"


def test_umk_title_never_rests_on_a_small_group() -> None:
    small = _row(None, 7, 7, small=True)
    fig = equity.umk_figure(_yardstick(small, [{**small, "group": 2023}]), "en")
    assert fig.title == (
        "Share of enterprises whose monthly income is at least their region's UMK, 2023: "
        "not shown, so that no enterprise can be recognised"
    )
    assert dict(fig.metrics) == {"Enterprises ≥ UMK": "withheld", "Enterprises compared": "< 30",
                                 "Without a UMK (not counted)": "0"}  # fmt: skip
    assert fig.chart is None and fig.value is None
    names = {"kota_blitar": "Kota Blitar", "kab_blitar": "Kabupaten Blitar"}
    # Kota Blitar alone withheld would be the year's total minus Kabupaten: both withheld
    regions = [_row("kota_blitar", 7, 7, small=True), _row("kab_blitar", 40, 10)]
    assert equity.umk_group_figure(_yardstick(small, [], regions), "region", names, "en") is None
    sizes = [_row("micro", 7, 7, small=True), _row("small", 3, 0, small=True),
             _row("medium", 40, 10)]  # fmt: skip
    by_size = equity.umk_group_figure(_yardstick(small, [], sizes), "size_class", {}, "en")
    # Micro's 100% is higher, but rests on 7 enterprises: the title names Medium
    assert by_size.title == "Enterprises ≥ UMK by size class, 2023: Medium highest (25%)"
    assert by_size.chart["frame"]["label_group"].tolist() == ["Medium (n=40)"]
    assert by_size.table["Reaching the UMK"].tolist() == ["withheld", "withheld", "10"]
    all_small = equity.umk_group_figure(_yardstick(small, [], sizes[:2]), "size_class", {}, "id")
    assert all_small is None
