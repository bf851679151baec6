"""What a file is checked against and what a check returns: the code lists
(:class:`Vocabulary`), the result (:class:`Validated`: typed rows and every :class:`Issue`),
the limits, and the issues built from a cell. The checking itself is done by one engine,
:mod:`impact.upload.checks`, in DuckDB, for every file (``checks.check_grid`` for a read grid).

Codes are stable; :mod:`impact.i18n` turns them into sentences that say what is wrong and
how to fix it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pandas as pd

from impact.upload.datasets import Dataset
from impact.upload.ingest import CONTROL_CHARACTERS, Cell, Issue, column_letter
from impact.upload.spill import Spill

MAX_ISSUES = 1000  # rows with problems listed per upload, on every path; the rest are counted
MIN_YEAR = 2000
MAX_YEAR_AHEAD = 1  # next year's targets may be uploaded, nothing further

# Fixed code lists, with the Indonesian and English words planners write instead of codes.
FIXED_VOCABULARY: dict[str, dict[str, tuple[str, ...]]] = {
    "status": {
        "reported": ("dilaporkan", "resmi", "final"),
        "estimated": ("estimasi", "perkiraan", "sementara", "estimate"),
        "illustrative": ("ilustratif", "ilustrasi", "contoh"),
    },
    "actor": {
        "government": ("pemerintah", "pemerintah daerah", "pemda", "local government"),
        "association": ("asosiasi", "ababil", "asosiasi batik"),
        "entrepreneurs": ("pelaku usaha", "pengusaha", "perajin", "pengrajin", "artisans"),
    },
    "size": {
        "micro": ("mikro", "usaha mikro"),
        "small": ("kecil", "usaha kecil"),
        "medium": ("menengah", "usaha menengah"),
    },
    # The owner's gender of an enterprise record: P and L as planners write them in
    # gender-disaggregated tables (PUG), the words in both languages; blank = not recorded.
    "gender": {
        "P": ("perempuan", "wanita", "female", "woman", "women"),
        "L": ("laki-laki", "laki laki", "lelaki", "pria", "male", "man", "men"),
    },
    # BPS marks (impact.status.MARKS), as BPS prints them and in words.
    "mark": {
        "provisional": ("*", "angka sementara", "provisional"),
        "very_provisional": (
            "**",
            "angka sangat sementara",
            "sangat sementara",
            "very provisional",
        ),
        "revised": ("r", "angka perbaikan", "perbaikan", "revised"),
    },
    # Which way is better for a target (impact.achievement.DIRECTIONS).
    "direction": {
        "higher": ("naik", "makin tinggi makin baik", "tinggi", "higher is better", "up"),
        "lower": ("turun", "makin rendah makin baik", "rendah", "lower is better", "down"),
    },
    "element": {
        "dialogue": ("dialog tatap muka", "dialog", "face-to-face dialogue", "face to face"),
        "trust": ("membangun kepercayaan", "kepercayaan", "trust-building", "trust building"),
        "commitment": ("komitmen", "membangun komitmen", "commitment to the process"),
        "understanding": ("pemahaman bersama", "shared understanding", "pemahaman"),
        "outcomes": ("hasil sementara", "intermediate outcomes", "small wins"),
    },
}


def normalized(text: object) -> str:
    """A word of a code list as it is looked up: stripped, lower case, runs of spaces as one."""
    return re.sub(r"\s+", " ", str(text).strip().lower())


@dataclass
class Vocabulary:
    """Code lists a file is checked against: list name -> {accepted word -> code}.

    ``indicator_kinds`` maps indicator code -> kind (level, score, ...), for value bounds;
    ``indicator_units`` indicator code -> registered unit ('Rp', 'orang'), against which a
    wide table's stated unit is checked and scaled.
    """

    words: dict[str, dict[str, str]] = field(default_factory=dict)
    indicator_kinds: dict[str, str] = field(default_factory=dict)
    indicator_units: dict[str, str] = field(default_factory=dict)

    def add(self, name: str, code: str, *aliases: str) -> None:
        table = self.words.setdefault(name, {})
        for word in (code, *aliases):
            if word:
                table[normalized(word)] = code

    def codes(self, name: str) -> list[str]:
        return sorted(set(self.words.get(name, {}).values()))

    def lookup(self, name: str, word: str) -> str | None:
        return self.words.get(name, {}).get(normalized(word))

    @classmethod
    def with_fixed_lists(cls) -> Vocabulary:
        vocab = cls()
        for name, table in FIXED_VOCABULARY.items():
            for code, aliases in table.items():
                vocab.add(name, code, *aliases)
        return vocab


# Warnings the editor must confirm row by row before the file is saved (not just read past).
CONFIRM_CODES = ("score-as-fraction",)


@dataclass
class Validated:
    """Typed rows ready to write (column ``_row`` = spreadsheet row) and every issue found.

    ``rows`` is a frame, or for a large file a :class:`~impact.upload.spill.Spill` (the rows
    in a DuckDB file on disk, which preview and commit read there)."""

    dataset: Dataset | None
    rows: pd.DataFrame | Spill
    issues: list[Issue]
    columns: set[str] = field(default_factory=set)  # dataset columns the file has

    @property
    def errors(self) -> list[Issue]:
        return [i for i in self.issues if i.level == "error"]

    @property
    def ok(self) -> bool:
        return self.dataset is not None and not self.errors and len(self.rows) > 0

    @property
    def to_confirm(self) -> list[Issue]:
        """Warnings whose row is saved only once the editor confirms it (a score written as
        a fraction, 0,88 beside 0-100 values: saved as it stands, a title would read 'fell
        54 points'); one per row, in row order."""
        seen: dict[object, Issue] = {}
        for issue in self.issues:
            if issue.code in CONFIRM_CODES and issue.level == "warning":
                seen.setdefault(issue.row, issue)
        return list(seen.values())


def release(validated: Validated) -> None:
    """Let go of what a check keeps on disk (a spilled file's rows); nothing for a frame."""
    if isinstance(validated.rows, Spill):
        validated.rows.remove()


def distinct_rows(validated: Validated, columns: list[str]) -> pd.DataFrame:
    """Each combination of ``columns`` (those the dataset has) the checked rows hold, once:
    a small frame, read from disk for a spilled file."""
    rows = validated.rows
    if isinstance(rows, Spill):
        return rows.frame([c for c in columns if c in rows.columns], distinct=True)
    return rows[[c for c in columns if c in rows]].drop_duplicates()


def control_issue(row: int, column: str, cell: str) -> Issue:
    """A cell holding a control character (vertical tab, NUL, escape...): refused, since XLSX
    cannot hold it and every download of the stored row would fail."""
    char = CONTROL_CHARACTERS.search(cell).group()
    shown = CONTROL_CHARACTERS.sub("\ufffd", cell.strip())
    return Issue(
        "control-character",
        row=row,
        column=column,
        value=shown[:40] + ("…" if len(shown) > 40 else ""),
        params={"char": f"U+{ord(char):04X}"},
    )


def beyond_header_issue(row: int, position: int, cell: Cell) -> Issue:
    """A filled cell under no header (right of the table, or under a blank header): it
    would be dropped, and it often means an unquoted delimiter shifted the row."""
    shown = _shown(cell).strip()
    return Issue(
        "cell-beyond-header",
        row=row,
        column=column_letter(position),
        value=shown[:40] + ("…" if len(shown) > 40 else ""),
    )


def _shown(cell: Cell) -> str:
    if isinstance(cell, float):
        return f"{cell:g}"
    return "" if cell is None else str(cell)


def unlisted_issue(listed_rows: int, total_rows: int) -> Issue:
    """A file-level error saying that only the first rows with problems are listed (a large
    file checked in DuckDB lists at most a thousand)."""
    return Issue("issues-unlisted", params={"listed": listed_rows, "total": total_rows})
