"""Shared fixtures: a freshly seeded DuckDB file per test, in tmp_path."""

from __future__ import annotations

from pathlib import Path

import pytest

from impact import store

PROJECT_DIR = Path(__file__).resolve().parent.parent


@pytest.fixture
def seeded_db(tmp_path: Path) -> Path:
    """A new database file created and seeded from data/, like the first `make run`."""
    return store.ensure_database(tmp_path / "batik.duckdb")
