"""Workbooks that are broken or hostile, built from a good one: a DOCTYPE with entities
("billion laughs", an external entity) in one part, a sheet cut short, a member whose
compressed bytes are corrupt. Shared by the reader's, the CLI's and the page's tests."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable

from openpyxl import Workbook

HEADER = ["indikator", "wilayah", "sektor", "tahun", "nilai", "status", "sumber"]
ROW = ["batik_workers", "blitar", "batik", 2024, 700, "reported", "Survei Disperindag"]
SHEET = "xl/worksheets/sheet1.xml"
LAUGHS = (
    b'<!DOCTYPE lolz [<!ENTITY lol "lol">'
    b'<!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
    b'<!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">]>'
)
EXTERNAL = b'<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
SHARED = (
    b'<?xml version="1.0" encoding="UTF-8"?>'
    b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" '
    b'uniqueCount="1"><si><t>x</t></si></sst>'
)


def good() -> bytes:
    book = Workbook()
    book.active.append(HEADER)
    book.active.append(ROW)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def rewrite(data: bytes, member: str, change: Callable[[bytes], bytes]) -> bytes:
    """``data`` with ``member`` changed (added, from SHARED, if it is not there)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    names = source.namelist()
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in names:
            part = source.read(name)
            archive.writestr(name, change(part) if name == member else part)
        if member not in names:
            archive.writestr(member, change(SHARED))
    return out.getvalue()


def with_doctype(part: bytes, doctype: bytes = LAUGHS, text: bytes = b"&lol2;") -> bytes:
    """The part with ``doctype`` after its XML declaration and its text replaced by an entity."""
    end = part.index(b"?>") + 2 if part.startswith(b"<?xml") else 0
    body = (
        part[end:]
        .replace(b"Survei Disperindag", text)
        .replace(b"<t>x</t>", b"<t>" + text + b"</t>")
    )
    return part[:end] + doctype + body


def entities(member: str = SHEET, doctype: bytes = LAUGHS) -> bytes:
    text = b"&lol2;" if doctype == LAUGHS else b"&xxe;"
    return rewrite(good(), member, lambda part: with_doctype(part, doctype, text))


def cut_sheet() -> bytes:
    """A sheet whose XML stops halfway: the zip is sound, the part is not."""
    return rewrite(good(), SHEET, lambda part: part[: len(part) // 2])


def corrupt_member() -> bytes:
    """The sheet's compressed bytes scrambled, the zip's directory intact."""
    data = good()
    info = zipfile.ZipFile(io.BytesIO(data)).getinfo(SHEET)
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    damaged = bytearray(data)
    for i in range(start + 5, start + 25):
        damaged[i] ^= 0x55
    return bytes(damaged)


def without(member: str = SHEET) -> bytes:
    """The workbook with one of its parts left out of the zip."""
    source = zipfile.ZipFile(io.BytesIO(good()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in source.namelist():
            if name != member:
                archive.writestr(name, source.read(name))
    return out.getvalue()
