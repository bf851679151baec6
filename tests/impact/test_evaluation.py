"""Targets vs actuals, cost per participant, divergence of the actors' scores."""

from __future__ import annotations

import pandas as pd
import pytest

from impact import evaluation


def test_attainment_and_cost_per_participant_guard_zero_bases() -> None:
    summary = pd.DataFrame(
        {
            "count": [2, 3, 1],
            "target_count": [4, 0, None],
            "budget_rp": [60e6, 9e6, 5e6],
            "participants": [55, 0, 10],
        }
    )
    out = evaluation.attainment(summary)
    assert out["attainment_pct"].tolist()[0] == pytest.approx(50.0)
    assert pd.isna(out["attainment_pct"][1]) and pd.isna(out["attainment_pct"][2])
    assert out["cost_per_participant"][0] == pytest.approx(60e6 / 55)
    assert pd.isna(out["cost_per_participant"][1])


def test_yearly_totals_keep_the_weakest_status() -> None:
    summary = pd.DataFrame(
        {
            "year": [2023, 2023],
            "count": [2, 3],
            "budget_rp": [1.0, 2.0],
            "participants": [5, 6],
            "status": ["reported", "illustrative"],
        }
    )
    out = evaluation.yearly_totals(summary)
    assert out.to_dict("records") == [
        {"year": 2023, "count": 5, "budget_rp": 3.0, "participants": 11, "status": "illustrative"}
    ]


def test_divergence_finds_the_widest_spread_and_who_gave_it() -> None:
    scores = pd.DataFrame(
        {
            "element": ["trust"] * 3 + ["dialogue"] * 3,
            "actor": ["government", "association", "entrepreneurs"] * 2,
            "score": [4, 3, 2, 4, 4, 3],
        }
    )
    out = evaluation.divergence(scores)
    assert out.iloc[0][["element", "spread", "high_actor", "low_actor"]].tolist() == [
        "trust",
        2.0,
        "government",
        "entrepreneurs",
    ]
    assert out["spread"].tolist() == [2.0, 1.0]
