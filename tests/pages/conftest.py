"""Page tests run against a freshly seeded database named by the environment variable."""

from __future__ import annotations

from pathlib import Path

import pytest

from impact import store


@pytest.fixture
def app_db(monkeypatch, seeded_db: Path) -> Path:
    monkeypatch.setenv(store.DB_PATH_ENV, str(seeded_db))
    return seeded_db
