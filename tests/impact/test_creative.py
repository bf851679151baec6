"""Creative-economy aggregation: totals with missing years, shares, unit mismatch refused."""

from __future__ import annotations

import pandas as pd
import pytest

from impact import creative
from impact.indicators import Indicator


def _indicator(code: str = "ce_workers", unit: str = "orang", kind: str = "count") -> Indicator:
    return Indicator(code, code, code, None, None, None, unit, kind, "tahunan", "BPS")


def _obs(rows: list[tuple]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["sector", "year", "value", "status"]).assign(
        low=None, high=None
    )


OBS = _obs(
    [
        ("batik", 2021, 100.0, "reported"),
        ("batik", 2022, 150.0, "reported"),
        ("music", 2021, 300.0, "illustrative"),
        ("music", 2022, 250.0, "reported"),
        ("film", 2021, 100.0, "reported"),
        # film has no 2022 figure
    ]
)


def test_totals_flag_years_with_a_missing_subsector() -> None:
    out = creative.totals(OBS, _indicator())
    assert out.to_dict("records") == [
        {"year": 2021, "total": 500.0, "sectors": 3, "complete": True, "status": "illustrative"},
        {"year": 2022, "total": 400.0, "sectors": 2, "complete": False, "status": "reported"},
    ]


def test_share_skips_incomplete_years() -> None:
    out = creative.shares(OBS, _indicator())
    assert out["year"].tolist() == [2021]
    assert out["value"].tolist() == [pytest.approx(20.0)]
    assert out["status"].tolist() == ["illustrative"]


@pytest.mark.parametrize(
    "indicators",
    [
        [_indicator("a", "Rp"), _indicator("b", "orang")],
        [_indicator("a", "%", "share")],
        [_indicator("a", "indeks", "index")],
    ],
)
def test_unit_mismatch_or_non_additive_is_refused(indicators) -> None:
    with pytest.raises(creative.UnitMismatchError):
        creative.check_summable(indicators)


def test_totals_refuse_shares() -> None:
    with pytest.raises(creative.UnitMismatchError):
        creative.totals(OBS, _indicator("ce_young_share", "%", "share"))


def test_growth_by_sector_uses_points_for_shares_and_skips_missing_years() -> None:
    out = creative.growth_by_sector(OBS, _indicator(), 2021, 2022)
    assert out[["sector", "change", "unit"]].values.tolist() == [
        ["batik", 50.0, "%"],
        ["music", pytest.approx(-16.6667, abs=1e-3), "%"],
    ]
    assert out.attrs["skipped"] == ["film"]
    shares = creative.growth_by_sector(OBS, _indicator("s", "%", "share"), 2021, 2022)
    assert shares.iloc[0]["unit"] == "pp" and shares.iloc[0]["change"] == 50.0
