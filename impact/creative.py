"""Blitar's creative economy across subsectors: totals, batik's share, growth by subsector.

Pure functions on observation frames (columns indicator, sector, year, value, status, ...).
A total is only a total when every subsector is in it: a year missing a subsector gives a
partial sum that is flagged, never passed off as the whole. Figures with different units
are never added up.
"""

from __future__ import annotations

import pandas as pd

from impact import growth
from impact.indicators import Indicator
from impact.status import weakest


class UnitMismatchError(ValueError):
    """Figures in different units (or of a kind that does not add up) were asked to be summed."""


ADDITIVE_KINDS = {"level", "count"}


def check_summable(indicators: list[Indicator]) -> str:
    """The common unit of ``indicators`` if they can be added up; raises UnitMismatchError.

    Shares, scores, rates and indices never add up, and neither do different units.
    """
    units = {i.unit for i in indicators}
    if len(units) != 1:
        raise UnitMismatchError(f"different units: {sorted(units)}")
    not_additive = [i.code for i in indicators if i.kind not in ADDITIVE_KINDS]
    if not_additive:
        raise UnitMismatchError(f"not additive: {not_additive}")
    return units.pop()


def totals(obs: pd.DataFrame, indicator: Indicator) -> pd.DataFrame:
    """Sum over subsectors per year for one additive indicator.

    Columns: year, total, sectors (how many subsectors are in the sum), complete (every
    subsector seen in any year is present), status (the weakest status summed).
    """
    check_summable([indicator])
    expected = obs["sector"].nunique()
    rows = []
    for year, group in obs.groupby("year"):
        rows.append(
            {
                "year": int(year),
                "total": float(group["value"].sum()),
                "sectors": int(group["sector"].nunique()),
                "complete": bool(group["sector"].nunique() == expected),
                "status": weakest(tuple(group["status"])),
            }
        )
    return pd.DataFrame(rows, columns=["year", "total", "sectors", "complete", "status"])


def shares(obs: pd.DataFrame, indicator: Indicator, sector: str = "batik") -> pd.DataFrame:
    """``sector``'s share of the all-subsector total per year, in percent (complete years only).

    Columns: year, value (share in %), status. A year with a subsector missing is left out:
    its share would be overstated.
    """
    total = totals(obs, indicator)
    total = total[total["complete"] & (total["total"] > 0)]
    mine = obs[obs["sector"] == sector].set_index("year")
    rows = []
    for record in total.itertuples():
        if record.year not in mine.index:
            continue
        value = float(mine.loc[record.year, "value"]) / record.total * 100
        mark = weakest((record.status, mine.loc[record.year, "status"]))
        rows.append({"year": record.year, "value": value, "status": mark})
    return pd.DataFrame(rows, columns=["year", "value", "status"])


def growth_by_sector(obs: pd.DataFrame, indicator: Indicator, start: int, end: int) -> pd.DataFrame:
    """Each subsector's change from ``start`` to ``end`` with the growth engine.

    Columns: sector, change (percent for levels/counts, percentage points for shares/scores;
    the middle of a range, for sorting), change_low and change_high (the range a year given as
    a range yields; equal to change otherwise), unit ('%' or 'pp'), status. Subsectors missing either year, or with a zero base, are
    left out (their row would be meaningless), and listed in ``attrs['skipped']``.
    """
    rows, skipped = [], []
    for sector, group in obs.groupby("sector", sort=False):
        try:
            c = growth.compare_years(group, indicator.kind, start, end)
        except growth.GrowthError:
            skipped.append(sector)
            continue
        points = c.points is not None
        statuses = tuple(group.loc[group["year"].isin([start, end]), "status"])
        value = c.points if points else c.percent
        rows.append(
            {
                "sector": sector,
                "change": value.mid,
                "change_low": value.low,
                "change_high": value.high,
                "unit": "pp" if points else "%",
                "status": weakest(statuses),
            }
        )
    out = pd.DataFrame(
        rows, columns=["sector", "change", "change_low", "change_high", "unit", "status"]
    )
    out = out.sort_values("change", ascending=False, kind="stable").reset_index(drop=True)
    out.attrs["skipped"] = skipped
    return out
