"""Enterprise growth distribution, computed in DuckDB, checked on tiny hand-made records."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from impact import equity, store, synthetic, upload
from impact.upload import checks, ingest


def _load(db: Path, rows: list[tuple]) -> None:
    frame = pd.DataFrame(
        rows,
        columns=["enterprise_id", "year", "region", "sector", "size_class", "income", "programs"],
    )
    frame = frame.assign(workers=1, output=None, status="illustrative", source="uji")
    with store.connect(db) as con:
        con.register("f", frame)
        con.execute("INSERT INTO enterprise_record BY NAME SELECT * FROM f")


ROWS = [  # id, year, region, sector, size, income, programs
    ("a", 2021, "kota_blitar", "batik", "micro", 100.0, ""),
    ("a", 2023, "kota_blitar", "batik", "micro", 200.0, ""),  # +100%
    ("b", 2021, "kota_blitar", "batik", "micro", 100.0, "training"),
    ("b", 2023, "kota_blitar", "batik", "micro", 150.0, ""),  # +50%, participant
    ("c", 2021, "kab_blitar", "batik", "small", 100.0, ""),
    ("c", 2023, "kab_blitar", "batik", "small", 110.0, ""),  # +10%
    ("d", 2021, "kab_blitar", "batik", "small", 0.0, ""),
    ("d", 2023, "kab_blitar", "batik", "small", 50.0, ""),  # zero base: excluded
    ("e", 2021, "kab_blitar", "batik", "medium", 100.0, ""),  # no 2023: excluded
]


@pytest.fixture
def db(seeded_db: Path) -> Path:
    _load(seeded_db, ROWS)
    return seeded_db


def test_overall_median_quartiles_and_share_over_50(db) -> None:
    out = equity.growth_summary(db, 2021, 2023).iloc[0]
    assert (out["n"], out["median"]) == (3, pytest.approx(50.0))
    assert (out["q1"], out["q3"]) == (pytest.approx(30.0), pytest.approx(75.0))
    assert out["share_50"] == pytest.approx(200 / 3)
    assert bool(out["small"]) and out["status"] == "illustrative"


def test_by_size_class_and_region(db) -> None:
    by_size = equity.growth_summary(db, 2021, 2023, "size_class").set_index("group")
    assert by_size.loc["micro", "median"] == pytest.approx(75.0)
    assert by_size.loc["small", "n"] == 1
    by_region = equity.growth_summary(db, 2021, 2023, "region").set_index("group")
    assert by_region["n"].to_dict() == {"kab_blitar": 1, "kota_blitar": 2}


def test_participant_gap_with_counts(db) -> None:
    gap = equity.participant_gap(db, 2021, 2023)
    # participant b: +50; others a (+100), c (+10): median 55
    assert gap == {"gap_pp": pytest.approx(-5.0), "n_participants": 1, "n_others": 2, "small": True}


def test_excluded_are_counted_not_dropped_silently(db) -> None:
    assert equity.excluded(db, 2021, 2023) == {"missing_year": 1, "zero_base": 1}


def test_grouping_is_allow_listed(db) -> None:
    with pytest.raises(ValueError):
        equity.growth_summary(db, 2021, 2023, "income; DROP TABLE meta")


def test_histogram_bands(db) -> None:
    bands = equity.growth_histogram(db, 2021, 2023, width=50)
    assert bands[["band_low", "n"]].values.tolist() == [[0.0, 1], [50.0, 1], [100.0, 1]]


def test_synthetic_records_go_through_the_validated_upload_path(seeded_db: Path) -> None:
    frame = synthetic.enterprise_records(enterprises=40, years=[2021, 2022, 2023], seed=3)
    assert frame.equals(
        synthetic.enterprise_records(enterprises=40, years=[2021, 2022, 2023], seed=3)
    )
    data = frame.to_csv(index=False).encode()
    checked = checks.check_grid(
        ingest.read_grid(data, "sintetis.csv"), upload.load_vocabulary(seeded_db)
    )
    assert checked.ok, checked.issues[:3]
    assert checked.dataset.code == "enterprises"
    preview = upload.preview(seeded_db, checked)
    upload.commit(seeded_db, checked, preview, editor="uji", filename="sintetis.csv", sha256="x")
    assert equity.record_count(seeded_db) == 120
    summary = equity.growth_summary(seeded_db, 2021, 2023, "participant")
    assert summary["n"].sum() == 40
    assert set(equity.mean_income_by_year(seeded_db)["status"]) == {"illustrative"}


# --- by the owner's gender (PUG) ----------------------------------------------------------

GENDER_ROWS = [  # id, year, gender, income, programs; kota_blitar, batik, micro throughout
    ("f1", 2021, "P", 100.0, ""),
    ("f1", 2022, "P", 120.0, "training"),  # a program in a year between: participant
    ("f1", 2023, "P", 150.0, ""),  # +50
    ("f2", 2021, "P", 100.0, ""),
    ("f2", 2023, "P", 200.0, ""),  # +100
    ("f3", 2021, "P", 100.0, "exhibition"),
    ("f3", 2023, "P", 120.0, ""),  # +20, participant
    ("c1", 2021, "L", 100.0, "training"),
    ("c1", 2023, "P", 100.0, ""),  # 0, participant; the latest gender recorded counts: P
    ("m1", 2021, "L", 100.0, ""),
    ("m1", 2023, "L", 110.0, ""),  # +10
    ("m2", 2021, "L", 100.0, ""),
    ("m2", 2023, "L", 130.0, "training"),  # +30, participant
    ("g1", 2021, "L", 100.0, ""),
    ("g1", 2023, None, 90.0, ""),  # -10: recorded in 2021 only, still L
    ("n1", 2021, None, 100.0, ""),
    ("n1", 2023, None, 140.0, ""),  # +40, never recorded: its own group
    ("x1", 2021, "P", 100.0, ""),  # no 2023: excluded from every group
]


@pytest.fixture
def gender_db(seeded_db: Path) -> Path:
    frame = pd.DataFrame(
        GENDER_ROWS, columns=["enterprise_id", "year", "owner_gender", "income", "programs"]
    ).assign(
        region="kota_blitar", sector="batik", size_class="micro", status="reported", source="uji"
    )
    with store.connect(seeded_db) as con:
        con.register("f", frame)
        con.execute("INSERT INTO enterprise_record BY NAME SELECT * FROM f")
    return seeded_db


def test_growth_and_participation_by_gender_with_n_and_not_recorded_apart(
    gender_db, monkeypatch
) -> None:
    monkeypatch.setattr(equity, "SMALL_GROUP", 3)  # the flag follows the one threshold
    out = equity.by_gender(gender_db, 2021, 2023)
    got = [
        (r.group, r.n, r.median, r.q1, r.q3, r.share_50, r.participants, r.participation, r.small)
        for r in out.itertuples()
    ]
    assert got == [
        # P: 0, 20, 50, 100 -> median 35, quartiles 15 and 62.5; 3 of 4 (f1, f3, c1) joined
        ("P", 4, pytest.approx(35.0), pytest.approx(15.0), pytest.approx(62.5), 50.0, 3, 75.0,
         False),
        # L: -10, 10, 30 -> median 10; 1 of 3 joined
        ("L", 3, pytest.approx(10.0), pytest.approx(0.0), pytest.approx(20.0),
         0.0, 1, pytest.approx(100 / 3), False),
        ("not_recorded", 1, pytest.approx(40.0), pytest.approx(40.0), pytest.approx(40.0),
         0.0, 0, 0.0, True),
    ]  # fmt: skip
    assert out["n"].sum() == equity.growth_summary(gender_db, 2021, 2023).iloc[0]["n"] == 8
    assert set(out["status"]) == {"reported"}


def test_without_any_gender_recorded_every_enterprise_is_not_recorded(db) -> None:
    out = equity.by_gender(db, 2021, 2023)
    assert out[["group", "n"]].values.tolist() == [["not_recorded", 3]]
