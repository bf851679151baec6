"""The UMK on the income chart: drawn only for a nominal Rp-per-month level of Kota or
Kabupaten Blitar, only in years with a stored UMK, its source named under the chart."""

from __future__ import annotations

import pandas as pd
import pytest

from impact.figures import charts, figure
from impact.indicators import Indicator

NAMES = {"blitar": "Kota & Kabupaten Blitar", "kota_blitar": "Kota Blitar",
         "kab_blitar": "Kabupaten Blitar"}  # fmt: skip
INCOME = Indicator(
    "batik_income_avg", "Rata-rata pendapatan usaha batik per bulan",
    "Average monthly income per batik enterprise", None, None, None, "Rp per bulan", "level",
    "tahunan", "Disperindag",
)  # fmt: skip
UMK = pd.DataFrame(
    [("kota_blitar", 2021, 2_000_000.0, "reported", "SK Gubernur 2020"),
     ("kota_blitar", 2023, 2_250_000.0, "reported", "SK Gubernur 2022"),
     ("kab_blitar", 2021, 1_950_000.0, "estimated", "SK Gubernur 2020"),
     ("kota_blitar", 2026, 2_600_000.0, "reported", "SK Gubernur 2025")],  # outside the years
    columns=["region", "year", "value", "status", "source"],
)  # fmt: skip


def _obs(region: str) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "indicator": "batik_income_avg", "region": region, "sector": "batik",
            "year": [2021, 2022, 2023], "value": [3.4e6, 4.3e6, 5.3e6], "low": float("nan"),
            "high": float("nan"), "status": "illustrative", "source": "Ilustrasi", "note": None,
            "mark": None,
        }
    )  # fmt: skip


def _figure(region: str, indicator: Indicator = INCOME, lang: str = "id", **options):
    return figure.change_figure(
        _obs(region), indicator, 2021, 2023, lang, umk=UMK, region_names=NAMES, **options
    )


def _umk_layers(fig: figure.Figure) -> list[dict]:
    spec = charts.build(fig.chart["kind"], fig.chart["frame"], **fig.chart["options"]).to_dict()
    return [
        layer
        for layer in spec["layer"]
        if layer["mark"].get("color") == charts.REFERENCE and layer["mark"]["type"] == "rule"
    ]


def test_kota_blitar_gets_its_umk_in_the_years_it_has_one_with_its_source() -> None:
    fig = _figure("kota_blitar")
    marks = fig.chart["options"]["references"]
    assert [(m["year"], m["value"], m["label"]) for m in marks] == [
        (2021, 2_000_000.0, "UMK Kota Blitar"),
        (2023, 2_250_000.0, "UMK Kota Blitar"),
    ]  # 2022 has no UMK: not drawn, not interpolated; 2026 is outside the chart's years
    assert marks[0]["value_text"] == "Rp2.000.000"
    lines = fig.chart["options"]["source_lines"]
    assert "UMK Kota Blitar 2021: SK Gubernur 2020" in lines
    assert "UMK Kota Blitar 2023: SK Gubernur 2022" in lines
    assert "UMK Kota Blitar: tidak ada angka UMK untuk 2022 (tidak diisi)" in lines
    assert len(_umk_layers(fig)) == 1


def test_kabupaten_blitar_gets_its_own_umk_with_its_status_in_words() -> None:
    fig = _figure("kab_blitar", lang="en")
    marks = fig.chart["options"]["references"]
    assert [(m["year"], m["label"]) for m in marks] == [(2021, "UMK Kabupaten Blitar (estimated)")]
    assert (
        "UMK Kabupaten Blitar 2021: SK Gubernur 2020 (estimated)"
        in (fig.chart["options"]["source_lines"])
    )
    assert (
        "UMK Kabupaten Blitar: no UMK figure for 2022, 2023 (not filled in)"
        in (fig.chart["options"]["source_lines"])
    )


def test_the_combined_region_gets_no_umk_and_says_why() -> None:
    fig = _figure("blitar")
    assert fig.chart["options"]["references"] == [] and _umk_layers(fig) == []
    assert any(
        line.startswith("UMK tidak digambar") for line in fig.chart["options"]["source_lines"]
    )


@pytest.mark.parametrize(
    "options",
    [
        {"as_index": True},  # an index is not Rp
        {"price_rates": pd.DataFrame({"year": [2022], "source": ["BPS"]})},  # real terms
    ],
)
def test_no_umk_on_an_index_or_in_real_terms(options) -> None:
    fig = _figure("kota_blitar", **options)
    assert fig.chart["options"]["references"] == [] and _umk_layers(fig) == []
    assert not any("UMK" in line for line in fig.chart["options"]["source_lines"])


@pytest.mark.parametrize(
    ("unit", "kind"), [("Rp per tahun", "level"), ("indeks", "index"), ("Rp per bulan", "count")]
)
def test_no_umk_for_another_unit_or_kind(unit, kind) -> None:
    other = Indicator("x", "X", "X", None, None, None, unit, kind, "tahunan", "BPS")
    fig = _figure("kota_blitar", other)
    assert fig.chart["options"]["references"] == [] and _umk_layers(fig) == []


def test_no_umk_stored_draws_nothing_and_says_nothing() -> None:
    fig = figure.change_figure(
        _obs("kota_blitar"), INCOME, 2021, 2023, "id", umk=UMK.iloc[0:0], region_names=NAMES
    )
    assert fig.chart["options"]["references"] == []
    assert not any("UMK" in line for line in fig.chart["options"]["source_lines"])
