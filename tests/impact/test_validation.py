"""Whole-file validation: every bad cell listed with its row and column, nothing written.

The table of bad files says, for each file, exactly which (row, column, code) errors come
back; each file then goes through the page's flow (commit only when clean) and the database
must be exactly as before.
"""

from __future__ import annotations

import ast
import csv
import datetime as dt
import io
import math
import string
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from impact import i18n, upload
from impact.upload import checks, ingest, validation, views, wide
from impact.upload.datasets import DATASETS, NUMBER, YEAR
from tests import reference_checker as reference

ISSUE_CODES = {k.removeprefix("issue.") for k in i18n.TEXTS if k.startswith("issue.")}

TODAY = dt.date(2025, 6, 1)  # as in conftest: 2026 is the last year accepted
UPLOAD_DIR = Path(__file__).resolve().parents[2] / "impact" / "upload"

OBS = [
    "indikator",
    "wilayah",
    "sektor",
    "tahun",
    "nilai",
    "batas_bawah",
    "batas_atas",
    "status",
    "sumber",
    "catatan",
]
OBSTACLES = ["hambatan", "tahun", "keparahan", "status", "sumber", "catatan"]
COLLAB = ["tahun", "aktor", "elemen", "skor", "status", "sumber"]
PROGRAMS = [
    "tahun",
    "program",
    "dinas",
    "wilayah",
    "jumlah",
    "anggaran_rp",
    "peserta",
    "status",
    "sumber",
    "catatan",
]


def obs(
    indicator="batik_workers",
    region="blitar",
    sector="batik",
    year="2024",
    value="700",
    low="",
    high="",
    status="reported",
    source="Survei Disperindag 2024",
    note="",
):
    return [indicator, region, sector, year, value, low, high, status, source, note]


def program(count="3", budget="90000000", participants="30", agency="Disperindag Kota Blitar"):
    return [
        "2024",
        "training",
        agency,
        "kota_blitar",
        count,
        budget,
        participants,
        "reported",
        "Laporan dinas",
        "",
    ]


def csv_bytes(
    header: list[str], *rows: list[str], delimiter: str = ",", encoding: str = "utf-8"
) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue().encode(encoding)


def _without(columns: list[str], row: list[str], name: str) -> tuple[list[str], list[str]]:
    index = columns.index(name)
    return columns[:index] + columns[index + 1 :], row[:index] + row[index + 1 :]


# --- the table of bad files ----------------------------------------------------------------

BAD_FILES = [
    pytest.param(
        csv_bytes(OBS, obs(indicator="batik_wokers")),
        None,
        [(2, "indikator", "unknown-indicator")],
        id="unknown-indicator",
    ),
    pytest.param(
        csv_bytes(OBS, obs(region="Surabaya")),
        None,
        [(2, "wilayah", "unknown-region")],
        id="unknown-region",
    ),
    pytest.param(
        csv_bytes(OBS, obs(sector="kopi")),
        None,
        [(2, "sektor", "unknown-sector")],
        id="unknown-sector",
    ),
    pytest.param(
        csv_bytes(OBS, obs(status="draft")),
        None,
        [(2, "status", "unknown-status")],
        id="unknown-status",
    ),
    pytest.param(
        csv_bytes(OBS, obs(year="2021.5")),
        None,
        [(2, "tahun", "year-invalid")],
        id="year-not-whole",
    ),
    pytest.param(
        csv_bytes(OBS, obs(year="1899")), None, [(2, "tahun", "year-invalid")], id="year-1899"
    ),
    pytest.param(
        csv_bytes(OBS, obs(year="2500")), None, [(2, "tahun", "year-invalid")], id="year-2500"
    ),
    pytest.param(
        csv_bytes(OBS, obs(year="2027")),
        None,
        [(2, "tahun", "year-invalid")],
        id="year-beyond-next-year",
    ),
    pytest.param(
        csv_bytes(OBS, obs(value="tujuh ratus")),
        None,
        [(2, "nilai", "not-a-number")],
        id="value-not-a-number",
    ),
    pytest.param(
        csv_bytes(OBS, obs(indicator="batik_income_avg", value="-Rp1.250.000")),
        None,
        [(2, "nilai", "negative")],
        id="negative-income",
    ),
    pytest.param(
        csv_bytes(OBS, obs(value="-5")), None, [(2, "nilai", "negative")], id="negative-count"
    ),
    pytest.param(
        csv_bytes(PROGRAMS, program(count="-1")),
        None,
        [(2, "jumlah", "negative")],
        id="negative-program-count",
    ),
    pytest.param(
        csv_bytes(PROGRAMS, program(budget="(1.000.000)")),
        None,
        [(2, "anggaran_rp", "negative")],
        id="negative-budget-accounting",
    ),
    pytest.param(
        csv_bytes(PROGRAMS, program(participants="12,5"), delimiter=";"),
        None,
        [(2, "peserta", "not-whole")],
        id="participants-not-whole",
    ),
    pytest.param(
        csv_bytes(OBS, obs(indicator="batik_competitiveness", value="120")),
        None,
        [(2, "nilai", "out-of-range")],
        id="score-above-100",
    ),
    pytest.param(
        csv_bytes(OBS, obs(indicator="batik_competitiveness", value="-3")),
        None,
        [(2, "nilai", "out-of-range")],
        id="score-below-0",
    ),
    pytest.param(
        csv_bytes(OBS, obs(indicator="batik_competitiveness", value="80", low="70", high="101")),
        None,
        [(2, "batas_atas", "out-of-range")],
        id="score-high-above-100",
    ),
    pytest.param(
        csv_bytes(OBS, obs(indicator="batik_competitiveness", value="80", low="90", high="70")),
        None,
        [(2, "batas_bawah", "low-above-high")],
        id="low-above-high",
    ),
    pytest.param(
        csv_bytes(OBS, obs(value="80", low="70")),
        None,
        [(2, "batas_bawah", "range-incomplete")],
        id="range-incomplete",
    ),
    pytest.param(
        csv_bytes(OBSTACLES, ["budget_cuts", "2024", "6", "reported", "x", ""]),
        None,
        [(2, "keparahan", "out-of-range")],
        id="severity-above-5",
    ),
    pytest.param(
        csv_bytes(OBSTACLES, ["budget_cuts", "2024", "2.5", "reported", "x", ""]),
        None,
        [(2, "keparahan", "not-whole")],
        id="severity-not-whole",
    ),
    pytest.param(
        csv_bytes(OBSTACLES, ["pandemi", "2024", "3", "reported", "x", ""]),
        None,
        [(2, "hambatan", "unknown-obstacle")],
        id="unknown-obstacle",
    ),
    pytest.param(
        csv_bytes(COLLAB, ["2024", "bupati", "dialog", "0", "estimasi", "x"]),
        None,
        [(2, "aktor", "unknown-actor"), (2, "skor", "out-of-range")],
        id="unknown-actor-and-score-0",
    ),
    pytest.param(
        csv_bytes(COLLAB, ["2024", "pemerintah", "rapat", "3", "estimasi", "x"]),
        None,
        [(2, "elemen", "unknown-element")],
        id="unknown-element",
    ),
    pytest.param(
        csv_bytes(
            PROGRAMS, ["2024", "seminar", "Dinas", "blitar", "1", "", "", "reported", "x", ""]
        ),
        None,
        [(2, "program", "unknown-program")],
        id="unknown-program",
    ),
    pytest.param(
        csv_bytes(PROGRAMS, program(agency="D" * 201)),
        None,
        [(2, "dinas", "text-too-long")],
        id="text-too-long",
    ),
    pytest.param(
        csv_bytes(OBS, obs(value="700"), obs(value="710")),
        None,
        [(3, None, "duplicate-row")],
        id="duplicate-rows",
    ),
    pytest.param(
        csv_bytes(OBS, obs(region="blitar"), obs(region="Kota & Kabupaten Blitar")),
        None,
        [(3, None, "duplicate-row")],
        id="duplicate-rows-code-and-name",
    ),
    pytest.param(
        csv_bytes(*_without(OBS, obs(), "nilai")),
        "observations",
        [(1, "nilai", "missing-column")],
        id="missing-column-dataset-chosen",
    ),
    pytest.param(
        csv_bytes(*_without(OBS, obs(), "sumber")),
        None,
        [(1, "sumber", "missing-column")],
        id="missing-column-dataset-detected",
    ),
    pytest.param(
        csv_bytes([*OBS, "value"], [*obs(), "800"]),
        None,
        [(1, "value", "duplicate-column")],
        id="duplicate-column",
    ),
    pytest.param(
        csv_bytes(OBS, obs(region="")),
        None,
        [(2, "wilayah", "required-empty")],
        id="required-cell-empty",
    ),
    pytest.param(
        csv_bytes(OBS, obs(source="   ")),
        None,
        [(2, "sumber", "required-empty")],
        id="required-cell-blank",
    ),
    pytest.param(
        csv_bytes(
            OBS,
            obs(indicator="batik_income_avg", year="2022", value="54,5"),
            obs(indicator="batik_income_avg", year="2023", value="60,25"),
            obs(indicator="batik_income_avg", value="1.5"),
            delimiter=";",
        ),
        None,
        [(4, "nilai", "not-a-number")],
        id="point-in-decimal-comma-file",
    ),
    pytest.param(
        csv_bytes(
            OBS,
            obs(year="2021", region="Madiun"),
            obs(year="20x3", value="banyak"),
            obs(year="2024"),
        ),
        None,
        [
            (2, "wilayah", "unknown-region"),
            (3, "nilai", "not-a-number"),
            (3, "tahun", "year-invalid"),
        ],
        id="every-error-at-once",
    ),
    pytest.param(
        csv_bytes(
            ["indicator", "region", "sector", "year", "value", "status", "source"],
            ["batik_workers", "blitar", "batik", "2024", "-5", "reported", "x"],
        ),
        None,
        [(2, "value", "negative")],
        id="english-headers-name-the-column-as-written",
    ),
    pytest.param(
        csv_bytes(OBSTACLES, ["budget_cuts", "2024", "3", "reported", "x", ""]),
        "observations",
        [
            (1, "indikator", "missing-column"),
            (1, "wilayah", "missing-column"),
            (1, "sektor", "missing-column"),
            (1, "nilai", "missing-column"),
        ],
        id="wrong-dataset-chosen",
    ),
]


def _placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize(("data", "dataset", "expected"), BAD_FILES)
def test_bad_file_lists_its_errors_and_writes_nothing(
    module_db, snapshot, assert_same, upload_like_the_app, data, dataset, expected
) -> None:
    before = snapshot(module_db)
    checked = upload_like_the_app(module_db, data, "laporan.csv", dataset=dataset)
    assert [i.key() for i in checked.errors] == expected
    assert not checked.ok
    assert_same(before, snapshot(module_db))
    for issue in checked.issues:
        # every placeholder of the sentence is filled by the issue itself
        for text in i18n.TEXTS[f"issue.{issue.code}"]:
            assert _placeholders(text) <= {*issue.params, "value", "column"}, issue


def test_an_unknown_column_is_a_warning_and_the_rest_is_written(
    warm_db, snapshot, upload_like_the_app
) -> None:
    before = snapshot(warm_db)["observation"]
    data = csv_bytes([*OBS, "Keterangan tambahan"], [*obs(year="2024"), "abaikan saya"])
    checked = upload_like_the_app(warm_db, data)
    assert [(i.key(), i.level) for i in checked.issues] == [
        ((1, "Keterangan tambahan", "unknown-column"), "warning")
    ]
    assert checked.ok
    after = snapshot(warm_db)["observation"]
    assert len(after) == len(before) + 1
    new = after[(after["indicator"] == "batik_workers") & (after["year"] == 2024)]
    assert new[["value", "status"]].values.tolist() == [[700.0, "reported"]]


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        (
            obs(indicator="batik_income_index", value="180", low="150", high="170"),
            [((2, "nilai", "value-outside-range"), "warning")],
        ),
        (  # a level with a decimal point another cell decides: 1.250 is 1.25, no question
            obs(indicator="batik_income_avg", value="1.250", low="1.2", high="1.3"),
            [],
        ),
    ],
    ids=["value-outside-its-range", "decided-by-another-cell"],
)
def test_warnings_do_not_block(vocab, row, expected) -> None:
    grid = ingest.read_grid(csv_bytes(OBS, row), "x.csv")
    checked = checks.check_grid(grid, vocab, today=TODAY)
    assert [(i.key(), i.level) for i in checked.issues] == expected
    assert checked.ok


def test_a_duplicate_row_message_names_the_first_row_and_the_key_columns(vocab) -> None:
    grid = ingest.read_grid(csv_bytes(OBS, obs(), obs(value="710")), "x.csv")
    (issue,) = checks.check_grid(grid, vocab, today=TODAY).errors
    assert issue.params["first"] == 2
    text = views.issue_message(issue, "en")
    assert text.startswith("This row repeats row 2: the same indikator, wilayah, sektor, tahun.")


def test_years_follow_today(vocab) -> None:
    grid = ingest.read_grid(csv_bytes(OBS, obs(year="2027")), "x.csv")
    assert checks.check_grid(grid, vocab, today=dt.date(2026, 1, 2)).ok
    assert not checks.check_grid(grid, vocab, today=dt.date(2025, 12, 31)).ok


# --- numbers -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cell", "decimal", "expected"),
    [
        ("Rp1.250.000", ",", 1250000.0),
        ("Rp 1.250.000,50", ",", 1250000.5),
        ("rp.1.250.000", ",", 1250000.0),
        ("IDR 2.000", ",", 2000.0),
        ("54,5%", ",", 54.5),
        ("54.5%", ".", 54.5),
        ("1,250,000", ".", 1250000.0),
        ("1,250,000.75", ".", 1250000.75),
        ("1.500", ",", 1500.0),
        ("1500", ",", 1500.0),
        ("1\u00a0250\u00a0000", ",", 1250000.0),
        ("1 250 000", ".", 1250000.0),
        ("(1.000)", ",", -1000.0),
        ("-5", ".", -5.0),
        ("\u22125", ".", -5.0),
        ("+7", ".", 7.0),
        (" 42 ", ".", 42.0),
        ("0,5", ",", 0.5),
        (3.25, ",", 3.25),
        (None, ".", None),
        ("", ",", None),
        ("   ", ".", None),
    ],
)
def test_parse_number(cell, decimal, expected) -> None:
    assert reference.parse_number(cell, decimal) == expected
    assert reference.engine_value(cell, NUMBER, decimal) == expected


@pytest.mark.parametrize(
    ("cell", "decimal"),
    [
        ("1.5", ","),  # a point in a decimal-comma file is refused, never read as 15
        ("1,5", "."),
        ("1.25.000", ","),
        ("1,25,000", "."),
        ("1.2.3", "."),
        ("1..5", "."),
        ("12a", "."),
        ("abc", ","),
        ("Rp", ","),
        ("%", "."),
        ("--5", "."),
        ("1e5", "."),
        ("0x10", "."),
        (math.nan, "."),
        (math.inf, ","),
    ],
)
def test_parse_number_refuses(cell, decimal) -> None:
    with pytest.raises(ValueError):
        reference.parse_number(cell, decimal)
    value = reference.engine_value(cell, NUMBER, decimal)  # NULL or inf: not-a-number
    assert value is None or math.isinf(value)


@pytest.mark.parametrize(
    ("texts", "delimiter", "expected"),
    [
        (["Rp1.250.000", "54,5"], ";", (",", False)),
        (["54.5", "3.25"], ",", (".", False)),
        (["1,250,000"], ";", (".", False)),  # the cells outvote the delimiter
        (["1.250.000"], ",", (",", False)),
        (["54,5", "1.5", "2,75"], ",", (",", False)),  # majority
        (["1.250"], ";", (",", True)),  # can't tell: the delimiter decides
        (["1.250"], ",", (".", True)),
        (["1,5", "2.5"], ";", (",", True)),  # a tie: the delimiter decides
        (["700", "12"], "\t", (".", True)),
        ([], None, (".", True)),
    ],
)
def test_detect_decimal(texts, delimiter, expected) -> None:
    assert reference.detect_decimal(texts, delimiter) == expected
    assert reference.engine_decimal(texts, delimiter) == expected


@pytest.mark.parametrize(
    ("cell", "expected"),
    [("2024", 2024), (2024.0, 2024), ("2024.0", 2024), (" 2000 ", 2000), ("2026", 2026)],
)
def test_parse_year(cell, expected) -> None:
    assert reference.parse_year(cell, 2026) == expected
    assert reference.engine_value(cell, YEAR) == expected


@pytest.mark.parametrize("cell", ["2021.5", 2021.5, "1899", "2500", "2027", "24", "th 2024", ""])
def test_parse_year_refuses(cell) -> None:
    with pytest.raises(ValueError):
        reference.parse_year(cell, 2026)
    value = reference.engine_value(cell, YEAR)  # NULL, or a year outside the bounds
    assert value is None or not 2000 <= value <= 2026


# --- every code has its sentences ----------------------------------------------------------


def _emitted_codes() -> set[str]:
    """Codes in the upload modules that emit them: Issue("x") calls, the engine's checks
    (_Check(condition, "x", ...) and its (condition, "x", params) tuples), "unknown-" + list
    for every code list the datasets use, and names assigned a code."""
    lists = {
        c.type.split(":", 1)[1]
        for d in DATASETS.values()
        for c in d.columns
        if c.type.startswith("code:")
    }
    codes: set[str] = set()
    for name in ("ingest.py", "validation.py", "checks.py", "files.py", "bulk.py"):
        tree = ast.parse((UPLOAD_DIR / name).read_text(encoding="utf-8"))
        assigned: dict[str, set[str]] = {}
        parameters: set[str] = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef):
                parameters |= {a.arg for a in node.args.args}
            if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name):
                values = [node.value]
                if isinstance(node.value, ast.IfExp):
                    values = [node.value.body, node.value.orelse]
                found = {v.value for v in values if isinstance(v, ast.Constant)}
                assigned.setdefault(node.targets[0].id, set()).update(found)
        for node in ast.walk(tree):
            if (
                name == "checks.py"
                and isinstance(node, ast.Tuple)
                and len(node.elts) == 3
                and not isinstance(node.elts[0], ast.Constant)  # SQL built, not a name list
                and isinstance(node.elts[1], ast.Constant)
                and isinstance(node.elts[1].value, str)
            ):
                codes.add(node.elts[1].value)  # checks._cell_checks: (condition, code, params)
            if (
                isinstance(node, ast.BinOp)
                and isinstance(node.left, ast.Constant)
                and node.left.value == "unknown-"
            ):
                codes |= {"unknown-" + name for name in lists}
            if not (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in ("Issue", "_Check")
                and len(node.args) > (node.func.id == "_Check")
            ):
                continue
            first = node.args[1] if node.func.id == "_Check" else node.args[0]
            if isinstance(first, ast.Constant):
                codes.add(first.value)
            elif isinstance(first, ast.JoinedStr):
                prefix = "".join(v.value for v in first.values if isinstance(v, ast.Constant))
                assert prefix == "unknown-", ast.unparse(first)
                codes |= {prefix + name for name in lists}
            elif isinstance(first, ast.Name) and assigned.get(first.id):
                codes |= assigned[first.id]
            elif isinstance(first, ast.Attribute) and first.attr == "code":
                pass  # Issue(check.code, ...): each check's code is counted where it is made
            else:  # a parameter passed through is counted at its calls
                assert isinstance(first, ast.Name) and first.id in parameters, ast.unparse(node)
    # Wide tables: literal Issue("wide-...") calls, and the codes kept in its two tables.
    tree = ast.parse((UPLOAD_DIR / "wide.py").read_text(encoding="utf-8"))
    codes |= {
        n.args[0].value
        for n in ast.walk(tree)
        if isinstance(n, ast.Call)
        and isinstance(n.func, ast.Name)
        and n.func.id == "Issue"
        and n.args
        and isinstance(n.args[0], ast.Constant)
    }
    return (
        codes
        | set(wide.NO_NUMBER.values())
        | set(wide.MISSING.values())
        | set(wide.PERIOD_ISSUES.values())
    )


def test_the_code_scan_finds_codes_of_every_kind() -> None:
    codes = _emitted_codes()
    # literal Issue(...), fail(...), a name assigned a code, and the f-string code lists
    assert {
        "file-empty",
        "required-empty",
        "negative",
        "out-of-range",
        "unknown-region",
        "unknown-status",
        "unknown-obstacle",
        "duplicate-row",
    } <= codes


def test_every_emitted_code_has_a_sentence_in_both_languages() -> None:
    codes = _emitted_codes()
    assert sorted(codes - ISSUE_CODES) == []
    assert sorted(ISSUE_CODES - codes) == []  # no sentence for a code never emitted
    for code in codes:
        id_text, en_text = i18n.TEXTS[f"issue.{code}"]
        assert id_text.strip() and en_text.strip() and id_text != en_text, code
        assert _placeholders(id_text) == _placeholders(en_text), code


# --- fuzzing: CSV-ish text from a grammar --------------------------------------------------

HEADER_WORDS = sorted(
    {h for d in DATASETS.values() for c in d.columns for h in (c.name, c.header_id, c.header_en)}
) + ["", "Keterangan", "Unnamed: 3", "Nilai (Rp)", " TAHUN ", "Batas Bawah", "no."]
CELL_WORDS = [
    "batik_workers",
    "batik_competitiveness",
    "batik_income_avg",
    "batik_income_index",
    "cpi_inflation",
    "Tenaga kerja industri batik",
    "blitar",
    "Kota Blitar",
    "kab_blitar",
    "batik",
    "all",
    "kopi",
    "2021",
    "2024",
    "2021.5",
    "1899",
    "2500",
    "2024.0",
    "700",
    "-5",
    "0",
    "Rp1.250.000",
    "54,5%",
    "54.5",
    "1.5",
    "1,250",
    "1.250",
    "(1.000)",
    "120",
    "1e400",
    "nan",
    "inf",
    "9" * 400,
    "reported",
    "dilaporkan",
    "estimasi",
    "draft",
    "pemerintah",
    "asosiasi",
    "dialog",
    "kepercayaan",
    "training",
    "budget_cuts",
    "Disperindag",
    "",
    " ",
    "=1+1",
    "n/a",
    "—",
    "\u00a0",
    "“kutip”",
    "a;b",
    'x"y',
    "baris\nbaru",
]
cells = st.one_of(st.sampled_from(CELL_WORDS), st.text(max_size=12))


@st.composite
def csv_ish(draw) -> tuple[bytes, str | None]:
    dataset = draw(st.sampled_from([None, *DATASETS]))
    if dataset and draw(st.booleans()):
        columns = [c.header_id for c in DATASETS[dataset].columns]
        headers = draw(st.permutations(columns))[: draw(st.integers(1, len(columns)))]
    else:
        headers = draw(st.lists(st.sampled_from(HEADER_WORDS), min_size=1, max_size=12))
    width = len(headers)
    rows = draw(
        st.lists(st.lists(cells, min_size=max(0, width - 2), max_size=width + 2), max_size=6)
    )
    titles = draw(st.lists(st.sampled_from(["Laporan 2024", "", "Dinas;Kota"]), max_size=2))
    delimiter = draw(st.sampled_from([",", ";", "\t", "|"]))
    newline = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    buffer = io.StringIO()
    if draw(st.booleans()):
        writer = csv.writer(buffer, delimiter=delimiter, lineterminator=newline)
        writer.writerows([[t] for t in titles] + [headers] + rows)
    else:  # hand-joined: quotes, delimiters and newlines inside cells go unescaped
        lines = titles + [delimiter.join(r) for r in [headers, *rows]]
        buffer.write(newline.join(lines))
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "utf-16"]))
    return buffer.getvalue().encode(encoding, errors="replace"), dataset


def check_never_raises(data: bytes, dataset: str | None, vocab, db) -> validation.Validated:
    """read_table + validate on anything: typed results, known codes, sentences in id and en."""
    grid = ingest.read_grid(data, "fuzz.csv")
    assert isinstance(grid, ingest.Grid)
    chosen = DATASETS[dataset] if dataset else None
    checked = checks.check_grid(grid, vocab, chosen, today=TODAY)
    assert isinstance(checked, validation.Validated)
    for issue in checked.issues:
        assert f"issue.{issue.code}" in i18n.TEXTS, issue
        assert issue.level in ("error", "warning"), issue
        for lang in ("id", "en"):
            text = views.issue_message(issue, lang)
            assert isinstance(text, str) and text.strip(), (issue, lang)
    for lang in ("id", "en"):
        assert len(views.issues_table(checked.issues, lang)) == len(checked.issues)
    assert set(checked.rows.get("_row", [])) <= set(grid.row_numbers)
    if checked.ok:
        assert not checked.errors
        upload.preview(db, checked)  # a clean file can always be previewed
    return checked


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(csv_ish())
def test_fuzz_csv_ish_text_never_raises(vocab, module_db, case) -> None:
    data, dataset = case
    checked = check_never_raises(data, dataset, vocab, module_db)
    event("clean" if checked.ok else (checked.errors or checked.issues)[0].code)


def test_the_fuzz_check_can_fail(vocab, module_db, monkeypatch) -> None:
    monkeypatch.delitem(i18n.TEXTS, "issue.unknown-region")
    with pytest.raises(AssertionError):
        check_never_raises(csv_bytes(OBS, obs(region="Mars")), None, vocab, module_db)


def test_a_score_given_as_a_fraction_is_warned_before_saving(vocab) -> None:
    # 0,55 / 0,85 for the competitiveness score: accepted silently, the overview then said the
    # score fell 54 points. Now a warning names the row, column and the likely meaning.
    data = "\r\n".join(
        [
            "indikator;wilayah;sektor;tahun;nilai;status;sumber",
            "batik_competitiveness;blitar;batik;2024;0,85;reported;Disperindag",
        ]
    ).encode("cp1252")
    checked = checks.check_grid(ingest.read_grid(data, "x.csv"), vocab)
    (warning,) = [i for i in checked.issues if i.code == "score-as-fraction"]
    assert (warning.row, warning.column, warning.value, warning.level) == (
        2,
        "nilai",
        "0,85",
        "warning",
    )
    assert checked.ok  # a warning: the planner decides
    assert "tulis 85" in views.issue_message(warning, "id")


def test_a_fraction_row_is_not_written_until_it_is_confirmed(
    fresh_db, snapshot, assert_same
) -> None:
    from impact.upload import changes

    data = "\r\n".join(
        [
            "indikator;wilayah;sektor;tahun;nilai;status;sumber",
            "batik_competitiveness;blitar;batik;2024;0,85;reported;Disperindag",
            "batik_competitiveness;blitar;batik;2025;86;reported;Disperindag",
        ]
    ).encode("cp1252")
    checked = checks.check_grid(ingest.read_grid(data, "x.csv"), changes.load_vocabulary(fresh_db))
    assert [i.row for i in checked.to_confirm] == [2]
    previewed = changes.preview(fresh_db, checked)
    before = snapshot(fresh_db)
    commit = lambda **kw: changes.commit(  # noqa: E731
        fresh_db, checked, previewed, editor="ani", filename="x.csv", sha256="x", **kw
    )
    with pytest.raises(changes.UnconfirmedRowsError) as refused:
        commit()
    assert refused.value.rows == [2]
    with pytest.raises(changes.UnconfirmedRowsError):
        commit(confirmed=[3])  # another row's tick does not count
    assert_same(before, snapshot(fresh_db))
    assert commit(confirmed=[2]) == 1
