"""The growth engine: change between two years, done right for each kind of figure.

* Levels (Rp, counts, indices) change by an absolute amount, a percent and a compound annual
  growth rate (CAGR).
* Scores and shares (already in %) change by **percentage points**; their percent change is
  the *relative* change. 55 -> 85 is +30 pp and +54.5 %.
* A reported range (income up 50-70 %) is carried through as a :class:`Range`, with interval
  arithmetic, so the result is a range too (about 22.5-30.4 % a year).
* Nominal Rp become real with a CPI price factor chained from yearly inflation rates.

Every percent returned here is in percent units (54.5, not 0.545). A base that is zero,
negative or missing raises a named :class:`GrowthError`; nothing returns inf or NaN.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd

from impact.status import weakest

LEVEL_KINDS = frozenset({"level", "count", "index"})
POINT_KINDS = frozenset({"share", "score", "rate"})


class GrowthError(ValueError):
    """Base class: the change asked for cannot be computed from these figures."""


class ZeroBaseError(GrowthError):
    """The starting value is zero, so a percent change or CAGR is undefined."""


class NegativeBaseError(GrowthError):
    """The starting value is negative, so a percent change or CAGR has no meaning."""


class NegativeValueError(GrowthError):
    """The end value is negative, so a CAGR (a root of a ratio) is undefined."""


class MissingValueError(GrowthError):
    """A figure needed for the computation is missing (NaN/None, or the year has no row)."""

    def __init__(self, what: str, year: int | None = None) -> None:
        self.what = what
        self.year = year
        super().__init__(f"missing {what}" + (f" for {year}" if year is not None else ""))


class InvalidPeriodError(GrowthError):
    """The end year is not after the start year."""


def _check_number(x: float | None, what: str) -> float:
    if x is None or pd.isna(x):
        raise MissingValueError(what)
    return float(x)


@dataclass(frozen=True)
class Range:
    """A figure known as a closed interval [low, high]; a single value has low == high."""

    low: float
    high: float

    def __post_init__(self) -> None:
        low = _check_number(self.low, "low")
        high = _check_number(self.high, "high")
        if low > high:
            raise GrowthError(f"range low {low} is above high {high}")

    @classmethod
    def point(cls, value: float) -> Range:
        return cls(value, value)

    @classmethod
    def of(cls, value: float | None, low: float | None = None, high: float | None = None) -> Range:
        """From a stored observation: the reported range if it has one, else the value."""
        has_low = low is not None and not pd.isna(low)
        has_high = high is not None and not pd.isna(high)
        if has_low and has_high:
            return cls(float(low), float(high))
        return cls.point(_check_number(value, "value"))

    @property
    def mid(self) -> float:
        return (self.low + self.high) / 2

    @property
    def is_point(self) -> bool:
        return self.low == self.high


def _as_range(x: Range | float) -> Range:
    return x if isinstance(x, Range) else Range.point(_check_number(x, "value"))


def _check_base(start: Range) -> None:
    if start.low < 0:
        raise NegativeBaseError(f"start value {start.low} is negative")
    if start.low == 0:
        raise ZeroBaseError("start value is zero")


def absolute_change(start: Range | float, end: Range | float) -> Range:
    """end - start, in the figure's own unit (Rp, people, index points)."""
    s, e = _as_range(start), _as_range(end)
    return Range(e.low - s.high, e.high - s.low)


def point_change(start: Range | float, end: Range | float) -> Range:
    """Change of a score or share in percentage points: 55 -> 85 gives 30."""
    return absolute_change(start, end)


def percent_change(start: Range | float, end: Range | float) -> Range:
    """(end / start - 1) x 100, in percent. For scores this is the *relative* change.

    Raises ZeroBaseError / NegativeBaseError when the start is not positive.
    """
    s, e = _as_range(start), _as_range(end)
    _check_base(s)
    return Range((e.low / s.high - 1) * 100, (e.high / s.low - 1) * 100)


def cagr(start: Range | float, end: Range | float, years: int) -> Range:
    """Compound annual growth rate over ``years`` years, in percent per year.

    ((end / start) ** (1 / years) - 1) x 100. 100 -> 150..170 over 2 years is 22.5..30.4.
    """
    if years <= 0:
        raise InvalidPeriodError(f"period of {years} years")
    s, e = _as_range(start), _as_range(end)
    _check_base(s)
    if e.low < 0:
        raise NegativeValueError(f"end value {e.low} is negative")
    return Range(
        ((e.low / s.high) ** (1 / years) - 1) * 100,
        ((e.high / s.low) ** (1 / years) - 1) * 100,
    )


@dataclass(frozen=True)
class Comparison:
    """The change of one figure between two years, with the measures its kind allows.

    ``percent`` is the percent change for levels and the relative change for scores/shares;
    ``cagr`` is None for scores/shares; ``points`` is None for levels.
    """

    kind: str
    start_year: int
    end_year: int
    start: Range
    end: Range
    absolute: Range
    percent: Range
    cagr: Range | None
    points: Range | None

    @property
    def years(self) -> int:
        return self.end_year - self.start_year


def compare(
    kind: str, start_year: int, start: Range | float, end_year: int, end: Range | float
) -> Comparison:
    """Every measure of change that makes sense for ``kind`` between two years."""
    if end_year <= start_year:
        raise InvalidPeriodError(f"{start_year} -> {end_year}")
    s, e = _as_range(start), _as_range(end)
    is_points = kind in POINT_KINDS
    if not is_points and kind not in LEVEL_KINDS:
        raise ValueError(f"unknown kind {kind!r}")
    return Comparison(
        kind=kind,
        start_year=start_year,
        end_year=end_year,
        start=s,
        end=e,
        absolute=absolute_change(s, e),
        percent=percent_change(s, e),
        cagr=None if is_points else cagr(s, e, end_year - start_year),
        points=point_change(s, e) if is_points else None,
    )


def value_in_year(obs: pd.DataFrame, year: int) -> Range:
    """The observation of ``year`` in a one-series frame (columns year, value, low, high)."""
    rows = obs[obs["year"] == year]
    if rows.empty:
        raise MissingValueError("observation", year)
    if len(rows) > 1:
        raise GrowthError(f"{len(rows)} observations for {year}; filter to one series first")
    row = rows.iloc[0]
    try:
        return Range.of(row["value"], row.get("low"), row.get("high"))
    except MissingValueError as exc:
        raise MissingValueError(exc.what, year) from None


def compare_years(obs: pd.DataFrame, kind: str, start_year: int, end_year: int) -> Comparison:
    """:func:`compare` on the observations of two years of one series."""
    return compare(
        kind, start_year, value_in_year(obs, start_year), end_year, value_in_year(obs, end_year)
    )


def year_on_year(obs: pd.DataFrame, kind: str) -> pd.DataFrame:
    """Add the change from the previous year to a one-series frame sorted by year.

    Adds ``change`` (absolute, or percentage points for scores/shares) and ``change_pct``
    (percent for levels, relative percent for scores). A year whose previous year is absent,
    or whose base is not positive, gets <NA> (pandas missing), never inf; pages show a dash.
    Uses the central value; ranges are not propagated here.
    """
    out = obs.sort_values("year").reset_index(drop=True).copy()
    prev_value = out["value"].shift(1)
    consecutive = out["year"].diff() == 1
    prev_value = prev_value.where(consecutive)
    out["change"] = (out["value"] - prev_value).astype("Float64")
    ratio = (out["value"] / prev_value.where(prev_value > 0) - 1) * 100
    out["change_pct"] = ratio.astype("Float64")
    if "status" in out:
        # A change is as reliable as the weaker of its two years.
        previous = out["status"].shift(1)
        out["change_status"] = [
            weakest((s, p)) if isinstance(p, str) else s
            for s, p in zip(out["status"], previous, strict=True)
        ]
    return out


def year_on_year_ranges(obs: pd.DataFrame, kind: str) -> pd.DataFrame:
    """The change from the previous year with ranges carried (interval arithmetic), sorted by
    year: adds ``change_low``/``change_high`` (percentage points for scores and shares,
    percent for levels) and ``change_status`` (the weaker of the two years). A year whose
    previous year is absent, or whose base is not positive, gets NaN, never inf; a point
    change has low == high."""
    out = obs.sort_values("year").reset_index(drop=True).copy()
    lows, highs, statuses = [], [], []
    previous: dict = {}
    for row in out.to_dict("records"):
        change = None
        if previous and int(row["year"]) - int(previous["year"]) == 1:
            start = Range.of(previous["value"], previous.get("low"), previous.get("high"))
            end = Range.of(row["value"], row.get("low"), row.get("high"))
            try:
                change = (
                    point_change(start, end) if kind in POINT_KINDS else percent_change(start, end)
                )
            except GrowthError:
                change = None
        lows.append(change.low if change else math.nan)
        highs.append(change.high if change else math.nan)
        pair = [s for s in (row.get("status"), previous.get("status")) if isinstance(s, str)]
        statuses.append(weakest(pair) if change and pair else row.get("status"))
        previous = row
    out["change_low"], out["change_high"], out["change_status"] = lows, highs, statuses
    return out


def missing_years(obs: pd.DataFrame) -> list[int]:
    """Years between a series' first and last that have no observation."""
    years = set(obs["year"].astype(int))
    return [y for y in range(min(years), max(years) + 1) if y not in years] if years else []


def prepare_series(
    obs: pd.DataFrame, inflation: pd.DataFrame | None, *, real: bool, base_year: int, as_index: bool
) -> pd.DataFrame:
    """A series as a page asks for it: deflated to ``base_year`` prices if ``real``, then
    rebased to ``base_year`` = 100 if ``as_index``. Raises the named GrowthErrors."""
    out = obs
    if real:
        out = deflate(out, inflation, base_year)
    if as_index:
        out = rebase_index(out, base_year)
    return out


def rebase_index(obs: pd.DataFrame, base_year: int) -> pd.DataFrame:
    """Express a one-series frame as an index with ``base_year`` = 100 (value, low and high)."""
    base = value_in_year(obs, base_year)
    if not base.is_point:
        raise GrowthError(f"the base year {base_year} holds a range; pick a year with one value")
    _check_base(base)
    out = obs.copy()
    for column in ("value", "low", "high"):
        if column in out:
            out[column] = out[column] / base.low * 100
    return out


def price_factors(inflation: pd.DataFrame, base_year: int, years: list[int]) -> dict[int, float]:
    """Price level of each year relative to ``base_year`` (= 1.0), chained from inflation.

    ``inflation`` has columns year, value: yearly inflation in percent (December on December,
    so the rate of year t takes prices from end t-1 to end t). Chaining rates avoids mixing CPI
    index levels across BPS's 2018=100 -> 2022=100 rebase. Raises MissingValueError for a
    year in the chain with no rate.
    """
    rates = {int(y): float(v) for y, v in zip(inflation["year"], inflation["value"], strict=True)}

    def growth_between(first: int, last: int) -> float:
        # Product of (1 + rate) over the years first+1 .. last.
        product = 1.0
        for y in range(first + 1, last + 1):
            if y not in rates or math.isnan(rates[y]):
                raise MissingValueError("inflation rate", y)
            product *= 1 + rates[y] / 100
        return product

    factors = {base_year: 1.0}
    for year in years:
        if year > base_year:
            factors[year] = growth_between(base_year, year)
        elif year < base_year:
            factors[year] = 1 / growth_between(year, base_year)
    return factors


def deflate(obs: pd.DataFrame, inflation: pd.DataFrame, base_year: int) -> pd.DataFrame:
    """Nominal -> real: value, low and high in prices of ``base_year``.

    real_t = nominal_t / P_t with P_base = 1 (see :func:`price_factors`).
    """
    factors = price_factors(inflation, base_year, [int(y) for y in obs["year"]])
    out = obs.copy()
    divisor = out["year"].map(factors)
    for column in ("value", "low", "high"):
        if column in out:
            out[column] = out[column] / divisor
    return out
