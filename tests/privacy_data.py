"""Enterprise records with a group of one and a group of two, whose figures must never be shown.

- 40 enterprises in Kota Blitar (micro, women owners) growing 10-49%, and 35 in Kabupaten
  Blitar (small, men owners) growing 20-54%: groups large enough to show;
- THE ONE: the only medium enterprise and the only one recorded for 'blitar' (the combined
  region), a woman's, a program participant, growing +987.6%;
- THE TWO: the only two enterprises without an owner's gender, growing +771% and +773%
  (median 772, middle half 771.5-772.5).
Every text of those growths ('987', '771', '772', '773') is absent from what anyone sees.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from impact import store

SECRETS = ("987", "771", "772", "773")  # any rendering of the withheld growths contains one
START, END = 2021, 2023


def _enterprise(eid, region, size, gender, base, growth_pct, programs=""):
    end = round(base * (1 + growth_pct / 100))
    common = {"enterprise_id": eid, "region": region, "sector": "batik", "size_class": size,
              "owner_gender": gender, "workers": 2, "output": None, "status": "reported",
              "source": "Survei uji kerahasiaan"}  # fmt: skip
    return [
        common | {"year": START, "income": float(base), "programs": programs},
        common | {"year": END, "income": float(end), "programs": programs},
    ]


def records() -> pd.DataFrame:
    rows = []
    for i in range(40):
        rows += _enterprise(f"k{i}", "kota_blitar", "micro", "P", 30_000_000 + 100_000 * i,
                            10 + i, "pelatihan" if i % 2 else "")  # fmt: skip
    for i in range(35):
        rows += _enterprise(f"b{i}", "kab_blitar", "small", "L", 40_000_000 + 100_000 * i,
                            20 + i, "pelatihan" if i % 3 == 0 else "")  # fmt: skip
    rows += _enterprise("one", "blitar", "medium", "P", 50_000_000, 987.6, "pameran")
    rows += _enterprise("two_a", "kota_blitar", "micro", None, 20_000_000, 771)
    rows += _enterprise("two_b", "kab_blitar", "small", None, 20_000_000, 773)
    return pd.DataFrame(rows)


def load_identifiable(db: Path) -> None:
    """Insert :func:`records` into ``db`` (a seeded database)."""
    frame = records()
    with store.connect(db) as con:
        con.register("f", frame)
        con.execute("INSERT INTO enterprise_record BY NAME SELECT * FROM f")
