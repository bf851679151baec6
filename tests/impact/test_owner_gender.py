"""The owner's gender of enterprise records: checked by the one engine, stored by migration
v9, carried by the templates as a drop-down; old files without the column still upload."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from openpyxl import load_workbook

from impact import i18n, store, upload
from impact.upload import checks, ingest, templates
from impact.upload.datasets import DATASETS
from tests.impact.conftest import TODAY

HEADER = "id_usaha,tahun,wilayah,sektor,skala,{extra}pendapatan_rp,status,sumber\n"


def _csv(rows: list[str], extra: str = "jenis_kelamin_pemilik,") -> bytes:
    return (HEADER.format(extra=extra) + "".join(r + "\n" for r in rows)).encode()


def _genders(path: Path) -> dict[tuple[str, int], str | None]:
    frame = store.read_table(path, "enterprise_record")
    return {
        (r.enterprise_id, int(r.year)): (
            r.owner_gender if isinstance(r.owner_gender, str) else None
        )
        for r in frame.itertuples()
    }


def test_unknown_gender_is_refused_with_row_column_and_code(vocab) -> None:
    data = _csv(
        [
            "u1,2023,kota_blitar,batik,mikro,P,1000000,dilaporkan,Survei",
            "u2,2023,kota_blitar,batik,mikro,X,1000000,dilaporkan,Survei",
        ]
    )
    checked = checks.check_grid(ingest.read_grid(data, "u.csv"), vocab, today=TODAY)
    found = [(i.row, i.column, i.code, i.value) for i in checked.errors]
    assert found == [(3, "jenis_kelamin_pemilik", "unknown-gender", "X")]
    issue = checked.errors[0]
    words = {lang: i18n.t("issue." + issue.code, lang, value=issue.value) for lang in i18n.LANGS}
    assert "P (perempuan) atau L (laki-laki)" in words["id"] and "'X'" in words["id"]
    assert "P (female" in words["en"] and "leave it empty" in words["en"]


@pytest.mark.parametrize(
    ("written", "stored"),
    [
        ("P", "P"),
        ("p", "P"),
        ("Perempuan", "P"),
        ("FEMALE", "P"),
        ("L", "L"),
        ("laki-laki", "L"),
        ("Laki-Laki", "L"),
        ("male", "L"),
        ("", None),  # blank: not recorded, never guessed
    ],
)
def test_codes_and_words_in_both_languages_are_accepted(
    fresh_db, upload_like_the_app, written, stored
) -> None:
    data = _csv([f"u1,2023,kota_blitar,batik,mikro,{written},1000000,dilaporkan,Survei"])
    checked = upload_like_the_app(fresh_db, data)
    assert checked.ok, checked.issues
    assert _genders(fresh_db) == {("u1", 2023): stored}


def test_a_file_without_the_column_still_uploads_and_keeps_stored_genders(
    fresh_db, upload_like_the_app
) -> None:
    with_gender = _csv(["u1,2023,kota_blitar,batik,mikro,P,1000000,dilaporkan,Survei"])
    assert upload_like_the_app(fresh_db, with_gender).ok
    old_style = _csv(
        [
            "u1,2023,kota_blitar,batik,mikro,2000000,dilaporkan,Survei",  # income corrected
            "u2,2023,kab_blitar,batik,kecil,3000000,dilaporkan,Survei",
        ],
        extra="",
    )
    checked = upload_like_the_app(fresh_db, old_style)
    assert checked.ok and checked.dataset.code == "enterprises", checked.issues
    assert _genders(fresh_db) == {("u1", 2023): "P", ("u2", 2023): None}


def test_migration_v9_adds_the_column_once_and_keeps_the_rows(fresh_db) -> None:
    # A v8 database: enterprise_record without owner_gender, one record in it.
    with store.connect(fresh_db) as con:
        con.execute("ALTER TABLE enterprise_record DROP COLUMN owner_gender")
        con.execute("UPDATE meta SET value = '8' WHERE key = 'schema_version'")
        con.execute(
            "INSERT INTO enterprise_record (enterprise_id, year, region, sector, size_class,"
            " income, status, source) VALUES ('u1', 2023, 'kota_blitar', 'batik', 'micro', 5,"
            " 'reported', 'Survei')"
        )
    assert store.SCHEMA_VERSION >= 9
    store.ensure_database(fresh_db)
    with store.connect(fresh_db) as con:
        # Run again from v8: IF NOT EXISTS keeps the second run from failing or doubling it.
        con.execute("UPDATE meta SET value = '8' WHERE key = 'schema_version'")
        store.migrate(con)
        columns = con.execute(
            "SELECT column_name FROM information_schema.columns"
            " WHERE table_name = 'enterprise_record' AND column_name = 'owner_gender'"
        ).fetchall()
        assert columns == [("owner_gender",)]
        assert store.schema_version(con) == store.SCHEMA_VERSION
    assert _genders(fresh_db) == {("u1", 2023): None}


def _choices(book) -> dict[str, list[str]]:
    """Header -> the codes of its drop-down, as the workbook declares them."""
    sheet, lists = book["data"], book[templates.LIST_SHEET]
    headers = {c.column_letter: c.value for c in sheet[1]}
    out = {}
    for validation in sheet.data_validations.dataValidation:
        letter = str(validation.sqref).split(":")[0].rstrip("0123456789")
        ref = validation.formula1.split("!")[1].replace("$", "")
        out[headers[letter]] = [c.value for row in lists[ref] for c in row]
    return out


def test_the_empty_xlsx_template_offers_the_gender_codes() -> None:
    book = load_workbook(io.BytesIO((templates.TEMPLATE_DIR / "enterprises.xlsx").read_bytes()))
    choices = _choices(book)
    assert choices["jenis_kelamin_pemilik"] == ["L", "P"]
    assert choices["skala"] == ["medium", "micro", "small"]
    assert book[templates.LIST_SHEET].sheet_state == "hidden"
    guide = {row[0]: row[3] for row in book["petunjuk"].iter_rows(min_row=2, values_only=True)}
    assert "P (perempuan) atau L (laki-laki)" in guide["jenis_kelamin_pemilik"]


def test_the_current_data_download_carries_gender_and_uploads_back_unchanged(
    fresh_db, upload_like_the_app
) -> None:
    data = _csv(
        [
            "u1,2023,kota_blitar,batik,mikro,P,1000000,dilaporkan,Survei",
            "u2,2023,kota_blitar,batik,mikro,,1000000,dilaporkan,Survei",
        ]
    )
    assert upload_like_the_app(fresh_db, data).ok
    dataset = DATASETS["enterprises"]
    xlsx = templates.current_xlsx(fresh_db, dataset, upload.load_vocabulary(fresh_db))
    book = load_workbook(io.BytesIO(xlsx))
    assert _choices(book)["jenis_kelamin_pemilik"] == ["L", "P"]
    column = [c.header_id for c in dataset.columns].index("jenis_kelamin_pemilik")
    assert [r[column] for r in book["data"].iter_rows(min_row=2, values_only=True)] == ["P", None]
    again = checks.check_grid(
        ingest.read_grid(xlsx, "saat_ini.xlsx"), upload.load_vocabulary(fresh_db), today=TODAY
    )
    assert again.ok, again.issues
    assert upload.preview(fresh_db, again).counts == {"insert": 0, "update": 0, "same": 2}
