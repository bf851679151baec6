"""The published figures shipped from shared/data/public_figures.csv: every row the map names
is in a freshly seeded database with the CSV's value (times the map's unit factor), year and
region, as a reported figure with a source; nothing is seeded from that file without a row of
the map. Expected values come from the public CSV itself, never copied into this test."""

from __future__ import annotations

import csv
from decimal import Decimal
from pathlib import Path

import pytest

from impact import config, store

PUBLIC_CSV = config.PROJECT_DIR.parent / "shared" / "data" / "public_figures.csv"
MAP_CSV = config.DATA_DIR / "public_figures_map.csv"
KEY = ("indicator", "region", "sector", "year")

pytestmark = pytest.mark.skipif(not PUBLIC_CSV.exists(), reason=f"{PUBLIC_CSV} not present")


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def _public() -> dict[int, dict[str, str]]:
    """The public CSV by line number as a spreadsheet shows it (header = line 1)."""
    return dict(enumerate(_rows(PUBLIC_CSV), start=2))


def _key(row: dict[str, str]) -> tuple[str, str, str, int]:
    return (row["indicator"], row["region"], row["sector"], int(row["year"]))


@pytest.fixture(scope="module")
def stored(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple, dict]:
    path = store.ensure_database(tmp_path_factory.mktemp("public") / "batik.duckdb")
    frame = store.read_table(path, "observation")
    return {
        (r["indicator"], r["region"], r["sector"], int(r["year"])): r
        for r in frame.to_dict("records")
    }


def test_the_map_names_each_public_row_by_its_line_and_words() -> None:
    public = _public()
    mapping = _rows(MAP_CSV)
    assert mapping, "nothing shipped"
    assert len({m["csv_line"] for m in mapping}) == len(mapping)  # one public row, one figure
    assert len({_key(m) for m in mapping}) == len(mapping)
    for m in mapping:
        row = public[int(m["csv_line"])]
        for column in ("indicator", "region", "year", "unit"):
            assert row[column] == m["csv_" + column], (m["csv_line"], column)
        # The year shipped is the year published: no month, half-year or partial year.
        assert row["year"] == m["year"], m["csv_line"]


def test_every_shipped_public_figure_is_stored_as_published(stored: dict) -> None:
    public = _public()
    for m in _rows(MAP_CSV):
        row = public[int(m["csv_line"])]
        held = stored.get(_key(m))
        assert held is not None, f"line {m['csv_line']} ({m['indicator']}) is not in the store"
        expected = Decimal(row["value"]) * Decimal(m["factor"])  # the documented unit factor
        assert Decimal(repr(float(held["value"]))) == expected, m["csv_line"]
        assert held["status"] == "reported", m["csv_line"]
        assert str(held["source"]).strip(), m["csv_line"]
        assert held["low"] != held["low"] and held["high"] != held["high"]  # NaN: a point


def test_the_public_seed_holds_only_mapped_rows() -> None:
    # Every row of the public seed file is one the map ties to the public CSV.
    mapped = {_key(m) for m in _rows(MAP_CSV) if m["seed_file"] == "observations_public.csv"}
    seeded = [_key(r) for r in _rows(config.DATA_DIR / "observations_public.csv")]
    assert sorted(seeded) == sorted(mapped)
    assert all(
        r["status"] == "reported" for r in _rows(config.DATA_DIR / "observations_public.csv")
    )


def test_the_umk_contract_with_the_income_pages(stored: dict) -> None:
    # Agreed with the UMK-share work: code umk, Kota/Kab Blitar, sector all, 'Rp per bulan',
    # kind level, set by the governor's decree (the decree number in the note).
    registry = {r["code"]: r for r in _rows(config.DATA_DIR / "indicators_public.csv")}
    umk = registry["umk"]
    assert (umk["unit"], umk["kind"]) == ("Rp per bulan", "level")
    assert "Kepgub" in umk["agency"]
    rows = [v for k, v in stored.items() if k[0] == "umk"]
    assert {(r["region"], r["sector"]) for r in rows} == {
        ("kota_blitar", "all"),
        ("kab_blitar", "all"),
    }
    public_years = {
        (r["region"], int(r["year"])) for r in _public().values() if r["indicator"] == "umk"
    }
    assert {(r["region"], int(r["year"])) for r in rows} == public_years  # none filled in
    for r in rows:
        assert "Kepgub" in r["note"]


def test_the_readme_counts_what_was_shipped() -> None:
    mapping = _rows(MAP_CSV)
    new = sum(m["seed_file"] == "observations_public.csv" for m in mapping)
    readme = (config.DATA_DIR / "README.md").read_text(encoding="utf-8")
    assert f"**{len(mapping)} of them**" in readme
    assert f"**{new} new rows**" in readme
    assert f"**Left out, and why** ({len(_public()) - len(mapping)} rows)" in readme
