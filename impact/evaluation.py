"""Outcome-based evaluation helpers: targets vs actuals, cost per participant, and how far
the actors' views of the collaboration diverge.

Pure functions on frames from :mod:`impact.store`; units in each docstring.
"""

from __future__ import annotations

import pandas as pd

from impact.status import weakest


def attainment(summary: pd.DataFrame) -> pd.DataFrame:
    """Add ``attainment_pct`` (count / target_count x 100) and ``cost_per_participant`` (Rp).

    Missing or zero targets / participants give <NA>, never inf.
    """
    out = summary.copy()
    target = out["target_count"].where(out["target_count"] > 0)
    out["attainment_pct"] = (out["count"] / target * 100).astype("Float64")
    participants = out["participants"].where(out["participants"] > 0)
    out["cost_per_participant"] = (out["budget_rp"] / participants).astype("Float64")
    return out


def yearly_totals(summary: pd.DataFrame) -> pd.DataFrame:
    """Per year: total activities, budget (Rp) and participants, and the weakest status.

    ``count`` and ``participants`` add different program types: a sum of certificates,
    registrations and training places, and of the people-events behind them (one person in two
    programs counts twice). Only the budget sums to a figure of its own; any other total shown
    says what it adds ('orang-kegiatan'), and titles, cards and tables stay per type."""
    grouped = summary.groupby("year", as_index=False).agg(
        count=("count", "sum"),
        budget_rp=("budget_rp", "sum"),
        participants=("participants", "sum"),
        status=("status", weakest),
    )
    return grouped


def divergence(scores: pd.DataFrame) -> pd.DataFrame:
    """Per element: lowest and highest score, the spread (points on the 1-5 scale), and which
    actors gave them. Sorted by spread, widest first (where views differ most)."""
    rows = []
    for element, group in scores.groupby("element", sort=False):
        low = group.loc[group["score"].idxmin()]
        high = group.loc[group["score"].idxmax()]
        rows.append(
            {
                "element": element,
                "low": float(low["score"]),
                "low_actor": low["actor"],
                "high": float(high["score"]),
                "high_actor": high["actor"],
                "spread": float(high["score"] - low["score"]),
            }
        )
    return (
        pd.DataFrame(rows)
        .sort_values("spread", ascending=False, kind="stable")
        .reset_index(drop=True)
    )
