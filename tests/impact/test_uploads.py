"""Preview, commit, revert and history; a killed commit, two editors, the CLI beside a dashboard.

Every write is checked against whole tables (store.read_table of every table), so a partial
write, a lost value or a stray row shows up.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import json
import os
import selectors
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from impact import store
from impact.upload import changes, checks, ingest, validation, views
from impact.upload.datasets import DATASETS

ROOT = Path(__file__).resolve().parents[2]
TODAY = dt.date(2025, 6, 1)  # as in conftest: 2026 is the last year accepted
DATA_TABLES = [t for t in store.TABLES if t not in ("upload", "upload_change")]
OBS = [c.header_id for c in DATASETS["observations"].columns]


def csv_bytes(header: list[str], *rows: list[str]) -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows([header, *rows])
    return buffer.getvalue().encode("utf-8")


def _cell(value) -> str:
    if value is None or (isinstance(value, float) and value != value):
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def stored(path: Path, dataset: str, **key) -> dict:
    """One stored row of a dataset's table, by its key, as a dict of column -> value."""
    frame = store.read_table(path, DATASETS[dataset].table)
    for column, value in key.items():
        frame = frame[frame[column] == value]
    assert len(frame) == 1, key
    return {
        k: (None if isinstance(v, float) and v != v else v)
        for k, v in frame.iloc[0].to_dict().items()
    }


def file_of(dataset: str, *records: dict, drop: tuple[str, ...] = ()) -> bytes:
    """A CSV with the template's headers (minus ``drop``) holding ``records``."""
    columns = [c for c in DATASETS[dataset].columns if c.header_id not in drop]
    return csv_bytes(
        [c.header_id for c in columns], *[[_cell(r.get(c.name)) for c in columns] for r in records]
    )


def check(path: Path, data: bytes, filename: str = "x.csv") -> validation.Validated:
    grid = ingest.read_grid(data, filename)
    checked = checks.check_grid(grid, changes.load_vocabulary(path), today=TODAY)
    assert checked.ok, [i.key() for i in checked.issues]
    return checked


def upload(path: Path, data: bytes, editor: str = "sari", filename: str = "x.csv", **kw) -> int:
    checked = check(path, data, filename)
    previewed = changes.preview(path, checked)
    return changes.commit(
        path,
        checked,
        previewed,
        editor=editor,
        filename=filename,
        sha256=ingest.sha256_hex(data),
        **kw,
    )


def data_tables(path: Path) -> dict[str, pd.DataFrame]:
    return {t: store.read_table(path, t) for t in DATA_TABLES}


def workers(path: Path, year: int) -> dict:
    return stored(
        path, "observations", indicator="batik_workers", region="blitar", sector="batik", year=year
    )


def new_workers(year: int, value: float, **extra) -> dict:
    return {
        "indicator": "batik_workers",
        "region": "blitar",
        "sector": "batik",
        "year": year,
        "value": value,
        "status": "reported",
        "source": "Survei Disperindag",
        **extra,
    }


# --- preview ------------------------------------------------------------------------------


def test_preview_counts_each_row_and_lists_replaced_values(warm_db, snapshot, assert_same) -> None:
    before, version = snapshot(warm_db), store.data_version(warm_db)
    unchanged = workers(warm_db, 2022)
    changed = workers(warm_db, 2023) | {"value": 630.0, "status": "estimated"}
    data = file_of("observations", new_workers(2024, 700), changed, unchanged)
    previewed = changes.preview(warm_db, check(warm_db, data))
    assert previewed.counts == {"insert": 1, "update": 1, "same": 1}
    assert [(c.row, c.action) for c in previewed.sample] == [
        (2, "insert"),
        (3, "update"),
        (4, "same"),
    ]
    assert [c.row for c in previewed.of("update")] == [3]
    assert not any(previewed.is_sample(a) for a in changes.ACTIONS)  # all rows are shown
    assert previewed.replaced_table().to_dict("records") == [
        {
            "row": 3,
            "key": "batik_workers · blitar · batik · 2023",
            "column": "value",
            "old": 620.0,
            "new": 630.0,
        },
        {
            "row": 3,
            "key": "batik_workers · blitar · batik · 2023",
            "column": "status",
            "old": "illustrative",
            "new": "estimated",
        },
    ]
    assert_same(before, snapshot(warm_db))  # a preview writes nothing
    assert store.data_version(warm_db) == version


def test_preview_refuses_a_file_with_errors(warm_db) -> None:
    grid = ingest.read_grid(file_of("observations", new_workers(2024, -1)), "x.csv")
    checked = checks.check_grid(grid, changes.load_vocabulary(warm_db), today=TODAY)
    with pytest.raises(changes.NothingToCommitError):
        changes.preview(warm_db, checked)
    with pytest.raises(changes.NothingToCommitError):
        changes.commit(
            warm_db,
            checked,
            changes.Preview(checked.dataset),
            editor="x",
            filename="x.csv",
            sha256="",
        )


# --- commit and revert --------------------------------------------------------------------

# For each dataset: the key of a seeded row to change, the change, and a new row to add.
ROUND_TRIPS = {
    "observations": (
        {"indicator": "batik_income_index", "region": "blitar", "sector": "batik", "year": 2023},
        {
            "value": 165.0,
            "low": 155.0,
            "high": 175.0,
            "note": "Angka revisi",
            "status": "estimated",
        },
        {
            "indicator": "batik_income_index",
            "region": "blitar",
            "sector": "batik",
            "year": 2024,
            "value": 180.0,
            "status": "estimated",
            "source": "Survei",
        },
    ),
    "obstacles": (
        {"item": "board_turnover", "year": 2023},
        {"severity": 5, "note": None},
        {
            "item": "board_turnover",
            "year": 2025,
            "severity": 2,
            "status": "estimated",
            "source": "FGD",
        },
    ),
    "collaboration": (
        {"year": 2023, "actor": "government", "element": "dialogue"},
        {"score": 3.5, "evidence_en": "Revised"},
        {
            "year": 2025,
            "actor": "entrepreneurs",
            "element": "trust",
            "score": 2.0,
            "status": "estimated",
            "source": "FGD",
        },
    ),
    "programs": (
        {
            "year": 2023,
            "program": "training",
            "agency": "Dinas Koperasi dan Usaha Mikro Kab. Blitar",
            "region": "blitar",
        },
        {"count": 3, "budget_rp": 75000000.0, "participants": None},
        {
            "year": 2025,
            "program": "exhibition",
            "agency": "Disbudpar",
            "region": "kota_blitar",
            "count": None,
            "budget_rp": 1250000.5,
            "participants": 40,
            "status": "estimated",
            "source": "Rencana",
        },
    ),
}


@pytest.mark.parametrize("dataset", sorted(ROUND_TRIPS))
def test_commit_then_revert_restores_every_table_exactly(warm_db, snapshot, dataset) -> None:
    key, change, new = ROUND_TRIPS[dataset]
    before = data_tables(warm_db)
    changed = stored(warm_db, dataset, **key) | change
    upload_id = upload(warm_db, file_of(dataset, changed, new))
    assert stored(warm_db, dataset, **key) == changed
    stored(warm_db, dataset, **{k: new[k] for k in DATASETS[dataset].key})  # inserted
    assert changes.revert(warm_db, upload_id, editor="budi") == 2
    after = data_tables(warm_db)
    for table, frame in before.items():
        pd.testing.assert_frame_equal(after[table], frame, obj=table)
    record = changes.history(warm_db).iloc[0]
    assert (record["id"], record["reverted_by"]) == (upload_id, "budi")
    assert pd.notna(record["reverted_at"])
    # nothing is destroyed: the replaced values stay in the change log
    log = store.read_table(warm_db, "upload_change")
    assert sorted(log["action"]) == ["insert", "update"]
    old_row = json.loads(log[log["action"] == "update"].iloc[0]["old_row"])
    assert old_row == stored_before(before, dataset, key)


def stored_before(frames: dict[str, pd.DataFrame], dataset: str, key: dict) -> dict:
    frame = frames[DATASETS[dataset].table]
    for column, value in key.items():
        frame = frame[frame[column] == value]
    row = frame.iloc[0].to_dict()
    return {
        k: (None if isinstance(v, float) and v != v else v.item() if hasattr(v, "item") else v)
        for k, v in row.items()
    }


def test_revert_twice_is_refused(warm_db) -> None:
    upload_id = upload(warm_db, file_of("observations", new_workers(2024, 700)))
    changes.revert(warm_db, upload_id, editor="budi")
    before = data_tables(warm_db)
    with pytest.raises(changes.AlreadyRevertedError):
        changes.revert(warm_db, upload_id, editor="budi")
    with pytest.raises(changes.UnknownUploadError):
        changes.revert(warm_db, upload_id + 1, editor="budi")
    after = data_tables(warm_db)
    for table, frame in before.items():
        pd.testing.assert_frame_equal(after[table], frame, obj=table)


def test_revert_of_an_earlier_upload_waits_for_the_later_one(warm_db, snapshot, assert_same):
    original = data_tables(warm_db)
    first = upload(warm_db, file_of("observations", workers(warm_db, 2023) | {"value": 630}))
    second = upload(
        warm_db,
        file_of("observations", workers(warm_db, 2023) | {"value": 640}, new_workers(2024, 700)),
    )
    elsewhere = upload(warm_db, file_of("observations", workers(warm_db, 2021) | {"value": 1}))
    state = snapshot(warm_db)
    with pytest.raises(changes.RevertConflictError) as caught:
        changes.revert(warm_db, first, editor="budi")
    assert caught.value.later == [second]
    assert_same(state, snapshot(warm_db))  # the refused revert changed nothing
    changes.revert(warm_db, elsewhere, editor="budi")  # other rows: no conflict
    changes.revert(warm_db, second, editor="budi")
    assert workers(warm_db, 2023)["value"] == 630
    changes.revert(warm_db, first, editor="budi")  # the later one is reverted: allowed now
    for table, frame in original.items():
        pd.testing.assert_frame_equal(data_tables(warm_db)[table], frame, obj=table)


def test_history_records_editor_file_checksum_and_counts(warm_db) -> None:
    times = iter([dt.datetime(2025, 3, 1, 9, 30), dt.datetime(2025, 3, 2, 10, 0)])
    data = file_of(
        "observations",
        new_workers(2024, 700),
        workers(warm_db, 2023) | {"value": 630},
        workers(warm_db, 2022),
    )
    first = upload(
        warm_db, data, editor="sari", filename="tenaga_kerja.csv", now=lambda: next(times)
    )
    second = upload(
        warm_db,
        file_of(
            "obstacles",
            {"item": "no_ipal", "year": 2025, "severity": 3, "status": "estimasi", "source": "FGD"},
        ),
        editor="budi",
        filename="hambatan.xlsx.csv",
        now=lambda: next(times),
    )
    frame = changes.history(warm_db)
    columns = [
        "id",
        "uploaded_at",
        "editor",
        "filename",
        "sha256",
        "dataset",
        "rows_added",
        "rows_replaced",
        "rows_unchanged",
    ]
    assert [tuple(r) for r in frame[columns].itertuples(index=False)] == [
        (
            second,
            pd.Timestamp(2025, 3, 2, 10, 0),
            "budi",
            "hambatan.xlsx.csv",
            frame.iloc[0]["sha256"],
            "obstacles",
            1,
            0,
            0,
        ),
        (
            first,
            pd.Timestamp(2025, 3, 1, 9, 30),
            "sari",
            "tenaga_kerja.csv",
            ingest.sha256_hex(data),
            "observations",
            1,
            1,
            1,
        ),
    ]
    assert frame["reverted_at"].isna().all()


def test_a_file_without_the_note_column_keeps_the_stored_note(warm_db) -> None:
    old = workers(warm_db, 2023)
    assert old["note"]
    upload(
        warm_db, file_of("observations", old | {"value": 630, "note": "ignored"}, drop=("catatan",))
    )
    assert workers(warm_db, 2023) == old | {"value": 630.0}


def test_a_new_value_without_its_range_clears_the_old_range(warm_db) -> None:
    # value, low and high are replaced together: a stale reported range must not survive
    key = {"indicator": "batik_income_index", "region": "blitar", "sector": "batik", "year": 2023}
    old = stored(warm_db, "observations", **key)
    assert (old["low"], old["high"]) == (150, 170)
    upload_id = upload(
        warm_db, file_of("observations", old | {"value": 158}, drop=("batas_bawah", "batas_atas"))
    )
    assert stored(warm_db, "observations", **key) == old | {
        "value": 158.0,
        "low": None,
        "high": None,
    }
    changes.revert(warm_db, upload_id, editor="budi")
    assert stored(warm_db, "observations", **key) == old


@pytest.mark.parametrize("other_row", ["same-row", "new-row-inserted-meanwhile"])
def test_commit_is_refused_when_the_data_changed_since_the_preview(
    warm_db, snapshot, assert_same, other_row
) -> None:
    mine = file_of("observations", workers(warm_db, 2023) | {"value": 630}, new_workers(2024, 700))
    checked = check(warm_db, mine)
    previewed = changes.preview(warm_db, checked)
    theirs = (
        workers(warm_db, 2023) | {"value": 650}
        if other_row == "same-row"
        else new_workers(2024, 710)
    )
    upload(warm_db, file_of("observations", theirs), editor="budi")
    state, version = snapshot(warm_db), store.data_version(warm_db)
    with pytest.raises(changes.StalePreviewError):
        changes.commit(warm_db, checked, previewed, editor="sari", filename="x.csv", sha256="")
    assert_same(state, snapshot(warm_db))
    assert store.data_version(warm_db) == version
    # a fresh preview of the same file then goes through
    upload(warm_db, mine)
    assert (workers(warm_db, 2023)["value"], workers(warm_db, 2024)["value"]) == (630, 700)


def test_a_change_elsewhere_does_not_make_the_preview_stale(warm_db) -> None:
    checked = check(warm_db, file_of("observations", workers(warm_db, 2023) | {"value": 630}))
    previewed = changes.preview(warm_db, checked)
    upload(warm_db, file_of("observations", workers(warm_db, 2021) | {"value": 470}))
    changes.commit(warm_db, checked, previewed, editor="sari", filename="x.csv", sha256="")
    assert (workers(warm_db, 2021)["value"], workers(warm_db, 2023)["value"]) == (470, 630)


def test_data_version_increases_on_commit_and_revert(warm_db) -> None:
    versions = [store.data_version(warm_db)]
    upload_id = upload(warm_db, file_of("observations", new_workers(2024, 700)))
    versions.append(store.data_version(warm_db))
    changes.revert(warm_db, upload_id, editor="budi")
    versions.append(store.data_version(warm_db))
    assert versions[0] < versions[1] < versions[2]


# --- a commit killed mid-way --------------------------------------------------------------

KILLED_COMMIT = r"""
import sys, time
from pathlib import Path
from impact.upload import changes, checks, ingest

db, path, stop_at = sys.argv[1], Path(sys.argv[2]), int(sys.argv[3])
calls = 0

def checkpoint():
    global calls
    calls += 1
    if calls == stop_at:
        print("checkpoint", calls, flush=True)
        time.sleep(120)

changes._checkpoint = checkpoint
data = path.read_bytes()
grid = ingest.read_grid(data, path.name)
checked = checks.check_grid(grid, changes.load_vocabulary(db))
previewed = changes.preview(db, checked)
changes.commit(db, checked, previewed, editor="killed", filename=path.name,
               sha256=grid.detection.sha256)
print("committed", flush=True)
"""


@contextmanager
def warm(path: Path) -> Iterator[None]:
    """Keep an idle connection open meanwhile (see conftest.module_db); never beside a child."""
    keeper = duckdb.connect(str(path))
    try:
        yield
    finally:
        keeper.close()


def _child(code: str, *args: object) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-c", code, *map(str, args)],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _read_line(proc: subprocess.Popen, timeout: float = 60) -> str:
    with selectors.DefaultSelector() as selector:
        selector.register(proc.stdout, selectors.EVENT_READ)
        if not selector.select(timeout):
            proc.kill()
            pytest.fail(f"no output from the child in {timeout} s")
    line = proc.stdout.readline()
    if not line:
        proc.wait()
        pytest.fail(f"the child ended early: {proc.stderr.read()}")
    return line.strip()


@pytest.mark.parametrize("stop_at", [1, 2], ids=["after-the-log", "after-the-inserts"])
def test_a_commit_killed_midway_leaves_nothing_and_the_next_start_is_clean(
    fresh_db, tmp_path, snapshot, assert_same, stop_at
) -> None:
    with warm(fresh_db):
        data = file_of(
            "observations",
            new_workers(2024, 700),
            new_workers(2025, 720),
            workers(fresh_db, 2023) | {"value": 630},
        )
        before, version = snapshot(fresh_db), store.data_version(fresh_db)
    path = tmp_path / "tenaga_kerja.csv"
    path.write_bytes(data)
    child = _child(KILLED_COMMIT, fresh_db, path, stop_at)
    try:
        assert _read_line(child) == f"checkpoint {stop_at}"
        os.kill(child.pid, signal.SIGKILL)
    finally:
        child.kill()
        child.wait()
    assert child.returncode == -signal.SIGKILL
    # the next start opens the file afresh: migrations and seeding find nothing to do
    store.ensure_database(fresh_db)
    with warm(fresh_db):
        assert_same(before, snapshot(fresh_db))
        assert store.data_version(fresh_db) == version
        upload(fresh_db, data, editor="sari")  # and a commit works
        assert (workers(fresh_db, 2024)["value"], workers(fresh_db, 2023)["value"]) == (700, 630)
        assert changes.history(fresh_db)["editor"].tolist() == ["sari"]


# --- two editors at once ------------------------------------------------------------------


def _replayed(before: pd.DataFrame, path: Path) -> dict[str, dict]:
    """The observation table rebuilt from the seed rows and the active uploads' change log."""
    rows = {_key(r): r for r in _records(before)}
    with store.connect(path) as con:
        log = con.execute(
            """SELECT c.row_key, c.new_row FROM upload_change AS c
               JOIN upload AS u ON u.id = c.upload_id
               WHERE u.reverted_at IS NULL ORDER BY c.upload_id, c.seq"""
        ).fetchall()
    for row_key, new_row in log:
        rows[_key(json.loads(row_key))] = _normal(json.loads(new_row))
    return rows


def _records(frame: pd.DataFrame) -> list[dict]:
    return [_normal(r) for r in frame.to_dict("records")]


def _normal(record: dict) -> dict:
    out = {}
    for k, v in record.items():
        v = changes._clean(v)
        out[k] = float(v) if isinstance(v, int) and k != "year" else v
    return out


def _key(record: dict) -> str:
    return json.dumps({k: record[k] for k in DATASETS["observations"].key}, sort_keys=True)


def _assert_history_matches_data(before: pd.DataFrame, path: Path) -> None:
    current = {_key(r): r for r in _records(store.read_table(path, "observation"))}
    assert current == _replayed(before, path)


def _commit_at_once(path: Path, files: dict[str, bytes], retry: bool) -> dict[str, object]:
    """Each editor validates and previews, then all commit together; with ``retry`` an editor
    whose preview went stale previews again and commits again, as the page tells them to."""
    prepared = {}
    for editor, data in files.items():
        checked = check(path, data)
        prepared[editor] = (checked, changes.preview(path, checked))
    barrier = threading.Barrier(len(files))
    results: dict[str, object] = {}

    def run(editor: str) -> None:
        checked, previewed = prepared[editor]
        barrier.wait()
        while True:
            try:
                results[editor] = changes.commit(
                    path, checked, previewed, editor=editor, filename=f"{editor}.csv", sha256=""
                )
                return
            except changes.StalePreviewError as exc:
                if not retry:
                    results[editor] = exc
                    return
                previewed = changes.preview(path, checked)
            except Exception as exc:  # any other failure is reported by the assertions
                results[editor] = exc
                return

    threads = [threading.Thread(target=run, args=(e,)) for e in files]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    return results


def _two_files(path: Path, overlap: bool) -> dict[str, bytes]:
    shared = workers(path, 2023)
    return {
        "sari": file_of("observations", shared | {"value": 631}, new_workers(2024, 700)),
        "budi": file_of(
            "observations",
            shared | {"value": 642} if overlap else workers(path, 2021) | {"value": 1},
            new_workers(2025, 720),
        ),
    }


def test_two_editors_on_the_same_row_one_is_told_to_preview_again(warm_db) -> None:
    before = store.read_table(warm_db, "observation")
    results = _commit_at_once(warm_db, _two_files(warm_db, overlap=True), retry=False)
    won = sorted(e for e, r in results.items() if isinstance(r, int))
    stale = sorted(e for e, r in results.items() if isinstance(r, changes.StalePreviewError))
    assert (len(won), len(stale)) == (1, 1), results
    history = changes.history(warm_db)
    assert history["editor"].tolist() == won
    # the loser wrote nothing: neither its new row nor its value
    expected = {"sari": (631, 2024), "budi": (642, 2025)}[won[0]]
    assert workers(warm_db, 2023)["value"] == expected[0]
    years = set(store.observations(warm_db, "batik_workers", "blitar", "batik")["year"])
    assert {2024, 2025} & years == {expected[1]}
    _assert_history_matches_data(before, warm_db)


@pytest.mark.parametrize("overlap", [True, False], ids=["same-row", "different-rows"])
def test_two_editors_both_applied_in_some_order(warm_db, overlap) -> None:
    before = store.read_table(warm_db, "observation")
    # without overlap nobody goes stale; with it, the one told to preview again does so
    results = _commit_at_once(warm_db, _two_files(warm_db, overlap), retry=overlap)
    assert all(isinstance(r, int) for r in results.values()), results
    history = changes.history(warm_db)  # newest first
    assert sorted(history["editor"]) == ["budi", "sari"]
    assert (workers(warm_db, 2024)["value"], workers(warm_db, 2025)["value"]) == (700, 720)
    if overlap:  # the later upload's value stands
        assert (
            workers(warm_db, 2023)["value"] == {"sari": 631, "budi": 642}[history.iloc[0]["editor"]]
        )
    _assert_history_matches_data(before, warm_db)
    for upload_id in history["id"]:  # newest first, so no revert conflicts
        changes.revert(warm_db, upload_id, editor="admin")
    pd.testing.assert_frame_equal(store.read_table(warm_db, "observation"), before)


# --- the admin CLI beside a running dashboard ---------------------------------------------

DASHBOARD = r"""
import sys, time
from pathlib import Path
from impact import store

db, stop = sys.argv[1], Path(sys.argv[2])
count = 0
print("reading", flush=True)
while not stop.exists():
    with store.connect(db) as con:
        con.execute("SELECT count(*) FROM observation").fetchone()
    count += 1
    time.sleep(0.01)
print(count, flush=True)
"""

HOLDER = r"""
import sys, time
import duckdb
con = duckdb.connect(sys.argv[1])
print("holding", flush=True)
time.sleep(120)
"""


def _cli(*args: object, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "impact", "--lang", "en", *map(str, args)],  # English words
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def test_cli_import_while_the_dashboard_keeps_reading(fresh_db, tmp_path) -> None:
    path = tmp_path / "tenaga_kerja.csv"
    path.write_bytes(
        file_of("observations", new_workers(2024, 700), workers(fresh_db, 2023) | {"value": 630})
    )
    stop = tmp_path / "stop"
    dashboard = _child(DASHBOARD, fresh_db, stop)
    try:
        assert _read_line(dashboard) == "reading"
        result = _cli("--db", fresh_db, "import", path, "--editor", "operator")
        stop.touch()
        reads = int(_read_line(dashboard))
        assert dashboard.wait(30) == 0, dashboard.stderr.read()
    finally:
        dashboard.kill()
        dashboard.wait()
    assert result.returncode == 0, result.stdout + result.stderr
    assert "imported as upload 1" in result.stdout
    assert reads > 5  # the dashboard really was reading all along
    assert (workers(fresh_db, 2024)["value"], workers(fresh_db, 2023)["value"]) == (700, 630)
    assert changes.history(fresh_db)["editor"].tolist() == ["operator"]


def test_cli_import_while_another_process_holds_the_file_exits_busy(
    fresh_db, tmp_path, snapshot, assert_same
) -> None:
    path = tmp_path / "tenaga_kerja.csv"
    path.write_bytes(file_of("observations", new_workers(2024, 700)))
    with warm(fresh_db):
        before = snapshot(fresh_db)
    holder = _child(HOLDER, fresh_db)
    try:
        assert _read_line(holder) == "holding"
        result = _cli("--db", fresh_db, "import", path)  # retries ~30 s, then gives up
    finally:
        holder.kill()
        holder.wait()
    assert result.returncode == 3, result.stdout + result.stderr
    assert "busy" in result.stderr and str(fresh_db) in result.stderr
    with warm(fresh_db):
        assert_same(before, snapshot(fresh_db))


# --- set-based preview, log and revert: samples, signature, log format, exact restores ------


def _years_file(warm_db: Path) -> bytes:
    """Rows 2-8: update, insert, update, insert, same, update, insert (by spreadsheet row)."""
    return file_of(
        "observations",
        workers(warm_db, 2021) | {"value": 481},
        new_workers(2024, 700),
        workers(warm_db, 2022) | {"value": 541},
        new_workers(2025, 710),
        stored(
            warm_db,
            "observations",
            indicator="batik_income_index",
            region="blitar",
            sector="batik",
            year=2023,
        ),
        workers(warm_db, 2023) | {"value": 621},
        new_workers(2026, 720),
    )


def test_a_preview_samples_the_first_rows_but_counts_and_commits_every_row(
    warm_db, monkeypatch
) -> None:
    monkeypatch.setattr(changes, "PREVIEW_LIMIT", 2)
    checked = check(warm_db, _years_file(warm_db))
    previewed = changes.preview(warm_db, checked)
    assert previewed.counts == {"insert": 3, "update": 3, "same": 1}
    assert previewed.limit == 2
    assert [(c.row, c.action) for c in previewed.sample] == [
        (2, "update"),
        (3, "insert"),
        (4, "update"),
        (5, "insert"),
        (6, "same"),
    ]
    assert [c.key["year"] for c in previewed.of("update")] == [2021, 2022]
    assert (previewed.shown("insert"), previewed.shown("same")) == (2, 1)
    assert [previewed.is_sample(a) for a in changes.ACTIONS] == [True, True, False]
    assert previewed.replaced_table()[["row", "column", "old", "new"]].values.tolist() == [
        [2, "value", 480.0, 481.0],
        [4, "value", 540.0, 541.0],
    ]
    # the page and the CLI say that a sample is shown, numbers in the language's format
    assert views.sample_note(previewed, "update", "en") == "Showing the first 2 of 3 rows."
    assert views.sample_note(previewed, "same", "id") is None
    changes.commit(warm_db, checked, previewed, editor="sari", filename="x.csv", sha256="")
    assert [workers(warm_db, y)["value"] for y in range(2021, 2027)] == [
        481,
        541,
        621,
        700,
        710,
        720,
    ]
    record = changes.history(warm_db).iloc[0]
    assert (record["rows_added"], record["rows_replaced"], record["rows_unchanged"]) == (3, 3, 1)
    assert len(store.read_table(warm_db, "upload_change")) == 6


def test_the_sample_note_formats_large_counts() -> None:
    dataset = DATASETS["observations"]
    change = changes.Change(2, {}, "insert", None, {})
    previewed = changes.Preview(
        dataset,
        {"insert": 250_000, "update": 0, "same": 0},
        (1, 1),
        [change, changes.Change(3, {}, "insert", None, {})],
        1000,
    )
    assert views.sample_note(previewed, "insert", "id") == (
        "Menampilkan 2 baris pertama dari 250.000."
    )
    assert views.sample_note(previewed, "insert", "en") == ("Showing the first 2 of 250,000 rows.")


def test_a_preview_holds_no_row_objects_beyond_its_limit(warm_db, monkeypatch) -> None:
    monkeypatch.setattr(changes, "PREVIEW_LIMIT", 1)
    previewed = changes.preview(warm_db, check(warm_db, _years_file(warm_db)))
    assert len(previewed.sample) == 3  # one per action, whatever the file's size
    assert set(vars(previewed)) == {"dataset", "counts", "signature", "sample", "limit"}


@pytest.mark.parametrize("note_in_file", [True, False], ids=["note-given", "note-kept"])
@pytest.mark.parametrize("their_note", ["Catatan lain", None], ids=["to-text", "to-null"])
def test_the_stale_check_sees_one_old_value_change(
    warm_db, snapshot, assert_same, note_in_file, their_note
) -> None:
    # Same actions and counts before and after: only the checksum of old values can tell.
    drop = () if note_in_file else ("catatan",)
    checked = check(
        warm_db,
        file_of(
            "observations",
            workers(warm_db, 2023) | {"value": 630},
            new_workers(2024, 700),
            drop=drop,
        ),
    )
    previewed = changes.preview(warm_db, checked)
    with store.connect(warm_db) as con:  # another writer changes one stored value
        con.execute(
            "UPDATE observation SET note = ? WHERE indicator = 'batik_workers' AND year = 2023",
            [their_note],
        )
    assert changes.preview(warm_db, checked).counts == previewed.counts
    state = snapshot(warm_db)
    with pytest.raises(changes.StalePreviewError):
        changes.commit(warm_db, checked, previewed, editor="sari", filename="x.csv", sha256="")
    assert_same(state, snapshot(warm_db))


def test_the_stale_check_sees_a_different_file_with_the_same_counts(warm_db) -> None:
    previewed = changes.preview(
        warm_db, check(warm_db, file_of("observations", new_workers(2024, 700)))
    )
    other = check(warm_db, file_of("observations", new_workers(2024, 701)))
    with pytest.raises(changes.StalePreviewError):
        changes.commit(warm_db, other, previewed, editor="sari", filename="x.csv", sha256="")
    assert changes.history(warm_db).empty


def _old_code_log(before: pd.DataFrame, checked: validation.Validated) -> list[tuple]:
    """What the row-by-row code wrote to upload_change for this file (its algorithm, in
    Python): (seq, action, key, old row, new row), values as JSON would give them back."""
    dataset = checked.dataset
    columns = [c.name for c in dataset.columns]
    given = dataset.given_columns(checked.columns)
    stored_rows = {}
    for record in before.to_dict("records"):
        record = {c: changes._clean(record[c]) for c in columns}
        stored_rows[tuple(record[k] for k in dataset.key)] = record
    log = []
    for record in checked.rows.sort_values("_row").to_dict("records"):
        new = {c: changes._clean(record[c]) for c in columns}
        key = {k: new[k] for k in dataset.key}
        old = stored_rows.get(tuple(key.values()))
        if old is not None:
            new = {c: new[c] if c in given else old[c] for c in columns}
            if all(changes._same(old[c], new[c]) for c in columns):
                continue
        log.append(("insert" if old is None else "update", key, old, new))
    return [(seq, *entry) for seq, entry in enumerate(log, start=1)]


def _logged(path: Path, upload_id: int) -> list[tuple]:
    with store.connect(path) as con:
        rows = con.execute(
            """SELECT seq, action, row_key, old_row, new_row, table_name FROM upload_change
               WHERE upload_id = ? ORDER BY seq""",
            [upload_id],
        ).fetchall()
    return rows


@pytest.mark.parametrize("drop", [(), ("catatan",)], ids=["all-columns", "without-note"])
@pytest.mark.parametrize("dataset", sorted(ROUND_TRIPS))
def test_the_change_log_says_what_the_row_by_row_code_said(warm_db, dataset, drop) -> None:
    key, change, new = ROUND_TRIPS[dataset]
    table = DATASETS[dataset].table
    unchanged = next(
        r
        for r in store.read_table(warm_db, table).to_dict("records")
        if any(r[k] != v for k, v in key.items())
    )
    data = file_of(
        dataset,
        new,
        unchanged,
        stored(warm_db, dataset, **key) | change,
        drop=drop if "catatan" in {c.header_id for c in DATASETS[dataset].columns} else (),
    )
    checked = check(warm_db, data)
    expected = _old_code_log(store.read_table(warm_db, table), checked)
    upload_id = upload(warm_db, data)
    logged = _logged(warm_db, upload_id)
    assert [
        (seq, action, json.loads(k), None if o is None else json.loads(o), json.loads(n))
        for seq, action, k, o, n, _ in logged
    ] == expected
    assert {t for *_, t in logged} == {table}
    for _, _, row_key, old_row, new_row, _ in logged:
        # keys: compact and sorted, so keys written by any upload compare as text
        assert row_key == json.dumps(
            json.loads(row_key), sort_keys=True, separators=(",", ":"), ensure_ascii=False
        )
        columns = [c.name for c in DATASETS[dataset].columns]
        assert list(json.loads(new_row)) == columns
        assert old_row is None or list(json.loads(old_row)) == columns


ENTERPRISE_BASE = [  # stored before any upload: NULLs, and floats a text round trip must keep
    (
        "U01-000001",
        2022,
        "kota_blitar",
        "batik",
        "micro",
        0.1,
        None,
        1e-07,
        None,
        "reported",
        "Survei",
    ),
    (
        "U01-000001",
        2023,
        "kota_blitar",
        "batik",
        "micro",
        1 / 3,
        2,
        None,
        "training",
        "reported",
        "Survei",
    ),
    (
        "U01-000002",
        2023,
        "kab_blitar",
        "batik",
        "small",
        1.7976931348623157e308,
        None,
        0.30000000000000004,
        "training;exhibition",
        "estimated",
        "Survei ü – é",
    ),
]
# The columns before the owner's gender (schema v9), in the table's order: these tests store
# and compare rows positionally; test_owner_gender.py covers the gender column.
ENTERPRISE_COLUMNS = [c.name for c in DATASETS["enterprises"].columns if c.name != "owner_gender"]


def _enterprises(path: Path) -> list[tuple]:
    with store.connect(path) as con:
        return con.execute(
            "SELECT * EXCLUDE (owner_gender) FROM enterprise_record ORDER BY ALL"
        ).fetchall()


def _seed_enterprises(path: Path) -> list[tuple]:
    with store.connect(path) as con:
        con.executemany(
            "INSERT INTO enterprise_record (" + ", ".join(ENTERPRISE_COLUMNS) + ")"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [list(r) for r in ENTERPRISE_BASE],
        )
    return _enterprises(path)


def _enterprise(**values) -> dict:
    base = dict(zip(ENTERPRISE_COLUMNS, ENTERPRISE_BASE[0], strict=True))
    return base | {"status": "estimasi", "output": 2.5} | values  # 1e-07 is no spreadsheet number


def test_revert_restores_enterprise_records_exactly(warm_db) -> None:
    original = _seed_enterprises(warm_db)
    assert original == sorted(ENTERPRISE_BASE)
    data = file_of(
        "enterprises",
        _enterprise(income=0.3, workers=3, output=None, programs="training"),
        _enterprise(year=2023, income=2.675, workers=None, output=0.1),
        _enterprise(
            enterprise_id="U01-000002",
            year=2023,
            size_class="small",
            region="kab_blitar",
            income=1234567.891,
            workers=0,
            output=None,
            programs=None,
            source="Survei ü – é",
        ),
        _enterprise(enterprise_id="U01-000003", year=2024, income=0.1, output=0.25),
    )
    upload_id = upload(warm_db, data)
    changed = {r[:2]: r for r in _enterprises(warm_db)}
    assert changed[("U01-000001", 2022)][5:8] == (0.3, 3, None)
    assert changed[("U01-000002", 2023)][5:9] == (1234567.891, 0, None, None)
    assert changed[("U01-000003", 2024)][5] == 0.1
    assert changes.revert(warm_db, upload_id, editor="budi") == 4
    assert _enterprises(warm_db) == original  # exact: floats compared bit for bit


def test_a_file_without_optional_columns_keeps_their_stored_values(warm_db) -> None:
    original = _seed_enterprises(warm_db)
    drop = ("pekerja", "output_rp", "program")
    data = file_of(
        "enterprises",
        _enterprise(income=0.5, workers=99, output=99.0, programs="exhibition"),
        _enterprise(
            enterprise_id="U01-000002",
            year=2023,
            size_class="small",
            region="kab_blitar",
            income=1.7976931348623157e308,
            source="Survei ü – é",
            status="estimated",
        ),
        _enterprise(enterprise_id="U01-000009", year=2023, income=7.0),
        drop=drop,
    )
    checked = check(warm_db, data)
    previewed = changes.preview(warm_db, checked)
    # the second row differs only in columns the file lacks: unchanged
    assert previewed.counts == {"insert": 1, "update": 1, "same": 1}
    assert previewed.replaced_table()[["column", "old", "new"]].values.tolist() == [
        ["income", 0.1, 0.5],
        ["status", "reported", "estimated"],
    ]
    upload_id = changes.commit(
        warm_db, checked, previewed, editor="sari", filename="x.csv", sha256=""
    )
    rows = {r[:2]: r for r in _enterprises(warm_db)}
    assert rows[("U01-000001", 2022)] == (
        *ENTERPRISE_BASE[0][:5],
        0.5,
        None,
        1e-07,
        None,
        "estimated",
        "Survei",
    )
    assert rows[("U01-000009", 2023)][5:9] == (7.0, None, None, None)
    assert rows[("U01-000002", 2023)] == ENTERPRISE_BASE[2]
    new_row = json.loads(_logged(warm_db, upload_id)[0][4])
    assert (new_row["workers"], new_row["output"], new_row["programs"]) == (None, 1e-07, None)
    changes.revert(warm_db, upload_id, editor="budi")
    assert _enterprises(warm_db) == original


def test_arrow_backed_rows_preview_and_commit_like_numpy_rows(warm_db) -> None:
    _seed_enterprises(warm_db)
    data = file_of(
        "enterprises",
        _enterprise(income=0.5, workers=None),
        _enterprise(enterprise_id="U01-000005", year=2024, output=None),
    )
    checked = check(warm_db, data)
    arrow = dataclasses.replace(checked, rows=checked.rows.convert_dtypes(dtype_backend="pyarrow"))
    assert any(isinstance(t, pd.ArrowDtype) for t in arrow.rows.dtypes)
    numpy, previewed = changes.preview(warm_db, checked), changes.preview(warm_db, arrow)
    assert (previewed.counts, previewed.signature) == (numpy.counts, numpy.signature)
    assert previewed.sample == numpy.sample
    changes.commit(warm_db, arrow, numpy, editor="sari", filename="x.csv", sha256="")
    rows = {r[:2]: r for r in _enterprises(warm_db)}
    assert rows[("U01-000001", 2022)][5:7] == (0.5, None)
    assert rows[("U01-000005", 2024)][5:8] == (0.1, None, None)


# --- change logs written by the row-by-row code (before schema v5) ------------------------


def _as_old_code_wrote_it(path: Path, upload_id: int, float_columns: tuple[str, ...]) -> None:
    """Rewrite an upload's log as the row-by-row code did: Python json.dumps with ', ' and
    ': ', keys sorted in row_key only, non-ASCII escaped, and integer columns that held a NULL
    somewhere read back through pandas as floats (3.0)."""

    def floats(row: dict) -> dict:
        return {k: float(v) if k in float_columns and v is not None else v for k, v in row.items()}

    with store.connect(path) as con:
        for seq, _, row_key, old_row, new_row, _ in _logged(path, upload_id):
            con.execute(
                """UPDATE upload_change SET row_key = ?, old_row = ?, new_row = ?
                   WHERE upload_id = ? AND seq = ?""",
                [
                    json.dumps(json.loads(row_key), sort_keys=True),
                    None if old_row is None else json.dumps(floats(json.loads(old_row))),
                    json.dumps(json.loads(new_row)),
                    upload_id,
                    seq,
                ],
            )
        con.execute("UPDATE meta SET value = '4' WHERE key = 'schema_version'")


def test_an_old_format_upload_reverts_and_conflicts_after_the_migration(warm_db) -> None:
    original = data_tables(warm_db)
    key, change, _ = ROUND_TRIPS["programs"]
    agency = 'Dinas "Pariwisata"/Kebudayaan – Blitar é'  # escaped differently by Python
    added = {
        "year": 2025,
        "program": "exhibition",
        "agency": agency,
        "region": "kota_blitar",
        "count": 2,
        "status": "estimated",
        "source": "Rencana",
    }
    old_upload = upload(
        warm_db, file_of("programs", stored(warm_db, "programs", **key) | change, added)
    )
    compact = [r[2] for r in _logged(warm_db, old_upload)]
    _as_old_code_wrote_it(warm_db, old_upload, ("count", "budget_rp", "participants"))
    spaced = [r[2] for r in _logged(warm_db, old_upload)]
    assert spaced != compact and all(", " in k for k in spaced)
    assert "\\u2013" in spaced[1]  # the en dash, escaped as json.dumps does
    store.ensure_database(warm_db)  # the next start migrates the log to v5
    with store.connect(warm_db) as con:
        assert store.schema_version(con) == store.SCHEMA_VERSION >= 5
    assert [r[2] for r in _logged(warm_db, old_upload)] == compact
    # a new upload touching the added row conflicts with reverting the old one
    later = upload(warm_db, file_of("programs", added | {"count": 4}))
    with pytest.raises(changes.RevertConflictError) as caught:
        changes.revert(warm_db, old_upload, editor="budi")
    assert caught.value.later == [later]
    changes.revert(warm_db, later, editor="budi")
    assert changes.revert(warm_db, old_upload, editor="budi") == 2
    for table, frame in original.items():
        pd.testing.assert_frame_equal(
            data_tables(warm_db)[table], frame, obj=table, check_exact=True
        )


@pytest.mark.parametrize(
    "text",
    ["Dinas Koperasi", 'a "b" \\ c / d', "é – ü 😀", "line\nbreak\ttab", "\u2028\x7f\x01"],
)
def test_migration_v5_writes_old_keys_as_new_commits_write_them(text) -> None:
    con = duckdb.connect()
    con.execute("CREATE TABLE upload_change (row_key VARCHAR)")
    old = json.dumps({"year": 2024, "agency": text}, sort_keys=True)
    con.execute("INSERT INTO upload_change VALUES (?)", [old])
    for statement in store.MIGRATIONS[4]:
        con.execute(statement)
    migrated = con.execute("SELECT row_key FROM upload_change").fetchone()[0]
    written = con.execute(
        "SELECT to_json(struct_pack(agency := CAST(? AS VARCHAR), year := CAST(? AS INTEGER)))",
        [text, 2024],
    ).fetchone()[0]
    assert migrated == written
    assert json.loads(migrated) == {"agency": text, "year": 2024}


def test_cli_dry_run_says_when_it_lists_only_the_first_replaced_rows(
    warm_db, tmp_path, capsys, monkeypatch
) -> None:
    from impact import cli

    monkeypatch.setattr(changes, "PREVIEW_LIMIT", 1)
    path = tmp_path / "tenaga_kerja.csv"
    path.write_bytes(_years_file(warm_db))
    assert cli.main(["--db", str(warm_db), "--lang", "en", "import", str(path), "--dry-run"]) == 0
    assert capsys.readouterr().out.splitlines()[1:] == [
        "add 3, replace 3, unchanged 1",
        "  row 2 batik_workers · blitar · batik · 2021 value: 480.0 -> 481.0",
        "  Showing the first 1 of 3 rows.",
        "dry run: nothing written",
    ]
