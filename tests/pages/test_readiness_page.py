"""Kelengkapan Data / Data readiness through AppTest: what is missing, who holds it, the
template to fill, in both languages; a new figure moves its line."""

from __future__ import annotations

import duckdb
import pytest

from tests.pages.apptest import open_page

PAGE = "pages/readiness.py"


@pytest.mark.parametrize(
    ("lang", "title", "figure", "missing", "template"),
    [
        ("id", "Kelengkapan data", "Angka", "Belum ada angka", "Templat"),
        ("en", "Data readiness", "Figure", "No figure yet", "Template"),
    ],
)
def test_the_page_lists_every_figure_with_its_gaps(
    app_db, lang, title, figure, missing, template
) -> None:
    at = open_page(PAGE, lang)
    assert at.title[0].value == title
    table = at.dataframe[0].value
    assert list(table.columns)[:2] == [figure, missing]  # what is missing first
    rows = table.set_index(figure)
    income = "Indeks pendapatan pelaku usaha batik (2021=100)" if lang == "id" else (
        "Batik entrepreneurs' income index (2021=100)"
    )  # fmt: skip
    assert rows.loc[income, missing] == "2022"  # no figure is invented between 2021 and 2023
    assert set(rows[template]) >= {"templat_observations.xlsx", "templat_programs.xlsx"}
    labels = [d.proto.label for d in at.get("download_button")]
    assert "templat_programs.xlsx" in labels and "templat_enterprises.xlsx" in labels
    assert at.info[0].value.startswith("0 dari 13" if lang == "id" else "0 of 13")


def test_a_reported_figure_for_the_gap_moves_its_line(app_db) -> None:
    with duckdb.connect(str(app_db)) as con:
        con.execute(
            "INSERT INTO observation VALUES ('batik_competitiveness', 'blitar', 'batik', 2022,"
            " 71, NULL, NULL, 'reported', 'Disperindag (2022)', NULL, NULL)"
        )
        con.execute("UPDATE meta SET value = '99' WHERE key = 'data_version'")
    rows = open_page(PAGE).dataframe[0].value.set_index("Angka")
    line = rows.loc["Skor daya saing produk batik"]
    assert (line["Belum ada angka"], line["Dilaporkan"]) == ("", "2021–2023")
