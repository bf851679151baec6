"""The figure layer on hand-made frames: ties stated as ties, statuses in words."""

from __future__ import annotations

import pandas as pd
import pytest

from impact import growth
from impact.figures import collaboration, figure
from impact.indicators import Indicator


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


# --- the deflator a planner chooses (income page) -----------------------------------------

INCOME = Indicator(
    "batik_income_avg", "Pendapatan", "Income", None, None, None, "Rp per bulan", "level",
    "tahunan", "Disperindag",
)  # fmt: skip


def _income() -> pd.DataFrame:
    # Rp100 in 2022 and Rp110 in 2023: +10% nominal.
    return pd.DataFrame(
        {"year": [2022, 2023], "value": [100.0, 110.0], "low": [None, None],
         "high": [None, None], "status": "reported", "source": "Dinas", "note": None}
    )  # fmt: skip


def _rates(region: str, rates: dict[int, float]) -> pd.DataFrame:
    return pd.DataFrame(
        {"indicator": "cpi_inflation", "region": region, "sector": "all",
         "year": list(rates), "value": list(rates.values()), "status": "reported",
         "source": f"BPS {region}", "note": None}
    )  # fmt: skip


def _real(rates: pd.DataFrame, name: str) -> figure.Figure:
    shown = growth.prepare_series(_income(), rates, real=True, base_year=2022, as_index=False)
    return figure.change_figure(
        shown, INCOME, 2022, 2023, "id", price_rates=rates, deflator=name, name="Pendapatan riil"
    )


def test_the_same_income_change_deflated_by_another_city_reads_differently() -> None:
    # By hand: prices up 10% (national) -> 110 / 1.10 = 100, real change 0%;
    # prices up 4% (Kota Kediri) -> 110 / 1.04 = 105.769..., real change +5.769...% -> +5,8%.
    national = _real(_rates("indonesia", {2023: 10.0}), "Indonesia")
    kediri = _real(_rates("kota_kediri", {2023: 4.0}), "Kota Kediri")
    assert national.value.low == pytest.approx(0.0)
    assert kediri.value.low == pytest.approx((110 / 1.04 / 100 - 1) * 100)
    assert kediri.value_text == "+5,8%"
    said = "Riil, dideflasi dengan inflasi Kota Kediri (IHK BPS, Desember ke Desember)"
    assert said in kediri.notes
    assert said in kediri.chart["options"]["source_lines"]
    assert not any("Kota Kediri" in n for n in national.notes)
    assert "BPS kota_kediri" in dict(kediri.sources)  # the chosen rates' source is named


def test_a_nominal_figure_names_no_deflator() -> None:
    fig = figure.change_figure(_income(), INCOME, 2022, 2023, "id", deflator="Kota Kediri")
    assert not any("dideflasi" in n for n in fig.notes)


def test_only_regions_with_every_rate_the_years_need_are_offered() -> None:
    held = pd.concat(
        [_rates("jatim", {2022: 6.52, 2023: 2.92}), _rates("kota_kediri", {2021: 1.6, 2023: 2.6}),
         _rates("indonesia", {2022: 5.51, 2023: 2.61})]
    )  # fmt: skip
    # 2021..2023 needs the rates of 2022 and 2023: Kota Kediri has no 2022, so it is left out.
    assert figure.deflator_regions(held, [2021, 2022, 2023]) == ["indonesia", "jatim"]
    assert figure.deflator_regions(held, [2022, 2023]) == ["indonesia", "jatim", "kota_kediri"]
    assert figure.deflator_regions(held[held["region"] == "kota_kediri"], [2021, 2022]) == []
