"""Kelengkapan data / data readiness: for every section of the dashboard and of the hearing
pack, which figures it needs, the years each has as reported, estimated or illustrative and
the years still missing, which office usually holds the figure and which template fills it.

The pack shows only what a planner can defend (reported and estimated figures); what it
leaves out is what is still being collected, and this module says what that is, so the
deck's last slide, the brief's box, the deck page's summary and the readiness page name the
same gaps in the same words.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from impact import i18n, indicators, store
from impact.status import ORDER as STATUS_ORDER

# Offices that usually hold a figure (words in the i18n catalogue, 'office.<code>').
OFFICES = ("disperindag", "dinkop", "disbudpar", "bappeda", "bps", "ababil")
FIRST_YEAR = 2021  # the study's base year: the readiness view counts missing years from here


@dataclass(frozen=True)
class Need:
    """What one section draws on: observations of ``indicators`` (any region), or the rows of
    ``table``; the template (a dataset code of :mod:`impact.upload.datasets`) that fills it,
    and the offices that usually hold the figures."""

    section: str
    template: str
    offices: tuple[str, ...]
    indicators: tuple[str, ...] = ()
    table: str = "observation"


HEADLINE = ("batik_income_index", "batik_income_avg", "batik_competitiveness", "batik_workers")
CREATIVE = ("ce_workers", "ce_enterprises", "ce_value_added", "ce_outside_sales_share")
NEEDS: dict[str, Need] = {
    need.section: need
    for need in (
        Need("summary", "observations", ("disperindag",), HEADLINE),
        Need("charts", "observations", ("disperindag",), HEADLINE),
        Need("regions", "observations", ("disperindag", "bps"), HEADLINE),
        Need("obstacles", "obstacles", ("dinkop", "ababil"), table="obstacle"),
        Need("collaboration", "collaboration", ("bappeda", "ababil"), table="collaboration"),
        Need("programs", "programs", ("dinkop", "disperindag", "disbudpar"), table="program"),
        Need("targets", "targets", ("bappeda",), table="indicator_target"),
        Need("creative", "observations", ("disbudpar", "bps"), CREATIVE),
        Need("gender", "enterprises", ("dinkop", "disperindag"), table="enterprise_record"),
        # Drawn from the other sections' figures: filled when they are.
        Need("recommendations", "", ()),
    )
}


def office_names(offices: Iterable[str], lang: str) -> str:
    """'Disperindag, Dinas Koperasi dan UM' in the language."""
    return ", ".join(i18n.t(f"office.{code}", lang) for code in offices)


def template_file(template: str) -> str:
    """The template's file name as the upload and readiness pages offer it
    ('templat_observations.xlsx'); '' for a section drawn from the others."""
    return f"templat_{template}.xlsx" if template else ""


@dataclass(frozen=True)
class Collecting:
    """One line of 'Data yang masih dikumpulkan': what is left out, what fills it, who holds
    it and the template to fill."""

    what: str
    needs: str
    offices: str
    template: str


def collecting(
    sections: Iterable[str],
    figures: Iterable[tuple[str, str]],
    *,
    lang: str,
    start: int,
    end: int,
) -> tuple[Collecting, ...]:
    """The lines for the sections left out of a pack (``sections``, deck section codes) and
    the headline figures left off its cards (``figures``: (label, indicator's agency))."""
    t = lambda key, **kw: i18n.t(key, lang, **kw)  # noqa: E731
    lines = []
    for section in sections:
        need = NEEDS[section]
        lines.append(
            Collecting(
                what=t(f"deck.section.{section}"),
                needs=t(f"collecting.need.{section}", start=start, end=end),
                offices=office_names(need.offices, lang) or t("collecting.derived"),
                template=template_file(need.template) or "–",
            )
        )
    for label, agency in figures:
        lines.append(
            Collecting(
                what=label,
                needs=t("collecting.figure", start=start, end=end),
                offices=i18n.data_text(agency, lang),
                template=template_file("observations"),
            )
        )
    return tuple(lines)


# --- the readiness view: every section, every figure, its years by status ---------------

# What the readiness page shows, in its order: what is missing first (the list an editor
# works through), the sections a figure feeds last.
SHOWN = (
    "name",
    "missing",
    "reported",
    "estimated",
    "illustrative",
    "offices",
    "template",
    "section",
)
COLUMNS = (
    "section",
    "table",
    "item",
    "name",
    "reported",
    "estimated",
    "illustrative",
    "missing",
    "offices",
    "template",
)


def _years_text(years: Iterable[int]) -> str:
    """'2021–2023, 2025' from years: runs of consecutive years joined with an en dash."""
    ordered = sorted(set(int(y) for y in years))
    runs: list[list[int]] = []
    for year in ordered:
        if runs and year == runs[-1][-1] + 1:
            runs[-1].append(year)
        else:
            runs.append([year])
    return ", ".join(f"{r[0]}–{r[-1]}" if len(r) > 1 else str(r[0]) for r in runs)


def _status_years(path: Path | str) -> pd.DataFrame:
    """Per store table and indicator (observations) the years holding each status.
    Columns: table, item, status, year. Aggregated in DuckDB."""
    parts = []
    with store.connect(path) as con:
        parts.append(
            con.execute(
                """SELECT 'observation' AS "table", indicator AS item, status, year
                   FROM observation GROUP BY ALL"""
            ).df()
        )
        for table in sorted({n.table for n in NEEDS.values()} - {"observation"}):
            parts.append(
                con.execute(
                    'SELECT ? AS "table", ? AS item, status, year FROM '
                    + store.quote_table(table)
                    + " GROUP BY ALL",
                    [table, table],
                ).df()
            )
    return pd.concat(parts, ignore_index=True)


@dataclass(frozen=True, eq=False)
class Readiness:
    """The readiness rows (columns :data:`COLUMNS`) and the years they count from and to."""

    rows: pd.DataFrame
    first: int
    last: int

    @property
    def complete(self) -> int:
        """How many figures have a reported or estimated figure for every year."""
        return int(self.rows["missing"].eq("").sum())


def readiness(path: Path | str, lang: str, *, last_year: int | None = None) -> Readiness:
    """One row per figure the dashboard and the pack draw on (an indicator, or a table's rows
    for sections that draw on one), with the sections it feeds (``section``: their codes
    joined by ','), the years with reported, estimated and illustrative figures, the years
    from :data:`FIRST_YEAR` to ``last_year`` (default: the newest year any of these figures
    has) with no reported or estimated figure, the offices that hold it, and the template
    that fills it (``table``: the template's dataset code; ``template``: its file name).
    Columns: :data:`COLUMNS`; years as text ('2021, 2023'), '' when none."""
    found = _status_years(path)
    registry = indicators.load_registry(path)
    items: dict[tuple[str, str], dict] = {}
    for need in NEEDS.values():
        if not need.template:
            continue
        if need.table == "observation":  # each figure's own producer, as the registry says
            wanted = [
                (code, registry[code].name(lang), i18n.data_text(registry[code].agency, lang))
                for code in need.indicators
                if code in registry
            ]
        else:
            wanted = [
                (
                    need.table,
                    i18n.t(f"readiness.table.{need.table}", lang),
                    office_names(need.offices, lang),
                )
            ]
        for item, name, holder in wanted:
            row = items.setdefault(
                (need.table, item),
                {"sections": [], "table": need.template, "item": item, "name": name,
                 "offices": holder, "template": template_file(need.template)},
            )  # fmt: skip
            row["sections"].append(need.section)
    keys = pd.MultiIndex.from_tuples(list(items), names=["table", "item"])
    mine = found.set_index(["table", "item"])
    mine = mine[mine.index.isin(keys)].reset_index()
    if last_year is None:
        last_year = int(mine["year"].max()) if not mine.empty else FIRST_YEAR
    span = set(range(FIRST_YEAR, last_year + 1))
    rows = []
    for (table, item), row in items.items():
        years = mine[(mine["table"] == table) & (mine["item"] == item)]
        by_status = {
            s: set(years.loc[years["status"] == s, "year"].astype(int)) for s in STATUS_ORDER
        }
        defended = by_status["reported"] | by_status["estimated"]
        rows.append(
            {
                "section": ",".join(row.pop("sections")),
                **row,
                **{s: _years_text(by_status[s]) for s in STATUS_ORDER},
                "missing": _years_text(span - defended),
            }
        )
    return Readiness(pd.DataFrame(rows, columns=list(COLUMNS)), FIRST_YEAR, last_year)
