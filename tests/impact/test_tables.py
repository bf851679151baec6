"""Table views: localized headers, ranges as text, statuses in words."""

from __future__ import annotations

from pathlib import Path

import pytest

from impact import i18n, store
from impact.figures import charts, tables


def test_series_table_in_both_languages(seeded_db: Path) -> None:
    obs = store.observations(seeded_db, "batik_income_index", "blitar", "batik")
    table = tables.series_table(obs, "id", lambda x: i18n.format_number(x, "id", 0))
    assert list(table.columns) == ["Tahun", "Nilai", "Status", "Sumber", "Catatan"]
    # The reported range, never the midpoint that places the line; no invented 2022.
    assert table["Nilai"].tolist() == ["100", "150–170"]
    assert table["Status"].tolist() == ["Dilaporkan", "Dilaporkan"]
    en = tables.series_table(obs, "en", lambda x: i18n.format_number(x, "en", 0))
    assert list(en.columns)[:3] == ["Year", "Value", "Status"]
    assert en["Status"].tolist() == ["Reported", "Reported"]


def _mark_2023(path: Path, mark: str | None) -> None:
    with store.connect(path) as con:
        con.execute(
            "UPDATE observation SET mark = ? WHERE indicator = 'batik_income_index'"
            " AND region = 'blitar' AND sector = 'batik' AND year = 2023",
            [mark],
        )


@pytest.mark.parametrize(
    ("mark", "lang", "status", "label"),
    [
        ("provisional", "id", "Dilaporkan · angka sementara", "150–170*"),
        ("very_provisional", "id", "Dilaporkan · angka sangat sementara", "150–170**"),
        ("revised", "en", "Reported · revised figure", "150–170r"),
        (None, "id", "Dilaporkan", "150–170"),
    ],
)
def test_a_bps_mark_stands_beside_the_status_in_tables_and_chart_tooltips(
    seeded_db: Path, mark: str | None, lang: str, status: str, label: str
) -> None:
    _mark_2023(seeded_db, mark)
    obs = store.observations(seeded_db, "batik_income_index", "blitar", "batik")
    fmt = lambda x: i18n.format_number(x, lang, 0)  # noqa: E731
    table = tables.series_table(obs, lang, fmt)
    assert table[i18n.t("table.status", lang)].tolist()[-1] == status
    frame = charts.series_frame(obs, lang, fmt)
    assert (frame["status_text"].iloc[-1], frame["label"].iloc[-1]) == (status, label)
    # The legend keeps the status alone: a mark never makes a fourth kind of point.
    assert frame["status_label"].iloc[-1] == i18n.label("status", "reported", lang)
    spec = charts.series_chart(
        obs, lang=lang, title="t", y_title="y", sources=["s"], formatter=fmt
    ).to_dict()
    note = i18n.t("source.mark_note", lang)
    assert (note in " ".join(spec["title"]["subtitle"])) == (mark is not None)
    every = store.all_observations(seeded_db, "batik_income_index", "blitar")
    shown = tables.observations_table(every, lang, {}, {}, as_text=True)
    assert shown[i18n.t("table.status", lang)].tolist()[-1] == status
