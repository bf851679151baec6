"""The DuckDB store: schema, idempotent seeding, round-trip of the study's figures."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pandas as pd
import pytest

from impact import config, indicators, store
from impact.figures import figure

DATA = Path(__file__).resolve().parents[2] / "data"


def _counts(path: Path) -> dict[str, int]:
    with store.connect(path) as con:
        return {
            t: con.execute("SELECT count(*) FROM " + store.quote_table(t)).fetchone()[0]
            for t in store.TABLES
        }


def test_seed_loads_every_seed_row(seeded_db: Path) -> None:
    counts = _counts(seeded_db)
    expected: dict[str, int] = {}
    for table, filename in store.SEED_FILES:
        expected[table] = expected.get(table, 0) + len(pd.read_csv(DATA / filename))
    assert {t: counts[t] for t in expected} == expected


def test_a_database_seeded_before_new_seed_files_picks_them_up(tmp_path: Path) -> None:
    # A schema-v1 file marked 'seeded' gets the later seed files, once, without duplicates.
    path = tmp_path / "old.duckdb"
    with store.connect(path) as con:
        con.execute("BEGIN")
        for statement in store.MIGRATIONS[0]:
            con.execute(statement)
        con.execute("INSERT INTO meta VALUES ('schema_version', '1')")
        con.execute("COMMIT")
        for table, filename in store._FIRST_SEED_FILES:
            frame = pd.read_csv(DATA / filename, dtype=str, keep_default_na=False).replace(
                {"": None}
            )
            con.register("f", frame)
            con.execute("INSERT INTO " + store.quote_table(table) + " BY NAME SELECT * FROM f")
        con.execute("INSERT INTO meta VALUES ('seeded', 'x'), ('data_version', '1')")
    store.ensure_database(path)
    store.ensure_database(path)
    fresh = store.ensure_database(tmp_path / "fresh.duckdb")
    assert _counts(path) == _counts(fresh)


def test_seeding_twice_changes_nothing(seeded_db: Path) -> None:
    before = {t: store.read_table(seeded_db, t) for t in store.TABLES}
    version = store.data_version(seeded_db)
    store.ensure_database(seeded_db)
    for table, frame in before.items():
        pd.testing.assert_frame_equal(store.read_table(seeded_db, table), frame)
    assert store.data_version(seeded_db) == version


def test_schema_version_is_recorded(seeded_db: Path) -> None:
    with store.connect(seeded_db) as con:
        assert store.schema_version(con) == store.SCHEMA_VERSION


def test_study_figures_round_trip(seeded_db: Path) -> None:
    comp = store.observations(seeded_db, "batik_competitiveness", "blitar", "batik")
    # The study reports 2021 and 2023 only: no figure is invented for 2022.
    assert comp.set_index("year")["value"].to_dict() == {2021: 55, 2023: 85}
    assert comp.set_index("year")["status"].to_dict() == {2021: "reported", 2023: "reported"}
    income = store.observations(seeded_db, "batik_income_index", "blitar", "batik")
    row = income[income["year"] == 2023].iloc[0]
    assert (row["low"], row["high"], row["status"]) == (150, 170, "reported")
    assert "Dinas Perindustrian dan Perdagangan Blitar (2023)" in row["source"]


def _change(db: Path, code: str, start: int, end: int, real: bool = False):
    """The figure layer's change of ``code`` (Blitar, batik), as the overview shows it."""
    reg = indicators.load_registry(db)
    obs = store.observations(db, code, "blitar", "batik")
    rates = store.observations(db, figure.INFLATION_INDICATOR, figure.INFLATION_REGION, "all")
    return figure.change_figure(obs, reg[code], start, end, "id", inflation=rates if real else None)


def test_headlines_from_the_store_match_the_study(seeded_db: Path) -> None:
    income = _change(seeded_db, "batik_income_index", 2021, 2023, real=True)
    assert (income.comparison.percent.low, income.comparison.percent.high) == pytest.approx(
        (50, 70)
    )
    assert income.status == "reported"
    assert income.real.percent.high < 70  # inflation takes something off
    comp = _change(seeded_db, "batik_competitiveness", 2021, 2023)
    assert comp.comparison.points.low == pytest.approx(30)
    # The workers' 2022 is illustrative, so a change ending there is illustrative too
    mid = _change(seeded_db, "batik_workers", 2021, 2022)
    assert mid.status == "illustrative"


def test_every_non_reported_seed_row_says_why(seeded_db: Path) -> None:
    obs = store.read_table(seeded_db, "observation")
    not_reported = obs[obs["status"] != "reported"]
    assert not not_reported.empty
    assert not_reported["note"].notna().all()
    assert not_reported["source"].str.contains("ilustratif").all()


def test_constraints_refuse_bad_rows(seeded_db: Path) -> None:
    with store.connect(seeded_db) as con, pytest.raises(duckdb.ConstraintException):
        con.execute(
            "INSERT INTO observation VALUES ('batik_workers', 'blitar', 'batik', 2024, 1, 5, 4,"
            " 'reported', 'x', NULL, NULL)"
        )


def test_path_comes_from_the_environment(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setenv(store.DB_PATH_ENV, str(tmp_path / "x.duckdb"))
    assert store.db_path_from_env() == tmp_path / "x.duckdb"
    monkeypatch.delenv(store.DB_PATH_ENV)
    assert store.db_path_from_env() == store.DEFAULT_DB_PATH


def test_read_table_refuses_unknown_tables(seeded_db: Path) -> None:
    with pytest.raises(ValueError):
        store.read_table(seeded_db, "observation; DROP TABLE meta")


def test_a_busy_database_gives_a_named_error(seeded_db: Path) -> None:
    import subprocess
    import sys

    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import duckdb,sys,time; c=duckdb.connect(sys.argv[1]); print('ok', flush=True); "
            "time.sleep(30)",
            str(seeded_db),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "ok"
        with pytest.raises(store.DatabaseBusyError):
            with store.connect(seeded_db, retries=3, wait_s=0.05):
                pass
    finally:
        holder.kill()
        holder.wait()


def test_obstacle_links_point_at_known_indicators_and_programs(seeded_db: Path) -> None:
    links = store.read_table(seeded_db, "obstacle_link")
    known = {
        "indicator": set(store.read_table(seeded_db, "indicator")["code"]),
        "program": set(store.read_table(seeded_db, "program_type")["code"]),
    }
    assert not links.empty
    assert all(t in known[k] for k, t in zip(links["target_kind"], links["target"], strict=True))


def test_duckdb_memory_is_limited_and_only_a_size_is_taken_from_the_environment(
    seeded_db, monkeypatch
) -> None:
    assert config.duckdb_memory({}) == config.DEFAULT_DUCKDB_MEMORY == "256MB"
    assert config.duckdb_memory({config.DUCKDB_MEMORY: " 2GB "}) == "2GB"
    for bad in ("banyak", "1GB'; DROP TABLE upload; --", "-1GB", "1e9"):
        with pytest.raises(config.ConfigError):
            config.duckdb_memory({config.DUCKDB_MEMORY: bad})
    with store.connect(seeded_db) as con:
        default = con.execute("SELECT current_setting('memory_limit')").fetchone()[0]
    monkeypatch.setenv(config.DUCKDB_MEMORY, "2GB")
    with store.connect(seeded_db) as con:
        raised = con.execute("SELECT current_setting('memory_limit')").fetchone()[0]
    assert (default, raised) == ("244.1 MiB", "1.8 GiB")


def test_the_upload_check_has_its_own_lower_memory_limit() -> None:
    """The check runs while the page holds the file's bytes (BATIK_CHECK_MEMORY, 160MB)."""
    from impact.upload import checks

    assert config.check_memory({}) == config.DEFAULT_CHECK_MEMORY == "160MB"
    with pytest.raises(config.ConfigError):
        config.check_memory({config.CHECK_MEMORY: "1GB'; SELECT 1; --"})
    con = checks.connect()
    try:  # the engine is made once per process, with the setting of that moment
        assert con.execute("SELECT current_setting('memory_limit')").fetchone()[0] == "152.5 MiB"
    finally:
        con.close()


def test_migration_v6_gives_the_illustrative_rp_income_the_studys_range(seeded_db) -> None:
    # A database seeded before v6 holds 2023 as the point 4,800,000 (+60%, the midpoint).
    with store.connect(seeded_db) as con:
        con.execute(
            "UPDATE observation SET low = NULL, high = NULL WHERE indicator = 'batik_income_avg'"
            " AND region = 'blitar' AND year = 2023"
        )
        con.execute("UPDATE meta SET value = '5' WHERE key = 'schema_version'")
        con.execute("DROP TABLE indicator_target")  # v7's, as a v5 database has none
        con.execute("DELETE FROM meta WHERE key = 'seed:indicator_targets.csv'")
    store.ensure_database(seeded_db)
    row = store.observations(seeded_db, "batik_income_avg", "blitar", "batik").iloc[-1]
    assert (row["year"], row["value"], row["low"], row["high"]) == (2023, 4.8e6, 4.5e6, 5.1e6)


def _insert_midpoints(con, income: float = 130, comp: float = 70) -> None:
    source = "Nilai ilustratif tim dasbor, bukan data resmi"
    for code, value in (("batik_income_index", income), ("batik_competitiveness", comp)):
        con.execute(
            "INSERT INTO observation VALUES (?, 'blitar', 'batik', 2022, ?, NULL, NULL,"
            " 'illustrative', ?, 'titik tengah', NULL)",
            [code, value, source],
        )


def test_migration_v10_removes_the_invented_2022_midpoints(seeded_db) -> None:
    # A database seeded before v10 holds the straight line's midpoints for 2022.
    with store.connect(seeded_db) as con:
        _insert_midpoints(con)
        con.execute("UPDATE meta SET value = '9' WHERE key = 'schema_version'")
    store.ensure_database(seeded_db)
    for code in ("batik_income_index", "batik_competitiveness"):
        years = store.observations(seeded_db, code, "blitar", "batik")["year"].tolist()
        assert years == [2021, 2023], code


def test_migration_v10_keeps_a_2022_figure_someone_uploaded(seeded_db) -> None:
    with store.connect(seeded_db) as con:
        _insert_midpoints(con, income=131)  # an editor's own figure, not the midpoint
        con.execute("UPDATE meta SET value = '9' WHERE key = 'schema_version'")
    store.ensure_database(seeded_db)
    income = store.observations(seeded_db, "batik_income_index", "blitar", "batik")
    assert income["year"].tolist() == [2021, 2022, 2023]
    comp = store.observations(seeded_db, "batik_competitiveness", "blitar", "batik")
    assert comp["year"].tolist() == [2021, 2023]
