"""UMK figures in a test database, as the public figures seed will hold them (indicator
``umk``, regions kota_blitar / kab_blitar, sector 'all', Rp per bulan, kind level).

Until the seed ships them, tests add their own rows; once it does, these replace the seeded
rows of the same region and year (and the indicator row is left as the seed wrote it)."""

from __future__ import annotations

from pathlib import Path

from impact import store
from impact.equity import UMK_INDICATOR, UMK_UNIT

SOURCE = "Keputusan Gubernur Jawa Timur tentang UMK (uji)"


def add_umk(db: Path, rows: list[tuple[str, int, float]], status: str = "reported") -> None:
    """Store (region, year, UMK in Rp per month) rows; ``status`` for every row."""
    with store.connect(db) as con:
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
