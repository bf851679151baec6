"""A wide table's plan in the planner's language: which row becomes which indicator, which
column which year, each row's region and unit with where they came from, and what the text
around the table gave. The page shows these tables and the CLI prints them, so both show the
same plan (:mod:`impact.upload.wide` makes it)."""

from __future__ import annotations

import pandas as pd

from impact import i18n
from impact.upload import units
from impact.upload.validation import Vocabulary
from impact.upload.wide import MATCHED, SKIP, WHOLE, Choices, LabelRow, Layout, row_unit


def _from(origins: tuple[str, ...] | list[str], lang: str) -> str:
    return ", ".join(i18n.t(f"wide.from.{o}", lang) for o in origins)


def rows_table(
    layout: Layout, names: dict[str, str], choices: Choices, lang: str, vocab: Vocabulary
) -> pd.DataFrame:
    """One line per row of figures: sheet row, label as written, the indicator it becomes
    (or 'skipped' / 'to choose') and how it was matched, its region and its unit, each with
    where it came from, and the factor into the registered unit. ``names``: indicator and
    region code -> name."""
    t = lambda key, **p: i18n.t(key, lang, **p)  # noqa: E731
    table_region = choices.region or layout.region
    region_origin = "choice" if choices.region else "title"
    lines = []
    for row in layout.rows:
        code = choices.indicators.get(row.row, row.indicator)
        if code == SKIP:
            shown = t("wide.skipped")
        elif code is None:
            shown = t("wide.to_choose")
        else:
            shown = f"{names.get(code, code)} ({code})"
        how = row.matched if code == row.indicator else "chosen"
        if row.region:
            region = f"{names.get(row.region, row.region)} ({_from([row.region_from], lang)})"
        elif layout.columns and all(c.region for c in layout.read_columns):
            region = t("wide.region.per_column")
        elif table_region:
            region = f"{names.get(table_region, table_region)} ({_from([region_origin], lang)})"
        else:
            region = t("wide.to_choose")
        unit, factor = "–", "–"
        if code not in (None, SKIP):
            found = row_unit(row, code, choices, vocab)
            if found.unit is not None:
                unit = f"{found.unit.text} ({_from(found.origins, lang)})"
                if found.factor is None:
                    factor = t("wide.unit.mismatch", registry=found.registered)
                else:
                    factor = "× " + i18n.format_number(float(found.factor), lang, 0)
            elif row.stated and not row.unit_agreed:
                unit = t("wide.unit.conflict")
            else:
                unit = t("wide.unit.unknown")
        lines.append(
            {
                t("col.row"): row.row,
                t("wide.col.label"): row.label,
                t("wide.col.indicator"): shown,
                t("wide.col.matched"): t(MATCHED[how]) if how else "–",
                t("wide.col.region"): region,
                t("wide.col.unit"): unit,
                t("wide.col.factor"): factor,
            }
        )
    return pd.DataFrame(lines)


def columns_table(
    layout: Layout, lang: str, choices: Choices | None = None, names: dict[str, str] | None = None
) -> pd.DataFrame:
    """One line per column under a year: letter, header as written, year, BPS mark in words,
    the group or sub-column it belongs to (a region by name), and whether it is read (a part
    year or a fiscal year is not, and says so)."""
    t = lambda key: i18n.t(key, lang)  # noqa: E731
    choices = choices or Choices()
    names = names or {}
    read, groups = [], []
    for c in layout.columns:
        shown = [names.get(c.region, c.region)] if c.region else []
        groups.append(" · ".join(shown + ([c.breakdown] if c.breakdown else [])) or "–")
        if c.period:
            read.append(t(f"wide.read.{c.period}"))
        elif not c.breakdown:
            read.append(t("wide.read.yes"))
        else:
            choice = choices.parts.get(c.breakdown)
            read.append(
                t("wide.to_choose")
                if choice is None
                else t("wide.read.whole" if choice == WHOLE else "wide.skipped")
            )
    return pd.DataFrame(
        {
            t("col.column"): [c.letter for c in layout.columns],
            t("wide.col.header"): [c.header for c in layout.columns],
            t("table.year"): [str(c.year) for c in layout.columns],
            t("wide.col.mark"): [
                i18n.label("mark", c.mark, lang) if c.mark else "–" for c in layout.columns
            ],
            t("wide.col.group"): groups,
            t("wide.col.read"): read,
        }
    )


def about_table(layout: Layout, choices: Choices, names: dict[str, str], lang: str) -> pd.DataFrame:
    """What the text around the table gave (title, unit with where it was found, source,
    region, sector, status) and the rows not read, each with why. ``names``: region and
    sector code -> name."""
    t = lambda key, **p: i18n.t(key, lang, **p)  # noqa: E731
    region = choices.region or layout.region
    sector = choices.sector or layout.sector
    region = names.get(region, region) if region else None
    if not layout.needs_region:
        region = t("wide.region.per_column")
    sector = names.get(sector, sector) if sector else None
    table_units = dict.fromkeys(
        (u.text, origin)
        for row in layout.rows[:1]
        for origin, u in row.stated
        if origin in ("title", "unit-line", "header")
    )
    unit = "; ".join(f"{text} ({_from([origin], lang)})" for text, origin in table_units)
    items = [
        (t("wide.about.title"), layout.title or "–"),
        (t("wide.about.unit"), unit or "–"),
        (t("wide.about.source"), (choices.source or "").strip() or layout.source or "–"),
        (t("wide.about.region"), region or "–"),
        (t("wide.about.sector"), sector or "–"),
        (t("wide.about.status"), i18n.label("status", choices.status, lang)),
        (t("wide.about.header_row"), str(layout.header_row)),
    ]
    items += [
        (t("wide.about.not_read", row=row), f"{text[:60]} · {t(reason)}")
        for row, text, reason in layout.skipped
    ]
    return pd.DataFrame({"": [k for k, _ in items], " ": [v for _, v in items]})


def unit_options(code: str, vocab: Vocabulary, lang: str) -> list[str]:
    """The units the planner may choose for a row of ``code``: its registered unit at each
    scale tables use ('Rp', 'ribu Rp', 'juta Rp', 'miliar Rp', ...)."""
    registered = vocab.indicator_units.get(code, "")
    parsed = units.parse(registered)
    if not registered or parsed is None or parsed.kind is None:
        return [registered] if registered else []
    powers = units.OPTION_POWERS.get(parsed.kind, (0,))
    return [units.scaled_text(p, registered, lang) for p in powers]


def unit_questions(layout: Layout, choices: Choices) -> list[LabelRow]:
    """The rows whose unit the planner is asked for: a known indicator, and no unit
    established by the table (none stated, or two statements that disagree)."""
    return [
        row
        for row in layout.rows
        if row.unit is None and choices.indicators.get(row.row, row.indicator) not in (None, SKIP)
    ]
