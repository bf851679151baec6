"""Shared fixtures: a freshly seeded DuckDB file per test, in tmp_path."""

from __future__ import annotations

from pathlib import Path

import pytest

from impact import store

PROJECT_DIR = Path(__file__).resolve().parent.parent
E2E_DIR = PROJECT_DIR / "tests" / "e2e"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every test under tests/e2e is a browser test, so `-m "not e2e"` (make test-fast) skips it
    even if a new file there forgets its `pytestmark`."""
    for item in items:
        if item.path.is_relative_to(E2E_DIR):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture
def seeded_db(tmp_path: Path) -> Path:
    """A new database file created and seeded from data/, like the first `make run`."""
    return store.ensure_database(tmp_path / "batik.duckdb")
