"""The upload page's wide-table step through AppTest, in both languages: the table shown as
it will be read, an unknown row label asked about, then preview and save."""

from __future__ import annotations

from pathlib import Path

import pytest

from impact import auth, i18n, store
from impact.upload.datasets import DATASETS
from tests.pages.apptest import open_page

PASSWORD = "kata-sandi-uji"
SOURCE = "BPS Kabupaten Blitar, Kabupaten Blitar Dalam Angka 2025"
BPS_CSV = (
    "Tabel 5.3.1 Tenaga Kerja Industri Batik di Kabupaten Blitar, 2021-2024\n"
    "Uraian,2021,2022,2023*,2024**\n"
    "Tenaga kerja industri batik,1150,1240,1320,…\n"
    "Jumlah perajin binaan,35,40,x,52\n"
    f'"Sumber: {SOURCE}",,,,\n'
).encode()

TEXTS = {
    "id": {
        "asked": "Baris 4: 'Jumlah perajin binaan' tidak cocok dengan indikator mana pun.",
        "unknown": "Label baris 'Jumlah perajin binaan' tidak cocok",
        "choice": "Tenaga kerja ekonomi kreatif",
        "save": "Simpan ke database",
        "matched": "nama indikator",
        "mark": "angka sementara",
        "unit": "dalam satuan apa",
    },
    "en": {
        "asked": "Row 4: 'Jumlah perajin binaan' matches no indicator.",
        "unknown": "Row label 'Jumlah perajin binaan' matches no indicator",
        "choice": "Creative economy workers",
        "save": "Save to the database",
        "matched": "indicator name",
        "mark": "provisional figure",
        "unit": "in which unit",
    },
}


@pytest.fixture
def app_db(app_db: Path, monkeypatch) -> Path:
    monkeypatch.setenv(auth.PASSWORD_HASH_ENV, auth.hash_password(PASSWORD))
    return app_db


def _stored(db: Path, indicator: str) -> list[tuple]:
    with store.connect(db) as con:
        return con.execute(
            "SELECT year, value, mark FROM observation WHERE indicator = ? AND region ="
            " 'kab_blitar' AND source = ? ORDER BY year",
            [indicator, SOURCE],
        ).fetchall()


def _table(at, header: str):
    return next(d.value for d in at.dataframe if header in d.value.columns)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_a_wide_table_is_mapped_previewed_and_saved(app_db, lang) -> None:
    texts = TEXTS[lang]
    at = open_page("pages/upload.py", lang)
    at.text_input[0].input("ani")
    at.text_input[1].input(PASSWORD)
    at.button[0].click()
    at.run()
    at.get("file_uploader")[0].set_value(("tabel_5_3_1.csv", BPS_CSV, "text/csv"))
    at.run()
    assert not at.exception
    ask = next(s for s in at.selectbox if s.label.startswith(texts["asked"]))
    plan = _table(at, i18n.t("wide.col.matched", lang))  # rows -> indicators
    assert plan.iloc[0, 3] == texts["matched"]
    columns = _table(at, i18n.t("wide.col.mark", lang))  # columns -> years
    assert columns.iloc[2, 3] == texts["mark"]
    # Not chosen yet: the file is not refused, the row is asked about and nothing is saved.
    assert any(texts["unknown"] in m for m in at.dataframe[-1].value.iloc[:, -1])
    assert not any(b.label == texts["save"] for b in at.button)

    ask.set_value("ce_workers")
    at.run()
    assert not at.exception
    # The table states no unit: each row's unit is asked, nothing chosen for her.
    units = [s for s in at.selectbox if texts["unit"] in s.label]
    assert [s.value for s in units] == [None, None]
    assert not any(b.label == texts["save"] for b in at.button)
    for box in units:
        box.set_value(box.options[0])  # the registered unit, 'orang'
    at.run()
    assert not at.exception
    # 4 + 4 cells, less '…' and 'x' (stored as nothing): 6 rows to add, replace or keep.
    assert sum(int(m.value) for m in at.metric) == 6
    next(b for b in at.button if b.label == texts["save"]).click()
    at.run()
    assert _stored(app_db, "batik_workers") == [
        (2021, 1150.0, None),
        (2022, 1240.0, None),
        (2023, 1320.0, "provisional"),
    ]
    assert _stored(app_db, "ce_workers") == [
        (2021, 35.0, None),
        (2022, 40.0, None),
        (2024, 52.0, "very_provisional"),
    ]


@pytest.mark.parametrize("lang", ["id", "en"])
def test_every_dataset_offers_its_current_data_to_edit_and_upload_back(app_db, lang) -> None:
    at = open_page("pages/upload.py", lang)
    at.text_input[0].input("ani")
    at.text_input[1].input(PASSWORD)
    at.button[0].click()
    at.run()
    labels = [d.proto.label for d in at.get("download_button")]
    for code in DATASETS:
        name = i18n.t(f"dataset.{code}", lang)
        assert i18n.t("upload.current_xlsx", lang, name=name) in labels
