"""Regions side by side and targets on charts, on hand-made frames: like compared with like,
a region without figures named, benchmarks drawn apart, targets carrying their status."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from impact import indicators, store
from impact.figures import charts, figure, regions
from impact.indicators import Indicator

NAMES = {
    "blitar": "Kota & Kabupaten Blitar",
    "kota_blitar": "Kota Blitar",
    "kab_blitar": "Kabupaten Blitar",
    "jatim": "Jawa Timur",
    "indonesia": "Indonesia",
}


def _indicator(kind: str, unit: str = "orang", code: str = "x") -> Indicator:
    return Indicator(code, "Pekerja", "Workers", None, None, None, unit, kind, "tahunan", "BPS")


COLUMNS = ["indicator", "region", "sector", "year", "value", "low", "high", "status", "source"]


def _obs(rows: list[tuple], sector: str = "batik") -> pd.DataFrame:
    """rows: (region, year, value, status[, sector])."""
    frame = pd.DataFrame(
        [
            {
                "indicator": "x",
                "region": r[0],
                "sector": r[4] if len(r) > 4 else sector,
                "year": r[1],
                "value": float(r[2]),
                "low": None,
                "high": None,
                "status": r[3],
                "source": f"Sumber {r[0]}",
                "note": None,
                "mark": None,
            }
            for r in rows
        ],
        columns=[*COLUMNS, "note", "mark"],
    )
    return frame.astype({"low": float, "high": float, "value": float})


def _targets(rows: list[tuple]) -> pd.DataFrame:
    """rows: (region, year, target, status)."""
    return pd.DataFrame(
        [
            {
                "indicator": "x",
                "region": r[0],
                "sector": "batik",
                "year": r[1],
                "target": float(r[2]),
                "direction": "higher",
                "status": r[3],
                "source": "Renstra Dinas 2021-2026",
            }
            for r in rows
        ]
    )


def _spec(fig: figure.Figure) -> dict:
    assert fig.chart is not None
    return charts.build(fig.chart["kind"], fig.chart["frame"], **fig.chart["options"]).to_dict()


def _rows(spec: dict) -> list[dict]:
    return [row for rows in spec.get("datasets", {}).values() for row in rows]


# --- like with like ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "kota", "kab", "expected"),
    [
        # levels: percent change (100 -> 150 is +50%; 200 -> 260 is +30%)
        ("count", (100, 150), (200, 260), ("+50%", "+30%")),
        # scores: percentage points (55 -> 85 is +30 pp; 60 -> 70 is +10 pp), not percent
        ("score", (55, 85), (60, 70), ("+30 poin persen", "+10 poin persen")),
        ("share", (10, 7.5), (4, 4), ("−2,5 poin persen", "0 poin persen")),
    ],
)
def test_each_region_changes_by_its_kind_over_the_same_years(kind, kota, kab, expected) -> None:
    obs = _obs(
        [
            ("kota_blitar", 2021, kota[0], "reported"),
            ("kota_blitar", 2023, kota[1], "reported"),
            ("kab_blitar", 2021, kab[0], "reported"),
            ("kab_blitar", 2023, kab[1], "reported"),
        ]
    )
    fig = regions.regions_figure(obs, _indicator(kind, "%"), "batik", NAMES, "id")
    assert fig.metrics == (("Kota Blitar", expected[0]), ("Kabupaten Blitar", expected[1]))
    assert fig.title == (
        f"Pekerja, 2021–2023: Kota Blitar {expected[0]}; Kabupaten Blitar {expected[1]}"
    )
    assert fig.status == "reported"


def test_only_the_years_both_regions_have_are_compared() -> None:
    # Kota has 2020-2023, Kabupaten 2021-2023: both compared from 2021 (100 -> 120 = +20%).
    obs = _obs(
        [("kota_blitar", y, v, "reported") for y, v in ((2020, 50), (2021, 100), (2023, 120))]
        + [("kab_blitar", y, v, "reported") for y, v in ((2021, 10), (2023, 11))]
    )
    fig = regions.regions_figure(obs, _indicator("count"), "batik", NAMES, "en")
    assert fig.years == (2021, 2023)
    assert fig.metrics == (("Kota Blitar", "+20%"), ("Kabupaten Blitar", "+10%"))


def test_an_illustrative_end_marks_the_title() -> None:
    obs = _obs(
        [
            ("kota_blitar", 2021, 100, "reported"),
            ("kota_blitar", 2023, 150, "illustrative"),
            ("kab_blitar", 2021, 200, "reported"),
            ("kab_blitar", 2023, 260, "reported"),
        ]
    )
    fig = regions.regions_figure(obs, _indicator("count"), "batik", NAMES, "id")
    assert fig.title.endswith("(ilustratif)")
    assert fig.status == "illustrative"


# --- a region or benchmark without figures is named --------------------------------------


def test_a_region_without_figures_is_named_not_drawn_empty() -> None:
    obs = _obs([("kab_blitar", 2021, 10, "reported"), ("kab_blitar", 2023, 12, "reported")])
    fig = regions.regions_figure(obs, _indicator("count"), "batik", NAMES, "id")
    assert fig.extra["missing"] == [
        "Kota Blitar: belum ada data",
        "Jawa Timur (pembanding): belum ada data",
        "Indonesia (pembanding): belum ada data",
    ]
    assert fig.title == "Pekerja: Kabupaten Blitar +20% (2021–2023)"
    assert set(fig.chart["frame"]["series"]) == {"Kabupaten Blitar"}


def test_nothing_at_all_gives_no_chart() -> None:
    fig = regions.regions_figure(_obs([]).iloc[0:0], _indicator("count"), "batik", NAMES, "en")
    assert fig.chart is None
    assert len(fig.extra["missing"]) == 4
    assert fig.extra["combined"] is None


def test_the_combined_level_is_pointed_to_not_drawn_as_a_third_region() -> None:
    obs = _obs([("blitar", 2021, 100, "reported"), ("blitar", 2023, 160, "reported")])
    fig = regions.regions_figure(obs, _indicator("index", "indeks"), "batik", NAMES, "id")
    assert fig.chart is None
    assert fig.extra["combined"].startswith("Angka gabungan Kota & Kabupaten Blitar")


# --- benchmarks ---------------------------------------------------------------------------


def test_benchmarks_are_drawn_apart_and_an_economy_wide_one_stands_for_the_sector() -> None:
    obs = _obs(
        [
            ("kota_blitar", 2022, 3.0, "reported"),
            ("kota_blitar", 2023, 2.0, "reported"),
            ("kab_blitar", 2022, 4.0, "reported"),
            ("kab_blitar", 2023, 2.5, "reported"),
            ("indonesia", 2022, 5.51, "reported", "all"),  # CPI is economy-wide
            ("indonesia", 2023, 2.61, "reported", "all"),
        ]
    )
    fig = regions.regions_figure(obs, _indicator("rate", "%"), "batik", NAMES, "id")
    frame = fig.chart["frame"]
    assert dict(zip(frame["series"], frame["role"], strict=True)) == {
        "Kota Blitar": "region",
        "Kabupaten Blitar": "region",
        "Indonesia (pembanding)": "benchmark",
    }
    assert fig.extra["benchmarks"] == ["indonesia"]
    assert fig.extra["missing"] == ["Jawa Timur (pembanding): belum ada data"]
    spec = _spec(fig)
    layers = spec["layer"]
    dashed = [layer for layer in layers if layer["mark"].get("strokeDash") == charts.BENCHMARK_DASH]
    assert len(dashed) == 1  # one long-dashed line layer, for the benchmarks only
    subtitle = " ".join(spec["title"]["subtitle"])
    assert "Indonesia (pembanding) — Sumber: Sumber indonesia" in subtitle
    assert "Kota Blitar — Sumber: Sumber kota_blitar" in subtitle
    assert "pembanding (Jawa Timur, Indonesia)" in subtitle
    # the table lists every plotted figure by region and year with status and source
    assert list(fig.table.columns[:2]) == ["Wilayah", "Tahun"]
    assert len(fig.table) == 6
    assert "Indonesia (pembanding)" in set(fig.table["Wilayah"])


def test_the_picker_marks_indicators_with_fewer_than_two_regions() -> None:
    catalog = pd.DataFrame(
        {
            "indicator": ["both", "both", "one", "none"],
            "region": ["kota_blitar", "kab_blitar", "kab_blitar", "indonesia"],
            "sector": ["batik", "batik", "batik", "all"],
        }
    )
    registry = {c: _indicator("count", code=c) for c in ("none", "one", "both")}
    choices = regions.indicator_choices(catalog, registry, "en")
    assert list(choices) == ["both", "none", "one"]  # both regions first
    assert choices == {
        "both": "Workers",
        "none": "Workers (fewer than two regions)",
        "one": "Workers (fewer than two regions)",
    }
    assert regions.default_sector(catalog, "none") == "all"
    assert regions.default_sector(catalog, "both") == "batik"


# --- targets on the charts ----------------------------------------------------------------


def test_the_series_chart_carries_the_target_with_its_status() -> None:
    obs = _obs([("blitar", y, v, "reported") for y, v in ((2021, 100), (2022, 130), (2023, 160))])
    targets = _targets([("blitar", 2022, 125, "illustrative"), ("blitar", 2023, 160, "reported")])
    fig = figure.change_figure(
        obs, _indicator("index", "indeks"), 2021, 2023, "id", targets=targets
    )
    assert fig.chart["options"]["targets"] == [
        {
            "year": 2022,
            "target": 125.0,
            "label": "Target 125 (ilustratif)",
            "status": "illustrative",
            "source": "Renstra Dinas 2021-2026",
        },
        {
            "year": 2023,
            "target": 160.0,
            "label": "Target 160",
            "status": "reported",
            "source": "Renstra Dinas 2021-2026",
        },
    ]
    spec = _spec(fig)
    rules = [
        layer
        for layer in spec["layer"]
        if layer["mark"]["type"] == "rule" and layer["encoding"]["y"]["field"] == "target"
    ]
    assert len(rules) == 1
    # solid when reported, dashed otherwise
    dash = rules[0]["encoding"]["strokeDash"]
    assert dash["condition"]["test"] == "datum.status == 'reported'"
    assert dash["value"] == [6, 3]
    labels = {r["label"] for r in _rows(spec) if "target" in r}
    assert labels == {"Target 125 (ilustratif)", "Target 160"}
    subtitle = " ".join(spec["title"]["subtitle"])
    assert "Target 2022: Renstra Dinas 2021-2026 (ilustratif)" in subtitle
    assert "Target 2023: Renstra Dinas 2021-2026" in subtitle


@pytest.mark.parametrize(
    ("options", "drawn"),
    [
        ({}, True),
        ({"as_index": True}, False),  # an index rebased to another year is not the target's unit
        ({"price_rates": pd.DataFrame({"year": [2022], "source": ["BPS"]})}, False),  # real terms
    ],
)
def test_a_target_is_drawn_only_in_the_indicators_own_unit(options, drawn) -> None:
    obs = _obs([("blitar", y, v, "reported") for y, v in ((2021, 100), (2023, 160))])
    targets = _targets([("blitar", 2023, 150, "illustrative")])
    fig = figure.change_figure(
        obs, _indicator("count"), 2021, 2023, "en", targets=targets, **options
    )
    assert bool(fig.chart["options"]["targets"]) is drawn


def test_targets_of_another_region_or_outside_the_years_are_not_drawn() -> None:
    obs = _obs([("blitar", y, v, "reported") for y, v in ((2021, 100), (2023, 160))])
    targets = _targets([("kab_blitar", 2023, 150, "reported"), ("blitar", 2025, 200, "reported")])
    fig = figure.change_figure(obs, _indicator("count"), 2021, 2023, "en", targets=targets)
    assert fig.chart["options"]["targets"] == []
    assert not any("Target" in line for line in fig.chart["options"]["source_lines"])


def test_the_regions_chart_names_the_region_of_each_target() -> None:
    obs = _obs(
        [("kota_blitar", y, v, "illustrative") for y, v in ((2021, 180), (2023, 235))]
        + [("kab_blitar", y, v, "illustrative") for y, v in ((2021, 300), (2023, 385))]
    )
    targets = _targets([("kota_blitar", 2023, 240, "illustrative")])
    fig = regions.regions_figure(obs, _indicator("count"), "batik", NAMES, "id", targets=targets)
    assert [t["label"] for t in fig.chart["options"]["targets"]] == [
        "Target Kota Blitar 240 (ilustratif)"
    ]
    assert any(layer["mark"]["type"] == "rule" for layer in _spec(fig)["layer"])


# --- the shipped benchmarks, in a real store ----------------------------------------------


def test_the_shipped_benchmarks_keep_their_status_and_say_where_they_came_from(
    seeded_db: Path,
) -> None:
    share = store.observations(seeded_db, "ce_gdp_share")
    assert share[["region", "sector", "year", "value", "status"]].values.tolist() == [
        ["indonesia", "all", 2024, 7.28, "reported"]
    ]
    assert "diberitakan media" in share["source"].iloc[0]  # a news repost, said so
    registry = indicators.load_registry(seeded_db)
    fig = regions.regions_figure(share, registry["ce_gdp_share"], "batik", NAMES, "en")
    assert fig.extra["benchmarks"] == ["indonesia"]
    assert "not yet checked against the BPS release" in " ".join(
        fig.chart["options"]["source_lines"]
    )
    cpi = store.observations(seeded_db, "cpi_inflation")
    fig = regions.regions_figure(cpi, registry["cpi_inflation"], "all", NAMES, "id")
    assert fig.extra["benchmarks"] == ["jatim", "indonesia"]
    assert fig.extra["missing"] == [
        "Kota Blitar: belum ada data",
        "Kabupaten Blitar: belum ada data",
    ]
    jatim = fig.chart["frame"][fig.chart["frame"]["series"] == "Jawa Timur (pembanding)"]
    assert dict(zip(jatim["year"], jatim["value"], strict=True)) == {
        2019: 2.12,  # public_figures.csv line 57 (BPS via the Kediri city site)
        2022: 6.52,
        2023: 2.92,
        2024: 1.51,
        2025: 2.93,
    }


def test_a_reported_range_stays_a_range_beside_the_other_region() -> None:
    obs = _obs(
        [
            ("kota_blitar", 2021, 100, "reported"),
            ("kota_blitar", 2023, 160, "reported"),
            ("kab_blitar", 2021, 100, "reported"),
            ("kab_blitar", 2023, 140, "reported"),
        ]
    )
    last = (obs["region"] == "kota_blitar") & (obs["year"] == 2023)
    obs.loc[last, ["low", "high"]] = [150.0, 170.0]
    fig = regions.regions_figure(obs, _indicator("index", "indeks"), "batik", NAMES, "id")
    assert fig.metrics == (("Kota Blitar", "+50–70%"), ("Kabupaten Blitar", "+40%"))
    assert "150–170" in set(fig.table["Nilai"])
