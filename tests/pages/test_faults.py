"""Storage faults on the pages: a message in the planner's language saying the data is safe
and what to do, never a traceback; viewers keep the last data while a writer holds the file."""

from __future__ import annotations

import tomllib
from pathlib import Path

import duckdb
import pytest

from impact import auth, i18n, store
from pages import _data
from tests.pages.apptest import open_page

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "kata-sandi-uji"
GOOD = (
    b"indikator;wilayah;sektor;tahun;nilai;status;sumber\n"
    b"batik_competitiveness;blitar;batik;2024;88,5;dilaporkan;Disperindag Blitar (2025)\n"
)


def _busy(*args, **kwargs):
    raise store.DatabaseBusyError("batik.duckdb")


def test_users_see_no_error_details() -> None:
    settings = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    assert settings["client"]["showErrorDetails"] == "none"  # false would be "stacktrace"


@pytest.mark.parametrize("lang", ["id", "en"])
def test_a_damaged_database_file_is_explained(tmp_path, monkeypatch, lang) -> None:
    db = tmp_path / "batik.duckdb"
    db.write_bytes(b"bukan database " * 500)
    monkeypatch.setenv(store.DB_PATH_ENV, str(db))
    at = open_page("pages/overview.py", lang)
    assert [e.value for e in at.error] == [i18n.t("fault.corrupt", lang)]
    assert db.read_bytes() == b"bukan database " * 500


def test_a_read_only_data_folder_is_explained(tmp_path, monkeypatch) -> None:
    def refuse(*args, **kwargs):
        raise duckdb.IOException('IO Error: Cannot open file "x.duckdb": Read-only file system')

    monkeypatch.setenv(store.DB_PATH_ENV, str(tmp_path / "batik.duckdb"))
    monkeypatch.setattr(duckdb, "connect", refuse)
    at = open_page("pages/overview.py", "en")
    assert [e.value for e in at.error] == [i18n.t("fault.read_only", "en")]


@pytest.mark.parametrize("lang", ["id", "en"])
def test_a_truncated_database_file_is_explained(app_db, tmp_path, monkeypatch, lang) -> None:
    db = tmp_path / "batik.duckdb"
    db.write_bytes(app_db.read_bytes()[: app_db.stat().st_size // 2])  # a half-copied file
    monkeypatch.setenv(store.DB_PATH_ENV, str(db))
    at = open_page("pages/overview.py", lang)
    assert not at.exception
    assert [e.value for e in at.error] == [i18n.t("fault.corrupt", lang)]


def test_out_of_memory_on_a_nearly_full_disk_is_explained(tmp_path, monkeypatch) -> None:
    def exhausted(*args, **kwargs):
        raise duckdb.OutOfMemoryException("Out of Memory Error: failed to offload data block")

    monkeypatch.setenv(store.DB_PATH_ENV, str(tmp_path / "batik.duckdb"))
    monkeypatch.setattr(duckdb, "connect", exhausted)
    at = open_page("pages/overview.py", "en")
    assert not at.exception
    assert [e.value for e in at.error] == [i18n.t("fault.out_of_memory", "en")]


def test_viewers_keep_the_last_data_while_another_process_writes(app_db, monkeypatch) -> None:
    at = open_page("pages/overview.py")
    charts = len(at.get("vega_lite_chart"))
    assert charts and not at.error
    monkeypatch.setattr(store, "data_version", _busy)  # the CLI holds the file from now on
    _data._version.clear()
    at.run()
    assert not at.exception and not at.error
    assert len(at.get("vega_lite_chart")) == charts
    assert i18n.t("fault.stale", "id") in [c.value for c in at.caption]


def test_a_busy_database_with_nothing_read_yet_says_wait(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv(store.DB_PATH_ENV, str(tmp_path / "baru.duckdb"))
    monkeypatch.setattr(store, "ensure_database", _busy)
    at = open_page("pages/overview.py")
    assert [e.value for e in at.error] == [i18n.t("fault.busy", "id")]


def test_a_full_disk_during_a_save_is_explained_and_writes_nothing(app_db, monkeypatch) -> None:
    monkeypatch.setenv(auth.PASSWORD_HASH_ENV, auth.hash_password(PASSWORD))
    before = store.read_table(app_db, "observation")
    at = open_page("pages/upload.py")
    at.text_input[0].input("ani")
    at.text_input[1].input(PASSWORD)
    at.button[0].click()
    at.run()
    at.get("file_uploader")[0].set_value(("tahun2024.csv", GOOD, "text/csv"))
    at.run()

    def full(con) -> None:  # DuckDB's words for ENOSPC, at the last write of the save
        raise duckdb.IOException('Could not write file "batik.duckdb.wal": No space left on device')

    monkeypatch.setattr(store, "bump_data_version", full)
    next(b for b in at.button if b.label == "Simpan ke database").click()
    at.run()
    assert not at.exception
    assert i18n.t("fault.disk_full", "id") in [e.value for e in at.error]
    assert store.read_table(app_db, "observation").equals(before)
