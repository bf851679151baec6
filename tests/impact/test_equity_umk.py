"""The UMK yardstick: the share of enterprises whose income reaches their region's UMK, on a
hand-checked frame (incomes just below, at and above 12 x the monthly UMK)."""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd
import pytest

from impact import equity, store
from tests.umk_data import add_umk

UMK = [("kota_blitar", 2023, 2_500_000), ("kab_blitar", 2023, 2_400_000)]
UMK_2024 = [("kota_blitar", 2024, 2_700_000)]  # kab_blitar 2024: no UMK stored

RECORDS = [  # id, year, region, size, yearly income (Rp), status
    ("a", 2023, "kota_blitar", "micro", 29_999_000, "reported"),  # 12 x 2.5M - 1000: below
    ("b", 2023, "kota_blitar", "micro", 30_000_000, "reported"),  # exactly 12 x UMK: reaches
    ("c", 2023, "kota_blitar", "small", 31_000_000, "reported"),  # above
    ("d", 2023, "kab_blitar", "micro", 28_799_000, "reported"),  # 12 x 2.4M - 1000: below
    ("e", 2023, "kab_blitar", "micro", 28_800_000, "reported"),  # at
    ("f", 2023, "kab_blitar", "medium", 40_000_000, "estimated"),  # above, estimated
    ("g", 2023, "blitar", "micro", 50_000_000, "reported"),  # combined region: no single UMK
    ("a", 2024, "kota_blitar", "micro", 32_400_000, "reported"),  # at 12 x 2.7M
    ("b", 2024, "kota_blitar", "micro", 32_399_000, "reported"),  # below
    ("d", 2024, "kab_blitar", "micro", 40_000_000, "reported"),  # no UMK for kab 2024
    ("e", 2024, "kab_blitar", "micro", 20_000_000, "reported"),  # no UMK for kab 2024
]


def _load(db: Path) -> None:
    frame = pd.DataFrame(
        RECORDS, columns=["enterprise_id", "year", "region", "size_class", "income", "status"]
    ).assign(sector="batik", source="uji")
    with store.connect(db) as con:
        con.register("f", frame)
        con.execute("INSERT INTO enterprise_record BY NAME SELECT * FROM f")


@pytest.fixture
def db(seeded_db: Path) -> Path:
    _load(seeded_db)
    add_umk(seeded_db, UMK, only=True)
    add_umk(seeded_db, UMK_2024, status="illustrative")
    return seeded_db


def _rows(frame: pd.DataFrame) -> dict:
    return {
        g: (int(r.n), int(r.reached), int(r.no_umk), int(r.combined))
        for g, r in zip(frame["group"], frame.itertuples(), strict=True)
    }


def test_at_least_the_umk_counts_and_exact_shares(db) -> None:
    out = equity.umk_share(db, year=2023).iloc[0]
    # a, d below; b, e at (>=) and c, f above: 4 of the 6 with a UMK. g has none.
    assert (out["n"], out["reached"], out["no_umk"], out["combined"]) == (6, 4, 1, 1)
    assert out["share"] == pytest.approx(400 / 6)
    assert out["status"] == "estimated"  # f is estimated; the UMK is reported


def test_by_year_region_and_size_class(db) -> None:
    by_year = equity.umk_share(db, "year")
    assert _rows(by_year) == {2023: (6, 4, 1, 1), 2024: (2, 1, 2, 0)}
    assert by_year["share"].tolist() == pytest.approx([400 / 6, 50.0])
    # 2024's UMK is illustrative: the figure is only as reliable as its weakest input
    assert by_year["status"].tolist() == ["estimated", "illustrative"]
    by_region = equity.umk_share(db, "region", year=2023)
    assert _rows(by_region) == {
        "blitar": (0, 0, 1, 1),
        "kab_blitar": (3, 2, 0, 0),
        "kota_blitar": (3, 2, 0, 0),
    }
    blitar = by_region.set_index("group").loc["blitar"]
    assert math.isnan(blitar["share"]) and pd.isna(blitar["status"])  # never 0%
    by_size = equity.umk_share(db, "size_class", year=2023).set_index("group")
    assert by_size.loc["micro", ["n", "reached"]].tolist() == [4, 2]


def test_no_umk_for_the_region_and_year_is_left_out_of_the_denominator(db) -> None:
    out = equity.umk_share(db, year=2024, region="kab_blitar").iloc[0]
    assert (out["n"], out["reached"], out["no_umk"]) == (0, 0, 2)
    assert math.isnan(out["share"]) and pd.isna(out["status"])
    assert out["record_status"] == "reported"  # of the records, for a figure without a share


def test_small_groups_flagged_against_the_threshold(db, monkeypatch) -> None:
    assert equity.umk_share(db, "year")["small"].all()  # SMALL_GROUP is 30
    monkeypatch.setattr(equity, "SMALL_GROUP", 3)
    flags = equity.umk_share(db, "region", year=2023).set_index("group")["small"].to_dict()
    assert flags == {"blitar": True, "kab_blitar": False, "kota_blitar": False}
    assert equity.umk_share(db, "year").set_index("group")["small"].to_dict() == {
        2023: False,
        2024: True,
    }


def test_yardstick_takes_the_latest_year_and_names_the_sources(db) -> None:
    found = equity.umk_yardstick(db)
    assert found.year == 2024 and not found.empty
    assert int(found.overall.iloc[0]["n"]) == 2
    assert sorted(found.by) == ["region", "size_class", "year"]
    assert set(found.umk["region"]) == {"kota_blitar", "kab_blitar"}
    assert set(found.sources["source"]) == {
        "uji",
        "Keputusan Gubernur Jawa Timur tentang UMK (uji)",
    }
    assert equity.umk_yardstick(db, 2023, region="kota_blitar").overall.iloc[0]["n"] == 3


def test_without_records_the_yardstick_is_empty(seeded_db) -> None:
    add_umk(seeded_db, UMK, only=True)
    found = equity.umk_yardstick(seeded_db)
    assert found.empty and found.year is None


def test_an_unknown_group_is_refused(db) -> None:
    with pytest.raises(ValueError):
        equity.umk_share(db, "sector; DROP TABLE x")
