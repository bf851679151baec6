"""The wide-table path at scale, for `make bench` (tests/benchmark.py runs it in a process of
its own, so that its peak memory is its own):

    python tests/bench_wide.py WORKDIR [--regions 500] [--indicators 50] [--years 30]

A BPS-style table (years across the columns, a title, a ``Sumber:`` line) whose rows are
``regions x indicators`` registered indicators (``wide_r<region>_i<indicator>``, made in a
copy of the seed database: a table stacking 500 regions' blocks of 50 indicators), each with
a value for every year. Measures each step the upload page takes: read (the grid), plan
(:func:`impact.upload.wide.detect`), check (reshape + the one engine), preview; seconds and
the process's resident memory after each, and its peak. Prints one JSON line.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from impact import store, upload  # noqa: E402
from impact.upload import ingest, wide  # noqa: E402


def _mb(field: str) -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field):
            return int(line.split()[1]) / 1024
    return 0.0


def make(work: Path, regions: int, indicators: int, years: int) -> tuple[Path, Path]:
    """(database with the indicators registered, the wide CSV)."""
    db = work / "wide.duckdb"
    db.unlink(missing_ok=True)
    store.ensure_database(db)
    codes = [f"wide_r{r}_i{i}" for r in range(regions) for i in range(indicators)]
    with store.connect(db) as con:
        con.execute(
            """INSERT INTO indicator (code, name_id, name_en, unit, kind, frequency, agency)
               SELECT code, code, code, 'orang', 'count', 'tahunan', 'BPS'
               FROM (SELECT unnest(?::VARCHAR[]) AS code)""",
            [codes],
        )
    first = 2000  # validation.MIN_YEAR: the checker takes 2000 .. next year (28 years in 2026)
    lines = [
        f"Tabel 9.9 Indikator Batik per Wilayah, {first}-{first + years - 1} (orang)",
        ";".join(["Uraian", *(str(y) for y in range(first, first + years))]),
    ]
    for n, code in enumerate(codes):
        lines.append(";".join([code, *(str(100 + (n + y) % 900) for y in range(years))]))
    lines.append("Sumber: BPS Kabupaten Blitar (sintetis, ilustratif)")
    path = work / "wide.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return db, path


def run(work: Path, regions: int, indicators: int, years: int) -> dict:
    db, path = make(work, regions, indicators, years)
    vocab = upload.load_vocabulary(db)
    units = {row.code: row.unit for row in store.read_table(db, "indicator").itertuples()}
    data = path.read_bytes()
    result: dict = {"values": regions * indicators * years, "mb": len(data) / 2**20}
    steps = {}
    start = time.perf_counter()
    grid = ingest.read_grid(data, path.name, max_bytes=len(data) + 1)
    steps["read"] = time.perf_counter() - start, _mb("VmRSS")
    start = time.perf_counter()
    layout = wide.detect(grid, vocab)
    assert layout is not None and not layout.unknown, "the bench table was not recognised"
    steps["plan"] = time.perf_counter() - start, _mb("VmRSS")
    choices = wide.Choices(region="kab_blitar", sector="batik", status="illustrative")
    start = time.perf_counter()
    checked = wide.check(layout, choices, vocab, units)
    assert checked.ok, checked.issues[:3]
    steps["check"] = time.perf_counter() - start, _mb("VmRSS")
    start = time.perf_counter()
    previewed = upload.preview(db, checked)
    steps["preview"] = time.perf_counter() - start, _mb("VmRSS")
    result["inserts"] = previewed.counts["insert"]
    result["steps"] = {k: {"s": round(s, 2), "rss_mb": round(m)} for k, (s, m) in steps.items()}
    result["peak_mb"] = round(_mb("VmHWM"))
    shutil.rmtree(work, ignore_errors=True)
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("work", type=Path)
    parser.add_argument("--regions", type=int, default=500)
    parser.add_argument("--indicators", type=int, default=50)
    # 30 asked for; the checker accepts the years 2000 .. next year only (28 in 2026)
    parser.add_argument("--years", type=int, default=28)
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    print(json.dumps(run(args.work, args.regions, args.indicators, args.years)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
