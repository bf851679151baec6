"""Every free-text widget on the pages has a length limit (issue 24): Streamlit enforces
``max_chars`` at the server too (a longer value is cut), so no typed value outgrows it."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PAGES = Path(__file__).resolve().parents[2] / "pages"
FREE_TEXT = {"text_input", "text_area", "chat_input"}


def _free_text_calls() -> list[tuple[str, ast.Call]]:
    calls = []
    for path in sorted([*PAGES.glob("*.py"), PAGES.parent / "app.py"]):
        for node in ast.walk(ast.parse(path.read_text())):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr in FREE_TEXT
            ):
                calls.append((f"{path.name}:{node.lineno}", node))
    return calls


def test_the_pages_have_free_text_widgets_to_check() -> None:
    assert len(_free_text_calls()) >= 4  # sign-in name and password, deck title and agency


@pytest.mark.parametrize(
    "where, call", _free_text_calls(), ids=lambda v: v if isinstance(v, str) else ""
)
def test_every_free_text_widget_has_max_chars(where, call) -> None:
    assert any(k.arg == "max_chars" for k in call.keywords), f"{where}: no max_chars"
