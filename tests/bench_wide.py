"""The wide-table path at scale, for `make bench` (tests/benchmark.py runs it in a process of
its own, so that its peak memory is its own):

    python tests/bench_wide.py WORKDIR [--regions 500] [--indicators 50] [--years 28]
        [--tables 10] [--stacked 0]

A province-wide registry (``regions`` regions and ``indicators`` indicators added to a copy of
the seed database) and BPS-style tables as a planner uploads them: one per region, its
indicators down the rows and the years across the columns (a title, a ``Sumber:`` line).
``tables`` of them go through each step the upload page takes: read (the grid), plan
(:func:`impact.upload.wide.detect`), check (reshape + the one engine), preview, commit;
seconds per table (median) and the process's peak memory. ``--stacked N`` also checks one
table stacking N regions' blocks (rows named by a code of their own), a stress test of one
large wide file. Prints one JSON line. Years: the checker takes 2000 .. next year only, so
28 of the 30 years the issue names.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from impact import store, upload  # noqa: E402
from impact.upload import ingest, wide  # noqa: E402

FIRST_YEAR = 2000  # validation.MIN_YEAR


def _mb(field: str) -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field):
            return int(line.split()[1]) / 1024
    return 0.0


def registry(db: Path, regions: int, indicators: int) -> list[str]:
    """Register the regions and indicators; returns the indicator codes."""
    store.ensure_database(db)
    codes = [f"wide_i{i}" for i in range(indicators)]
    with store.connect(db) as con:
        con.execute(
            """INSERT INTO region SELECT code, 'Wilayah ' || code, 'Region ' || code
               FROM (SELECT unnest(?::VARCHAR[]) AS code)""",
            [[f"wide_r{r}" for r in range(regions)]],
        )
        con.execute(
            """INSERT INTO indicator (code, name_id, name_en, unit, kind, frequency, agency)
               SELECT code, 'Indikator ' || code, 'Indicator ' || code, 'orang', 'count',
                      'tahunan', 'BPS'
               FROM (SELECT unnest(?::VARCHAR[]) AS code)""",
            [codes],
        )
    return codes


def table(path: Path, labels: list[str], years: int, seed: int) -> bytes:
    lines = [
        f"Tabel 9.9 Indikator Batik, {FIRST_YEAR}-{FIRST_YEAR + years - 1}",
        ";".join(["Uraian", *(str(y) for y in range(FIRST_YEAR, FIRST_YEAR + years))]),
    ]
    for n, label in enumerate(labels):
        lines.append(";".join([label, *(str(100 + (n + y + seed) % 900) for y in range(years))]))
    lines.append("Sumber: BPS (sintetis, ilustratif)")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path.read_bytes()


def one_table(db: Path, data: bytes, region: str, commit: bool) -> dict[str, float]:
    """Seconds of each step for one table."""
    vocab = upload.load_vocabulary(db)
    seconds = {}
    start = time.perf_counter()
    grid = ingest.read_grid(data, "tabel.csv", max_bytes=len(data) + 1)
    seconds["read"] = time.perf_counter() - start
    start = time.perf_counter()
    layout = wide.detect(grid, vocab)
    assert layout is not None and not layout.unknown, "the bench table was not recognised"
    seconds["plan"] = time.perf_counter() - start
    # The table states no unit: the planner's answer, each row in its registered unit.
    choices = wide.Choices(region=region, sector="batik", status="illustrative", scale=0)
    start = time.perf_counter()
    checked = wide.check(layout, choices, vocab)
    assert checked.ok, checked.issues[:3]
    seconds["check"] = time.perf_counter() - start
    start = time.perf_counter()
    previewed = upload.preview(db, checked)
    seconds["preview"] = time.perf_counter() - start
    if commit:
        start = time.perf_counter()
        upload.commit(db, checked, previewed, editor="bench", filename="t.csv", sha256="x")
        seconds["commit"] = time.perf_counter() - start
    return seconds


def run(work: Path, regions: int, indicators: int, years: int, tables: int, stacked: int) -> dict:
    db = work / "wide.duckdb"
    db.unlink(missing_ok=True)
    codes = registry(db, regions, indicators)
    per_table = []
    for r in range(tables):
        data = table(work / f"tabel_{r}.csv", codes, years, seed=r)
        per_table.append(one_table(db, data, f"wide_r{r}", commit=True))
    steps = {k: statistics.median(t[k] for t in per_table) for k in per_table[0]}
    result: dict = {
        "regions": regions,
        "indicators": indicators,
        "years": years,
        "tables": tables,
        "values_per_table": indicators * years,
        "steps": {k: round(v, 3) for k, v in steps.items()},
        "all_regions_s": round(sum(steps.values()) * regions, 1),  # one table per region
        "peak_mb": round(_mb("VmHWM")),
    }
    if stacked:
        labels = [f"wide_s{r}_{i}" for r in range(stacked) for i in range(indicators)]
        with store.connect(db) as con:
            con.execute(
                """INSERT INTO indicator (code, name_id, name_en, unit, kind, frequency, agency)
                   SELECT code, code, code, 'orang', 'count', 'tahunan', 'BPS'
                   FROM (SELECT unnest(?::VARCHAR[]) AS code)""",
                [labels],
            )
        data = table(work / "stacked.csv", labels, years, seed=0)
        start = time.perf_counter()
        stacked_steps = one_table(db, data, "wide_r0", commit=False)
        result["stacked"] = {
            "values": len(labels) * years,
            "mb": round(len(data) / 2**20, 1),
            "steps": {k: round(v, 2) for k, v in stacked_steps.items()},
            "s": round(time.perf_counter() - start, 1),
            "peak_mb": round(_mb("VmHWM")),
        }
    shutil.rmtree(work, ignore_errors=True)
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("work", type=Path)
    parser.add_argument("--regions", type=int, default=500)
    parser.add_argument("--indicators", type=int, default=50)
    parser.add_argument("--years", type=int, default=28)
    parser.add_argument("--tables", type=int, default=10)
    parser.add_argument("--stacked", type=int, default=0)
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    result = run(args.work, args.regions, args.indicators, args.years, args.tables, args.stacked)
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
