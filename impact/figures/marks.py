"""Status marks in words, composed once: a figure built on an estimated or illustrative input
says so in its title ('… (ilustratif)'). Used by the figure layer and by every chart."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from impact import i18n
from impact.status import MARKS, weakest

COMPUTED = "computed"  # a line derived by arithmetic from the figures (CAGR, real terms)
# How BPS prints each mark (impact.status.MARKS) beside a number.
SYMBOLS = {"provisional": "*", "very_provisional": "**", "revised": "r"}


def status_word(status: str, lang: str) -> str:
    """A status as a word inside a sentence: 'ilustratif', 'dilaporkan'."""
    return i18n.label("status", status, lang).lower()


def marked(text: str, status: str, lang: str) -> str:
    """``text`` with its status in words when it is not reported: '… (ilustratif)'. Marking a
    marked text again changes nothing."""
    if status in ("reported", COMPUTED):
        return text
    suffix = i18n.t("figure.marked", lang, text="", status=status_word(status, lang))
    if text.endswith(suffix):
        return text
    return i18n.t("figure.marked", lang, text=text, status=status_word(status, lang))


def statuses_of(frame: pd.DataFrame) -> str:
    """The weakest status of a frame's rows ('reported' for an empty frame)."""
    values = [s for s in frame["status"] if isinstance(s, str)] if "status" in frame else []
    return weakest(values) if values else "reported"


def _mark(value: object) -> str | None:
    """A stored mark, or None for a final figure (NULL reads as None or NaN)."""
    return value if isinstance(value, str) and value in MARKS else None


def with_mark(status: str, mark: object, lang: str) -> str:
    """A status in words with the BPS mark beside it: 'Dilaporkan · angka sementara'; the
    status alone for a final figure (no mark)."""
    words = i18n.label("status", status, lang)
    found = _mark(mark)
    if found is None:
        return words
    return i18n.t("mark.with_status", lang, status=words, mark=i18n.label("mark", found, lang))


def statuses_with_marks(frame: pd.DataFrame, lang: str) -> list[str]:
    """Each row's status in words, with its BPS mark when the frame has one (``mark``)."""
    marks = frame["mark"] if "mark" in frame else [None] * len(frame)
    return [with_mark(s, m, lang) for s, m in zip(frame["status"], marks, strict=True)]


def symbol(mark: object) -> str:
    """The BPS symbol of a stored mark ('*', '**', 'r'), '' for a final figure."""
    found = _mark(mark)
    return SYMBOLS[found] if found else ""


# From final to least final: a figure derived from several carries the least final mark.
MARK_ORDER: tuple[str, ...] = ("revised", "provisional", "very_provisional")


def weakest_mark(marks: Iterable[object]) -> str | None:
    """The least final BPS mark among ``marks`` (a column or any iterable of stored marks):
    'very_provisional' beats 'provisional' beats 'revised'; None when every figure is final.
    A figure computed from a very provisional one is itself very provisional."""
    found = [m for m in (_mark(x) for x in marks) if m]
    return max(found, key=MARK_ORDER.index) if found else None


def frame_mark(frame: pd.DataFrame) -> str | None:
    """The least final BPS mark of a frame's rows (:func:`weakest_mark`), None without one."""
    return weakest_mark(frame["mark"]) if "mark" in frame else None


def with_symbol(text: str, mark: object) -> str:
    """A number as BPS prints it with its mark: '89%' -> '89%**'; unchanged when final."""
    return f"{text}{symbol(mark)}"


def has_marks(frame: pd.DataFrame) -> bool:
    """True if any row of the frame carries a BPS mark."""
    return "mark" in frame and any(_mark(m) for m in frame["mark"])


def mark_notes(frame: pd.DataFrame, lang: str) -> list[str]:
    """The BPS marks of a plotted frame in one spoken sentence, for a slide's speaker notes:
    'Tanda BPS pada angka slide ini: 2023 angka sementara (*), ...'. Empty when no row has a
    mark. One item per (year, mark), in year order: a mark the audience sees on a label is
    explained in words the presenter can say."""
    if not has_marks(frame):
        return []
    found = sorted(
        {(int(y), m) for y, m in zip(frame["year"], frame["mark"], strict=True) if _mark(m)}
    )
    items = ", ".join(
        i18n.t("mark.notes.item", lang, year=y, mark=i18n.label("mark", m, lang), symbol=SYMBOLS[m])
        for y, m in found
    )
    return [i18n.t("mark.notes", lang, items=items)]
