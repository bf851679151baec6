"""House rules that keep the domain testable (shared/STYLE.md).

* the domain never imports the UI, and its modules import each other without circles;
* SQL values are bound, identifiers allow-listed: a static check of every ``.execute(`` /
  ``.sql(`` call's SQL text, and a run of the real flows with a canary in every cell;
* pyproject.toml's dependencies are requirements.txt's.
"""

from __future__ import annotations

import ast
import datetime as dt
import re
import sys
import textwrap
import tomllib
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

ROOT = Path(__file__).resolve().parents[2]
IMPACT_FILES = sorted((ROOT / "impact").rglob("*.py"))


def _ids(path: Path) -> str:
    return str(path.relative_to(ROOT / "impact"))


# --- the domain never imports streamlit ----------------------------------------------------


@pytest.mark.parametrize("path", IMPACT_FILES, ids=_ids)
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
    bad.write_text("def f():\n    import streamlit.components.v1 as c\n")
    with pytest.raises(AssertionError):
        test_impact_never_imports_streamlit(bad)


def test_no_unsafe_html_in_app_code() -> None:
    for path in [ROOT / "app.py", *sorted((ROOT / "pages").glob("*.py"))]:
        assert "unsafe_allow_html=True" not in path.read_text(encoding="utf-8"), path.name


# --- no import circles ---------------------------------------------------------------------


def _module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def import_graph(files: list[Path], root: Path = ROOT) -> dict[str, set[str]]:
    """impact.* module -> the impact.* modules it imports, at module or function level.
    ``from impact.x import y`` counts as importing impact.x.y when that is a module, else
    impact.x; a relative import is resolved against the importing module's package."""
    modules = {_module_name(p, root): p for p in files}
    graph: dict[str, set[str]] = {name: set() for name in modules}
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            targets: list[str] = []
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    anchor = package.split(".")
                    anchor = anchor[: len(anchor) - (node.level - 1)]
                    base = ".".join([*anchor, base] if base else anchor)
                for alias in node.names:
                    full = base + "." + alias.name
                    targets.append(full if full in modules else base)
            for target in targets:
                # `import impact.a.b` imports impact.a.b; keep the longest known prefix.
                while target and target not in modules:
                    target = target.rpartition(".")[0]
                if target and target != name:
                    graph[name].add(target)
    return graph


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import circle as [a, b, ..., a], or None (depth-first search, three colours)."""
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return [*path[path.index(nxt) :], nxt]
            if nxt not in state and (found := visit(nxt)):
                return found
        path.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (found := visit(node)):
            return found
    return None


def test_impact_modules_import_each_other_without_circles() -> None:
    graph = import_graph(IMPACT_FILES)
    assert len(graph) == len(IMPACT_FILES)
    assert graph["impact.upload.changes"] >= {"impact.store"}  # the graph sees real edges
    cycle = find_cycle(graph)
    assert cycle is None, "import circle: " + " -> ".join(cycle or [])


def test_the_circle_check_finds_a_circle(tmp_path: Path) -> None:
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set(), "c": {"a", "b"}}) is None
    # And on files: a function-level import closes the circle too.
    package = tmp_path / "impact"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "one.py").write_text("from impact import two\n")
    (package / "two.py").write_text("def f():\n    from . import one\n")
    graph = import_graph(sorted(package.rglob("*.py")), root=tmp_path)
    assert find_cycle(graph) == ["impact.one", "impact.two", "impact.one"]


# --- SQL values are bound, identifiers allow-listed: the static check -----------------------

# Calls whose result may be spliced into SQL text: they return quoted identifiers from an
# allow-list, or SQL fragments built only from such identifiers and constants. Each is named
# by its last dotted part.
IDENTIFIER_BUILDERS = {
    "quote_table": "store: a table name from store.TABLES, quoted",
    "_own_catalog": "store: the connection's own database name (DuckDB's, from the file name), quoted",
    "_ident": "upload/changes: a dataset's declared column, quoted, with an old_/new_ prefix",
    "_in_list": "store: a SQL list of module constants (the CHECK constraints of the schema)",
    "duckdb_memory": "config: a size that matched the size pattern, or the default",
    "check_memory": "config: a size that matched the size pattern, or the default",
    "_quoted_path": "upload/spill: a path we made (tempfile.mkdtemp), as an SQL string literal",
    "part_table": "upload/spill: 'typed' or 'typed_' + an int (a part's table)",
}
# Helpers that build SQL fragments; their own return values are checked by the same rules.
FRAGMENT_BUILDERS = {
    "_typed",
    "_struct_type",
    "_same_sql",
    "_json_of",
    "_logged",
    "_parsed_sql",
    "_number_sql",
    "_native",
    "_plain",
    "_clean_sql",
    "_grouped_sql",
    "_mask",
    "_text_only",
    "relation",
}
# Names and attributes that hold identifiers or SQL from the code, never a value from a file
# or a user: each with why. A name not assigned in the function must be listed here, bare
# names as "function:name".
TRUSTED_NAMES = {
    "dataset.key": "a dataset's declared key columns (constants in upload/datasets.py)",
    "dataset.table": "a dataset's declared table (constants in upload/datasets.py)",
    "c.name": "a declared column name",
    "column.name": "a declared column name",
    "column.type": "a declared column type (number, code:<list>, ...)",
    "_number_sql:raw": "checks: a generated column name c<i>, from the cells map",
    "_parsed_sql:raw": "checks: a generated column name c<i>, from the cells map",
    "_grouped_sql:raw": "checks: a generated column name c<i>, from the cells map",
    "_native:raw": "checks: a generated column name c<i>, from the cells map",
    "_plain:raw": "checks: a generated column name c<i>, from the cells map",
    "_read_and_check:clean": "checks: _clean_sql's SQL over declared and generated columns",
    "_number_sql:plain": "checks: _plain(raw), the shape column k<i> beside a cell column",
    "_blank_rows:names": "checks: generated column names c0..cN (Source.columns)",
    "_failures:names": "checks: generated column names c0..cN (Source.columns)",
    "header.dataset": "checks: a declared dataset (upload/datasets.py)",
    "_text_only:sql": "checks: SQL over generated cell columns, from its callers' constants",
    "_text_only:native": "checks: a generated number column n<i> (_native)",
    "header.cells": "checks: dataset column -> generated cell column c<i> (map_header)",
    "header.unheaded": "checks: generated cell columns c<i> under no header (map_header)",
    "source.columns": "checks: generated cell columns c<i> (a reader's Source)",
    "source.natives": "checks: generated number columns n<i> (a reader's Source)",
    "source.relation": "checks: 'grid' or bulk's constant read_csv call with bound parameters",
    "_typed:types": "changes: SQL types from the _SQL_TYPES allow-list (_column_types)",
    "_struct_type:types": "changes: SQL types from the _SQL_TYPES allow-list (_column_types)",
    "_logged:source": "changes._logged: the upload_change column, 'old_row' or 'row_key' at each call",
    "growth_summary:by": "equity: checked against equity.GROUPS just above the SQL",
    "check.condition": "checks: SQL built by _checks from declared columns and constants",
    "checks[i].condition": "checks: SQL built by _checks from declared columns and constants",
    "_diff:incoming": "changes: _incoming's relation, a registered frame's name or Spill.relation",
    "_read_and_check:tables": "checks: 'typed_rows' or a spill's fresh alias + part_table(k)",
    "_check_into:tables": "checks: 'typed_rows' or a spill's fresh alias + part_table(k)",
    "frame:columns": "upload/spill: checked against the spill's declared columns above the SQL",
    "relation:alias": "upload/spill: a fresh alias for an attached spill file (attached)",
    "self.columns": "upload/spill: a dataset's declared column names (set by checks)",
}
# Calls that turn a number into SQL text (no quotes can come out of an int).
NUMERIC_TEXT = {"str"}


def _functions(tree: ast.AST) -> Iterator[ast.FunctionDef | ast.AsyncFunctionDef]:
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            yield node


def _dotted(node: ast.AST) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return _dotted(node.value) + "." + node.attr
    return ""


class SqlChecker:
    """Decides whether an expression can only produce SQL from constants and allow-listed
    identifiers. Names are resolved to every assignment in the same function (including
    `+=` and comprehension targets); anything else must be trusted by name."""

    def __init__(
        self, function: ast.FunctionDef | ast.AsyncFunctionDef, module: ast.Module | None = None
    ) -> None:
        self.function = function.name
        self.assigned: dict[str, list[ast.expr]] = {}
        self.loops: dict[str, ast.expr] = {}
        for node in module.body if module else ():  # module constants, e.g. _DIFF = "..."
            if isinstance(node, ast.Assign | ast.AnnAssign) and node.value is not None:
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                for target in targets:
                    for name in self._names(target):
                        self.assigned.setdefault(name, []).append(node.value)
        for node in ast.walk(function):
            if isinstance(node, ast.Assign):
                for target in node.targets:
                    for name in self._names(target):
                        self.assigned.setdefault(name, []).append(node.value)
            elif isinstance(node, ast.AugAssign | ast.AnnAssign) and node.value is not None:
                for name in self._names(node.target):
                    self.assigned.setdefault(name, []).append(node.value)
            elif isinstance(node, ast.For | ast.comprehension):
                for name in self._names(node.target):
                    self.loops[name] = node.iter
        self.problems: list[str] = []
        self.leaf = ""  # the innermost part that was refused
        self._seen: set[str] = set()

    @staticmethod
    def _names(target: ast.AST) -> list[str]:
        return [n.id for n in ast.walk(target) if isinstance(n, ast.Name)]

    def ok(self, node: ast.AST | None) -> bool:
        if node is None:
            return True
        self.leaf = ""
        good = self._ok(node)
        if not good:
            self.problems.append(self.leaf + "  (in " + ast.unparse(node)[:80] + ")")
        return good

    def _ok(self, node: ast.AST) -> bool:
        if isinstance(node, ast.Constant):
            return isinstance(node.value, str | int | float | bool) or node.value is None
        if isinstance(node, ast.JoinedStr):
            return all(self._ok(v) for v in node.values)
        if isinstance(node, ast.FormattedValue):
            return self._ok(node.value)
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add | ast.BitOr):
            return self._ok(node.left) and self._ok(node.right)
        if isinstance(node, ast.IfExp):
            return self._ok(node.body) and self._ok(node.orelse)
        if isinstance(node, ast.BoolOp):
            return all(self._ok(v) for v in node.values)
        if isinstance(node, ast.List | ast.Tuple | ast.Set):
            return all(self._ok(e) for e in node.elts)
        if isinstance(node, ast.Starred):
            return self._ok(node.value)
        if isinstance(node, ast.ListComp | ast.GeneratorExp | ast.SetComp):
            # The loop variables resolve to their iterables where they are used bare.
            return self._ok(node.elt)
        if isinstance(node, ast.Subscript):  # types[c], lookups in trusted mappings
            return self._ok(node.value)
        if isinstance(node, ast.Call):
            good = self._call_ok(node)
        elif isinstance(node, ast.Name | ast.Attribute):
            good = self._name_ok(node)
        else:
            good = False
        if not good and not self.leaf:
            self.leaf = ast.unparse(node)[:80]
        return good

    def _call_ok(self, node: ast.Call) -> bool:
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else _dotted(func)
        if name in IDENTIFIER_BUILDERS:
            return True
        if name in FRAGMENT_BUILDERS:
            return True  # their bodies are checked on their own (see _fragment_returns)
        if name in NUMERIC_TEXT:
            return all(self._numeric(a) for a in node.args)
        if name == "join" and isinstance(func, ast.Attribute):
            return self._ok(func.value) and all(self._ok(a) for a in node.args)
        if name in ("split", "removeprefix", "upper", "lower") and isinstance(func, ast.Attribute):
            return self._ok(func.value)  # a part of a trusted text is trusted
        if name in ("sorted", "list", "tuple", "range", "enumerate"):
            return all(self._ok(a) for a in node.args)
        return False

    def _numeric(self, node: ast.AST) -> bool:
        if isinstance(node, ast.Constant):
            return isinstance(node.value, int | float)
        if isinstance(node, ast.BinOp):
            return self._numeric(node.left) and self._numeric(node.right)
        if isinstance(node, ast.Call) and _dotted(node.func) in ("len", "int", "sum"):
            return True
        dotted = _dotted(node)
        return bool(dotted) and (dotted.isupper() or dotted in NUMERIC)

    def _name_ok(self, node: ast.Name | ast.Attribute) -> bool:
        dotted = _dotted(node)
        if dotted in TRUSTED_NAMES or self.function + ":" + dotted in TRUSTED_NAMES:
            return True
        if isinstance(node, ast.Name) and dotted not in self._seen:
            if dotted in self.assigned:
                self._seen.add(dotted)  # a name built up with += refers to itself
                try:
                    return all(self._ok(v) for v in self.assigned[dotted])
                finally:
                    self._seen.discard(dotted)
            if dotted in self.loops:
                self._seen.add(dotted)
                try:
                    return self._ok(self.loops[dotted])
                finally:
                    self._seen.discard(dotted)
        return dotted in self._seen


# Numbers that reach SQL text as digits: bounds and positions, never a cell.
NUMERIC = {
    "i",
    "bits",
    "column.low",
    "column.upper",
    "column.max_length",
    "max_year",
}


def sql_problems(source: str, where: str = "<snippet>") -> list[str]:
    """Every SQL argument of .execute( / .sql( / .executemany( in ``source`` that could
    carry a value into the SQL text, as 'where:line: expression'; and every return value of
    a FRAGMENT_BUILDERS function that could."""
    tree = ast.parse(source)
    problems: list[str] = []
    for function in _functions(tree):
        checker = SqlChecker(function, tree)
        for node in ast.walk(function):
            sql = _sql_argument(node)
            if sql is not None and not checker.ok(sql):
                problems.append(f"{where}:{node.lineno}: {checker.problems[-1]}")
        if function.name in FRAGMENT_BUILDERS:
            for node in ast.walk(function):
                if isinstance(node, ast.Return) and not checker.ok(node.value):
                    problems.append(f"{where}:{node.lineno}: returns {checker.problems[-1]}")
    return problems


_SQL_METHODS = ("execute", "sql", "executemany")


def _sql_argument(node: ast.AST) -> ast.expr | None:
    """The SQL text argument of ``x.execute(sql, ...)`` (or .sql, .executemany), or of the
    same method handed to a thread pool: ``pool.submit(x.execute, sql, ...)``."""
    if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
        return None
    if node.func.attr in _SQL_METHODS and node.args:
        return node.args[0]
    method = node.args[0] if node.args else None
    if (
        node.func.attr == "submit"
        and isinstance(method, ast.Attribute)
        and method.attr in _SQL_METHODS
        and len(node.args) > 1
    ):
        return node.args[1]
    return None


def _sql_calls(source: str) -> int:
    return sum(_sql_argument(n) is not None for n in ast.walk(ast.parse(source)))


def test_sql_text_is_built_from_constants_and_allow_listed_identifiers() -> None:
    problems, calls = [], 0
    for path in IMPACT_FILES:
        source = path.read_text(encoding="utf-8")
        calls += _sql_calls(source)
        problems += sql_problems(source, _ids(path))
    assert calls > 50  # the check looks at the real calls
    defined = {f.name for p in IMPACT_FILES for f in _functions(ast.parse(p.read_text("utf-8")))}
    assert FRAGMENT_BUILDERS | set(IDENTIFIER_BUILDERS) <= defined  # the lists name real code
    assert not problems, "SQL text that may carry a value:\n" + "\n".join(problems)


BAD_SNIPPETS = {
    "f-string": """
        def f(con, source):
            con.execute(f"SELECT * FROM program WHERE source = '{source}'")
    """,
    "assigned first": """
        def f(con, source):
            sql = "SELECT * FROM program WHERE source = '" + source + "'"
            con.execute(sql)
    """,
    "built up with +=": """
        def f(con, store, rows):
            sql = "INSERT INTO " + store.quote_table("program") + " VALUES "
            for row in rows:
                sql += "(" + ", ".join(row) + ")"
            con.sql(sql)
    """,
    "format": """
        def f(con, year):
            con.execute("SELECT * FROM program WHERE year = {}".format(year))
    """,
    "a fragment builder returning a value": """
        def _typed(dataset, types, value):
            return "CAST('" + value + "' AS VARCHAR)"
    """,
    "str() of a cell": """
        def f(con, cell):
            con.execute("SELECT " + str(cell))
    """,
    "handed to a thread pool": """
        def f(pool, con, source):
            pool.submit(con.execute, "SELECT * FROM program WHERE source = '" + source + "'")
    """,
}


@pytest.mark.parametrize("snippet", BAD_SNIPPETS.values(), ids=BAD_SNIPPETS)
def test_the_sql_check_fails_on_a_value_in_the_text(snippet: str) -> None:
    assert sql_problems(textwrap.dedent(snippet))


def test_the_sql_check_accepts_bound_values_and_quoted_identifiers() -> None:
    good = """
        def f(con, store, dataset, columns, year):
            table = store.quote_table("program")
            sql = "SELECT " + ", ".join(_ident(dataset, c) for c in columns) + " FROM " + table
            sql += " WHERE year = ?"
            con.execute(sql, [year])
            con.execute(f"SELECT count(*) FROM {store.quote_table('program')}")
    """
    assert sql_problems(textwrap.dedent(good)) == []


# --- SQL values are bound: the runtime check -------------------------------------------------

CANARY = "Kanari'); --ZQX"


class RecordingConnection:
    """A DuckDB connection that notes the SQL text of every call, then delegates."""

    def __init__(self, con: duckdb.DuckDBPyConnection, log: list[str]) -> None:
        self._con, self._log = con, log

    def execute(self, query, *args, **kwargs):
        self._log.append(str(query))
        self._con.execute(query, *args, **kwargs)
        return self

    def executemany(self, query, *args, **kwargs):
        self._log.append(str(query))
        self._con.executemany(query, *args, **kwargs)
        return self

    def sql(self, query, *args, **kwargs):
        self._log.append(str(query))
        return self._con.sql(query, *args, **kwargs)

    def cursor(self):
        return RecordingConnection(self._con.cursor(), self._log)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self._con.close()

    def __getattr__(self, name):
        return getattr(self._con, name)


@pytest.fixture
def executed_sql(monkeypatch) -> list[str]:
    """Every SQL text any impact code sends to DuckDB during the test."""
    log: list[str] = []
    real_connect = duckdb.connect

    def connect(*args, **kwargs):
        return RecordingConnection(real_connect(*args, **kwargs), log)

    monkeypatch.setattr(duckdb, "connect", connect)
    return log


def _csv(header: list[str], rows: list[list[object]]) -> bytes:
    import csv
    import io

    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows([header, *rows])
    return buffer.getvalue().encode("utf-8")


def test_a_canary_in_every_cell_never_reaches_the_sql_text(tmp_path, executed_sql) -> None:
    from impact import equity, store, upload
    from impact.upload import bulk, changes
    from impact.upload.datasets import DATASETS

    db = store.ensure_database(tmp_path / "batik.duckdb")
    # Every store query, read back.
    for table in store.TABLES:
        store.read_table(db, table)
    store.observations(db, "batik_workers", region="blitar", sector="batik")
    store.obstacles_with_latest_severity(db)
    store.series_catalog(db)
    store.obstacle_severity(db)
    store.obstacle_links(db)
    store.collaboration_scores(db)
    store.collaboration_scores(db, year=2024)
    store.program_summary(db)
    store.program_summary(db, region="blitar")
    store.all_observations(db)
    store.all_observations(db, indicator="batik_workers", region="blitar", status="reported")
    store.data_version(db)
    equity.record_count(db)

    # An upload of programs whose text cells carry the canary: one row updated, one new.
    dataset = DATASETS["programs"]
    header = [c.header_id for c in dataset.columns]
    old = store.read_table(db, "program").iloc[0].to_dict()
    updated = {**old, "source": CANARY, "note": CANARY}  # agency is part of the key
    added = {**old, "year": 2024, "agency": CANARY, "source": CANARY, "note": CANARY}
    rows = [[r[c.name] for c in dataset.columns] for r in (updated, added)]
    data = _csv(header, rows)
    vocab = changes.load_vocabulary(db)
    today = dt.date(2025, 6, 1)

    fast = bulk.validate_bulk(data, vocab, dataset, today=today)  # DuckDB's reader, forced
    checked = upload.check(data, "kanari.csv", vocab, dataset, today=today)  # read into a grid
    assert fast.validated.ok and checked.validated.ok, checked.validated.issues
    previewed = changes.preview(db, checked.validated)
    assert previewed.counts.get("insert") == 1 and previewed.counts.get("update") == 1
    upload_id = changes.commit(
        db,
        checked.validated,
        previewed,
        editor=CANARY,
        filename=CANARY + ".csv",
        sha256=checked.detection.sha256,
    )
    assert (store.read_table(db, "program")["source"] == CANARY).sum() == 2
    changes.history(db)
    assert changes.revert(db, upload_id, editor=CANARY) == 2
    assert not (store.read_table(db, "program")["source"] == CANARY).any()

    # A cell with the canary that fails its check goes through the failure listing too.
    wrong = _csv(header, [[*rows[0][:4], CANARY, *rows[0][5:]]])  # count is not a number
    assert not bulk.validate_bulk(wrong, vocab, dataset, today=today).validated.ok
    assert not upload.check(wrong, "kanari.csv", vocab, dataset, today=today).validated.ok
    observations = DATASETS["observations"]  # the rules across columns, with the canary
    wrong = _csv(
        [c.header_id for c in observations.columns],
        [["batik_workers", "blitar", "batik", 2024, "1,5", "2", "1", "reported", CANARY, CANARY]],
    )
    assert not upload.check(wrong, "kanari.csv", vocab, today=today).validated.ok

    assert len(executed_sql) > 30
    leaked = [sql for sql in executed_sql if "ZQX" in sql or "Kanari" in sql]
    assert not leaked, leaked[:3]


def test_the_recording_connection_would_see_a_formatted_value(executed_sql) -> None:
    con = duckdb.connect()
    con.execute("SELECT '" + CANARY.replace("'", "''") + "'")
    assert any("ZQX" in sql for sql in executed_sql)


# --- packaging ------------------------------------------------------------------------------


def _requirements(path: Path) -> list[str]:
    lines = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line and not line.startswith("-r"):
            lines.append(line)
    return lines


def test_pyproject_dependencies_are_the_requirements() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["dependencies"] == _requirements(ROOT / "requirements.txt")
    dev = project["optional-dependencies"]["dev"]
    assert dev == _requirements(ROOT / "requirements-dev.txt")


def test_every_imported_third_party_package_is_declared() -> None:
    declared = {
        re.split(r"[=<>~!\[ ]", r)[0].lower() for r in _requirements(ROOT / "requirements.txt")
    }
    import_names = {"PIL": "pillow", "pptx": "python-pptx", "vl_convert": "vl-convert-python"}
    local = {"impact", "pages", "tests"}
    for path in [*IMPACT_FILES, ROOT / "app.py", *sorted((ROOT / "pages").glob("*.py"))]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                tops = [a.name.split(".")[0] for a in node.names]
            elif isinstance(node, ast.ImportFrom) and not node.level:
                tops = [(node.module or "").split(".")[0]]
            else:
                continue
            for top in tops:
                if top in sys.stdlib_module_names or top in local or top.startswith("_"):
                    continue
                assert import_names.get(top, top).lower() in declared, (path.name, top)
