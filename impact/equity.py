"""Who gained: growth of each enterprise's income between two years, and its distribution.

The study's 50-70% is an average; enterprise records show how evenly it reached artisans.
Everything is aggregated inside DuckDB (a province's records are a million rows), and every
figure comes with the number of enterprises behind it. The queries here compute every group;
what is shown of a group under ``SMALL_GROUP`` is decided by :func:`withhold` (its figures
are withheld, so that no enterprise can be recognised), which the figure layer applies before
anything reaches a page, a chart, a download, a slide or the brief.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from impact import store
from impact.indicators import Indicator
from impact.status import weakest

# Fewer enterprises than this in a group: its figures are withheld (see withhold), never
# shown. A group of one would otherwise show that enterprise's own growth and participation.
SMALL_GROUP = 30
# The figures of a growth_summary / by_gender row and of a umk_share row that withhold blanks.
GROWTH_VALUES = ("median", "q1", "q3", "share_50", "participants", "participation")
UMK_VALUES = ("reached", "share")
GROUPS = {"size_class", "region", "sector", "participant", "gender"}  # allow-list for GROUP BY
# The owner's gender as stored (impact.upload.validation 'gender'), women first as the page
# and deck name them; records without it form their own group, never mixed into another.
GENDERS = ("P", "L")
NOT_RECORDED = "not_recorded"

# Per-enterprise growth between $start and $end. An enterprise joined a program if it listed
# one in any year from $start to $end. Its owner's gender is the latest one recorded in those
# years ('not_recorded' when none is). Zero incomes at the start cannot grow by a percent and
# are counted apart (excluded), never turned into inf.
_GROWTH = """
    WITH span AS (
        SELECT * FROM enterprise_record
        WHERE year BETWEEN $start AND $end
          AND ($region IS NULL OR region = $region)
          AND ($sector IS NULL OR sector = $sector)),
    ends AS (
        SELECT enterprise_id,
               any_value(region) FILTER (WHERE year = $start) AS region,
               any_value(sector) FILTER (WHERE year = $start) AS sector,
               any_value(size_class) FILTER (WHERE year = $start) AS size_class,
               any_value(income) FILTER (WHERE year = $start) AS income_start,
               any_value(income) FILTER (WHERE year = $end) AS income_end,
               bool_or(coalesce(programs, '') <> '') AS participant,
               coalesce(arg_max(owner_gender, year) FILTER (WHERE owner_gender IS NOT NULL),
                        'not_recorded') AS gender,
               max(list_position(['reported', 'estimated', 'illustrative'], status)) AS rank
        FROM span GROUP BY enterprise_id)
    SELECT *, (income_end / income_start - 1) * 100 AS growth_pct
    FROM ends
    WHERE income_start IS NOT NULL AND income_end IS NOT NULL AND income_start > 0
"""


def record_count(path: Path | str) -> int:
    with store.connect(path) as con:
        return con.execute("SELECT count(*) FROM enterprise_record").fetchone()[0]


def record_years(path: Path | str) -> list[int]:
    with store.connect(path) as con:
        rows = con.execute("SELECT DISTINCT year FROM enterprise_record ORDER BY year").fetchall()
    return [r[0] for r in rows]


def _params(start: int, end: int, region: str | None, sector: str | None) -> dict:
    return {"start": start, "end": end, "region": region, "sector": sector}


def growth_summary(
    path: Path | str,
    start: int,
    end: int,
    by: str | None = None,
    *,
    region: str | None = None,
    sector: str | None = None,
) -> pd.DataFrame:
    """Distribution of per-enterprise income growth (percent), overall or per group.

    Columns: group (None overall), n, median, q1, q3 (percent), share_50 (percent of
    enterprises that grew by 50% or more), participants (how many of the n joined a program
    from ``start`` to ``end``), participation (that share, percent), small (n < SMALL_GROUP),
    status (weakest). ``by`` is one of GROUPS.
    """
    if by is not None and by not in GROUPS:
        raise ValueError(f"cannot group by {by!r}")
    group = "NULL" if by is None else by  # by is allow-listed above
    sql = (
        "SELECT " + group + " AS grp, count(*) AS n,"
        " quantile_cont(growth_pct, 0.5) AS median,"
        " quantile_cont(growth_pct, 0.25) AS q1, quantile_cont(growth_pct, 0.75) AS q3,"
        " avg(CASE WHEN growth_pct >= 50 THEN 100.0 ELSE 0 END) AS share_50,"
        " count(*) FILTER (WHERE participant) AS participants,"
        " avg(CASE WHEN participant THEN 100.0 ELSE 0 END) AS participation,"
        " ['reported', 'estimated', 'illustrative'][max(rank)] AS status"
        " FROM (" + _GROWTH + ") GROUP BY ALL ORDER BY grp"
    )
    with store.connect(path) as con:
        out = con.execute(sql, _params(start, end, region, sector)).df()
    out = out.rename(columns={"grp": "group"})
    out["small"] = out["n"] < SMALL_GROUP
    return out


def withhold(frame: pd.DataFrame, values: Iterable[str], *, complementary: bool) -> pd.DataFrame:
    """``frame`` (one row per group, column ``n``) with a column ``withheld`` and the
    ``values`` columns blanked (NaN, as float) in every withheld row: what may be shown.

    Primary suppression: a group with 0 < n < SMALL_GROUP is withheld. Secondary
    (``complementary``, for groups that partition a total shown beside them, e.g. the size
    classes under the page's overall median and share): when exactly one group is withheld,
    the smallest other group with enterprises is withheld too, so that the one cannot be
    recovered by subtracting the others from the total (a share of n is a count). Two or more
    withheld groups reveal only their sum. A group without enterprises (n 0) has no figures
    to withhold. The counts n stay: they say how many, not what any enterprise earned.
    """
    n = frame["n"].to_numpy(dtype="int64")
    hidden = (n > 0) & (n < SMALL_GROUP)
    if complementary and hidden.sum() == 1:
        others = np.flatnonzero((n > 0) & ~hidden)
        if len(others):
            hidden[others[np.argmin(n[others])]] = True
    out = frame.copy()
    out["withheld"] = hidden
    for column in (c for c in values if c in out.columns):
        out[column] = out[column].astype("float64").mask(hidden)
    return out


def region_withheld(by_region: pd.DataFrame, region: str | None) -> bool:
    """True when ``region``'s enterprises are a group that ``by_region`` (one row per region
    of the whole, as growth_summary or umk_share give it) withholds among the regions. A view
    filtered to that region would show as its whole what the by-region figures withhold (a
    region's own total beside the whole's gives the withheld region by subtraction), so the
    filtered view is withheld too."""
    if region is None:
        return False
    out = withhold(by_region, (), complementary=True)
    return bool(out.loc[out["group"] == region, "withheld"].any())


def scope_summary(path: Path | str, start: int, end: int, region: str | None) -> pd.DataFrame:
    """:func:`growth_summary` of ``region`` (None: the whole), with ``withheld`` True when it
    may not be shown: fewer than SMALL_GROUP enterprises, or a region withheld among the
    regions (:func:`region_withheld`)."""
    out = growth_summary(path, start, end, region=region)
    by_region = growth_summary(path, start, end, "region") if region else out.iloc[0:0]
    hidden = region_withheld(by_region, region)
    return out.assign(withheld=(out["n"] < SMALL_GROUP) | hidden)


def by_gender(path: Path | str, start: int, end: int, *, region=None, sector=None) -> pd.DataFrame:
    """:func:`growth_summary` by the owner's gender: income growth and program participation
    of the same enterprises, with n, rows in the order P, L, NOT_RECORDED (a group without
    any enterprise has no row). Records without a gender are the NOT_RECORDED row: counted
    and shown, never dropped or put in another group."""
    out = growth_summary(path, start, end, "gender", region=region, sector=sector)
    order = {code: i for i, code in enumerate((*GENDERS, NOT_RECORDED))}
    out = out.assign(_order=out["group"].map(order)).sort_values("_order", kind="stable")
    return out.drop(columns="_order").reset_index(drop=True)


def excluded(path: Path | str, start: int, end: int, *, region=None, sector=None) -> dict[str, int]:
    """Enterprises left out of the growth figures, and why: missing one of the two years,
    or a zero income at the start."""
    sql = (
        "WITH span AS (SELECT * FROM enterprise_record WHERE year IN ($start, $end)"
        " AND ($region IS NULL OR region = $region) AND ($sector IS NULL OR sector = $sector)),"
        " ends AS (SELECT enterprise_id, count(*) AS years,"
        " any_value(income) FILTER (WHERE year = $start) AS income_start FROM span GROUP BY ALL)"
        " SELECT count(*) FILTER (WHERE years < 2) AS missing_year,"
        " count(*) FILTER (WHERE years = 2 AND income_start = 0) AS zero_base FROM ends"
    )
    with store.connect(path) as con:
        missing, zero = con.execute(sql, _params(start, end, region, sector)).fetchone()
    return {"missing_year": int(missing), "zero_base": int(zero)}


def participant_gap(path: Path | str, start: int, end: int, *, region=None, sector=None) -> dict:
    """Median growth of program participants minus non-participants, in percentage points,
    with the counts behind both (None when either group is empty)."""
    groups = growth_summary(path, start, end, "participant", region=region, sector=sector)
    by = {bool(g): row for g, row in zip(groups["group"], groups.itertuples(), strict=True)}
    if True not in by or False not in by:
        return {
            "gap_pp": None,
            "n_participants": int(by[True].n) if True in by else 0,
            "n_others": int(by[False].n) if False in by else 0,
        }
    return {
        "gap_pp": float(by[True].median - by[False].median),
        "n_participants": int(by[True].n),
        "n_others": int(by[False].n),
        "small": bool(by[True].small or by[False].small),
    }


def growth_histogram(
    path: Path | str, start: int, end: int, *, width: float = 10, region=None, sector=None
) -> pd.DataFrame:
    """How many enterprises fall in each growth band of ``width`` percentage points
    (bands beyond -50% and +150% are gathered at the ends). Columns: band_low, band_high, n."""
    sql = (
        "SELECT floor(greatest(least(growth_pct, 150), -50) / $width) * $width AS band_low,"
        " count(*) AS n FROM (" + _GROWTH + ") GROUP BY ALL ORDER BY band_low"
    )
    with store.connect(path) as con:
        out = con.execute(sql, _params(start, end, region, sector) | {"width": width}).df()
    out["band_high"] = out["band_low"] + width
    return out


def mean_income_by_year(path: Path | str, *, region=None, sector=None) -> pd.DataFrame:
    """Average income per enterprise and year derived from the records (Rp), with n: the
    enterprise-based counterpart of the aggregate income series."""
    sql = (
        "SELECT year, avg(income) AS value, count(*) AS n,"
        " ['reported', 'estimated', 'illustrative'][max(list_position("
        "['reported', 'estimated', 'illustrative'], status))] AS status,"
        " string_agg(DISTINCT source, '; ') AS source"
        " FROM enterprise_record WHERE ($region IS NULL OR region = $region)"
        " AND ($sector IS NULL OR sector = $sector) GROUP BY year ORDER BY year"
    )
    with store.connect(path) as con:
        return con.execute(sql, {"region": region, "sector": sector}).df()


# The enterprise-based counterpart of the income series, offered where records exist.
DERIVED_INCOME = Indicator(
    code="enterprise_income_mean",
    name_id="Rata-rata pendapatan per usaha per tahun (dari catatan per unit usaha)",
    name_en="Average income per enterprise per year (from enterprise records)",
    definition_id="Rata-rata pendapatan tahunan unit usaha yang tercatat pada tahun itu.",
    definition_en="Mean yearly income of the enterprises recorded that year.",
    formula="Σ pendapatan / jumlah usaha tercatat",
    unit="Rp per tahun",
    kind="level",
    frequency="tahunan",
    agency="catatan per unit usaha",
)


def derived_income_series(path: Path | str, region: str | None, sector: str | None) -> pd.DataFrame:
    """:func:`mean_income_by_year` shaped like an observation series (value, low, high,
    status, source, note with the number of enterprises).

    A year in which some region holds fewer than SMALL_GROUP records is left out for every
    scope: shown for the whole and the other regions, that region's income would follow by
    subtraction (sum of the whole less the others), and a group of one is one enterprise's
    income (the rule of :func:`withhold`)."""
    frame = mean_income_by_year(path, region=region, sector=sector)
    sql = (
        "SELECT DISTINCT year FROM (SELECT year, region, count(*) AS n FROM enterprise_record"
        " WHERE ($sector IS NULL OR sector = $sector) GROUP BY year, region)"
        " WHERE n < $small"
    )
    with store.connect(path) as con:
        small = {
            int(y) for (y,) in con.execute(sql, {"sector": sector, "small": SMALL_GROUP}).fetchall()
        }
    frame = frame[~frame["year"].astype(int).isin(small)].reset_index(drop=True)
    return frame.assign(
        indicator=DERIVED_INCOME.code,
        region=region,
        sector=sector,
        low=None,
        high=None,
        note=[f"n = {n}" for n in frame["n"]],
    )


# --- the UMK yardstick: income against the regional minimum wage --------------------------

# The regional minimum wage (upah minimum kabupaten/kota), published per region and year as
# observations of this indicator (sector 'all', Rp per bulan). Kota and Kabupaten Blitar each
# set their own; the combined region 'blitar' has none, so its records are never compared.
UMK_INDICATOR = "umk"
UMK_UNIT = "Rp per bulan"
COMBINED_REGION = "blitar"
UMK_GROUPS = ("year", "region", "size_class")  # allow-list for GROUP BY
# Enterprise records hold a year's income (pendapatan_rp; DERIVED_INCOME is 'Rp per tahun'
# and the synthetic records are a month's income times 12), the UMK a month's wage. An
# enterprise reaches the UMK when income >= 12 x UMK: its average month is at least the UMK.
# Compared as income >= 12 * UMK, not income / 12 >= UMK, so whole rupiah compare exactly.
MONTHS_PER_YEAR = 12

# Each record with the UMK of its own region and year (NULL when none is stored, and always
# for the combined region, which has no single UMK).
_UMK_JOIN = """
    SELECT r.year, r.region, r.size_class, r.income, r.status,
           u.value AS umk, u.status AS umk_status
    FROM enterprise_record AS r
    LEFT JOIN observation AS u
      ON u.indicator = $umk AND u.sector = 'all' AND u.region = r.region AND u.year = r.year
         AND r.region <> $combined
    WHERE ($year IS NULL OR r.year = $year)
      AND ($region IS NULL OR r.region = $region)
      AND ($sector IS NULL OR r.sector = $sector)
"""


def umk_share(
    path: Path | str,
    by: str | None = None,
    *,
    year: int | None = None,
    region: str | None = None,
    sector: str | None = None,
) -> pd.DataFrame:
    """The share of enterprise records whose income reaches the UMK of their region and year
    (income >= MONTHS_PER_YEAR x UMK, see there), overall or per group.

    One row per group (``by``: one of UMK_GROUPS, or None for one row with group None).
    Columns: group; n (records compared: those with a UMK for their region and year);
    reached (how many of the n reach it); share (reached / n in percent, NaN when n is 0:
    never 0%); no_umk (records left out of n because their region and year have no UMK);
    combined (of no_umk, records of the combined region 'blitar', which has no single UMK);
    small (n < SMALL_GROUP); status (the weakest of the compared records' statuses and their
    UMK's, None when n is 0); record_status (the weakest status of all the group's records,
    compared or not: what a figure without a share says of the records it names). A record counts once per year: over several years (``year``
    None) an enterprise counts in each. A frame without rows when no record matches.
    """
    if by is not None and by not in UMK_GROUPS:
        raise ValueError(f"cannot group by {by!r}")
    group = "NULL" if by is None else UMK_GROUPS[UMK_GROUPS.index(by)]  # the SQL text is ours
    sql = (
        "SELECT " + group + " AS grp,"
        " count(umk) AS n,"
        " count(*) FILTER (WHERE umk IS NOT NULL AND income >= $months * umk) AS reached,"
        " count(*) FILTER (WHERE umk IS NULL) AS no_umk,"
        " count(*) FILTER (WHERE umk IS NULL AND region = $combined) AS combined,"
        " list(DISTINCT status) FILTER (WHERE umk IS NOT NULL)"
        "   || list(DISTINCT umk_status) FILTER (WHERE umk IS NOT NULL) AS statuses,"
        " list(DISTINCT status) AS record_statuses"
        " FROM (" + _UMK_JOIN + ") GROUP BY ALL ORDER BY grp"
    )
    params = {
        "umk": UMK_INDICATOR,
        "combined": COMBINED_REGION,
        "months": MONTHS_PER_YEAR,
        "year": year,
        "region": region,
        "sector": sector,
    }
    with store.connect(path) as con:
        out = con.execute(sql, params).df()
    out = out.rename(columns={"grp": "group"})
    pairs = list(zip(out["n"], out["reached"], out["statuses"], strict=True))
    out["share"] = [100 * reached / n if n else float("nan") for n, reached, _ in pairs]
    out["small"] = out["n"] < SMALL_GROUP
    out["status"] = [weakest(statuses) if n else None for n, _, statuses in pairs]
    out["record_status"] = [weakest(statuses) for statuses in out["record_statuses"]]
    return out.drop(columns=["statuses", "record_statuses"])


@dataclass(frozen=True)
class UmkYardstick:
    """Everything the UMK figures show, from one call (:func:`umk_yardstick`).

    ``year`` is the year of the headline (None without records); ``overall`` its one row of
    :func:`umk_share`; ``by`` the groups: 'year' over every record year, 'region' and
    'size_class' in ``year``; ``umk`` the stored UMK observations of the regions in scope
    (region, year, value, status, source); ``sources`` the year and source of every record
    and UMK the figures use (columns year, source)."""

    year: int | None
    overall: pd.DataFrame
    by: dict[str, pd.DataFrame]
    umk: pd.DataFrame
    sources: pd.DataFrame
    withheld: bool = False  # the region in scope is withheld among the regions: show nothing

    @property
    def empty(self) -> bool:
        """No enterprise record in scope: nothing to compare."""
        return self.year is None


def umk_yardstick(
    path: Path | str,
    year: int | None = None,
    *,
    region: str | None = None,
    sector: str | None = None,
) -> UmkYardstick:
    """The share of enterprises reaching the UMK of their region (see :func:`umk_share`) in
    ``year`` (None: the latest year with records in scope), by year, region and size class,
    with the UMK figures and the sources behind them. Empty (``year`` None) without records."""
    scope = {"region": region, "sector": sector}
    years = umk_share(path, "year", region=region, sector=sector)
    if year is None and not years.empty:
        year = int(years["group"].max())
    if year is None or year not in set(years["group"].astype(int)):
        empty = years.iloc[0:0]
        return UmkYardstick(None, empty, {g: empty for g in UMK_GROUPS}, empty, empty)
    umk = store.observations(path, UMK_INDICATOR, region, "all")
    umk = umk[umk["region"] != COMBINED_REGION]
    sql = (
        "SELECT DISTINCT year, region, source FROM enterprise_record"
        " WHERE ($region IS NULL OR region = $region) AND ($sector IS NULL OR sector = $sector)"
    )
    with store.connect(path) as con:
        records = con.execute(sql, scope).df()
    used = umk.merge(records[["year", "region"]].drop_duplicates(), on=["year", "region"])
    sources = pd.concat(
        [records[["year", "source"]], used[["year", "source"]]], ignore_index=True
    ).drop_duplicates()
    by_region = umk_share(path, "region", year=year, sector=sector) if region else years.iloc[0:0]
    return UmkYardstick(
        withheld=region_withheld(by_region, region),
        year=year,
        overall=umk_share(path, year=year, region=region, sector=sector),
        by={
            "year": years,
            "region": umk_share(path, "region", year=year, region=region, sector=sector),
            "size_class": umk_share(path, "size_class", year=year, region=region, sector=sector),
        },
        umk=umk[["region", "year", "value", "status", "source"]].reset_index(drop=True),
        sources=sources,
    )
