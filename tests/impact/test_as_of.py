"""'Data per …, unggahan #N': from the upload history, changed by an upload, back after a
revert, in the language's date format; the deck and every chart carry it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd

from impact import deck
from impact.figures import as_of, charts
from impact.upload import changes
from tests.impact.test_uploads import file_of, new_workers, upload


def _at(day: int):
    return lambda: dt.datetime(2026, 12, day, 9, 30)


def test_the_line_follows_uploads_and_goes_back_after_a_revert(warm_db: Path) -> None:
    assert as_of.as_of(warm_db) == as_of.AsOf(None, None)
    assert as_of.as_of_text(as_of.as_of(warm_db), "id") == "Data awal dasbor, belum ada unggahan"
    first = upload(warm_db, file_of("observations", new_workers(2024, 700)), now=_at(3))
    assert (
        as_of.as_of_text(as_of.as_of(warm_db), "id")
        == f"Data per 3 Desember 2026, unggahan #{first}"
    )
    second = upload(warm_db, file_of("observations", new_workers(2025, 720)), now=_at(5))
    assert as_of.as_of_text(as_of.as_of(warm_db), "en") == (
        f"Data as of December 5, 2026, upload #{second}"
    )
    changes.revert(warm_db, second, editor="budi")
    assert as_of.as_of(warm_db) == as_of.AsOf(dt.date(2026, 12, 3), first)


def test_every_slide_and_the_cover_say_how_old_the_data_are(warm_db: Path) -> None:
    upload(warm_db, file_of("observations", new_workers(2024, 700)), now=_at(3))
    options = deck.DeckOptions(title="T", date=dt.date(2026, 12, 4), lang="id",
                               start_year=2021, end_year=2023)  # fmt: skip
    slides = deck.build_slides(warm_db, options)
    line = "Data per 3 Desember 2026, unggahan #1"
    assert line in slides[0].footnote[0]  # the cover
    for slide in slides[1:]:
        assert any(line in text for text in slide.footnote), slide.title


def test_a_chart_carries_the_line_under_its_sources() -> None:
    frame = pd.DataFrame({"year": [2021, 2022], "value": [1.0, 2.0], "low": [None, None],
                          "high": [None, None], "status": ["reported"] * 2, "source": ["S"] * 2})  # fmt: skip
    spec = charts.build("series", frame, lang="id", title="T", y_title="y", sources=["S"],
                        as_of="Data per 3 Desember 2026, unggahan #1").to_dict()  # fmt: skip
    assert spec["title"]["subtitle"][-1] == "Data per 3 Desember 2026, unggahan #1"
    assert spec["title"]["subtitle"][0] == "Sumber: S"
