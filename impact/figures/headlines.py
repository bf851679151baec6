"""Headline figures: one indicator's change between two years, with sources and status.

This is what the overview cards and the hearing deck show; both call here so the numbers
come from one place.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from impact import growth, store
from impact.indicators import Indicator
from impact.status import weakest

INFLATION_INDICATOR = "cpi_inflation"
INFLATION_REGION = "indonesia"  # Blitar is not a BPS CPI city; national CPI is the proxy.


@dataclass(frozen=True)
class Headline:
    """A figure's change over a period, ready for a card or a slide.

    ``real`` is the change after deflating with national CPI (levels only, else None).
    ``sources`` lists the distinct sources of the two end observations.
    """

    indicator: Indicator
    region: str
    sector: str
    comparison: growth.Comparison
    start_status: str
    end_status: str
    sources: tuple[str, ...]
    real: growth.Comparison | None

    @property
    def status(self) -> str:
        return weakest((self.start_status, self.end_status))


def _status_of(obs: pd.DataFrame, year: int) -> str:
    return str(obs.loc[obs["year"] == year, "status"].iloc[0])


def headline(
    path: Path | str,
    indicator: Indicator,
    region: str,
    sector: str,
    start_year: int,
    end_year: int,
    with_real: bool = False,
) -> Headline:
    """Build the headline of ``indicator`` in one region and sector.

    Raises growth.MissingValueError when a year has no observation, and the other
    growth.GrowthError faults for a base the change cannot be computed from.
    """
    obs = store.observations(path, indicator.code, region, sector)
    comparison = growth.compare_years(obs, indicator.kind, start_year, end_year)
    real = None
    if with_real and indicator.kind in growth.LEVEL_KINDS:
        inflation = store.observations(path, INFLATION_INDICATOR, INFLATION_REGION, "all")
        real_obs = growth.deflate(obs, inflation, start_year)
        real = growth.compare_years(real_obs, indicator.kind, start_year, end_year)
    ends = obs[obs["year"].isin([start_year, end_year])]
    return Headline(
        indicator=indicator,
        region=region,
        sector=sector,
        comparison=comparison,
        start_status=_status_of(obs, start_year),
        end_status=_status_of(obs, end_year),
        sources=tuple(dict.fromkeys(ends["source"])),
        real=real,
    )
