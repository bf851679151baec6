"""Downloads (CSV, XLSX) that are safe to open in Excel or LibreOffice, formulas evaluated.

Text that begins with = + - @ (or a tab/CR/LF) is a formula to Excel and LibreOffice; an
uploaded note like ``=HYPERLINK(...)`` must come back as text. Such cells get a leading
apostrophe (OWASP's CSV-injection advice), as do cells starting with a full-width or small
form of those signs (``＝1+1``), which some suites read as the ASCII sign. Numbers stay
numbers.

A CSV is read by a suite with whatever separator the reader picks (an Indonesian profile
proposes ';', others ',' or tab), so a cell may be split at any ',', ';', tab or line break
inside it, and each part becomes a cell of its own: ``x;=1+1`` is 'x' and a live ``=1+1``.
So in a CSV every such part that would start a formula (after spaces, which the import may
trim, and quotes, which it may read as the field's own) gets its own apostrophe, right
after the separator; and every field is quoted, so no cell's text is a bare field.

The XLSX download keeps each cell whole (a workbook is never split), so only its start is
neutralized; control characters XML cannot hold (openpyxl refuses them, and one stored cell
would break the download for everyone) become U+FFFD.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata

import pandas as pd
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")
# A formula's first sign, ASCII or a full-width / small compatibility form of it.
_SIGNS = "=+\\-@\uff1d\uff0b\uff0d\uff20\ufe62\ufe63\ufe66\ufe6b"
# The start of a CSV cell, or a separator or line break a suite may split it at, followed
# (after spaces and tabs, which an import may trim, and quotes) by a formula's first sign.
_PART_STARTING_A_FORMULA = re.compile('(^|[,;\t\r\n])(?=[ \u00a0\t"]*[' + _SIGNS + "])")


def _starts_formula(text: str) -> bool:
    return unicodedata.normalize("NFKC", text[0]).startswith(_FORMULA_STARTS)


def neutralize(value: object) -> object:
    """A workbook cell: '=1+1', '＝1+1' -> with a leading apostrophe; anything that is not
    such text is returned unchanged."""
    if not isinstance(value, str) or not value:
        return value
    return "'" + value if _starts_formula(value) else value


def neutralize_csv(value: object) -> object:
    """A CSV cell: an apostrophe before every part a suite could split off that would start
    a formula. ';=1+1' -> ";'=1+1", 'x\\n=1+1;' -> "x\\n'=1+1;", ' =1' -> "' =1"; anything
    that is not such text is returned unchanged."""
    if not isinstance(value, str) or not value:
        return value
    out = _PART_STARTING_A_FORMULA.sub(lambda m: m.group(1) + "'", value)
    return out if out.startswith("'") or not _starts_formula(out) else "'" + out


def _mapped(frame: pd.DataFrame, function) -> pd.DataFrame:
    out = frame.copy()
    for column in out.columns:
        if out[column].dtype == object or pd.api.types.is_string_dtype(out[column]):
            out[column] = out[column].map(function)
    out.columns = [function(str(c)) for c in out.columns]
    return out


def safe_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """The frame with every text cell and header neutralized as a workbook's cell."""
    return _mapped(frame, neutralize)


def to_csv_bytes(frame: pd.DataFrame) -> bytes:
    """UTF-8 with BOM, so Excel on Windows shows 'Kabupaten' and 'Rp' correctly.

    Every field quoted and every part of a cell that could start a formula neutralized
    (see the module's docstring). CRLF line ends, as Excel writes them.
    """
    return (
        _mapped(frame, neutralize_csv)
        .to_csv(index=False, lineterminator="\r\n", quoting=csv.QUOTE_ALL)
        .encode("utf-8-sig")
    )


def _xml_safe(value: object) -> object:
    if isinstance(value, str):
        return ILLEGAL_CHARACTERS_RE.sub("\ufffd", value)
    return value


def to_xlsx_bytes(frame: pd.DataFrame, sheet: str = "data") -> bytes:
    """The frame as an XLSX workbook, formulas neutralized and illegal characters replaced."""
    out = safe_frame(frame)
    for column in out.columns:
        if out[column].dtype == object or pd.api.types.is_string_dtype(out[column]):
            out[column] = out[column].map(_xml_safe)
    out.columns = [_xml_safe(c) for c in out.columns]
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        out.to_excel(writer, index=False, sheet_name=sheet[:31])
    return buffer.getvalue()
