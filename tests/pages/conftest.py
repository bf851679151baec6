"""Page tests run against a freshly seeded database named by the environment variable."""

from __future__ import annotations

from pathlib import Path

import pytest

from impact import auth, store


@pytest.fixture
def app_db(monkeypatch, seeded_db: Path) -> Path:
    monkeypatch.setenv(store.DB_PATH_ENV, str(seeded_db))
    return seeded_db


@pytest.fixture(autouse=True)
def _fresh_sign_in_state():
    """The throttle and the session registry are process-wide on purpose; each test starts
    with none of the failures or sessions of the tests before it."""
    auth.THROTTLE.reset()
    auth.SESSIONS.reset()
    yield
    auth.THROTTLE.reset()
    auth.SESSIONS.reset()
