"""The growth engine, proven first on the study's own figures (golden tests)."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from impact import growth
from impact.growth import Range

# --- Golden: the study's figures -------------------------------------------------------


def test_competitiveness_55_to_85_is_30_points_and_54_5_percent() -> None:
    c = growth.compare("score", 2021, 55, 2023, 85)
    assert c.points == Range(30, 30)
    assert c.percent.low == pytest.approx(54.545454, abs=1e-4)
    assert c.cagr is None  # a score has no CAGR; its change is in points


def test_income_50_to_70_percent_range_over_2021_2023() -> None:
    c = growth.compare("index", 2021, 100, 2023, Range(150, 170))
    assert (c.percent.low, c.percent.high) == pytest.approx((50.0, 70.0))
    assert c.points is None


def test_income_range_is_about_22_5_to_30_4_percent_a_year() -> None:
    c = growth.cagr(100, Range(150, 170), 2)
    assert c.low == pytest.approx(22.4745, abs=1e-4)
    assert c.high == pytest.approx(30.3840, abs=1e-4)


def test_income_in_real_terms_uses_chained_national_cpi() -> None:
    inflation = pd.DataFrame({"year": [2022, 2023], "value": [5.51, 2.61]})
    obs = pd.DataFrame(
        {"year": [2021, 2023], "value": [100.0, 160.0], "low": [None, 150.0], "high": [None, 170.0]}
    )
    real = growth.deflate(obs, inflation, 2021)
    c = growth.compare_years(real, "index", 2021, 2023)
    factor = 1.0551 * 1.0261
    assert c.percent.low == pytest.approx((150 / factor - 100), abs=1e-9)
    assert c.percent.high == pytest.approx((170 / factor - 100), abs=1e-9)
    assert c.percent.low == pytest.approx(38.55, abs=0.01)


# --- Levels ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "end", "years", "absolute", "percent", "cagr"),
    [
        (100, 121, 2, 21, 21.0, 10.0),
        (4_000_000, 3_000_000, 1, -1_000_000, -25.0, -25.0),
        (80, 80, 3, 0, 0.0, 0.0),
    ],
)
def test_level_changes(start, end, years, absolute, percent, cagr) -> None:
    c = growth.compare("level", 2020, start, 2020 + years, end)
    assert c.absolute.low == pytest.approx(absolute)
    assert c.percent.low == pytest.approx(percent)
    assert c.cagr.low == pytest.approx(cagr)


def test_range_arithmetic_is_conservative_when_both_ends_are_ranges() -> None:
    pct = growth.percent_change(Range(90, 110), Range(150, 170))
    assert pct.low == pytest.approx(150 / 110 * 100 - 100)
    assert pct.high == pytest.approx(170 / 90 * 100 - 100)
    assert growth.point_change(Range(50, 60), Range(80, 85)) == Range(20, 35)


# --- Bad bases: named errors, never inf or NaN ----------------------------------------


@pytest.mark.parametrize(
    ("func", "args", "error"),
    [
        (growth.percent_change, (0, 10), growth.ZeroBaseError),
        (growth.percent_change, (-5, 10), growth.NegativeBaseError),
        (growth.cagr, (0, 10, 2), growth.ZeroBaseError),
        (growth.cagr, (10, -1, 2), growth.NegativeValueError),
        (growth.cagr, (10, 20, 0), growth.InvalidPeriodError),
        (growth.percent_change, (float("nan"), 10), growth.MissingValueError),
        (growth.percent_change, (None, 10), growth.MissingValueError),
    ],
)
def test_bad_bases_raise_named_errors(func, args, error) -> None:
    with pytest.raises(error):
        func(*args)


def test_compare_refuses_a_period_that_does_not_move_forward() -> None:
    with pytest.raises(growth.InvalidPeriodError):
        growth.compare("level", 2023, 1, 2021, 2)


def test_a_missing_year_names_the_year() -> None:
    obs = pd.DataFrame({"year": [2021], "value": [55.0], "low": [None], "high": [None]})
    with pytest.raises(growth.MissingValueError) as info:
        growth.compare_years(obs, "score", 2021, 2023)
    assert info.value.year == 2023


def test_range_with_low_above_high_is_refused() -> None:
    with pytest.raises(growth.GrowthError):
        Range(5, 4)


# --- Frames: year on year, index, deflation --------------------------------------------


def test_year_on_year_leaves_gaps_and_zero_bases_missing_not_infinite() -> None:
    obs = pd.DataFrame({"year": [2020, 2021, 2022, 2024], "value": [0.0, 10.0, 15.0, 30.0]})
    out = growth.year_on_year(obs, "level")
    assert out["change"].tolist()[1:3] == [10.0, 5.0]
    assert pd.isna(out.loc[1, "change_pct"])  # base 0
    assert out.loc[2, "change_pct"] == pytest.approx(50.0)
    assert pd.isna(out.loc[3, "change_pct"])  # 2023 missing
    assert not any(isinstance(v, float) and math.isinf(v) for v in out["change_pct"].dropna())


def test_rebase_index_sets_the_base_year_to_100() -> None:
    obs = pd.DataFrame({"year": [2021, 2022, 2023], "value": [3.0e6, 3.9e6, 4.8e6]})
    out = growth.rebase_index(obs, 2022)
    assert out["value"].tolist() == pytest.approx([76.923, 100.0, 123.077], abs=1e-3)


def test_price_factors_chain_forwards_and_backwards() -> None:
    inflation = pd.DataFrame({"year": [2021, 2022, 2023], "value": [1.87, 5.51, 2.61]})
    f = growth.price_factors(inflation, 2022, [2020, 2021, 2022, 2023])
    assert f[2022] == 1.0
    assert f[2023] == pytest.approx(1.0261)
    assert f[2021] == pytest.approx(1 / 1.0551)
    assert f[2020] == pytest.approx(1 / (1.0551 * 1.0187))


def test_price_factors_name_a_missing_year() -> None:
    inflation = pd.DataFrame({"year": [2022], "value": [5.51]})
    with pytest.raises(growth.MissingValueError) as info:
        growth.price_factors(inflation, 2021, [2023])
    assert info.value.year == 2023


def test_prepare_series_real_and_indexed() -> None:
    inflation = pd.DataFrame({"year": [2022, 2023], "value": [5.51, 2.61]})
    obs = pd.DataFrame(
        {
            "year": [2021, 2022, 2023],
            "value": [3.0e6, 3.9e6, 4.8e6],
            "low": [None] * 3,
            "high": [None] * 3,
        }
    )
    out = growth.prepare_series(obs, inflation, real=True, base_year=2021, as_index=True)
    assert out["value"].tolist() == pytest.approx([100, 130 / 1.0551, 160 / (1.0551 * 1.0261)])


def test_year_on_year_status_is_the_weaker_year() -> None:
    obs = pd.DataFrame(
        {
            "year": [2021, 2022, 2023],
            "value": [55.0, 70.0, 85.0],
            "status": ["reported", "illustrative", "reported"],
        }
    )
    out = growth.year_on_year(obs, "score")
    assert out["change_status"].tolist() == ["reported", "illustrative", "illustrative"]
