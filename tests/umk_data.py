"""UMK figures in a test database, as the public figures seed will hold them (indicator
``umk``, regions kota_blitar / kab_blitar, sector 'all', Rp per bulan, kind level).

The seed ships the published UMK; a test that computes against its own hand-checked UMK
clears them first (``only=True``), so a year the test leaves out has no UMK."""

from __future__ import annotations

from pathlib import Path

from impact import store
from impact.equity import UMK_INDICATOR, UMK_UNIT

SOURCE = "Keputusan Gubernur Jawa Timur tentang UMK (uji)"


def add_umk(
    db: Path, rows: list[tuple[str, int, float]], status: str = "reported", *, only: bool = False
) -> None:
    """Store (region, year, UMK in Rp per month) rows; ``status`` for every row. ``only``
    removes every UMK already stored (the seed's published ones) first."""
    with store.connect(db) as con:
        if only:
            con.execute("DELETE FROM observation WHERE indicator = ?", [UMK_INDICATOR])
        con.execute(
            "INSERT INTO indicator (code, name_id, name_en, unit, kind, frequency, agency)"
            " VALUES ($code, 'Upah minimum kabupaten/kota (UMK)',"
            " 'Regional minimum wage (UMK)', $unit, 'level', 'tahunan', 'Gubernur Jawa Timur')"
            " ON CONFLICT DO NOTHING",
            {"code": UMK_INDICATOR, "unit": UMK_UNIT},
        )
        for region, year, value in rows:
            con.execute(
                "INSERT OR REPLACE INTO observation (indicator, region, sector, year, value,"
                " status, source) VALUES ($code, $region, 'all', $year, $value, $status, $source)",
                {
                    "code": UMK_INDICATOR,
                    "region": region,
                    "year": year,
                    "value": value,
                    "status": status,
                    "source": SOURCE,
                },
            )


# Illustrative round figures for tests and screenshots, near the published ones (not them).
SAMPLE = [
    ("kota_blitar", 2021, 2_000_000),
    ("kota_blitar", 2022, 2_100_000),
    ("kota_blitar", 2023, 2_250_000),
    ("kab_blitar", 2021, 1_950_000),
    ("kab_blitar", 2023, 2_200_000),  # kab_blitar 2022 left out: a year without a UMK
]
