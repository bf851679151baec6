"""The achievement table from the seed targets: ranges kept, statuses in words, both languages."""

from __future__ import annotations

from pathlib import Path

from impact import indicators, store
from impact.figures import achievement


def _figure(db: Path, lang: str):
    registry = indicators.load_registry(db)
    return achievement.achievement_figure(
        store.targets_with_realisation(db, "blitar"), registry, {"blitar": "Blitar"}, lang
    )


def test_the_study_range_against_its_target_stays_a_range(fresh_db: Path) -> None:
    fig = _figure(fresh_db, "id")
    row = fig.table[(fig.table["Tahun"] == "2023") & fig.table["Target"].eq("160")].iloc[0]
    assert row["Realisasi"] == "150–170"
    assert row["Capaian"] == "93,8–106,3%"
    assert row["Keterangan"] == "Sebagian tercapai (ilustratif)"  # the target is illustrative
    assert row["Kategori"] == "Sangat Baik"
    # 2023: income 150-170 vs 160 partly met, competitiveness 85 vs 80 met, workers 620 vs 650
    # not met; the 2022 targets have no figure (the study reports none) and are not counted.
    assert fig.title == "Capaian target: 1 dari 3 target tercapai, 1 sebagian tercapai (ilustratif)"


def test_english_and_a_year_without_a_figure(fresh_db: Path) -> None:
    with store.connect(fresh_db) as con:
        con.execute(
            "INSERT INTO indicator_target VALUES ('batik_workers', 'blitar', 'batik', 2025, 700,"
            " 'higher', 'reported', 'RPJMD Kabupaten Blitar 2021-2026', NULL)"
        )
    fig = _figure(fresh_db, "en")
    row = fig.table[fig.table["Year"] == "2025"].iloc[0]
    assert (row["Realised"], row["Achieved"], row["Met?"]) == (
        "–",
        "–",
        "No realisation figure yet",
    )
    assert row["Status"] == "Reported" and row["Target document"].startswith("RPJMD")
    assert fig.title.startswith("Targets: 1 of 3 met")  # the unassessed targets are not counted


def test_targets_upload_like_any_dataset_and_move_the_table(warm_db: Path) -> None:
    from tests.impact.test_uploads import file_of, upload

    row = {"indicator": "batik_workers", "region": "blitar", "sector": "batik", "year": 2023,
           "target": 600, "direction": "naik", "status": "dilaporkan",
           "source": "Renstra Disperindag Kab. Blitar 2021-2026"}  # fmt: skip
    number = upload(warm_db, file_of("targets", row))
    stored = store.targets_with_realisation(warm_db, "blitar")
    mine = stored[(stored["indicator"] == "batik_workers") & (stored["year"] == 2023)].iloc[0]
    assert (mine["target"], mine["direction"], mine["status"]) == (600.0, "higher", "reported")
    fig = _figure(warm_db, "id")
    assert fig.title.startswith("Capaian target: 2 dari 3 target tercapai")  # 620 of 600: met
    from impact.upload import changes

    changes.revert(warm_db, number, editor="budi")
    assert _figure(warm_db, "id").title.startswith("Capaian target: 1 dari 3")
