"""Status marks in words, composed once: a figure built on an estimated or illustrative input
says so in its title ('… (ilustratif)'). Used by the figure layer and by every chart."""

from __future__ import annotations

import pandas as pd

from impact import i18n
from impact.status import weakest

COMPUTED = "computed"  # a line derived by arithmetic from the figures (CAGR, real terms)


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
