"""Downloads (CSV, XLSX) that are safe to open in Excel.

Text that begins with = + - @ (or a tab/CR) is a formula to Excel and LibreOffice; an
uploaded note like ``=HYPERLINK(...)`` must come back as text. Such cells get a leading
apostrophe (OWASP's CSV-injection advice). So do cells that become one when an office suite
splits the CSV on another separator (``;=1+1`` in an Indonesian-locale suite, which splits
on ';') and cells starting with a full-width or small form of those signs (``＝1+1``),
which some suites read as the ASCII sign. Numbers stay numbers.

The XLSX download replaces control characters XML cannot hold (openpyxl refuses them, and
one stored cell would break the download for everyone) with U+FFFD.
"""

from __future__ import annotations

import io
import re
import unicodedata

import pandas as pd
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# A separator either office suite may split on, then (after spaces) a formula's first sign.
_AFTER_SEPARATOR = re.compile(
    r"[,;\t][ \u00a0]*[=+\-@\t\r\uff1d\uff0b\uff0d\uff20\ufe62\ufe63\ufe66\ufe6b]"
)


def neutralize(value: object) -> object:
    """'=1+1', ';=1+1', '＝1+1' -> with a leading apostrophe; anything that is not such text
    is returned unchanged."""
    if not isinstance(value, str) or not value:
        return value
    first = unicodedata.normalize("NFKC", value[0])
    if first.startswith(_FORMULA_STARTS) or _AFTER_SEPARATOR.search(value):
        return "'" + value
    return value


def safe_frame(frame: pd.DataFrame) -> pd.DataFrame:
    out = frame.copy()
    for column in out.columns:
        if out[column].dtype == object or pd.api.types.is_string_dtype(out[column]):
            out[column] = out[column].map(neutralize)
    out.columns = [neutralize(str(c)) for c in out.columns]
    return out


def to_csv_bytes(frame: pd.DataFrame) -> bytes:
    """UTF-8 with BOM, so Excel on Windows shows 'Kabupaten' and 'Rp' correctly.

    CRLF line ends, as Excel writes them; they also make the writer quote a cell holding a
    lone CR, which Excel would otherwise take as a new row (its next line a formula).
    """
    return safe_frame(frame).to_csv(index=False, lineterminator="\r\n").encode("utf-8-sig")


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
