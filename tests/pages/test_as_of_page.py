"""The sidebar and the charts say how old the data are, and follow an upload and its revert."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from impact.upload import changes
from pages import _data
from tests.impact.test_uploads import file_of, new_workers, upload
from tests.pages.apptest import open_page


def _lines(at) -> tuple[list[str], list[str]]:
    captions = [c.value for c in at.sidebar.caption]
    subtitles = [
        json.loads(c.proto.spec)["title"]["subtitle"][-1] for c in at.get("vega_lite_chart")
    ]
    return captions, subtitles


@pytest.mark.parametrize("lang", ["id", "en"])
def test_data_per_line_follows_upload_and_revert(app_db, lang: str) -> None:
    seed = "Data awal dasbor, belum ada unggahan" if lang == "id" else "Seed data, no uploads yet"
    captions, subtitles = _lines(open_page("pages/income.py", lang))
    assert seed in captions and subtitles and set(subtitles) == {seed}
    when = lambda: dt.datetime(2026, 12, 3, 10, 0)  # noqa: E731
    number = upload(app_db, file_of("observations", new_workers(2024, 700)), now=when)
    _data.refresh()  # as the upload page does after its own write
    line = (
        f"Data per 3 Desember 2026, unggahan #{number}"
        if lang == "id"
        else f"Data as of December 3, 2026, upload #{number}"
    )
    captions, subtitles = _lines(open_page("pages/income.py", lang))
    assert line in captions and set(subtitles) == {line}
    changes.revert(app_db, number, editor="budi")
    _data.refresh()  # as the history page does
    captions, subtitles = _lines(open_page("pages/income.py", lang))
    assert seed in captions and set(subtitles) == {seed}
