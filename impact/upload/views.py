"""Tables that show an upload to a planner: what was detected, the preview, the history.

Localized headers; values as strings where they came from a file, so nothing uploaded is
ever interpreted (pages render these with st.dataframe, never as HTML or Markdown).
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

import pandas as pd

from impact import i18n
from impact.upload.changes import Preview
from impact.upload.ingest import Detection, Issue

_DELIMITER_NAMES = {",": "koma (,)", ";": "titik koma (;)", "\t": "tab"}
_DELIMITER_NAMES_EN = {",": "comma (,)", ";": "semicolon (;)", "\t": "tab"}
_ENCODINGS = {
    "utf-8": "UTF-8",
    "utf-8-sig": "UTF-8 + BOM",
    "cp1252": "Windows-1252",
    "utf-16": "UTF-16",
}


def detection_table(detection: Detection, rows: int, lang: str) -> pd.DataFrame:
    """Two columns (what, value): format, encoding, delimiter, decimal mark, header row..."""
    names = _DELIMITER_NAMES_EN if lang == "en" else _DELIMITER_NAMES
    dataset = i18n.t(f"dataset.{detection.dataset}", lang) if detection.dataset else "–"
    items = [
        (
            "format",
            (detection.format or "–").upper()
            + (f" · {detection.sheet}" if detection.sheet else ""),
        ),
        ("encoding", _ENCODINGS.get(detection.encoding or "", detection.encoding or "–")),
        ("delimiter", names.get(detection.delimiter or "", "–")),
        (
            "decimal",
            {
                ",": "koma (,)" if lang != "en" else "comma (,)",
                ".": "titik (.)" if lang != "en" else "point (.)",
            }.get(detection.decimal or "", "–"),
        ),
        ("header_row", str(detection.header_row or "–")),
        ("title_rows", str(detection.title_rows)),
        ("dataset", dataset),
        ("rows", str(rows)),
        ("sha256", detection.sha256[:16] + "…"),
    ]
    return pd.DataFrame(
        {"": [i18n.t(f"upload.detected.{k}", lang) for k, _ in items], " ": [v for _, v in items]}
    )


def _text(value: object, lang: str, column: str = "") -> str:
    """A stored value as the planner reads it: numbers with the language's separators."""
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    if column in ("status", "mark"):
        return i18n.label(column, str(value), lang)
    if isinstance(value, bool) or column == "year":
        return str(value)
    if isinstance(value, int | float):
        return i18n.format_number(value, lang, 4)
    return str(value)


def rows_table(
    preview: Preview, action: str, lang: str, row_name: Callable[[int], object] = int
) -> pd.DataFrame:
    """The new (``insert``) or unchanged (``same``) rows, with the file's row numbers (the
    preview's sample: see sample_note). ``row_name`` shows a row number as the planner knows
    it (a wide table's cell: impact.upload.wide.cell_name)."""
    changes = preview.of(action)
    columns = preview.dataset.columns
    return pd.DataFrame(
        {i18n.t("col.row", lang): [row_name(c.row) for c in changes]}
        | {
            col.header(lang): [_text(c.new[col.name], lang, col.name) for c in changes]
            for col in columns
        }
    )


def sample_note(preview: Preview, action: str, lang: str) -> str | None:
    """'Showing the first 1.000 of 250.000 rows' when the preview of ``action`` (insert,
    update, same) holds only its first rows; None when every row is shown."""
    if not preview.is_sample(action):
        return None
    return i18n.t(
        "upload.sample",
        lang,
        shown=i18n.format_number(preview.shown(action), lang, 0),
        total=i18n.format_number(preview.counts[action], lang, 0),
    )


def replaced_table(
    preview: Preview, lang: str, row_name: Callable[[int], object] = int
) -> pd.DataFrame:
    """One line per replaced value: row, key, column, old -> new (of the sampled rows)."""
    frame = preview.replaced_table()
    headers = {col.name: col.header(lang) for col in preview.dataset.columns}
    return pd.DataFrame(
        {
            i18n.t("col.row", lang): [row_name(r) for r in frame["row"]],
            i18n.t("col.key", lang): frame["key"].tolist(),
            i18n.t("col.column", lang): [headers[c] for c in frame["column"]],
            i18n.t("col.old", lang): [
                _text(v, lang, c) for v, c in zip(frame["old"], frame["column"], strict=True)
            ],
            i18n.t("col.new", lang): [
                _text(v, lang, c) for v, c in zip(frame["new"], frame["column"], strict=True)
            ],
        }
    )


def history_table(history: pd.DataFrame, lang: str, *, editors: bool = False) -> pd.DataFrame:
    """The upload history with localized headers and a state column.

    Who uploaded and who reverted are shown only with ``editors=True`` (a signed-in editor
    asks): the page is open to all, and an editor's name is half of a sign-in, a target for
    anyone guessing passwords.
    """

    def state(row) -> str:
        if row.reverted_by is None or pd.isna(row.reverted_at):
            return i18n.t("history.active", lang)
        when = row.reverted_at.strftime("%Y-%m-%d %H:%M")
        if not editors:
            return i18n.t("history.reverted_when", lang, when=when)
        return i18n.t("history.reverted", lang, when=when, who=row.reverted_by)

    columns = {
        i18n.t("history.id", lang): history["id"].tolist(),
        i18n.t("history.when", lang): [
            t.strftime("%Y-%m-%d %H:%M") for t in history["uploaded_at"]
        ],
    }
    if editors:
        columns[i18n.t("history.editor", lang)] = history["editor"].tolist()
    return pd.DataFrame(
        {
            **columns,
            i18n.t("history.file", lang): history["filename"].tolist(),
            i18n.t("history.dataset", lang): [
                i18n.t(f"dataset.{d}", lang) for d in history["dataset"]
            ],
            i18n.t("history.added", lang): history["rows_added"].tolist(),
            i18n.t("history.replaced", lang): history["rows_replaced"].tolist(),
            i18n.t("history.unchanged", lang): history["rows_unchanged"].tolist(),
            "SHA-256": [s[:12] + "…" for s in history["sha256"]],
            i18n.t("history.state", lang): [state(r) for r in history.itertuples()],
        }
    )


# --- issues: what is wrong in a file, and what to do ------------------------------------

MAX_LISTED = 12  # allowed codes shown in one message

# Parameters that are counts of rows, written with the language's thousands mark (60.000);
# other whole numbers (years, bounds) stay as they are.
COUNT_PARAMS = {"listed", "total", "factor"}
# The two readings of a cell asked about ('125.430'): every digit, no thousands mark, the
# language's decimal mark (125430 or 125,43), so neither can itself be read two ways.
READING_PARAMS = {"comma", "point"}


def _reading_text(value: object, lang: str) -> str:
    if not isinstance(value, float | int):
        return ""
    text = format(Decimal(repr(float(value))).normalize(), "f")
    return text.replace(".", ",") if lang != "en" else text


def _param_text(value: object, lang: str) -> str:
    if isinstance(value, list | tuple):
        shown = ", ".join(str(v) for v in value[:MAX_LISTED])
        return shown + (", …" if len(value) > MAX_LISTED else "")
    if isinstance(value, float):
        return i18n.format_number(value, lang, 1)
    return "" if value is None else str(value)


class _Blank(dict):
    """format_map helper: a placeholder without a value prints as nothing, never a KeyError."""

    def __missing__(self, key: str) -> str:
        return ""


def issue_message(issue: Issue, lang: str) -> str:
    """The sentence for ``issue`` in ``lang`` (catalogue key ``issue.<code>``): what is wrong,
    and how to fix it."""
    template = i18n.template(f"issue.{issue.code}", lang)
    params = {
        k: i18n.format_number(v, lang, 0)
        if k in COUNT_PARAMS
        else _reading_text(v, lang)
        if k in READING_PARAMS
        else _param_text(v, lang)
        for k, v in issue.params.items()
    }
    params.setdefault("value", issue.value or "")
    params.setdefault("column", issue.column or "")
    return template.format_map(_Blank(params))


ISSUE_COLUMNS = ("row", "column", "value", "level", "message")


def issues_table(issues: list[Issue], lang: str) -> pd.DataFrame:
    """Issues as a table a planner reads or downloads: row, column, value, level, message."""
    row, column, value, level, message = (i18n.t(f"issues.col.{c}", lang) for c in ISSUE_COLUMNS)
    return pd.DataFrame(
        {
            row: [i.row if i.row is not None else "" for i in issues],
            column: [i.column or "" for i in issues],
            value: [i.value or "" for i in issues],
            level: [i18n.t(f"issues.level.{i.level}", lang) for i in issues],
            message: [issue_message(i, lang) for i in issues],
        }
    )
