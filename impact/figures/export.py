"""Downloads (CSV, XLSX) that are safe to open in Excel.

Text that begins with = + - @ (or a tab/CR) is a formula to Excel and LibreOffice; an
uploaded note like ``=HYPERLINK(...)`` must come back as text. Such cells get a leading
apostrophe (OWASP's CSV-injection advice). Numbers stay numbers.
"""

from __future__ import annotations

import io

import pandas as pd

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralize(value: object) -> object:
    """'=1+1' -> "'=1+1"; anything that is not such text is returned unchanged."""
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
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


def to_xlsx_bytes(frame: pd.DataFrame, sheet: str = "data") -> bytes:
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        safe_frame(frame).to_excel(writer, index=False, sheet_name=sheet[:31])
    return buffer.getvalue()
