"""Public benchmarks beside Blitar (impact.figures.benchmarks) on hand-made frames."""

from __future__ import annotations

import pandas as pd

from impact.figures import benchmarks
from impact.indicators import Indicator

NAMES = {
    "kota_blitar": "Kota Blitar",
    "kab_blitar": "Kabupaten Blitar",
    "blitar": "Kota & Kabupaten Blitar",
    "jatim": "Jawa Timur",
    "indonesia": "Indonesia",
}
GROWTH = Indicator(
    "pdrb_growth", "Pertumbuhan ekonomi", "Economic growth", None, None, None, "%", "rate",
    "tahunan", "BPS",
)  # fmt: skip


def _growth(rows: list[tuple[str, int, float, str]]) -> pd.DataFrame:
    return pd.DataFrame(
        [{"indicator": "pdrb_growth", "region": r, "sector": "all", "year": y, "value": v,
          "low": None, "high": None, "status": s, "source": f"BPS {r} {y}", "note": None,
          "mark": None} for r, y, v, s in rows]
    )  # fmt: skip


def test_growth_is_titled_by_each_series_latest_figure() -> None:
    obs = _growth(
        [("kota_blitar", 2021, 4.28, "reported"), ("kota_blitar", 2024, 5.33, "reported"),
         ("kab_blitar", 2022, 5.2, "reported"), ("kab_blitar", 2023, 4.45, "reported"),
         ("jatim", 2024, 4.93, "reported"), ("indonesia", 2024, 5.03, "reported")]
    )  # fmt: skip
    fig = benchmarks.growth_figure(obs, GROWTH, NAMES, "id")
    # One decimal, half away from zero: 5,33 -> 5,3; 4,45 -> 4,5; 5,03 -> 5 (no trailing 0).
    assert fig.title == (
        "Pertumbuhan ekonomi, angka terakhir: Kota Blitar 5,3% (2024); Kabupaten Blitar 4,5% "
        "(2023); Jawa Timur 4,9% (2024); Indonesia 5% (2024)"
    )
    assert fig.chart["options"]["title"] == fig.title
    assert fig.status == "reported"
    plotted = fig.chart["frame"]
    assert set(plotted.loc[plotted["role"] == "benchmark", "series"]) == {
        "Jawa Timur (pembanding)",
        "Indonesia (pembanding)",
    }
    lines = " ".join(fig.chart["options"]["source_lines"])
    assert "BPS jatim 2024" in lines and "BPS kota_blitar 2021" in lines  # each year's source


def test_growth_title_says_when_a_latest_figure_is_not_reported() -> None:
    obs = _growth([("kota_blitar", 2023, 5.0, "estimated"), ("jatim", 2023, 4.9, "reported")])
    fig = benchmarks.growth_figure(obs, GROWTH, NAMES, "en")
    assert fig.title.endswith("(estimated)")
    assert "Jawa Timur 4.9% (2023)" in fig.title


def _batik(rows: list[tuple[str, str, int, float, str, str]]) -> pd.DataFrame:
    return pd.DataFrame(
        [{"indicator": c, "name_id": c, "name_en": c, "unit": u, "kind": "count", "region": r,
          "sector": "batik", "year": y, "value": v, "low": None, "high": None, "status": s,
          "source": f"src {c} {r}", "note": None, "mark": None} for c, r, y, v, s, u in rows]
    )  # fmt: skip


def test_batik_table_keeps_each_regions_latest_figure_blitar_first() -> None:
    obs = _batik(
        [("batik_ikm_units", "jatim", 2018, 9824, "reported", "unit usaha"),
         ("batik_workers", "kota_blitar", 2022, 205, "illustrative", "orang"),
         ("batik_workers", "kota_blitar", 2023, 235, "illustrative", "orang"),
         ("batik_exports", "indonesia", 2023, 17_500_000, "reported", "US$"),
         ("batik_enterprises_active", "kab_blitar", 2023, 52, "reported", "unit usaha")]
    )  # fmt: skip
    fig = benchmarks.batik_figure(obs, NAMES, "id")
    rows = fig.table.to_dict("records")
    assert [(r["Ukuran"], r["Wilayah"], r["Tahun"], r["Nilai"], r["Status"]) for r in rows] == [
        ("batik_enterprises_active", "Kabupaten Blitar", "2023", "52 unit usaha", "Dilaporkan"),
        ("batik_workers", "Kota Blitar", "2023", "235 orang", "Ilustratif"),
        ("batik_ikm_units", "Jawa Timur", "2018", "9.824 unit usaha", "Dilaporkan"),
        ("batik_exports", "Indonesia", "2023", "US$17.500.000", "Dilaporkan"),
    ]
    assert fig.status == "reported"  # the benchmarks shown are all reported
    assert rows[2]["Sumber"] == "src batik_ikm_units jatim"


def test_batik_table_needs_a_benchmark() -> None:
    obs = _batik([("batik_workers", "kota_blitar", 2023, 235, "illustrative", "orang")])
    assert benchmarks.batik_figure(obs, NAMES, "id") is None
