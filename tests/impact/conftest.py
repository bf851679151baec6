"""Fixtures of the upload-path tests: the code lists, a database snapshot, the app's flow."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from impact import store, upload
from impact.upload import checks, ingest, validation
from impact.upload.datasets import DATASETS

# Validation takes "today" to bound years; fixed so 2026 is the last year accepted.
TODAY = dt.date(2025, 6, 1)


@pytest.fixture(scope="session")
def vocab(tmp_path_factory: pytest.TempPathFactory) -> validation.Vocabulary:
    """The code lists of a freshly seeded database (read once per run)."""
    path = store.ensure_database(tmp_path_factory.mktemp("vocab") / "batik.duckdb")
    return upload.load_vocabulary(path)


@pytest.fixture(scope="module")
def module_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """One seeded database per test module, for in-process tests that leave it unchanged.

    An idle connection stays open meanwhile, as in the long-running dashboard process: it
    keeps DuckDB's instance alive, so each short-lived store.connect costs microseconds
    instead of ~20 ms. It holds no transaction; never use this fixture across processes.
    """
    path = store.ensure_database(tmp_path_factory.mktemp("module") / "batik.duckdb")
    keeper = duckdb.connect(str(path))
    yield path
    keeper.close()


@pytest.fixture(scope="session")
def seeded_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One database created and seeded like the first start, copied by ``fresh_db``."""
    path = store.ensure_database(tmp_path_factory.mktemp("template") / "batik.duckdb")
    assert not path.with_name(path.name + ".wal").exists()  # closed and checkpointed
    return path


@pytest.fixture
def fresh_db(tmp_path: Path, seeded_template: Path) -> Path:
    """Like ``seeded_db`` (a new seeded file in tmp_path), but a copy: ~5 ms, not ~300 ms."""
    path = tmp_path / "batik.duckdb"
    shutil.copyfile(seeded_template, path)
    return path


@pytest.fixture
def warm_db(fresh_db: Path) -> Iterator[Path]:
    """A fresh seeded database with an idle connection kept open (see module_db): for tests
    that stay in this process. Tests with a second process use ``fresh_db``."""
    keeper = duckdb.connect(str(fresh_db))
    yield fresh_db
    keeper.close()


def _snapshot(path: Path) -> dict[str, pd.DataFrame]:
    return {table: store.read_table(path, table) for table in store.TABLES}


def _assert_same(before: dict[str, pd.DataFrame], after: dict[str, pd.DataFrame]) -> None:
    assert set(before) == set(after)
    for table, frame in before.items():
        pd.testing.assert_frame_equal(after[table], frame, obj=table)


@pytest.fixture
def snapshot() -> Callable[[Path], dict[str, pd.DataFrame]]:
    """Every table in store.TABLES, as store.read_table returns it."""
    return _snapshot


@pytest.fixture
def assert_same() -> Callable[[dict, dict], None]:
    """Two snapshots hold exactly the same tables, rows and values."""
    return _assert_same


def _upload_like_the_app(
    path: Path,
    data: bytes,
    filename: str = "upload.csv",
    *,
    dataset: str | None = None,
    sheet: str | None = None,
    max_bytes: int = ingest.DEFAULT_MAX_BYTES,
    editor: str = "tester",
) -> validation.Validated:
    """Read, validate, and only when the file is clean preview and commit, as the page does."""
    grid = ingest.read_grid(data, filename, sheet=sheet, max_bytes=max_bytes)
    chosen = DATASETS[dataset] if dataset else None
    checked = checks.check_grid(grid, upload.load_vocabulary(path), chosen, today=TODAY)
    if checked.ok:
        previewed = upload.preview(path, checked)
        upload.commit(
            path, checked, previewed, editor=editor, filename=filename, sha256=grid.detection.sha256
        )
    return checked


@pytest.fixture
def upload_like_the_app() -> Callable[..., validation.Validated]:
    return _upload_like_the_app
