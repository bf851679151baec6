"""Table views: localized headers, ranges as text, statuses in words."""

from __future__ import annotations

from pathlib import Path

from impact import i18n, store
from impact.figures import tables


def test_series_table_in_both_languages(seeded_db: Path) -> None:
    obs = store.observations(seeded_db, "batik_income_index", "blitar", "batik")
    table = tables.series_table(obs, "id", lambda x: i18n.format_number(x, "id", 0))
    assert list(table.columns) == ["Tahun", "Nilai", "Status", "Sumber", "Catatan"]
    assert table["Nilai"].tolist() == ["100", "130", "150–170"]
    assert table["Status"].tolist() == ["Dilaporkan", "Ilustratif", "Dilaporkan"]
    en = tables.series_table(obs, "en", lambda x: i18n.format_number(x, "en", 0))
    assert list(en.columns)[:3] == ["Year", "Value", "Status"]
    assert en["Status"].tolist()[1] == "Illustrative"
