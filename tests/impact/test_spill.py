"""A large file's checked rows wait on disk (impact.upload.spill), not in the server's memory:
the preview and the commit read them there and give what the same rows in a frame give;
the file goes once saved, released or forgotten, and a failed commit leaves both the
database and the spill as they were."""

from __future__ import annotations

import datetime as dt
import gc
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from impact import store, synthetic, upload
from impact.upload import bulk, changes, checks, ingest, spill, validation

TODAY = dt.date(2026, 1, 1)


@pytest.fixture
def spill_dir(tmp_path: Path, monkeypatch) -> Path:
    """Spill folders made in this test's own temporary directory, where they can be counted;
    small files take DuckDB's reader, as a province's file would."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    monkeypatch.setattr(bulk, "BULK_MIN_BYTES", 0)
    return folder


def _spills(folder: Path) -> list[Path]:
    return sorted(folder.glob("batik-upload-*"))


def _csv(enterprises: int = 4, years=(2021, 2022), **broken) -> bytes:
    frame = synthetic.enterprise_records(enterprises, list(years), seed=3)
    for (row, column), value in broken.get("cells", {}).items():
        frame[column] = frame[column].astype(object)
        frame.loc[row, column] = value
    return frame.to_csv(index=False).encode()


def _check(data: bytes, db: Path) -> upload.Checked:
    return upload.check(data, "usaha.csv", upload.load_vocabulary(db), today=TODAY)


def _in_memory(data: bytes, db: Path) -> validation.Validated:
    """The same file through the grid reader: its rows as a frame."""
    grid = ingest.read_grid(data, "usaha.csv")
    return checks.check_grid(grid, upload.load_vocabulary(db), today=TODAY)


def test_a_checked_large_file_keeps_its_rows_in_a_spill_file_not_in_memory(
    seeded_db, spill_dir
) -> None:
    checked = _check(_csv(), seeded_db).validated
    rows = checked.rows
    assert isinstance(rows, upload.Spill) and checked.ok
    assert rows.path.is_file() and rows.path.parent.parent == spill_dir
    assert len(rows) == 8  # 4 enterprises x 2 years; no frame of them anywhere in the result
    assert not any(isinstance(v, pd.DataFrame) for v in vars(checked).values())
    assert rows.frame()["_row"].tolist() == list(range(2, 10))


def test_the_preview_of_a_spill_counts_and_signs_exactly_as_the_rows_in_memory(
    seeded_db, spill_dir
) -> None:
    first = _csv(enterprises=3, years=(2021,))
    upload.commit(
        seeded_db,
        _in_memory(first, seeded_db),
        upload.preview(seeded_db, _in_memory(first, seeded_db)),
        editor="uji",
        filename="a.csv",
        sha256="a",
    )
    data = _csv(enterprises=3, years=(2021, 2022), cells={(0, "pendapatan_rp"): "1234567"})
    spilled, frame = _check(data, seeded_db).validated, _in_memory(data, seeded_db)
    assert isinstance(spilled.rows, upload.Spill) and isinstance(frame.rows, pd.DataFrame)
    a, b = upload.preview(seeded_db, spilled), upload.preview(seeded_db, frame)
    assert a.counts == b.counts and a.counts["insert"] == 3 and a.counts["update"] >= 1
    assert a.signature == b.signature
    assert [(c.row, c.action, c.new) for c in a.sample] == [
        (c.row, c.action, c.new) for c in b.sample
    ]


def test_a_commit_from_a_spill_writes_the_file_and_release_removes_it(seeded_db, spill_dir):
    data = _csv()
    checked = _check(data, seeded_db).validated
    previewed = upload.preview(seeded_db, checked)
    upload.commit(seeded_db, checked, previewed, editor="uji", filename="u.csv", sha256="x")
    stored = store.read_table(seeded_db, "enterprise_record")
    assert sorted(stored["enterprise_id"].unique()) == sorted(
        _in_memory(data, seeded_db).rows["enterprise_id"].unique()
    )
    assert len(stored) == 8 and len(_spills(spill_dir)) == 1
    upload.release(checked)
    upload.release(checked)  # again: nothing
    assert _spills(spill_dir) == []


def test_a_forgotten_check_removes_its_spill_when_collected(seeded_db, spill_dir) -> None:
    result = _check(_csv(), seeded_db)
    assert len(_spills(spill_dir)) == 1
    del result
    gc.collect()
    assert _spills(spill_dir) == []


def test_a_file_with_errors_leaves_no_spill_behind(seeded_db, spill_dir) -> None:
    checked = _check(_csv(cells={(2, "pekerja"): "banyak"}), seeded_db).validated
    assert not checked.ok and [i.code for i in checked.errors] == ["not-a-number"]
    assert _spills(spill_dir) == []


def test_an_interrupted_commit_leaves_the_database_and_the_spill_as_they_were(
    seeded_db, spill_dir, monkeypatch
) -> None:
    checked = _check(_csv(), seeded_db).validated
    previewed = upload.preview(seeded_db, checked)
    before = store.read_table(seeded_db, "enterprise_record")

    def killed() -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(changes, "_checkpoint", killed)
    with pytest.raises(KeyboardInterrupt):
        upload.commit(seeded_db, checked, previewed, editor="uji", filename="u.csv", sha256="x")
    assert store.read_table(seeded_db, "enterprise_record").equals(before)
    assert upload.history(seeded_db).empty
    monkeypatch.setattr(changes, "_checkpoint", lambda: None)  # the same spill, saved now
    upload.commit(seeded_db, checked, previewed, editor="uji", filename="u.csv", sha256="x")
    assert len(store.read_table(seeded_db, "enterprise_record")) == 8


def test_distinct_rows_reads_a_few_values_from_the_spill(seeded_db, spill_dir) -> None:
    checked = _check(_csv(years=(2021, 2023)), seeded_db).validated
    found = upload.distinct_rows(checked, ["year", "region", "not_a_column"])
    assert sorted(found["year"].unique()) == [2021, 2023]
    assert list(found.columns) == ["year", "region"]


def test_copies_left_by_a_crashed_process_are_removed_at_start(tmp_path: Path) -> None:
    """A server killed mid-upload runs no clean-up; the next start removes what its copies
    left (an ended process's, or a name without a process id); a running one's stay."""
    ended = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    dead = int(ended.stdout)
    folder = tmp_path / f"{spill.PREFIX}{dead}-abc"
    folder.mkdir()
    (folder / "rows.duckdb").write_bytes(b"rows")
    bytes_copy = tmp_path / f"{spill.PREFIX}{dead}-xyz.bytes"
    bytes_copy.write_bytes(b"enterprise records")
    old_name = tmp_path / f"{spill.PREFIX}k3j4h5g6.bytes"
    old_name.write_bytes(b"records")
    running = tmp_path / f"{spill.PREFIX}1-abc"  # process 1 is always running
    running.mkdir()
    other = tmp_path / "someone-else.tmp"
    other.write_bytes(b"")
    same_id = spill.Spill(str(tmp_path)).folder  # a crashed process with this process's id
    same_id.mkdir(exist_ok=True)  # (the object's own clean-up ran; the folder is back)

    removed = spill.remove_leftovers([tmp_path])

    assert sorted(removed) == sorted([folder, bytes_copy, old_name, same_id])
    assert running.exists() and other.exists()
    assert same_id.name.startswith(f"{spill.PREFIX}{os.getpid()}-")


@pytest.mark.parametrize("what", ["folder", "file"])
def test_a_spill_deleted_before_the_save_is_named_and_nothing_is_written(
    seeded_db, spill_dir, what
) -> None:
    """Something clears $TMPDIR between the preview and the save: SpillGoneError (a sentence
    on the page and in the CLI), never DuckDB's error, and never an empty file attached."""
    checked = _check(_csv(), seeded_db).validated
    previewed = upload.preview(seeded_db, checked)
    before = store.read_table(seeded_db, "enterprise_record")
    rows = checked.rows
    assert isinstance(rows, upload.Spill)
    if what == "folder":
        shutil.rmtree(rows.folder)
    else:
        rows.path.unlink()
    with pytest.raises(upload.SpillGoneError):
        upload.commit(seeded_db, checked, previewed, editor="uji", filename="u.csv", sha256="x")
    with pytest.raises(upload.SpillGoneError):
        upload.preview(seeded_db, checked)
    assert store.read_table(seeded_db, "enterprise_record").equals(before)
    assert upload.history(seeded_db).empty
    assert not rows.path.exists()  # no empty database made where the rows were
    # Checked again, the same file saves.
    again = _check(_csv(), seeded_db).validated
    upload.commit(
        seeded_db,
        again,
        upload.preview(seeded_db, again),
        editor="uji",
        filename="u.csv",
        sha256="x",
    )
    assert len(store.read_table(seeded_db, "enterprise_record")) == 8


def test_a_spill_deleted_between_the_look_and_the_attach_is_named(seeded_db, spill_dir) -> None:
    rows = _check(_csv(), seeded_db).validated.rows
    assert isinstance(rows, upload.Spill)
    path = rows.path
    real_is_file = Path.is_file
    looks = []

    def gone_after_the_look(self):
        looks.append(self)
        found = real_is_file(self)
        if self == path and len(looks) == 1:
            shutil.rmtree(path.parent)
        return found

    con = duckdb.connect()
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(Path, "is_file", gone_after_the_look)
        with pytest.raises(upload.SpillGoneError), rows.attached(con):
            pass
