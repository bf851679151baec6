"""The DuckDB validation path gives exactly the Python path's answers, only faster."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest

from impact import bulk, ingest, store, synthetic, uploads, validation

TODAY = dt.date(2026, 1, 1)


@pytest.fixture
def vocab(seeded_db: Path) -> validation.Vocabulary:
    return uploads.load_vocabulary(seeded_db)


def _records(broken: dict | None = None) -> pd.DataFrame:
    frame = synthetic.enterprise_records(60, [2021, 2022, 2023], seed=5).astype(str)
    frame = frame.replace({"nan": ""})
    for (row, column), value in (broken or {}).items():
        frame.loc[row, column] = value
    return frame


BROKEN = {
    (3, "pendapatan_rp"): "-5",
    (4, "tahun"): "20x1",
    (5, "wilayah"): "Mars",
    (6, "program"): "training;terbang",
    (7, "skala"): "",
    (8, "pekerja"): "2.5",
    (11, "pendapatan_rp"): "Rp1.250.000,5",
    (12, "status"): "resmi-ku",
    (13, "tahun"): "1999",
    (14, "id_usaha"): "x" * 80,
}


def _python(data: bytes, vocab) -> validation.Validated:
    return validation.validate(ingest.read_table(data, "x.csv"), vocab, today=TODAY)


@pytest.mark.parametrize("sep", [",", ";"])
def test_bad_files_give_the_same_issues_both_ways(vocab, sep) -> None:
    frame = _records(BROKEN)
    frame.loc[20, ["id_usaha", "tahun"]] = frame.loc[
        21, ["id_usaha", "tahun"]
    ].values  # a duplicate
    data = frame.to_csv(index=False, sep=sep).encode()
    python = sorted(i.key() for i in _python(data, vocab).issues)
    duck = sorted(i.key() for i in bulk.validate_bulk(data, vocab, today=TODAY).validated.issues)
    assert duck == python
    assert len(python) == len(BROKEN) + 1


def test_good_files_give_the_same_typed_rows_both_ways(vocab) -> None:
    data = synthetic.enterprise_records(80, [2022, 2023], seed=9).to_csv(index=False).encode()
    python = _python(data, vocab)
    duck = bulk.validate_bulk(data, vocab, today=TODAY)
    assert python.ok and duck.validated.ok and duck.rows == 160
    columns = ["_row", *(c.name for c in python.dataset.columns)]
    left = python.rows[columns].astype(object).where(python.rows[columns].notna(), None)
    right = (
        duck.validated.rows[columns]
        .astype(object)
        .where(duck.validated.rows[columns].notna(), None)
    )
    for column in columns:
        for a, b in zip(left[column], right[column], strict=True):
            assert (a == b) or (a in (None, "") and b in (None, "")), (column, a, b)


@pytest.mark.parametrize(
    "make",
    [
        lambda f: f.to_csv(index=False).encode("cp1252"),  # not UTF-8
        lambda f: (
            f.to_csv(index=False).replace("\n", "\n\n", 5).encode()
        ),  # blank lines between rows
        lambda f: f.to_csv(index=False).replace("id_usaha,", "", 1).encode(),  # a missing column
    ],
    ids=["cp1252", "blank-lines", "missing-column"],
)
def test_files_the_bulk_path_cannot_number_exactly_go_the_python_way(
    vocab, monkeypatch, make
) -> None:
    frame = _records()
    frame.loc[0, "sumber"] = "Dinas Koperasi dan UM — Kab. Blitar"  # a character cp1252 has
    data = make(frame)
    with pytest.raises(bulk.NotBulkError):
        bulk.validate_bulk(data, vocab, today=TODAY)
    monkeypatch.setattr(bulk, "BULK_MIN_BYTES", 0)
    checked = bulk.check_file(data, "x.csv", vocab, today=TODAY).validated
    assert sorted(i.key() for i in checked.issues) == sorted(
        i.key() for i in _python(data, vocab).issues
    )


def test_a_bulk_checked_file_commits_and_reverts(seeded_db: Path, vocab) -> None:
    data = synthetic.enterprise_records(50, [2021, 2023], seed=4).to_csv(index=False).encode()
    checked = bulk.validate_bulk(data, vocab, today=TODAY).validated
    upload_id = uploads.commit(seeded_db, checked, uploads.preview(seeded_db, checked), editor="uji",
                               filename="x.csv", sha256="x")  # fmt: skip
    assert store.read_table(seeded_db, "enterprise_record").shape[0] == 100
    uploads.revert(seeded_db, upload_id, editor="uji")
    assert store.read_table(seeded_db, "enterprise_record").empty
