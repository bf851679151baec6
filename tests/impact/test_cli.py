"""The admin CLI (python -m impact): import, dry run, history, revert, backup and restore.

Run in-process through ``main(argv)`` for speed; the process-level cases (a busy database,
a dashboard reading meanwhile) are in test_uploads.py.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import pytest
from openpyxl import Workbook

from impact import cli, store, upload
from impact.upload import ingest

HEADER = ["indikator", "wilayah", "sektor", "tahun", "nilai", "status", "sumber"]
NEW = ["batik_workers", "blitar", "batik", "2024", "700", "reported", "Survei Disperindag"]
CHANGED = [
    "batik_workers",
    "blitar",
    "batik",
    "2023",
    "630",
    "illustrative",
    "Nilai ilustratif tim dasbor, bukan data resmi",
]
BAD = ["batik_workers", "Mars", "batik", "2024", "tujuh ratus", "reported", "x"]


def write_csv(path: Path, *rows: list[str], header: list[str] = HEADER) -> Path:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows([header, *rows])
    path.write_text(buffer.getvalue(), encoding="utf-8")
    return path


def run(capsys, db: Path, *args: object) -> tuple[int, str, str]:
    code = cli.main(["--db", str(db), *map(str, args)])
    out, err = capsys.readouterr()
    return code, out, err


def workers(db: Path) -> dict[int, float]:
    frame = store.observations(db, "batik_workers", "blitar", "batik")
    return dict(zip(frame["year"], frame["value"], strict=True))


def test_dry_run_previews_and_writes_nothing(
    warm_db, tmp_path, capsys, snapshot, assert_same
) -> None:
    path = write_csv(tmp_path / "tenaga_kerja.csv", NEW, CHANGED)
    before, version = snapshot(warm_db), store.data_version(warm_db)
    code, out, _ = run(capsys, warm_db, "import", path, "--dry-run")
    assert code == cli.EXIT_OK
    lines = out.splitlines()
    assert lines[0] == (
        "tenaga_kerja.csv: csv, encoding utf-8, delimiter ',', decimal '.', "
        "header row 1, sheet -, dataset observations"
    )
    assert lines[1:] == [
        "add 1, replace 1, unchanged 0",
        "  row 3 batik_workers · blitar · batik · 2023 value: 620.0 -> 630.0",
        "dry run: nothing written",
    ]
    assert_same(before, snapshot(warm_db))
    assert store.data_version(warm_db) == version


def test_import_writes_and_records_the_upload(warm_db, tmp_path, capsys) -> None:
    path = write_csv(tmp_path / "tenaga_kerja.csv", NEW, CHANGED)
    code, out, _ = run(capsys, warm_db, "import", path, "--editor", "operator")
    assert (code, out.splitlines()[-1]) == (cli.EXIT_OK, "imported as upload 1")
    assert (workers(warm_db)[2023], workers(warm_db)[2024]) == (630, 700)
    record = upload.history(warm_db).iloc[0]
    assert (record["editor"], record["filename"], record["sha256"]) == (
        "operator",
        "tenaga_kerja.csv",
        ingest.sha256_hex(path.read_bytes()),
    )


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            None,
            [
                "  galat: Baris 2, Kolom nilai [tujuh ratus]: 'tujuh ratus' bukan angka. Tulis angka "
                "saja, misalnya 1.250.000 atau 54,5 (tanda desimal berkas ini: '.').",
                "  galat: Baris 2, Kolom wilayah [Mars]: Wilayah 'Mars' tidak dikenal. Pakai salah "
                "satu: blitar, indonesia, jatim, kab_blitar, kota_blitar.",
                "  galat: Baris 4, Kolom tahun [2021.5]: '2021.5' bukan tahun yang sah. Tulis tahun "
                "bulat antara 2000 dan {next_year}, misalnya 2024.",
            ],
        ),
        (
            "en",
            [
                "  error: Row 2, Column nilai [tujuh ratus]: 'tujuh ratus' is not a number. Write a "
                "number only, e.g. 1250000 or 54.5 (this file's decimal mark: '.').",
                "  error: Row 2, Column wilayah [Mars]: Unknown region 'Mars'. Use one of: blitar, "
                "indonesia, jatim, kab_blitar, kota_blitar.",
                "  error: Row 4, Column tahun [2021.5]: '2021.5' is not a valid year. Write a whole "
                "year between 2000 and {next_year}, e.g. 2024.",
            ],
        ),
    ],
    ids=["indonesian-by-default", "english"],
)
def test_a_bad_file_exits_1_and_lists_every_error(
    warm_db, tmp_path, capsys, snapshot, assert_same, lang, expected
) -> None:
    path = write_csv(tmp_path / "salah.csv", BAD, NEW, [*NEW[:3], "2021.5", *NEW[4:]])
    before = snapshot(warm_db)
    code, out, _ = run(capsys, warm_db, *(["--lang", lang] if lang else []), "import", path)
    assert code == cli.EXIT_INVALID
    next_year = str(dt.date.today().year + 1)
    assert out.splitlines()[1:] == [
        *(line.replace("{next_year}", next_year) for line in expected),
        "not imported: 3 error(s); the database is unchanged",
    ]
    assert_same(before, snapshot(warm_db))


def test_a_file_level_problem_exits_1(warm_db, tmp_path, capsys) -> None:
    path = tmp_path / "foto.csv"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    code, out, _ = run(capsys, warm_db, "--lang", "en", "import", path)
    assert code == cli.EXIT_INVALID
    assert "  error: : This file is not a CSV or XLSX table (it reads as png)." in out


def test_dataset_and_sheet_options(warm_db, tmp_path, capsys) -> None:
    book = Workbook()
    book.active.title = "Petunjuk"
    book.active.append(["Isi lembar Data"])
    sheet = book.create_sheet("Data")
    for row in ([h for h in HEADER if h != "nilai"], [c for c in NEW if c != "700"]):
        sheet.append(row)
    path = tmp_path / "laporan.xlsx"
    book.save(path)
    code, out, _ = run(
        capsys,
        warm_db,
        "--lang",
        "en",
        "import",
        path,
        "--sheet",
        "Data",
        "--dataset",
        "observations",
    )
    assert code == cli.EXIT_INVALID
    assert "sheet Data, dataset observations" in out.splitlines()[0]
    assert (
        "  error: Row 1, Column nilai: The required column 'nilai' is missing (in English: "
        "'value'). Add that column." in out
    )


def test_import_of_a_missing_file_is_a_usage_error(warm_db, tmp_path, capsys) -> None:
    code, _, err = run(capsys, warm_db, "import", tmp_path / "tidak_ada.csv")
    assert (code, err.strip()) == (cli.EXIT_USAGE, f"no such file: {tmp_path / 'tidak_ada.csv'}")


def test_import_exits_4_when_the_data_changes_during_it(
    warm_db, tmp_path, capsys, monkeypatch
) -> None:
    path = write_csv(tmp_path / "tenaga_kerja.csv", CHANGED)
    other = write_csv(tmp_path / "lain.csv", [*CHANGED[:4], "640", *CHANGED[5:]])
    real_preview = upload.preview

    def preview_then_someone_else_saves(db, checked):
        previewed = real_preview(db, checked)
        monkeypatch.setattr(upload, "preview", real_preview)
        assert cli.main(["--db", str(db), "import", str(other), "--editor", "budi"]) == 0
        return previewed

    monkeypatch.setattr(upload, "preview", preview_then_someone_else_saves)
    code, _, err = run(capsys, warm_db, "import", path)
    assert (code, err.strip()) == (
        cli.EXIT_STALE,
        "the data changed during the import; run it again",
    )
    assert workers(warm_db)[2023] == 640
    assert upload.history(warm_db)["editor"].tolist() == ["budi"]


def test_history_lists_uploads_newest_first(warm_db, tmp_path, capsys) -> None:
    assert run(capsys, warm_db, "history")[:2] == (cli.EXIT_OK, "no uploads yet\n")
    first = write_csv(tmp_path / "satu.csv", NEW, CHANGED)
    second = write_csv(tmp_path / "dua.csv", [*NEW[:3], "2025", *NEW[4:]])
    run(capsys, warm_db, "import", first, "--editor", "sari")
    run(capsys, warm_db, "import", second, "--editor", "budi")
    run(capsys, warm_db, "revert", "1", "--editor", "admin")
    code, out, _ = run(capsys, warm_db, "history")
    assert code == cli.EXIT_OK
    lines = out.splitlines()
    assert len(lines) == 2
    assert lines[0].split()[0] == "2" and "budi" in lines[0] and "+1 ~0 =0  dua.csv" in lines[0]
    assert f"sha256:{ingest.sha256_hex(second.read_bytes())[:12]}" in lines[0]
    assert "reverted" not in lines[0]
    assert lines[1].split()[0] == "1" and "sari" in lines[1] and "+1 ~1 =0  satu.csv" in lines[1]
    assert lines[1].rstrip().endswith("by admin") and "reverted " in lines[1]


def test_revert_and_its_refusals(warm_db, tmp_path, capsys, snapshot) -> None:
    original = workers(warm_db)
    run(capsys, warm_db, "import", write_csv(tmp_path / "a.csv", NEW, CHANGED))
    run(
        capsys,
        warm_db,
        "import",
        write_csv(tmp_path / "b.csv", [*CHANGED[:4], "640", *CHANGED[5:]]),
    )
    code, _, err = run(capsys, warm_db, "revert", "1")
    assert (code, err.strip()) == (cli.EXIT_USAGE, "revert the later uploads first: [2]")
    assert run(capsys, warm_db, "revert", "2")[:2] == (
        cli.EXIT_OK,
        "reverted upload 2: 1 row(s) restored or removed\n",
    )
    assert run(capsys, warm_db, "revert", "1")[:2] == (
        cli.EXIT_OK,
        "reverted upload 1: 2 row(s) restored or removed\n",
    )
    assert workers(warm_db) == original
    state = snapshot(warm_db)
    code, _, err = run(capsys, warm_db, "revert", "1")
    assert (code, err.strip()) == (cli.EXIT_USAGE, "upload 1 was already reverted")
    code, _, err = run(capsys, warm_db, "revert", "99")
    assert (code, err.strip()) == (cli.EXIT_USAGE, "no upload 99")
    assert snapshot(warm_db)["upload"].equals(state["upload"])


def test_backup_then_restore_brings_back_the_backup(
    fresh_db, tmp_path, capsys, snapshot, assert_same
) -> None:
    # fresh_db, not warm_db: restore swaps the file, so nothing here may keep it open
    run(capsys, fresh_db, "import", write_csv(tmp_path / "a.csv", NEW))
    code, out, _ = run(capsys, fresh_db, "backup", tmp_path / "cadangan")
    assert (code, out.strip()) == (
        cli.EXIT_OK,
        f"backup written to {tmp_path / 'cadangan' / 'batik.duckdb'}",
    )
    manifest = json.loads((tmp_path / "cadangan" / "manifest.json").read_text())
    assert manifest["data_version"] == store.data_version(fresh_db)
    at_backup = snapshot(fresh_db)
    # later changes: another import and a revert
    run(capsys, fresh_db, "import", write_csv(tmp_path / "b.csv", CHANGED))
    run(capsys, fresh_db, "revert", "1")
    assert workers(fresh_db)[2023] == 630 and 2024 not in workers(fresh_db)
    version = store.data_version(fresh_db)
    code, out, _ = run(capsys, fresh_db, "restore", tmp_path / "cadangan")
    assert (code, out.strip()) == (cli.EXIT_OK, f"restored {fresh_db} from {tmp_path / 'cadangan'}")
    assert_same(at_backup, snapshot(fresh_db))
    assert store.data_version(fresh_db) > version
    assert workers(fresh_db)[2024] == 700
    # and the restored database takes uploads again
    assert run(capsys, fresh_db, "import", write_csv(tmp_path / "c.csv", CHANGED))[0] == 0
    assert workers(fresh_db)[2023] == 630


def test_restore_refuses_a_damaged_backup(fresh_db, tmp_path, capsys, snapshot, assert_same):
    run(capsys, fresh_db, "backup", tmp_path / "cadangan")
    with (tmp_path / "cadangan" / "batik.duckdb").open("r+b") as damaged:
        damaged.seek(5000)
        damaged.write(b"rusak")
    before = snapshot(fresh_db)
    code, _, err = run(capsys, fresh_db, "restore", tmp_path / "cadangan")
    assert code == cli.EXIT_USAGE and "checksum" in err
    code, _, err = run(capsys, fresh_db, "restore", tmp_path / "tidak_ada")
    assert code == cli.EXIT_USAGE and "manifest.json" in err
    assert_same(before, snapshot(fresh_db))


def test_an_unknown_command_is_a_usage_error(capsys) -> None:
    with pytest.raises(SystemExit) as caught:
        cli.main(["bukan-perintah"])
    assert caught.value.code == cli.EXIT_USAGE
