"""How old the figures are: when the data were last changed and by which upload, from the
upload history ('Data per 3 Desember 2026, unggahan #4'). A reverted upload no longer counts,
so after a revert the line goes back to the upload before it; before any upload it names the
seed data the dashboard ships with."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from impact import i18n, store


@dataclass(frozen=True)
class AsOf:
    """The latest upload still in force (None for both: only the shipped seed data)."""

    date: dt.date | None
    upload_id: int | None


def as_of(path: Path | str) -> AsOf:
    """The date and number of the latest upload that has not been reverted."""
    with store.connect(path) as con:
        row = con.execute(
            "SELECT id, uploaded_at FROM upload WHERE reverted_at IS NULL ORDER BY id DESC LIMIT 1"
        ).fetchone()
    if row is None:
        return AsOf(None, None)
    return AsOf(row[1].date(), int(row[0]))


def as_of_text(value: AsOf, lang: str) -> str:
    """'Data per 3 Desember 2026, unggahan #4'; 'Data awal dasbor, belum ada unggahan' before
    the first upload."""
    if value.upload_id is None:
        return i18n.t("asof.seed", lang)
    return i18n.t(
        "asof.upload", lang, date=i18n.format_date(value.date, lang), upload=value.upload_id
    )
