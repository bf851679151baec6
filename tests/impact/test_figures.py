"""The figure layer on hand-made frames: ties stated as ties, statuses in words."""

from __future__ import annotations

import pandas as pd

from impact.figures import collaboration


def _scores(rows: list[tuple[str, str, float]], status: str = "illustrative") -> pd.DataFrame:
    return pd.DataFrame(
        [{"year": 2023, "actor": a, "element": e, "score": s, "status": status,
          "source": "Skor ilustratif", "evidence_id": None, "evidence_en": None}
         for e, a, s in rows]
    )  # fmt: skip


def test_the_widest_gap_is_named_when_it_is_alone() -> None:
    fig = collaboration.gaps_figure(
        _scores([("trust", "government", 4), ("trust", "entrepreneurs", 2),
                 ("dialogue", "government", 3), ("dialogue", "entrepreneurs", 3)]), "id",
    )  # fmt: skip
    assert fig.title == (
        "Pandangan paling berbeda soal membangun kepercayaan: Pemerintah daerah 4, Pelaku usaha 2"
        " (ilustratif)"
    )


def test_a_tie_for_the_widest_gap_is_stated_as_a_tie() -> None:
    fig = collaboration.gaps_figure(
        _scores([("trust", "government", 4), ("trust", "entrepreneurs", 2),
                 ("dialogue", "government", 5), ("dialogue", "entrepreneurs", 3)], "reported"),
        "en",
    )  # fmt: skip
    assert (
        fig.title
        == "Views differ most, equally (2 points), on: face-to-face dialogue, trust-building"
    )
