"""How page tests open the app: one place for AppTest set-up and the readers of its elements."""

from __future__ import annotations

import json
from pathlib import Path

from streamlit.testing.v1 import AppTest

APP = str(Path(__file__).resolve().parents[2] / "app.py")  # absolute: AppTest resolves from here
DEFAULT_PAGE = "pages/overview.py"


def open_page(page: str, lang: str = "id", timeout: int = 60, **params: str) -> AppTest:
    """Run app.py (language and URL parameters set first), switch to ``page``, run it, and
    fail on any exception."""
    at = AppTest.from_file(APP, default_timeout=timeout)
    at.session_state["lang"] = lang
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    if page != DEFAULT_PAGE:  # the default page is what the first run shows (switching to it
        # in AppTest reruns it outside app.py's fault handling, unlike a browser's link)
        at.switch_page(page)
        at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def chart_titles(at: AppTest) -> list[str]:
    """Each chart's title, its wrapped lines joined."""
    return [" ".join(json.loads(c.proto.spec)["title"]["text"]) for c in at.get("vega_lite_chart")]


def metrics(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}
