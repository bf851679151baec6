"""Broken and hostile workbooks are refused with a sentence, never a traceback: a DOCTYPE
(entities, "billion laughs", an external entity) in any part, a sheet cut short, a corrupt
member. Entities are never expanded."""

from __future__ import annotations

import io

import pytest

from impact import i18n
from impact.upload import ingest, views
from tests import bad_workbooks as bad


@pytest.mark.parametrize(
    ("data", "part"),
    [
        (bad.entities(bad.SHEET), bad.SHEET),
        (bad.entities(bad.SHEET, bad.EXTERNAL), bad.SHEET),
        (bad.entities("xl/sharedStrings.xml"), "xl/sharedStrings.xml"),
        (bad.entities("xl/workbook.xml"), "xl/workbook.xml"),
    ],
    ids=["laughs-in-sheet", "external-in-sheet", "laughs-in-shared-strings", "in-workbook"],
)
def test_a_doctype_in_any_part_is_refused_before_it_is_parsed(data, part, monkeypatch) -> None:
    import openpyxl

    def never(*args, **kwargs):
        raise AssertionError("openpyxl read a workbook with a DOCTYPE")

    monkeypatch.setattr(openpyxl, "load_workbook", never)
    grid = ingest.read_grid(data, "entitas.xlsx")
    assert [(i.code, i.value) for i in grid.issues] == [("xlsx-entities", part)]
    assert grid.rows == []
    assert "DOCTYPE" in views.issue_message(grid.issues[0], "id")
    assert part in views.issue_message(grid.issues[0], "en")


def test_a_doctype_in_utf16_is_refused_too() -> None:
    data = bad.rewrite(
        bad.good(),
        bad.SHEET,
        lambda part: (
            bad.with_doctype(part)
            .decode()
            .replace('encoding="UTF-8"', 'encoding="UTF-16"')
            .encode("utf-16")
        ),
    )
    assert [i.code for i in ingest.read_grid(data, "x.xlsx").issues] == ["xlsx-entities"]


def test_a_doctype_across_two_chunks_is_found(monkeypatch) -> None:
    data = bad.entities()
    monkeypatch.setattr(ingest, "_SCAN_CHUNK", 7)  # '<!DOCTYPE' straddles chunks
    assert [i.code for i in ingest.read_grid(data, "x.xlsx").issues] == ["xlsx-entities"]


@pytest.mark.parametrize(
    "data",
    [bad.cut_sheet(), bad.corrupt_member(), bad.without(bad.SHEET)],
    ids=["cut", "corrupt", "sheet-missing-from-zip"],
)
def test_a_damaged_workbook_says_so(data) -> None:
    grid = ingest.read_grid(data, "rusak.xlsx")
    assert [i.code for i in grid.issues] == ["xlsx-damaged"]
    for lang in ("id", "en"):
        message = views.issue_message(grid.issues[0], lang)
        assert message and "{" not in message
    assert views.issue_message(grid.issues[0], "id") == i18n.t("issue.xlsx-damaged", "id")


def test_a_truncated_or_foreign_zip_is_named_not_raised() -> None:
    data = bad.good()
    assert [i.code for i in ingest.read_grid(data[: len(data) // 2], "x.xlsx").issues] == [
        "file-binary"
    ]


def test_a_good_workbook_still_reads() -> None:
    grid = ingest.read_grid(bad.good(), "baik.xlsx")
    assert not grid.issues and grid.rows[0][-1] == "Survei Disperindag"


@pytest.mark.parametrize(
    ("data", "sentence"),
    [
        (bad.entities(), "holds a DOCTYPE declaration"),
        (bad.cut_sheet(), "This workbook is damaged"),
        (bad.corrupt_member(), "This workbook is damaged"),
    ],
    ids=["entities", "cut", "corrupt"],
)
def test_the_cli_refuses_with_a_sentence_and_exit_1(
    warm_db, tmp_path, capsys, data, sentence
) -> None:
    from impact import cli

    path = tmp_path / "buku.xlsx"
    path.write_bytes(data)
    code = cli.main(["--db", str(warm_db), "--lang", "en", "import", str(path)])
    out, err = capsys.readouterr()
    assert code == cli.EXIT_INVALID == 1
    assert sentence in out
    assert "Traceback" not in out + err


@pytest.mark.parametrize("seed", range(4))
def test_a_workbook_with_random_bytes_changed_never_raises(seed) -> None:
    """Bytes flipped in the zip, or in one part before it is zipped: always issues, never an
    exception (found: NotImplementedError for an unknown zip version, TypeError from a
    misspelt sheet property, IndexError for a missing sheet part)."""
    import random
    import warnings
    import zipfile

    good = bad.good()
    members = zipfile.ZipFile(io.BytesIO(good)).namelist()
    rnd = random.Random(seed)

    def flipped(data: bytes) -> bytes:
        changed = bytearray(data)
        for _ in range(rnd.randint(1, 6)):
            changed[rnd.randrange(len(changed))] = rnd.randrange(256)
        return bytes(changed)

    for n in range(150):
        data = flipped(good) if n % 2 else bad.rewrite(good, rnd.choice(members), flipped)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns about what it skips
            ingest.read_grid(data, "acak.xlsx")
