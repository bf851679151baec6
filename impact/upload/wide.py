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
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal

import pandas as pd

from impact import i18n
from impact.upload import checks, datasets
from impact.upload.datasets import DATASETS
from impact.upload.ingest import Cell, Detection, Grid, Issue, column_letter
from impact.upload.validation import Validated, Vocabulary

SKIP = "__skip__"  # the planner's choice for a row that is not to be read
CELL_FACTOR = 1000  # long row number = sheet row * CELL_FACTOR + column (1 = A)
HEADER_SEARCH_ROWS = 15  # the year header may sit under a title, a unit line and a header
MIN_YEARS = 2  # a row with fewer year cells is not a wide table's header

# '2023', '2023*', '2024**', '2023*)', '2022r', '2021.0' (a number cell of a workbook)
_YEAR = re.compile(r"((?:19|20)[0-9]{2})(?:\.0+)?\s*(\*\*|\*|r)?\s*\)?", re.IGNORECASE)
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
_MATCHED = {
    "code": "wide.matched.code",
    "name": "wide.matched.name",
    "chosen": "wide.matched.chosen",
}
_COLUMN_NUMBER = re.compile(r"\(\s*[0-9]+\s*\)")  # BPS numbers its columns: (1) (2) (3)
_SOURCE_LINE = re.compile(r"(sumber|source)\s*[:.]?\s*(.*)", re.IGNORECASE | re.DOTALL)
_UNIT_LINE = re.compile(r"(satuan|unit)\s*[:.]\s*(.+)", re.IGNORECASE)
_FOOTNOTE = re.compile(r"(\*|catatan|keterangan|note|notes|r\s*[:=)])", re.IGNORECASE)
_TRAILING_UNIT = re.compile(r"\(([^()]{1,40})\)\s*$")
_LEADING_NUMBER = re.compile(r"^\s*(?:[0-9]{1,2}|[a-z]|[ivx]{1,4})\s*[.)]\s+", re.IGNORECASE)
# Rupiah multiples a table's unit line may give; the registry keeps Rp (or a multiple).
_RUPIAH_SCALE = {"ribu": 1e3, "juta": 1e6, "miliar": 1e9, "milyar": 1e9, "triliun": 1e12}


def normalize_label(text: object) -> str:
    """A label as it is compared: accents dropped, lower case, punctuation and runs of spaces
    as one space. 'Tenaga Kerja  Industri-Batik' -> 'tenaga kerja industri batik'."""
    text = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode()
    return " ".join(re.sub(r"[^a-z0-9%]+", " ", text.lower()).split())


def _variants(text: str) -> set[str]:
    """A label as written, without a leading '1.' / 'a.' and without a unit in brackets."""
    plain = _LEADING_NUMBER.sub("", text.strip())
    bare = _TRAILING_UNIT.sub("", plain).strip()
    return {v for v in (normalize_label(text), normalize_label(plain), normalize_label(bare)) if v}


def _text(cell: Cell) -> str:
    if cell is None:
        return ""
    if isinstance(cell, float):
        return f"{cell:g}" if cell.is_integer() else repr(cell)
    return str(cell).strip()


@dataclass(frozen=True)
class YearColumn:
    """One year column: where it is, its header as written, the year and the header's mark."""

    position: int  # 0 = column A
    header: str
    year: int
    mark: str | None  # a code of impact.status.MARKS, or None

    @property
    def letter(self) -> str:
        return column_letter(self.position)

    @property
    def name(self) -> str:
        """The column as a message names it: 'D (2023*)'."""
        return f"{self.letter} ({self.header})"


@dataclass
class LabelRow:
    """One row of figures: its sheet row, label, and the indicator it was matched to."""

    row: int
    label: str
    indicator: str | None  # None: the planner is asked
    matched: str  # "code", "name" or "" (no match)
    cells: dict[int, Cell]  # position -> cell, the year columns only


@dataclass
class Layout:
    """A wide table as it will be read: title, unit, source, region and sector found in the
    text around it, the year columns, the rows of figures, and the rows not read (why)."""

    header_row: int
    label_position: int
    columns: list[YearColumn]
    rows: list[LabelRow]
    title: str = ""
    unit: str | None = None
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


def _year_of(cell: Cell) -> tuple[int, str | None] | None:
    if isinstance(cell, float):
        return (int(cell), None) if cell.is_integer() and 1900 <= cell <= 2099 else None
    found = _YEAR.fullmatch(_text(cell))
    if not found:
        return None
    symbol = found.group(2)
    return int(found.group(1)), _SYMBOLS[symbol.lower()] if symbol else None


def _sheet(grid: Grid) -> list[tuple[int, dict[int, Cell]]]:
    """The grid as the sheet had it: (sheet row, {column position: cell}), header row first
    (read_grid took a wide table's first line as its header)."""
    positions = grid.columns or list(range(len(grid.headers)))
    rows: list[tuple[int, dict[int, Cell]]] = []
    if grid.detection.header_row:
        header: dict[int, Cell] = {positions[i]: h for i, h in enumerate(grid.headers) if h}
        rows.append((grid.detection.header_row, header))
    for number, cells in zip(grid.row_numbers, grid.rows, strict=True):
        kept = {positions[i]: c for i, c in enumerate(cells) if _text(c)}
        if kept:
            rows.append((number, kept))
    return rows


def _words(vocab: Vocabulary, name: str, min_length: int = 4) -> dict[str, str]:
    """A code list's words (codes and names, normalised) -> code, for finding in a title."""
    found: dict[str, str] = {}
    for word, code in vocab.words.get(name, {}).items():
        for variant in _variants(word):
            if len(variant) >= min_length:
                found.setdefault(variant, code)
    return found


def _in_title(title: str, words: dict[str, str]) -> str | None:
    """The code whose longest word the title holds ('kabupaten blitar' before 'blitar')."""
    text = f" {normalize_label(title)} "
    hits = [w for w in words if f" {w} " in text]
    return words[max(hits, key=len)] if hits else None


def indicator_index(vocab: Vocabulary) -> dict[str, str | None]:
    """Every way a label may name an indicator (code, Indonesian or English name, without a
    number before it or a unit after it), normalised -> code; None where two indicators share
    a variant (such a label is asked about, never guessed)."""
    index: dict[str, str | None] = {}
    for word, code in vocab.words.get("indicator", {}).items():
        for variant in _variants(word):
            index[variant] = code if index.get(variant, code) == code else None
    return index


def match_label(
    label: str, vocab: Vocabulary, index: dict[str, str | None]
) -> tuple[str | None, str]:
    """(indicator code, "code" / "name") for a row label, or (None, "") when none matches."""
    code = vocab.lookup("indicator", label)
    if code is not None and code == label.strip():
        return code, "code"
    for variant in _variants(label):
        if index.get(variant):
            return index[variant], "name"
    return None, ""


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
        years = sum(1 for c in cells.values() if _year_of(c))
        if years >= MIN_YEARS and (best is None or years > best[1]):
            best = (position, years)
    if best is None:
        return None
    header_index = best[0]
    header_row, header = sheet[header_index]
    columns = []
    for position in sorted(header):
        found = _year_of(header[position])
        if found:
            columns.append(YearColumn(position, _text(header[position]), found[0], found[1]))
    first = columns[0].position
    body = sheet[header_index + 1 :]
    # The label column: left of the years, the one with most text below the header.
    counts: dict[int, int] = {}
    for _, cells in body:
        for position, cell in cells.items():
            if position < first and isinstance(cell, str):
                counts[position] = counts.get(position, 0) + 1
    label_position = max(counts, key=lambda p: (counts[p], -p)) if counts else max(first - 1, 0)
    # Each line above the years as one text (a title split at an unquoted comma joined again).
    above = [
        ", ".join(_text(c) for _, c in sorted(cells.items())) for _, cells in sheet[:header_index]
    ]
    above += [_text(c) for p, c in sorted(header.items()) if p < first]
    layout = Layout(header_row, label_position, columns, [], detection=grid.detection)
    layout.title = max((t for t in above if not _UNIT_LINE.match(t)), key=len, default="")
    names = indicator_index(vocab)
    year_positions = {c.position for c in columns}
    seen: dict[int, int] = {}
    for column in columns:
        if column.year in seen:
            layout.issues.append(
                Issue(
                    "wide-year-repeated",
                    row=header_row,
                    column=column.name,
                    value=str(column.year),
                    params={"first": column_letter(seen[column.year])},
                )
            )
        seen.setdefault(column.year, column.position)
    for text in above:  # a unit line above the table: 'Satuan: orang', '(juta rupiah)'
        unit = _UNIT_LINE.fullmatch(text) or _TRAILING_UNIT.search(text)
        if unit and layout.unit is None:
            layout.unit = unit.groups()[-1].strip()
    for row, cells in body:
        label = _text(cells.get(label_position))
        values = {p: c for p, c in cells.items() if p in year_positions}
        texts = [_text(c) for _, c in sorted(cells.items())]
        if all(_COLUMN_NUMBER.fullmatch(t) for t in texts):
            layout.skipped.append((row, " ".join(texts), _COLUMN_NUMBERS))
            continue
        source = _SOURCE_LINE.fullmatch(texts[0]) if texts else None
        if source and not values:
            rest = " ".join([source.group(2).strip(), *texts[1:]]).strip()
            layout.source = layout.source or rest or None
            layout.skipped.append((row, texts[0], _SOURCE))
            continue
        unit = _UNIT_LINE.fullmatch(texts[0]) if texts else None
        if unit and not values:
            layout.unit = layout.unit or unit.group(2).strip()
            layout.skipped.append((row, texts[0], _UNIT))
            continue
        if not values:
            reason = _FOOTNOTE_ROW if _FOOTNOTE.match(texts[0]) else _NO_VALUES
            layout.skipped.append((row, " ".join(texts), reason))
            continue
        if not label:
            layout.issues.append(
                Issue("wide-label-empty", row=row, column=column_letter(label_position))
            )
            continue
        code, how = match_label(label, vocab, names)
        layout.rows.append(LabelRow(row, label, code, how, values))
    text = " ".join([layout.title, *above])
    layout.region = _in_title(text, _words(vocab, "region"))
    layout.sector = _in_title(text, _words(vocab, "sector"))
    return layout


def _split_mark(cell: Cell) -> tuple[Cell, str | None]:
    """A value cell without its BPS mark, and the mark ('1.320*' -> ('1.320', 'provisional'))."""
    if not isinstance(cell, str):
        return cell, None
    found = _MARKED.fullmatch(cell.strip())
    if not found:
        return cell, None
    return found.group(1).strip(), _SYMBOLS[found.group(2).lower()]


def _is_rupiah(unit: str | None) -> bool:
    words = normalize_label(unit or "").split()
    return "rupiah" in words or "rp" in words


def unit_scale(unit: str | None) -> float:
    """How many rupiah one unit of the table is: 'juta rupiah' -> 1e6; 1 for anything else."""
    if not _is_rupiah(unit):
        return 1.0
    words = normalize_label(unit or "").split()
    return next((_RUPIAH_SCALE[w] for w in words if w in _RUPIAH_SCALE), 1.0)


def _factor(table_unit: str | None, registry_unit: str) -> int:
    """What a table's figures are multiplied by to be in the registry's unit: 1,000,000 for a
    table in 'juta rupiah' of an indicator kept in 'Rp'; 1 unless both units are rupiah."""
    if not (_is_rupiah(table_unit) and _is_rupiah(registry_unit)):
        return 1
    return round(unit_scale(table_unit) / unit_scale(registry_unit))


def _scale_rows(rows: pd.DataFrame, factors: dict[int, int]) -> pd.DataFrame:
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
        if factor and value is not None and value == value:
            rows.at[index, "value"] = float(Decimal(repr(float(value))) * factor)
    return rows


@dataclass
class Choices:
    """What the planner chose on the page: an indicator (or SKIP) for a row, and the region,
    sector, source and status of the whole table where the text around it gave none."""

    indicators: dict[int, str] = field(default_factory=dict)  # sheet row -> code or SKIP
    region: str | None = None
    sector: str | None = None
    source: str | None = None
    status: str = "reported"


# A wide table gives one value per cell (no low/high) and no note: a row it replaces keeps
# its note (the study's context of a seeded figure is not wiped by a re-upload).
_LONG_HEADERS = [
    c.header_id for c in DATASETS["observations"].columns if c.name not in ("low", "high", "note")
]


def reshape(
    layout: Layout, choices: Choices, units: dict[str, str] | None = None
) -> tuple[Grid, list[Issue], dict[int, int]]:
    """The long observations grid of a wide table, the issues found on the way, and the
    long rows whose value is to be multiplied into the registry's unit once checked.

    One long row per filled year cell of a row that names an indicator (matched, or chosen);
    rows the planner skipped give none. A cell of '-', '...', '…' or 'x' gives no row and a
    warning with its meaning. The region, sector and source chosen on the page win over what
    the title gave. ``units`` (indicator -> registry unit): a table in 'juta rupiah' of an
    indicator kept in Rp has its figures multiplied by 1,000,000 (a warning per row says so),
    never stored a million times too small."""
    issues = list(layout.issues)
    region = choices.region or layout.region
    sector = choices.sector or layout.sector
    source = (choices.source or "").strip() or layout.source
    for what, given in (("region", region), ("sector", sector), ("source", source)):
        if not given:
            issues.append(Issue(MISSING[what], row=layout.header_row))
    rows: list[list[Cell]] = []
    numbers: list[int] = []
    scaled: dict[int, int] = {}  # long row number -> the factor its value is multiplied by
    # A repeated year is refused (wide-year-repeated); its second column is not read as well.
    read = list({c.year: c for c in reversed(layout.columns)}.values())
    read.sort(key=lambda c: c.position)
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
        factor = _factor(layout.unit, (units or {}).get(code, ""))
        if factor != 1:
            issues.append(
                Issue(
                    "wide-unit-scaled",
                    row=label_row.row,
                    column=column_letter(layout.label_position),
                    value=label_row.label,
                    params={
                        "unit": layout.unit,
                        "registry": (units or {}).get(code, ""),
                        "factor": factor,
                    },
                    level="warning",
                )
            )
        for column in read:
            cell = label_row.cells.get(column.position)
            if cell is None:
                continue
            meaning = NO_NUMBER.get(_text(cell).lower())
            if meaning:
                issues.append(
                    Issue(
                        meaning,
                        row=label_row.row,
                        column=column.name,
                        value=_text(cell),
                        level="warning",
                    )
                )
                continue
            value, mark = _split_mark(cell)
            mark = mark or column.mark
            if factor != 1:  # multiplied once checked (check(): _scale_rows)
                scaled[label_row.row * CELL_FACTOR + column.position + 1] = factor
            rows.append(
                [
                    code,
                    region,
                    sector,
                    str(column.year),
                    value,
                    choices.status,
                    source,
                    mark or "",
                ]
            )
            numbers.append(label_row.row * CELL_FACTOR + column.position + 1)
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


def cell_name(row: int) -> str:
    """A long row's number as the cell it came from: 3004 -> 'D3'."""
    if row < CELL_FACTOR:
        return str(row)
    sheet_row, position = divmod(row, CELL_FACTOR)
    return f"{column_letter(position - 1)}{sheet_row}"


def check(
    layout: Layout,
    choices: Choices,
    vocab: Vocabulary,
    units: dict[str, str] | None = None,
    *,
    today: dt.date | None = None,
    decimal: str | None = None,
) -> Validated:
    """Reshape and check with the one checker every observations file goes through
    (``checks.check_grid``); its issues come back on the wide table's cells."""
    grid, issues, scaled = reshape(layout, choices, units)
    dataset = DATASETS["observations"]
    # Every problem at once: the rows that name an indicator are checked even while another
    # row is still to be chosen; not while the region, sector or source is missing (each of
    # its rows would say so again).
    missing = any(i.code in MISSING.values() for i in issues)
    if missing or not grid.rows:
        if not grid.rows and not any(i.level == "error" for i in issues):
            issues.append(Issue("file-no-rows", row=layout.header_row))
        return Validated(dataset, pd.DataFrame(), issues)
    checked = checks.check_grid(grid, vocab, dataset, today=today, decimal=decimal)
    checked.rows = _scale_rows(checked.rows, scaled)
    checked.issues = [locate(i, layout) for i in checked.issues] + issues
    checked.issues.sort(key=lambda i: (i.row or 0, i.level != "error", i.column or "", i.code))
    return checked


# --- how the table will be read, in the planner's language -------------------------------


def rows_table(layout: Layout, names: dict[str, str], choices: Choices, lang: str) -> pd.DataFrame:
    """One line per row of figures: sheet row, label as written, indicator it becomes (or
    'skipped' / 'to choose'), and how it was matched. ``names``: indicator code -> name."""
    t = lambda key, **p: i18n.t(key, lang, **p)  # noqa: E731
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
        lines.append(
            {
                t("col.row"): row.row,
                t("wide.col.label"): row.label,
                t("wide.col.indicator"): shown,
                t("wide.col.matched"): t(_MATCHED[how]) if how else "–",
            }
        )
    return pd.DataFrame(lines)


def columns_table(layout: Layout, lang: str) -> pd.DataFrame:
    """One line per year column: letter, header as written, year, BPS mark in words."""
    t = lambda key: i18n.t(key, lang)  # noqa: E731
    return pd.DataFrame(
        {
            t("col.column"): [c.letter for c in layout.columns],
            t("wide.col.header"): [c.header for c in layout.columns],
            t("table.year"): [str(c.year) for c in layout.columns],
            t("wide.col.mark"): [
                i18n.label("mark", c.mark, lang) if c.mark else "–" for c in layout.columns
            ],
        }
    )


def about_table(layout: Layout, choices: Choices, names: dict[str, str], lang: str) -> pd.DataFrame:
    """What the text around the table gave (title, unit, source, region, sector, status) and
    the rows not read, each with why. ``names``: region and sector code -> name."""
    t = lambda key, **p: i18n.t(key, lang, **p)  # noqa: E731
    region = choices.region or layout.region
    sector = choices.sector or layout.sector
    region = names.get(region, region) if region else None
    sector = names.get(sector, sector) if sector else None
    items = [
        (t("wide.about.title"), layout.title or "–"),
        (t("wide.about.unit"), layout.unit or "–"),
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
