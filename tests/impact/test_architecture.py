"""House rules that keep the domain testable (shared/STYLE.md)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
IMPACT_FILES = sorted((ROOT / "impact").rglob("*.py"))


@pytest.mark.parametrize("path", IMPACT_FILES, ids=lambda p: p.name)
def test_impact_never_imports_streamlit(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            names = [node.module or ""]
        else:
            continue
        assert not any(n.split(".")[0] == "streamlit" for n in names), f"{path.name}: {names}"


def test_the_architecture_check_itself_can_fail(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("from streamlit import cache_data\n")
    with pytest.raises(AssertionError):
        test_impact_never_imports_streamlit(bad)


def test_no_unsafe_html_in_app_code() -> None:
    for path in [ROOT / "app.py", *sorted((ROOT / "pages").glob("*.py"))]:
        assert "unsafe_allow_html=True" not in path.read_text(encoding="utf-8"), path.name


def test_sql_values_are_bound_not_formatted() -> None:
    # Values go in as parameters; table names only through store.quote_table (an allow-list).
    for path in IMPACT_FILES:
        source = path.read_text(encoding="utf-8")
        assert not re.search(r"execute\(\s*f[\"']", source), path.name
        for match in re.finditer(r"execute\(\s*\"[^\"]*\"\s*\+\s*([\w.]+)", source):
            assert match.group(1).split(".")[-1] == "quote_table", (path.name, match.group(0))
