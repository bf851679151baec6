"""Wide tables as BPS and the dinas publish them: years across the columns.

A table like this (a title, a unit line, years with BPS marks, footnotes and a source below)::

    Tenaga Kerja Industri Batik Kabupaten Blitar, 2021-2024 (orang)
    Uraian                         2021    2022    2023*   2024**
    Tenaga kerja industri batik    1.150   1.240   1.320   ...
    Unit usaha batik               410     -       455r    470
    Catatan: * angka sementara, ** angka sangat sementara, r angka perbaikan
    Sumber: BPS Kabupaten Blitar, Kabupaten Blitar Dalam Angka 2025

is recognised in the grid :func:`impact.upload.ingest.read_grid` read (:func:`detect`),
shown as it will be read (which row is which indicator, which column which year, what the
title and the "Sumber" line gave), and turned into long observation rows of the file's own
cells (:func:`reshape`), which then go through the same checks, preview and commit as any
observations file. Nothing here parses a number: a value cell goes on as written, less its
BPS mark, so the checker names what is wrong with it.

Where the table is not certain, the plan asks and nothing is guessed: a row whose unit is not
stated (or stated differently in two places) waits for the planner's unit (:mod:`.units`
reads every way a publication writes one and checks it against the registered unit); a
sub-column under a merged year ('Laki-laki', 'Jumlah') waits for "whole" or "skip"; a region
comes from the title, a column group ('Kota Blitar' over its years), a row group or the row's
own label, else the planner's choice; a part-year or fiscal-year column is named and not read.

Each long row gets a row number that encodes its cell (sheet row x 1000 + column), so every
issue the checker finds is put back on the cell it came from (:func:`locate`): "row 3,
column D (2023*)", never a row of a table the planner never saw.

BPS marks: ``*`` angka sementara, ``**`` angka sangat sementara, ``r`` angka perbaikan, in a
year header (the whole column) or after a value (that cell); kept as the value's mark.
``-`` (nil), ``...``/``…`` (not available) and ``x`` (withheld) are not numbers: they are
reported with their meaning and nothing is stored for them (never 0, never an error).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace
from decimal import Decimal

import pandas as pd

from impact.upload import checks, datasets, units
from impact.upload.datasets import DATASETS
from impact.upload.headers import (
    COLUMN_NUMBER,
    YearColumn,
    groups_over,
    header_of,
    sub_header,
    text_of,
    year_columns,
)
from impact.upload.ingest import (
    CELL_FACTOR,
    Cell,
    Detection,
    Grid,
    Issue,
    column_letter,
)
from impact.upload.labels import (
    code_words,
    in_title,
    indicator_index,
    match_label,
    normalize_label,
    region_of,
    region_words,
)
from impact.upload.validation import Validated, Vocabulary

# The longest source the planner may type for a wide table: what a source cell of the
# observations dataset may hold (checked again at save like any cell).
MAX_SOURCE_CHARS = datasets._SOURCE.max_length

SKIP = "__skip__"  # the planner's choice for a row or a sub-column that is not to be read
WHOLE = "__whole__"  # the planner's choice: a sub-column's figures are the indicator's whole
HEADER_SEARCH_ROWS = 15  # the year header may sit under a title, a unit line and a header
MIN_YEARS = 2  # a row with fewer year cells is not a wide table's header

# A value with its BPS mark after it: '1.320*', '455 r', '12,5**)'.
_MARKED = re.compile(r"(.*?[0-9])\s*(\*\*|\*|r)\s*\)?", re.IGNORECASE)
_SYMBOLS = {"*": "provisional", "**": "very_provisional", "r": "revised"}
# Cells BPS prints where there is no number, and what they mean.
NO_NUMBER = {
    "-": "wide-nil",
    "–": "wide-nil",
    "—": "wide-nil",
    "...": "wide-not-available",
    "…": "wide-not-available",
    "..": "wide-not-available",
    "x": "wide-withheld",
}
PERIOD_ISSUES = {"part": "wide-column-part", "fiscal": "wide-column-fiscal"}
MISSING = {
    "region": "wide-region-missing",
    "sector": "wide-sector-missing",
    "source": "wide-source-missing",
}
# Why a row was not read as figures (catalogue keys).
_COLUMN_NUMBERS, _SOURCE, _UNIT = (
    "wide.reason.column-numbers",
    "wide.reason.source",
    "wide.reason.unit",
)
_FOOTNOTE_ROW, _NO_VALUES = "wide.reason.footnote", "wide.reason.no-values"
_REGION_GROUP, _SUB_HEADER = "wide.reason.region-group", "wide.reason.sub-header"
MATCHED = {
    "code": "wide.matched.code",
    "name": "wide.matched.name",
    "title": "wide.matched.title",
    "chosen": "wide.matched.chosen",
}
# Where a row's region or unit came from (catalogue keys wide.from.<origin>).
ORIGINS = (
    "title",
    "unit-line",
    "header",
    "column",
    "label",
    "column-group",
    "row-group",
    "choice",
)
# 'Sumber: ...', 'Sumber/Source: ...', 'Source: ...' (the text after it is kept as written).
_SOURCE_LINE = re.compile(
    r"(?:sumber|source)(?:\s*/\s*(?:sumber|source))?\s*[:.]?\s*(.*)", re.IGNORECASE | re.DOTALL
)
_UNIT_LINE = re.compile(r"(?:satuan|unit)(?:\s*/\s*(?:satuan|unit))?\s*[:.]\s*(.+)", re.IGNORECASE)
_FOOTNOTE = re.compile(r"(\*|catatan|keterangan|note|notes|r\s*[:=)])", re.IGNORECASE)
_UNIT_HEADERS = {"satuan", "unit", "satuan unit", "units"}


@dataclass
class LabelRow:
    """One row of figures: its sheet row, label, the indicator it was matched to, the region
    its label or a group heading above it names, and every unit stated for it (where each
    came from)."""

    row: int
    label: str
    indicator: str | None  # None: the planner is asked
    matched: str  # "code", "name", "title" or "" (no match)
    cells: dict[int, Cell]  # position -> cell, the year columns only
    region: str | None = None
    region_from: str = ""  # "label" or "row-group"
    stated: list[tuple[str, units.Unit]] = field(default_factory=list)  # (origin, unit)

    @property
    def unit(self) -> units.Unit | None:
        """The row's unit when every statement agrees; None when none is made or two
        disagree (the planner is asked)."""
        if not self.stated or not self.unit_agreed:
            return None
        found = self.stated[0][1]
        for _, other in self.stated[1:]:
            found = found.merged(other)
        return found

    @property
    def unit_agreed(self) -> bool:
        first = self.stated[0][1] if self.stated else None
        return all(first is not None and first.agrees(u) for _, u in self.stated)

    @property
    def unit_from(self) -> list[str]:
        return list(dict.fromkeys(origin for origin, _ in self.stated))


@dataclass
class Layout:
    """A wide table as it will be read: title, unit, source, region and sector found in the
    text around it, the year columns, the rows of figures, and the rows not read (why)."""

    header_row: int
    label_position: int
    columns: list[YearColumn]
    rows: list[LabelRow]
    title: str = ""
    unit: str | None = None  # the table's own unit statement as written (first found)
    source: str | None = None
    region: str | None = None
    sector: str | None = None
    skipped: list[tuple[int, str, str]] = field(default_factory=list)  # (row, text, reason)
    issues: list[Issue] = field(default_factory=list)  # the table's own problems
    detection: Detection = field(default_factory=Detection)

    @property
    def unknown(self) -> list[LabelRow]:
        """Rows whose label matched no indicator: the page asks about each."""
        return [r for r in self.rows if r.indicator is None]

    @property
    def read_columns(self) -> list[YearColumn]:
        """The columns of whole years (part-year and fiscal-year columns are not read)."""
        return [c for c in self.columns if c.period is None]

    @property
    def breakdowns(self) -> list[str]:
        """The sub-column labels the planner is asked about, in sheet order."""
        return list(dict.fromkeys(c.breakdown for c in self.read_columns if c.breakdown))

    @property
    def needs_region(self) -> bool:
        """Whether some figure has no region from a column group, a row group or its label
        (the title's region or the planner's choice then applies)."""
        if all(c.region for c in self.read_columns):
            return False
        return any(not r.region for r in self.rows)


def _sheet(grid: Grid) -> list[tuple[int, dict[int, Cell]]]:
    """The grid as the sheet had it: (sheet row, {column position: cell}), header row first
    (read_grid took a wide table's first line as its header)."""
    positions = grid.columns or list(range(len(grid.headers)))
    rows: list[tuple[int, dict[int, Cell]]] = []
    if grid.detection.header_row:
        header: dict[int, Cell] = {positions[i]: h for i, h in enumerate(grid.headers) if h}
        rows.append((grid.detection.header_row, header))
    for number, cells in zip(grid.row_numbers, grid.rows, strict=True):
        kept = {positions[i]: c for i, c in enumerate(cells) if text_of(c)}
        if kept:
            rows.append((number, kept))
    return rows


def detect(grid: Grid, vocab: Vocabulary) -> Layout | None:
    """The wide table in ``grid``, or None if it is not one (a long file, or no row with
    at least two years). Reads nothing but the grid; writes nothing."""
    if grid.detection.dataset is not None or not grid.rows:
        return None
    if datasets.closest_dataset(grid.headers) is not None:
        return None  # a long file missing a column: its own message says which
    sheet = _sheet(grid)
    best: tuple[int, int] | None = None  # (index in sheet, year cells)
    for position, (_, cells) in enumerate(sheet[:HEADER_SEARCH_ROWS]):
        years = sum(1 for c in cells.values() if header_of(c))
        if years >= MIN_YEARS and (best is None or years > best[1]):
            best = (position, years)
    if best is None:
        return None
    header_index = best[0]
    header_row, header = sheet[header_index]
    first = min(p for p, c in header.items() if header_of(c))
    regions = region_words(vocab)
    # A row of groups directly above the years ('Kota Blitar' | 'Kabupaten Blitar').
    groups: dict[int, str] = {}
    title_end = header_index
    if header_index and sheet[header_index - 1][0] == header_row - 1:
        groups = groups_over(sheet[header_index - 1][1], first, regions)
        if groups:
            title_end = header_index - 1
    body = sheet[header_index + 1 :]
    # The label column: left of the years, the one with most text below the header.
    counts: dict[int, int] = {}
    for _, cells in body:
        for position, cell in cells.items():
            if position < first and isinstance(cell, str):
                counts[position] = counts.get(position, 0) + 1
    label_position = max(counts, key=lambda p: (counts[p], -p)) if counts else max(first - 1, 0)
    layout = Layout(header_row, label_position, [], [], detection=grid.detection)
    # A row of sub-columns directly under the years ('Laki-laki | Perempuan | Jumlah').
    parts: dict[int, str] = {}
    under_years: list[units.Unit] = []  # '(orang)' under each year: the unit, not a part
    if body and body[0][0] == header_row + 1:
        parts = sub_header(body[0][1], label_position, first)
        if parts:
            found = [units.parse(t.strip("() ")) for t in parts.values()]
            reason = _UNIT if all(found) else _SUB_HEADER
            layout.skipped.append((body[0][0], " | ".join(parts.values()), reason))
            body = body[1:]
            if all(found):
                under_years = [u for u in found if u is not None]
                parts = {}
    layout.columns = year_columns(header, groups, parts, regions)
    # Each line above the years as one text (a title split at an unquoted comma joined again).
    above = [
        ", ".join(text_of(c) for _, c in sorted(cells.items())) for _, cells in sheet[:title_end]
    ]
    left_of_years = [text_of(c) for p, c in sorted(header.items()) if p < first]
    layout.title = max((t for t in above if not _UNIT_LINE.fullmatch(t)), key=len, default="")
    # A 'Satuan' column left of the years gives each row its unit.
    unit_position = next(
        (p for p, c in header.items() if p < first and normalize_label(c) in _UNIT_HEADERS),
        None,
    )
    table_units: list[tuple[str, units.Unit]] = []
    for text in above:
        line = _UNIT_LINE.fullmatch(text)
        if line:
            table_units.append(("unit-line", _stated(line.group(1))))
        else:
            table_units += [("title", u) for u in units.found_in(text)]
    for text in left_of_years:
        table_units += [("header", u) for u in units.found_in(text)]
    table_units += [("header", u) for u in dict.fromkeys(under_years)]
    names = indicator_index(vocab)
    seen: dict[tuple[int, str, str], int] = {}
    for column in layout.read_columns:
        key = (column.year, column.group, column.part)
        if key in seen:
            layout.issues.append(
                Issue(
                    "wide-year-repeated",
                    row=header_row,
                    column=column.name,
                    value=str(column.year),
                    params={"first": column_letter(seen[key])},
                )
            )
        seen.setdefault(key, column.position)
    for column in layout.columns:
        if column.period:
            layout.issues.append(
                Issue(
                    PERIOD_ISSUES[column.period],
                    row=header_row,
                    column=column.name,
                    value=column.header,
                    level="warning",
                )
            )
    year_positions = {c.position for c in layout.columns}
    row_group: str | None = None
    title_indicator = in_title(layout.title, {w: c for w, c in names.items() if c})
    for row, cells in body:
        label = text_of(cells.get(label_position))
        values = {p: c for p, c in cells.items() if p in year_positions}
        texts = [text_of(c) for _, c in sorted(cells.items())]
        if all(COLUMN_NUMBER.fullmatch(t) for t in texts):
            layout.skipped.append((row, " ".join(texts), _COLUMN_NUMBERS))
            continue
        source = _SOURCE_LINE.fullmatch(texts[0]) if texts else None
        if source and not values:
            rest = " ".join([source.group(1).strip(), *texts[1:]]).strip()
            layout.source = layout.source or rest or None
            layout.skipped.append((row, texts[0], _SOURCE))
            continue
        unit = _UNIT_LINE.fullmatch(texts[0]) if texts else None
        if unit and not values:
            table_units.append(("unit-line", _stated(unit.group(1))))
            layout.skipped.append((row, texts[0], _UNIT))
            continue
        if not values:
            group = region_of(label, regions) if label else None
            if group:  # 'Kota Blitar' over the rows below it
                row_group = group
                layout.skipped.append((row, label, _REGION_GROUP))
                continue
            reason = _FOOTNOTE_ROW if _FOOTNOTE.match(texts[0]) else _NO_VALUES
            layout.skipped.append((row, " ".join(texts), reason))
            continue
        if not label:
            layout.issues.append(
                Issue("wide-label-empty", row=row, column=column_letter(label_position))
            )
            continue
        code, how = match_label(label, vocab, names)
        region, region_from = (row_group, "row-group") if row_group else (None, "")
        as_region = region_of(label, regions) if code is None else None
        if (
            as_region
        ):  # a row per region ('Kota Blitar', 'Kabupaten Blitar'), the figure named above
            region, region_from = as_region, "label"
            code, how = (title_indicator, "title") if title_indicator else (None, "")
        stated = [("label", u) for u in units.found_in(label)]
        if unit_position is not None and text_of(cells.get(unit_position)):
            stated.append(("column", _stated(text_of(cells[unit_position]))))
        layout.rows.append(LabelRow(row, label, code, how, values, region, region_from, stated))
    for label_row in layout.rows:  # the table's unit lines, above or below it, and its title
        label_row.stated += table_units
    layout.unit = table_units[0][1].text if table_units else None
    text = " ".join([layout.title, *above])
    layout.region = in_title(text, regions)
    layout.sector = in_title(text, code_words(vocab, "sector"))
    return layout


def _stated(text: str) -> units.Unit:
    """A unit line or a Satuan cell: read, or kept as written when it names no known unit
    ('ekor'), so that it is compared with the registry and never ignored."""
    return units.parse(text) or units.Unit(text.strip(), normalize_label(text), 0)


def _split_mark(cell: Cell) -> tuple[Cell, str | None]:
    """A value cell without its BPS mark, and the mark ('1.320*' -> ('1.320', 'provisional'))."""
    if not isinstance(cell, str):
        return cell, None
    found = _MARKED.fullmatch(cell.strip())
    if not found:
        return cell, None
    return found.group(1).strip(), _SYMBOLS[found.group(2).lower()]


def _scale_rows(rows: pd.DataFrame, factors: dict[int, Decimal]) -> pd.DataFrame:
    """Checked rows in the registry's unit: each value of a row in ``factors`` (long row
    number -> factor) multiplied exactly (decimal arithmetic, no float rounding). Done on the
    engine's typed values, so the figure is read by the one checker, in the file's own
    decimal convention, before it is multiplied."""
    if not factors or rows.empty:
        return rows
    rows = rows.copy()
    for index, number in rows["_row"].items():
        factor = factors.get(int(number))
        value = rows.at[index, "value"]
        if factor is not None and value is not None and value == value:
            rows.at[index, "value"] = float(Decimal(repr(float(value))) * factor)
    return rows


@dataclass
class Choices:
    """What the planner chose on the page (or gave the CLI): an indicator (or SKIP) for a
    row; a unit for a row, or for every row whose unit the table does not establish (a unit
    text such as 'juta rupiah', or a scale of the registered unit: 6 for 'juta Rp'); WHOLE
    or SKIP for each sub-column label; and the region, sector, source and status of the
    whole table where the text around it gave none."""

    indicators: dict[int, str] = field(default_factory=dict)  # sheet row -> code or SKIP
    units: dict[int, str] = field(default_factory=dict)  # sheet row -> unit text
    unit: str | None = None  # a unit text for every row without one of its own
    scale: int | None = None  # a power of ten of the registered unit, for the same rows
    parts: dict[str, str] = field(default_factory=dict)  # sub-column label -> WHOLE or SKIP
    region: str | None = None
    sector: str | None = None
    source: str | None = None
    status: str = "reported"


# A wide table gives one value per cell (no low/high) and no note: a row it replaces keeps
# its note (the study's context of a seeded figure is not wiped by a re-upload).
_LONG_HEADERS = [
    c.header_id for c in DATASETS["observations"].columns if c.name not in ("low", "high", "note")
]


@dataclass(frozen=True)
class RowUnit:
    """The unit a row's figures are read in, where it came from, and the factor into the
    registered unit (None: the two cannot be the same thing)."""

    unit: units.Unit | None
    origins: tuple[str, ...]
    registered: str
    factor: Decimal | None


def row_unit(label_row: LabelRow, code: str | None, choices: Choices, vocab: Vocabulary) -> RowUnit:
    """A row's unit: the planner's choice for the row, else every statement the table makes
    for it when they agree, else her choice for the table; None when none of these holds
    (she is asked). The factor takes it into the indicator's registered unit."""
    registered_text = vocab.indicator_units.get(code or "", "")
    registered = units.parse(registered_text) if registered_text else None
    chosen = choices.units.get(label_row.row)
    unit: units.Unit | None = None
    origins: tuple[str, ...] = ()
    if chosen:
        unit, origins = _stated(chosen), ("choice",)
    elif label_row.unit is not None:
        unit, origins = label_row.unit, tuple(label_row.unit_from)
    elif label_row.unit_agreed and choices.unit:  # nothing stated: the table's answer
        unit, origins = _stated(choices.unit), ("choice",)
    elif label_row.unit_agreed and choices.scale is not None and registered is not None:
        text = units.scaled_text(choices.scale, registered_text)
        unit = units.Unit(
            text, registered.kind, registered.power + choices.scale, registered.period
        )
        origins = ("choice",)
    factor = units.factor(unit, registered) if unit is not None else None
    return RowUnit(unit, origins, registered_text, factor)


def _unit_issue(label_row: LabelRow, layout: Layout, found: RowUnit) -> Issue | None:
    """Why a row's figures cannot be read yet: no unit, units that disagree, or a unit that
    cannot be the registered one; or the warning that they are multiplied into it."""
    column = column_letter(layout.label_position)
    if found.unit is None:
        if label_row.stated and not label_row.unit_agreed:
            stated = "; ".join(
                f"{u.text} ({origin})" for origin, u in dict.fromkeys(label_row.stated)
            )
            return Issue(
                "wide-unit-conflict",
                row=label_row.row,
                column=column,
                value=label_row.label,
                params={"stated": stated},
            )
        return Issue(
            "wide-unit-unknown",
            row=label_row.row,
            column=column,
            value=label_row.label,
            params={"registry": found.registered},
        )
    if found.factor is None:
        return Issue(
            "wide-unit-mismatch",
            row=label_row.row,
            column=column,
            value=found.unit.text,
            params={"label": label_row.label, "registry": found.registered},
        )
    if found.factor != 1:
        return Issue(
            "wide-unit-scaled",
            row=label_row.row,
            column=column,
            value=label_row.label,
            params={
                "unit": found.unit.text,
                "registry": found.registered,
                "factor": float(found.factor),
            },
            level="warning",
        )
    return None


def reshape(
    layout: Layout, choices: Choices, vocab: Vocabulary
) -> tuple[Grid, list[Issue], dict[int, Decimal]]:
    """The long observations grid of a wide table, the issues found on the way, and the
    long rows whose value is to be multiplied into the registry's unit once checked.

    One long row per filled cell of a whole-year column, of a row that names an indicator
    (matched, or chosen) in a unit that is established (stated and agreed, or chosen);
    rows and sub-columns the planner skipped give none. A cell of '-', '...', '…' or 'x'
    gives no row and a warning with its meaning. A region from a column group, a row group
    or the row's label wins over the title's; the planner's choices win over the title's."""
    issues = list(layout.issues)
    region = choices.region or layout.region
    sector = choices.sector or layout.sector
    source = (choices.source or "").strip() or layout.source
    for what, given in (("region", region), ("sector", sector), ("source", source)):
        if not given and (what != "region" or layout.needs_region):
            issues.append(Issue(MISSING[what], row=layout.header_row))
    read = []
    asked: set[str] = set()
    keys: set[tuple[int, str, str]] = set()
    for column in layout.read_columns:
        key = (column.year, column.group, column.part)
        if key in keys:  # refused (wide-year-repeated); the second column is not read as well
            continue
        keys.add(key)
        choice = choices.parts.get(column.breakdown) if column.breakdown else WHOLE
        if choice is None and column.breakdown not in asked:
            asked.add(column.breakdown)
            issues.append(
                Issue(
                    "wide-part-unchosen",
                    row=layout.header_row,
                    column=column.name,
                    value=column.breakdown,
                )
            )
        if choice == WHOLE:
            read.append(column)
    rows: list[list[Cell]] = []
    numbers: list[int] = []
    scaled: dict[int, Decimal] = {}  # long row number -> the factor its value is multiplied by
    for label_row in layout.rows:
        code = choices.indicators.get(label_row.row, label_row.indicator)
        if code == SKIP:
            continue
        if code is None:
            issues.append(
                Issue(
                    "wide-label-unknown",
                    row=label_row.row,
                    column=column_letter(layout.label_position),
                    value=label_row.label,
                )
            )
            continue
        found = row_unit(label_row, code, choices, vocab)
        problem = _unit_issue(label_row, layout, found)
        if problem is not None:
            issues.append(problem)
            if problem.level == "error":
                continue  # its figures wait for the unit: none is read at a guessed scale
        for column in read:
            cell = label_row.cells.get(column.position)
            if cell is None:
                continue
            meaning = NO_NUMBER.get(text_of(cell).lower())
            if meaning:
                issues.append(
                    Issue(
                        meaning,
                        row=label_row.row,
                        column=column.name,
                        value=text_of(cell),
                        level="warning",
                    )
                )
                continue
            value, mark = _split_mark(cell)
            mark = mark or column.mark
            number = label_row.row * CELL_FACTOR + column.position + 1
            if found.factor is not None and found.factor != 1:  # multiplied once checked
                scaled[number] = found.factor
            cell_region = column.region or label_row.region or region
            rows.append(
                [
                    code,
                    cell_region,
                    sector,
                    str(column.year),
                    value,
                    choices.status,
                    source,
                    mark or "",
                ]
            )
            numbers.append(number)
    detection = layout.detection
    detection.dataset = "observations"
    detection.header_row = layout.header_row  # the years' row, as the sheet shows it
    detection.title_rows = layout.header_row - 1
    grid = Grid(list(_LONG_HEADERS), rows, numbers, detection, [])
    return grid, issues, scaled


def locate(issue: Issue, layout: Layout) -> Issue:
    """An issue of a long row put back on its cell: row as the sheet shows it, the column by
    its letter and year header ('D (2023*)'). Issues of the table itself pass unchanged."""
    if issue.row is None or issue.row < CELL_FACTOR:
        return issue
    row, position = divmod(issue.row, CELL_FACTOR)
    column = next((c for c in layout.columns if c.position == position - 1), None)
    params = dict(issue.params)
    if isinstance(params.get("first"), int) and params["first"] >= CELL_FACTOR:
        params["first"] = params["first"] // CELL_FACTOR
    return Issue(
        issue.code,
        row=row,
        column=column.name if column else column_letter(position - 1),
        value=issue.value,
        params=params,
        level=issue.level,
    )


def check(
    layout: Layout,
    choices: Choices,
    vocab: Vocabulary,
    *,
    today: dt.date | None = None,
    decimal: str | None = None,
) -> Validated:
    """Reshape and check with the one checker every observations file goes through
    (``checks.check_grid``); its issues come back on the wide table's cells."""
    grid, issues, scaled = reshape(layout, choices, vocab)
    dataset = DATASETS["observations"]
    # Every problem at once: the rows that name an indicator are checked even while another
    # row is still to be chosen; not while the region, sector or source is missing (each of
    # its rows would say so again).
    missing = any(i.code in MISSING.values() for i in issues)
    if missing or not grid.rows:
        if not grid.rows and not any(i.level == "error" for i in issues):
            issues.append(Issue("file-no-rows", row=layout.header_row))
        return Validated(dataset, pd.DataFrame(), issues)
    # A count in thousands ('1,25' ribu orang) is whole only once multiplied: the checker
    # reads such an indicator's figures as levels, and wholeness is checked after scaling.
    counts = {
        str(row[0])
        for row, number in zip(grid.rows, grid.row_numbers, strict=True)
        if number in scaled and vocab.indicator_kinds.get(str(row[0])) == "count"
    }
    kinds = vocab.indicator_kinds | dict.fromkeys(counts, "level")
    checked = checks.check_grid(
        grid, replace(vocab, indicator_kinds=kinds), dataset, today=today, decimal=decimal
    )
    checked.rows = _scale_rows(checked.rows, scaled)
    if counts and not checked.rows.empty:
        for row in checked.rows.itertuples():
            if row.indicator in counts and float(row.value) != int(float(row.value)):
                issues.append(
                    Issue("not-whole", row=int(row._asdict()["_row"]), value=str(row.value))
                )
        if any(i.code == "not-whole" for i in issues):
            checked.rows = pd.DataFrame()  # nothing is saved while a figure is refused
    checked.issues = [locate(i, layout) for i in checked.issues + issues]
    checked.issues.sort(key=lambda i: (i.row or 0, i.level != "error", i.column or "", i.code))
    return checked
