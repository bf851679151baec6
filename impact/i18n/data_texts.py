"""English for the texts that come with the data (sources, notes, units), so nothing
Indonesian leaks into the English view.

``data/translations.csv`` (columns id, en) holds the English of every text the seed data
carries; a text uploaded later without a translation is shown as written, in its own words
(never machine-translated, never dropped). Indonesian is the data's own language.
"""

from __future__ import annotations

import csv
from functools import lru_cache

from impact import config

TRANSLATIONS_FILE = config.DATA_DIR / "translations.csv"


@lru_cache(maxsize=1)
def _english() -> dict[str, str]:
    with TRANSLATIONS_FILE.open(encoding="utf-8", newline="") as f:
        return {row["id"]: row["en"] for row in csv.DictReader(f)}


def data_text(text: object, lang: str) -> str:
    """``text`` as the language shows it: its English where one is known, else as written.
    A missing text (None, NaN) is ''."""
    if not isinstance(text, str):
        return ""
    if lang == "en":
        return _english().get(text, text)
    return text
