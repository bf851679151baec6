"""The year header of a wide table: which cells name a year (a whole one, a part of one, a
fiscal one), the groups over the years ('Kota Blitar' merged over its years) and the
sub-columns under them ('Laki-laki | Perempuan | Jumlah'), as :class:`YearColumn` s.
Used by :mod:`impact.upload.wide`."""

from __future__ import annotations

import re
from dataclasses import dataclass

from impact.upload.ingest import Cell, column_letter
from impact.upload.labels import normalize_label, region_of

# '2023', '2023*', '2024**', '2023*)', '2022r', '2021.0' (a number cell of a workbook),
# 'Tahun 2021', 'Year 2021*'.
_YEAR = re.compile(
    r"(?:(?:tahun|year|th\.?)\s*)?((?:19|20)[0-9]{2})(?:\.0+)?\s*(\*\*|\*|r)?\s*\)?",
    re.IGNORECASE,
)
# A fiscal or school year: '2021/22', '2021/2022', '2021-2022'.
_FISCAL = re.compile(r"(?:tahun\s*)?((?:19|20)[0-9]{2})\s*[/-]\s*([0-9]{2}|(?:19|20)[0-9]{2})\s*")
# Any year inside a longer header: '2024 (Jan-Jun)', 'Semester I 2024', 'Triwulan II 2024'.
_ANY_YEAR = re.compile(r"(?<![0-9])((?:19|20)[0-9]{2})(?![0-9])")
_SYMBOLS = {"*": "provisional", "**": "very_provisional", "r": "revised"}
COLUMN_NUMBER = re.compile(r"\(\s*[0-9]+\s*\)")  # BPS numbers its columns: (1) (2) (3)
# Words over the years that only say "years" (not a group of columns).
_YEARS_WORDS = {"tahun", "year", "years", "tahun year", "periode", "period"}


def text_of(cell: Cell) -> str:
    """A cell as text: '2021' for a workbook's 2021.0, stripped."""
    if cell is None:
        return ""
    if isinstance(cell, float):
        return f"{cell:g}" if cell.is_integer() else repr(cell)
    return str(cell).strip()


@dataclass(frozen=True)
class YearColumn:
    """One column under a year: where it is, its header as written, the year and the
    header's mark; the text of a group over it ('Kota Blitar' merged over four years) and of
    a sub-column under it ('Laki-laki' under a merged '2023'); the region a group names; and
    whether it is a whole year (``period`` None), a part of one ('part') or a fiscal year
    ('fiscal'), which is named in the plan and not read."""

    position: int  # 0 = column A
    header: str
    year: int
    mark: str | None  # a code of impact.status.MARKS, or None
    group: str = ""
    part: str = ""
    region: str | None = None  # the region ``group`` names
    period: str | None = None  # None (a whole year), "part" or "fiscal"

    @property
    def letter(self) -> str:
        return column_letter(self.position)

    @property
    def name(self) -> str:
        """The column as a message names it: 'D (2023*)', 'D (2023 · Laki-laki)'."""
        shown = " · ".join(t for t in (self.header, self.group, self.part) if t)
        return f"{self.letter} ({shown})"

    @property
    def breakdown(self) -> str:
        """What the column holds other than a year and a region ('Laki-laki', 'Batik tulis'):
        the planner says whether it is the indicator's whole or is skipped."""
        group = "" if self.region else self.group
        return " · ".join(t for t in (group, self.part) if t)


def header_of(cell: Cell) -> tuple[int, str | None, str | None] | None:
    """(year, mark, period) of a header cell: period None for a whole year ('2023*',
    'Tahun 2021'), 'fiscal' ('2021/22'), 'part' ('2024 (Jan-Jun)', 'Semester I 2024');
    None when the cell names no year."""
    if isinstance(cell, float):
        return (int(cell), None, None) if cell.is_integer() and 1900 <= cell <= 2099 else None
    text = text_of(cell)
    found = _YEAR.fullmatch(text)
    if found:
        symbol = found.group(2)
        return int(found.group(1)), _SYMBOLS[symbol.lower()] if symbol else None, None
    fiscal = _FISCAL.fullmatch(text)
    if fiscal:
        first, second = int(fiscal.group(1)), int(fiscal.group(2)[-2:])
        if second == (first + 1) % 100:
            return first, None, "fiscal"
    year = _ANY_YEAR.search(text)
    if year and len(text) <= 40:
        return int(year.group(1)), None, "part"
    return None


def _is_text(cell: Cell) -> bool:
    return isinstance(cell, str) and bool(cell.strip()) and header_of(cell) is None


def groups_over(cells: dict[int, Cell], first: int, regions: dict[str, str]) -> dict[int, str]:
    """A row of group labels over the years ('Kota Blitar' merged over four years): the
    position each label starts at -> its text. Empty when the row only says 'Tahun', or
    reads as a title (long text left of the years, as a title split at its commas does),
    or has one label that names no region."""
    left = [text_of(c) for p, c in cells.items() if p < first and text_of(c)]
    if any(len(t) > 25 for t in left):
        return {}
    groups = {
        p: text_of(c)
        for p, c in sorted(cells.items())
        if p >= first and _is_text(c) and normalize_label(c) not in _YEARS_WORDS
    }
    if len(groups) == 1 and not region_of(next(iter(groups.values())), regions):
        return {}
    return groups


def sub_header(cells: dict[int, Cell], label_position: int, first: int) -> dict[int, str]:
    """A row of sub-column labels under merged years ('Laki-laki | Perempuan | Jumlah'):
    position -> text; empty unless every cell from the years on is text and the label cell
    is empty."""
    if text_of(cells.get(label_position)):
        return {}
    right = {p: c for p, c in cells.items() if p >= first}
    if not right or not all(_is_text(c) for c in right.values()):
        return {}
    if all(COLUMN_NUMBER.fullmatch(text_of(c)) for c in right.values()):
        return {}
    return {p: text_of(c) for p, c in sorted(right.items())}


def year_columns(
    header: dict[int, Cell], groups: dict[int, str], parts: dict[int, str], regions: dict[str, str]
) -> list[YearColumn]:
    """The year columns: one per year header, or one per sub-column under a merged year;
    each with the group over it and the region the group names."""
    years = {
        p: (text_of(header[p]), found)
        for p in sorted(header)
        if (found := header_of(header[p])) is not None
    }
    positions = sorted(set(years) | set(parts))
    columns = []
    for position in positions:
        owner = max((p for p in years if p <= position), default=None)
        if owner is None:
            continue
        if position != owner and position not in parts:
            continue
        text, (year, mark, period) = years[owner]
        group_at = max((p for p in groups if p <= position), default=None)
        group = groups[group_at] if group_at is not None else ""
        columns.append(
            YearColumn(
                position,
                text,
                year,
                mark,
                group=group,
                part=parts.get(position, ""),
                region=region_of(group, regions) if group else None,
                period=period,
            )
        )
    return columns
