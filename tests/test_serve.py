"""serve.py's changes to Streamlit's session handling, without a server: an anonymous
``clear_cache`` does not empty the shared caches; an editor's does. (The session's first
message and git information are checked against a real server in tests/e2e/test_front.py.)"""

from __future__ import annotations

from types import SimpleNamespace

import pytest

import serve
from impact import auth


@pytest.fixture
def cleared(monkeypatch) -> list[str]:
    done: list[str] = []
    monkeypatch.setattr(serve, "_clear_cache", lambda session: done.append(session.id))
    sessions = auth.SessionRegistry(clock=lambda: 0.0, idle_s=lambda: 1800)
    monkeypatch.setattr(auth, "SESSIONS", sessions)
    token = sessions.open("ani")
    sessions.check(token, "editor-1")
    return done


def test_only_an_editors_clear_cache_empties_the_shared_caches(cleared) -> None:
    for _ in range(5):  # before: five a second from one viewer slowed every viewer 13-fold
        serve._editor_clears_cache(SimpleNamespace(id="viewer-1"))  # type: ignore[arg-type]
    assert cleared == []
    serve._editor_clears_cache(SimpleNamespace(id="editor-1"))  # type: ignore[arg-type]
    assert cleared == ["editor-1"]
