"""The admin CLI (python -m impact): import, dry run, history, revert, backup and restore.

Run in-process through ``main(argv)`` for speed; the process-level cases (a busy database,
a dashboard reading meanwhile) are in test_uploads.py.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import shutil
from pathlib import Path

import duckdb
import pytest
from openpyxl import Workbook

from impact import auth, cli, i18n, store, upload
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
        "tenaga_kerja.csv: csv, pengodean utf-8, pemisah ',', desimal '.', "
        "baris judul 1, lembar -, dataset observations"
    )
    assert lines[1:] == [
        "tambah 1, ganti 1, sama 0",
        "  baris 3 batik_workers · blitar · batik · 2023 value: 620.0 -> 630.0",
        "uji coba: tidak ada yang ditulis",
    ]
    code, out, _ = run(capsys, warm_db, "--lang", "en", "import", path, "--dry-run")
    assert out.splitlines() == [
        "tenaga_kerja.csv: csv, encoding utf-8, delimiter ',', decimal '.', "
        "header row 1, sheet -, dataset observations",
        "add 1, replace 1, unchanged 0",
        "  row 3 batik_workers · blitar · batik · 2023 value: 620.0 -> 630.0",
        "dry run: nothing written",
    ]
    assert_same(before, snapshot(warm_db))
    assert store.data_version(warm_db) == version


def test_import_writes_and_records_the_upload(warm_db, tmp_path, capsys) -> None:
    path = write_csv(tmp_path / "tenaga_kerja.csv", NEW, CHANGED)
    code, out, _ = run(capsys, warm_db, "import", path, "--editor", "operator")
    assert (code, out.splitlines()[-1]) == (cli.EXIT_OK, "diimpor sebagai unggahan 1")
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
                "satu: blitar, indonesia, jatim, kab_blitar, kota_blitar, kota_kediri.",
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
                "indonesia, jatim, kab_blitar, kota_blitar, kota_kediri.",
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
    summary = {
        None: "tidak diimpor: 3 galat; database tidak berubah",
        "en": "not imported: 3 error(s); the database is unchanged",
    }[lang]
    assert out.splitlines()[1:] == [
        *(line.replace("{next_year}", next_year) for line in expected),
        summary,
    ]
    assert_same(before, snapshot(warm_db))


def test_a_file_level_problem_exits_1(warm_db, tmp_path, capsys) -> None:
    path = tmp_path / "foto.csv"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    code, out, _ = run(capsys, warm_db, "--lang", "en", "import", path)
    assert code == cli.EXIT_INVALID
    # a problem of the whole file: no empty row and column before the message
    assert "\n  error: This file is not a CSV or XLSX table (it reads as png)." in out
    assert ": :" not in out


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
    assert (code, err.strip()) == (
        cli.EXIT_USAGE,
        f"berkas tidak ada: {tmp_path / 'tidak_ada.csv'}",
    )


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
        "data berubah selama impor; jalankan lagi",
    )
    assert workers(warm_db)[2023] == 640
    assert upload.history(warm_db)["editor"].tolist() == ["budi"]


def test_history_lists_uploads_newest_first(warm_db, tmp_path, capsys) -> None:
    assert run(capsys, warm_db, "history")[:2] == (cli.EXIT_OK, "belum ada unggahan\n")
    assert run(capsys, warm_db, "--lang", "en", "history")[:2] == (cli.EXIT_OK, "no uploads yet\n")
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
    assert "dibatalkan" not in lines[0]
    assert lines[1].split()[0] == "1" and "sari" in lines[1] and "+1 ~1 =0  satu.csv" in lines[1]
    assert lines[1].rstrip().endswith("oleh admin") and "dibatalkan " in lines[1]
    english = run(capsys, warm_db, "--lang", "en", "history")[1].splitlines()
    assert english[1].rstrip().endswith("by admin") and "reverted " in english[1]


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
    assert (code, err.strip()) == (cli.EXIT_USAGE, "batalkan dulu unggahan yang lebih baru: [2]")
    assert run(capsys, warm_db, "--lang", "en", "revert", "1")[2].strip() == (
        "revert the later uploads first: [2]"
    )
    assert run(capsys, warm_db, "revert", "2")[:2] == (
        cli.EXIT_OK,
        "unggahan 2 dibatalkan: 1 baris dipulihkan atau dihapus\n",
    )
    assert run(capsys, warm_db, "--lang", "en", "revert", "1")[:2] == (
        cli.EXIT_OK,
        "reverted upload 1: 2 row(s) restored or removed\n",
    )
    assert workers(warm_db) == original
    state = snapshot(warm_db)
    code, _, err = run(capsys, warm_db, "revert", "1")
    assert (code, err.strip()) == (cli.EXIT_USAGE, "unggahan 1 sudah dibatalkan")
    code, _, err = run(capsys, warm_db, "--lang", "en", "revert", "99")
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
        f"cadangan ditulis ke {tmp_path / 'cadangan' / 'batik.duckdb'}",
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
    assert (code, out.strip()) == (
        cli.EXIT_OK,
        f"{fresh_db} dipulihkan dari {tmp_path / 'cadangan'}",
    )
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
    assert code == cli.EXIT_USAGE and "cocok dengan checksum" in err
    code, _, err = run(capsys, fresh_db, "--lang", "en", "restore", tmp_path / "tidak_ada")
    assert code == cli.EXIT_USAGE and "has no batik.duckdb and manifest.json" in err
    assert_same(before, snapshot(fresh_db))


def test_an_unknown_command_is_a_usage_error(capsys) -> None:
    with pytest.raises(SystemExit) as caught:
        cli.main(["bukan-perintah"])
    assert caught.value.code == cli.EXIT_USAGE


# --- issue 14: the catalogue's words, no traceback, an exit code per fault -----------------


def test_an_upload_that_changes_nothing_is_refused_and_not_recorded(
    warm_db, tmp_path, capsys, snapshot, assert_same
) -> None:
    path = write_csv(tmp_path / "a.csv", NEW)
    assert run(capsys, warm_db, "import", path)[0] == cli.EXIT_OK
    before = snapshot(warm_db)
    code, out, _ = run(capsys, warm_db, "import", path)  # the same file again
    assert code == cli.EXIT_INVALID
    assert out.splitlines()[1:] == [
        "tambah 0, ganti 0, sama 1",
        "tidak diimpor: setiap baris sudah tersimpan dengan nilai yang sama; tidak ada yang "
        "dicatat",
    ]
    assert_same(before, snapshot(warm_db))
    assert len(upload.history(warm_db)) == 1
    code, out, _ = run(capsys, warm_db, "--lang", "en", "import", path, "--dry-run")
    assert code == cli.EXIT_INVALID and out.splitlines()[-1].startswith("not imported: every row")


def test_history_escapes_terminal_codes_in_file_and_editor_names(warm_db, tmp_path, capsys):
    path = write_csv(tmp_path / "data\x1b[2J\x1b]0;owned\x07.csv", NEW)
    editor = "ani\x1b[31m\u202e"
    assert run(capsys, warm_db, "import", path, "--editor", editor)[0] == cli.EXIT_OK
    code, out, _ = run(capsys, warm_db, "history")
    assert code == cli.EXIT_OK
    assert "\x1b" not in out and "\x07" not in out and "\u202e" not in out
    assert "data\\x1b[2J\\x1b]0;owned\\x07.csv" in out and "ani\\x1b[31m\\u202e" in out


@pytest.mark.parametrize(
    ("typed", "code", "checks"),
    [
        ("kata-sandi\r\n", cli.EXIT_OK, "kata-sandi"),  # a Windows line end
        ("kata-sandi\n", cli.EXIT_OK, "kata-sandi"),
        ("\r\n", cli.EXIT_USAGE, None),
        ("", cli.EXIT_USAGE, None),
        ("x" * 257 + "\n", cli.EXIT_USAGE, None),  # longer than the sign-in form takes
    ],
)
def test_hash_password_strips_line_ends_and_refuses_an_empty_password(
    capsys, monkeypatch, typed, code, checks
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(typed))
    assert cli.main(["hash-password"]) == code
    out, err = capsys.readouterr()
    if checks:
        assert auth.verify_password(checks, out.strip())
    else:
        assert out == "" and err.startswith(("kata sandi kosong ditolak", "kata sandi terlalu"))


def test_a_damaged_database_exits_5_without_a_traceback(tmp_path, capsys) -> None:
    db = tmp_path / "batik.duckdb"
    db.write_bytes(b"bukan database " * 500)
    code, out, err = run(capsys, db, "history")
    assert code == cli.EXIT_CORRUPT
    assert err.startswith(f"database {db} tidak terbaca (rusak)")
    assert "Traceback" not in err and "restore" in err
    assert db.read_bytes() == b"bukan database " * 500  # nothing written over it


def test_a_full_disk_during_an_import_exits_6_and_writes_nothing(
    warm_db, tmp_path, capsys, monkeypatch, snapshot, assert_same
) -> None:
    def full(con) -> None:  # DuckDB's own words for ENOSPC, at the last write of the commit
        raise duckdb.IOException('Could not write file "batik.duckdb.wal": No space left on device')

    monkeypatch.setattr(store, "bump_data_version", full)
    before = snapshot(warm_db)
    code, _, err = run(
        capsys, warm_db, "--lang", "en", "import", write_csv(tmp_path / "a.csv", NEW)
    )
    assert code == cli.EXIT_DISK_FULL
    assert err.startswith("the disk is full:") and "unchanged" in err
    assert_same(before, snapshot(warm_db))


def test_a_read_only_data_folder_exits_7(tmp_path, capsys, monkeypatch) -> None:
    def refuse(*args, **kwargs):
        raise duckdb.IOException('IO Error: Cannot open file "x.duckdb": Read-only file system')

    monkeypatch.setattr(duckdb, "connect", refuse)
    code, _, err = run(capsys, tmp_path / "batik.duckdb", "history")
    assert code == cli.EXIT_READ_ONLY
    assert err.startswith("folder data tidak bisa ditulisi") and str(tmp_path) in err


def test_a_wrong_setting_exits_8(capsys, monkeypatch, tmp_path) -> None:
    monkeypatch.setenv("BATIK_SESSION_IDLE_MINUTES", "setengah jam")
    code, _, err = run(capsys, tmp_path / "batik.duckdb", "history")
    assert code == cli.EXIT_CONFIG
    assert err.startswith("pengaturan tidak bisa dipakai: BATIK_SESSION_IDLE_MINUTES")


def test_a_busy_database_exits_3(warm_db, capsys, monkeypatch) -> None:
    def busy(*args, **kwargs):
        raise store.DatabaseBusyError(str(warm_db))

    monkeypatch.setattr(store, "ensure_database", busy)
    code, _, err = run(capsys, warm_db, "--lang", "en", "history")
    assert (code, err.strip()) == (
        cli.EXIT_BUSY,
        f"the database {warm_db} stayed busy (another process is writing). The data is safe; "
        "try again shortly.",
    )


def test_every_message_of_the_cli_comes_from_the_catalogue() -> None:
    source = Path(cli.__file__).read_text(encoding="utf-8")
    assert re.findall(r"print\(f?\"", source) == []  # no literal sentence printed
    keys = set(re.findall(r"\"(cli\.[a-z_]+)\"", source))
    assert keys and keys <= set(i18n.TEXTS)


WIDE = (
    "Tenaga Kerja Industri Batik di Kabupaten Blitar, 2022-2024\r\n"
    "Uraian;2022;2023*;2024**\r\n"
    "Tenaga kerja industri batik;1.240;1.320;…\r\n"
    "Jumlah perajin binaan;40;x;52\r\n"
    "Sumber: BPS Kabupaten Blitar;;;\r\n"
).encode("cp1252")


def test_a_wide_table_imports_with_the_choices_the_page_would_ask_for(
    warm_db, tmp_path, capsys
) -> None:
    path = tmp_path / "tabel_bps.csv"
    path.write_bytes(WIDE)
    code, out, _ = run(capsys, warm_db, "import", path)
    assert code == cli.EXIT_INVALID
    assert "Jumlah perajin binaan" in out and "--row BARIS=KODE" in out
    # The table states no unit: refused until it is given, naming the option, never assumed.
    code, out, _ = run(capsys, warm_db, "--lang", "en", "import", path, "--row", "4=skip")
    assert code == cli.EXIT_INVALID
    assert "does not state the unit of row 'Tenaga kerja industri batik'" in out
    assert "--unit / --scale / --row-unit" in out
    assert "Unit (from): not stated: choose the unit" in out  # the plan, as the page shows it
    code, out, _ = run(
        capsys, warm_db, "--lang", "en", "import", path, "--row", "4=skip", "--scale", "1"
    )
    assert "Unit (from): orang (your choice)" in out
    assert (code, out.splitlines()[-1]) == (cli.EXIT_OK, "imported as upload 1")
    frame = store.observations(warm_db, "batik_workers", "kab_blitar", "batik")
    stored = {
        (int(r.year), r.value, r.mark if isinstance(r.mark, str) else None)
        for r in frame.itertuples()
        if r.source == "BPS Kabupaten Blitar"
    }
    assert stored == {(2022, 1240.0, None), (2023, 1320.0, "provisional")}


def test_a_bad_row_choice_is_a_usage_error(warm_db, tmp_path, capsys) -> None:
    path = tmp_path / "tabel_bps.csv"
    path.write_bytes(WIDE)
    with pytest.raises(SystemExit) as exc:
        cli.main(["--db", str(warm_db), "import", str(path), "--row", "empat"])
    assert exc.value.code == cli.EXIT_USAGE


def test_a_fraction_score_needs_confirm_rows_as_the_page_needs_a_tick(
    warm_db, tmp_path, capsys, snapshot, assert_same
) -> None:
    row = ["batik_competitiveness", "blitar", "batik", "2024", "0.88", "reported", "Disperindag"]
    path = write_csv(tmp_path / "pecahan.csv", row)
    before = snapshot(warm_db)
    code, out, _ = run(capsys, warm_db, "import", path)
    assert code == cli.EXIT_INVALID
    assert "  perlu konfirmasi: baris 2, nilai 0.88 tampak sebagai pecahan" in out
    assert out.splitlines()[-1].endswith("ulangi dengan --confirm-rows 2")
    assert_same(before, snapshot(warm_db))
    code, out, _ = run(capsys, warm_db, "import", path, "--confirm-rows", "3")
    assert code == cli.EXIT_INVALID  # another row's confirmation does not count
    code, out, _ = run(capsys, warm_db, "import", path, "--confirm-rows", "2")
    assert code == cli.EXIT_OK
    comp = store.observations(warm_db, "batik_competitiveness", "blitar", "batik")
    assert comp.set_index("year").loc[2024, "value"] == 0.88


def test_import_says_so_when_the_checked_rows_are_deleted_before_the_save(
    warm_db, tmp_path, capsys, monkeypatch
) -> None:
    """A large file's checked rows wait in $TMPDIR; a clean-up of that folder mid-import is
    a sentence and exit 9, never a traceback, and nothing is written."""
    from impact.upload import bulk

    scratch = tmp_path / "tmp"
    scratch.mkdir()
    monkeypatch.setattr("tempfile.tempdir", str(scratch))
    monkeypatch.setattr(bulk, "BULK_MIN_BYTES", 0)  # a small file takes the large files' path
    path = write_csv(tmp_path / "tenaga_kerja.csv", NEW, CHANGED)
    real_preview = upload.preview

    def preview_then_tmp_is_cleaned(db, checked):
        previewed = real_preview(db, checked)
        assert isinstance(checked.rows, upload.Spill)
        for folder in scratch.glob("batik-upload-*"):
            shutil.rmtree(folder)
        return previewed

    monkeypatch.setattr(upload, "preview", preview_then_tmp_is_cleaned)
    before = workers(warm_db)
    code, _, err = run(capsys, warm_db, "--lang", "en", "import", path)
    assert code == cli.EXIT_STORAGE
    assert err.startswith("the checked rows were deleted from the temporary folder")
    assert str(scratch) in err and "Traceback" not in err
    assert workers(warm_db) == before and upload.history(warm_db).empty
