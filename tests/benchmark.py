"""`make bench`: how the dashboard holds up at provincial scale. Ratios from the same run,
medians of several runs; timings live here, never in timed tests.

    python tests/benchmark.py [--enterprises 50000] [--years 20] [--runs 3] [--ingest-runs 5]
        [--out BENCHMARKS.md]

Measures
1. upload ingest + validation of the enterprise CSV vs a bare DuckDB ``read_csv`` of the same file
   into a table (pairs run side by side, the median of their ratios, the load average), and
   the design's floor in the same runs (``design_floor``);
   the wide-table path at scale (tests/bench_wide.py); preview, commit, revert; the same
   upload through the page of a real ``serve.py`` server in Chromium, with the server's
   resident memory sampled (idle, peak up to the preview, peak while saving, after);
2. a warm rerun of the equity page with the full records vs with a small set, and of the
   overview (which does not read the records) for reference;
3. the hearing deck export, if the deck module is present;
4. peak memory (VmHWM) of a real ``serve.py`` server after the equity page is drawn in
   Chromium, with the full records and with the seed data.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import platform
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import duckdb  # noqa: E402

from impact import store, synthetic, upload  # noqa: E402
from tests import bench_viewers  # noqa: E402


def median_time(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def load_records(db: Path, csv_path: Path) -> None:
    """Bulk-load synthetic records straight into DuckDB (the ingest path is measured apart)."""
    with store.connect(db) as con:
        con.execute(
            """INSERT INTO enterprise_record BY NAME
               SELECT id_usaha AS enterprise_id, tahun AS year, wilayah AS region,
                      sektor AS sector, skala AS size_class, pendapatan_rp AS income,
                      pekerja AS workers, output_rp AS output, program AS programs, status,
                      sumber AS source, jenis_kelamin_pemilik AS owner_gender
               FROM read_csv(?, header = true, all_varchar = false)""",
            [str(csv_path)],
        )
        store.bump_data_version(con)


def bench_ingest(csv_path: Path, db: Path, runs: int) -> dict:
    data = csv_path.read_bytes()
    vocab = upload.load_vocabulary(db)

    def ours() -> None:
        # The upload page's and CLI's own entry point (DuckDB path for a large UTF-8 CSV).
        result = upload.check(data, csv_path.name, vocab, max_bytes=len(data) + 1)
        assert result.validated.ok, result.validated.issues[:3]

    def bare() -> None:
        con = duckdb.connect()
        con.execute("CREATE TABLE t AS SELECT * FROM read_csv(?)", [str(csv_path)])
        con.close()

    ours()  # warm-up: page cache, DuckDB and pyarrow loaded
    floor = design_floor(data)
    bare_times, our_times, floor_times, loads = [], [], [], [os.getloadavg()[0]]
    for _ in range(runs):  # alternated, so that a busy moment hits all alike
        bare_times.append(median_time(bare, 1))
        our_times.append(median_time(ours, 1))
        floor_times.append(median_time(floor, 1))
        loads.append(os.getloadavg()[0])
    t_bare, t_ours = statistics.median(bare_times), statistics.median(our_times)
    ratios = sorted(o / b for o, b in zip(our_times, bare_times, strict=True))
    floors = sorted(f / b for f, b in zip(floor_times, bare_times, strict=True))
    return {
        "bare_s": t_bare,
        "ours_s": t_ours,
        "ratio": statistics.median(ratios),  # of each run's pair, taken side by side
        "ratios": ratios,
        "floor_s": statistics.median(floor_times),
        "floor_ratio": statistics.median(floors),
        "load": (min(loads), max(loads)),
        "mb": len(data) / 2**20,
    }


def design_floor(data: bytes):
    """What the check cannot do with less, as a function to time: the file cut into the same
    parts (bulk.split_rows, one per DuckDB thread), each read as text by one thread, its
    number and year cells cast as they stand (TRY_CAST: no planners' rules, no checks) and
    written to a table of its own in a DuckDB file on disk, as the check writes its spill.
    The text table is the engine's design (one engine for every file); the file on disk
    keeps the server under its memory aim. The gap between this and the bare read is what
    the design costs before any rule runs."""
    from impact.upload import bulk

    header = data[: data.index(b"\n")].decode("utf-8-sig").split(",")
    names = [f"c{i}" for i in range(len(header))]
    casts = {
        "tahun": "INTEGER",
        "pendapatan_rp": "DOUBLE",
        "pekerja": "BIGINT",
        "output_rp": "DOUBLE",
    }
    columns = ", ".join(
        f"TRY_CAST({n} AS {casts[h]}) AS {n}" if h in casts else n
        for n, h in zip(names, header, strict=True)
    )

    def floor() -> None:
        from concurrent.futures import ThreadPoolExecutor

        # the parts where the check writes them (/dev/shm), the tables in $TMPDIR as a spill
        with (
            tempfile.TemporaryDirectory(dir=bulk._scratch_dir()) as tmp,
            tempfile.TemporaryDirectory() as spill,
        ):
            con = duckdb.connect()
            body = data.index(b"\n") + 1
            ranges = bulk.split_rows(data, body, min(bulk._threads(con), bulk.MAX_PARTS))
            paths = bulk._write_parts(data, ranges, tmp)
            con.execute("ATTACH '" + spill + "/floor.duckdb' AS floor")
            cursors = [con.cursor() for _ in paths]
            sql = (
                "CREATE TABLE floor.part_{k} AS SELECT " + columns + " FROM read_csv($file,"
                " header = false, skip = $skip, all_varchar = true, names = $names,"
                " null_padding = true, parallel = false)"
            )
            with ThreadPoolExecutor(len(paths)) as pool:
                done = [
                    pool.submit(
                        cursor.execute,
                        sql.format(k=k),
                        {"file": path, "skip": int(k == 0), "names": names},
                    )
                    for k, (cursor, path) in enumerate(zip(cursors, paths, strict=True))
                ]
                for part in done:
                    part.result()
            for cursor in cursors:
                cursor.close()
            con.close()

    return floor


def bench_wide(work: Path) -> dict | None:
    """tests/bench_wide.py in a process of its own (its peak memory is its own)."""
    import json

    done = subprocess.run(
        [
            sys.executable,
            str(ROOT / "tests" / "bench_wide.py"),
            str(work / "wide"),
            *("--tables", "10", "--stacked", "100"),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        print(done.stderr[-2000:], flush=True)
        return None
    return json.loads(done.stdout.strip().splitlines()[-1])


def bench_upload(csv_path: Path, seed_db: Path, work: Path, runs: int) -> dict:
    """Preview, commit and revert of every record as new rows, each run on a fresh copy of the
    seed database (medians), next to a bare DuckDB INSERT of the same file for scale."""
    import shutil

    data = csv_path.read_bytes()
    checked = upload.check(
        data, csv_path.name, upload.load_vocabulary(seed_db), max_bytes=len(data) + 1
    ).validated
    times: dict[str, list[float]] = {"preview": [], "commit": [], "revert": [], "insert": []}
    for run in range(runs):
        db = work / f"upload-{run}.duckdb"
        shutil.copy(seed_db, db)
        start = time.perf_counter()
        previewed = upload.preview(db, checked)
        times["preview"].append(time.perf_counter() - start)
        start = time.perf_counter()
        upload_id = upload.commit(
            db, checked, previewed, editor="bench", filename=csv_path.name, sha256="bench"
        )
        times["commit"].append(time.perf_counter() - start)
        start = time.perf_counter()
        upload.revert(db, upload_id, editor="bench")
        times["revert"].append(time.perf_counter() - start)
        shutil.copy(seed_db, db)
        start = time.perf_counter()
        load_records(db, csv_path)
        times["insert"].append(time.perf_counter() - start)
        db.unlink()
    return {k: statistics.median(v) for k, v in times.items()}


def bench_rerun(db: Path, page: str, runs: int) -> tuple[float, float]:
    """(cold first run of the page, median warm rerun) in seconds."""
    from streamlit.testing.v1 import AppTest

    os.environ[store.DB_PATH_ENV] = str(db)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=600)
    at.run()
    at.switch_page(page)
    start = time.perf_counter()
    at.run()  # cold: DuckDB aggregates, charts built, caches filled
    cold = time.perf_counter() - start
    assert not at.exception, [e.value for e in at.exception]
    return cold, median_time(at.run, runs)


def bench_deck(db: Path, runs: int) -> float | None:
    try:
        from impact import deck
    except ImportError:
        return None
    import datetime as dt

    options = deck.DeckOptions(title="Paparan DPRD", date=dt.date(2026, 11, 22))
    return median_time(lambda: deck.build_pptx(db, options), runs)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


BROWSER_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
EDITOR_PASSWORD = "sandi-bench"


@contextlib.contextmanager
def serve(db: Path):
    """A real ``streamlit run`` server on a free port (an editor password set); yields
    (base URL, process id)."""
    from impact import auth

    port = _free_port()
    env = {
        **os.environ,
        store.DB_PATH_ENV: str(db),
        auth.PASSWORD_HASH_ENV: auth.hash_password(EDITOR_PASSWORD),
    }
    proc = subprocess.Popen(
        [  # serve.py: `streamlit run app.py` behind the upload gate, as `make run` serves it
            sys.executable,
            str(ROOT / "serve.py"),
            "--server.headless",
            "true",
            "--server.port",
            str(port),
            "--server.address",
            "127.0.0.1",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                with urllib.request.urlopen(url + "/_stcore/health", timeout=1):
                    break
            except OSError:
                time.sleep(0.1)
        yield url, proc.pid
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def peak_memory_mb(pid: int) -> float:
    """The process's peak resident memory so far (VmHWM), in MB."""
    return _status_mb(pid, "VmHWM")


def _status_mb(pid: int, field: str) -> float:
    status = Path(f"/proc/{pid}/status").read_text()
    return (
        int(next(line.split()[1] for line in status.splitlines() if line.startswith(field))) / 1024
    )


class RssSampler:
    """Samples a process's resident memory (VmRSS) every 20 ms in a thread, so that the peak of
    one phase (up to the preview, then up to the save) is known apart from the whole run's
    VmHWM. ``mark()`` returns the peak since the previous mark and starts a new phase."""

    def __init__(self, pid: int) -> None:
        import threading

        self.pid, self.peak, self.stop = pid, 0.0, threading.Event()
        self.samples: list[tuple[float, float]] = []  # (seconds, MB), for a closer look
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self) -> None:
        while not self.stop.wait(0.02):
            with contextlib.suppress(OSError, StopIteration):
                rss = _status_mb(self.pid, "VmRSS")
                self.peak = max(self.peak, rss)
                self.samples.append((time.perf_counter(), rss))

    def mark(self) -> float:
        peak, self.peak = self.peak, _status_mb(self.pid, "VmRSS")
        return max(peak, self.peak)

    def close(self) -> None:
        self.stop.set()
        self.thread.join()


def server_peak_memory_mb(db: Path) -> float:
    """VmHWM of a streamlit server after Chromium has drawn the equity and overview pages."""
    from playwright.sync_api import sync_playwright

    with serve(db) as (url, pid), sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=BROWSER_ARGS)
        page = browser.new_page()
        for path in ("/", "/pemerataan"):
            page.goto(url + path)
            page.wait_for_selector("h1", timeout=120_000)
            page.wait_for_timeout(3000)
        browser.close()
        return peak_memory_mb(pid)


def bench_page_upload(seed_db: Path, csv_path: Path, work: Path) -> dict:
    """A planner's upload of the whole file through the page in Chromium: seconds from choosing
    the file to the preview, from 'save' to the confirmation, and the server's peak memory."""
    import shutil

    from playwright.sync_api import expect, sync_playwright

    db = work / "page-upload.duckdb"
    shutil.copy(seed_db, db)
    with serve(db) as (url, pid), sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=BROWSER_ARGS)
        page = browser.new_page()
        page.goto(url + "/")
        page.wait_for_selector("h1", timeout=120_000)
        page.goto(url + "/unggah")
        page.get_by_label("Nama editor").fill("bench")
        page.get_by_label("Kata sandi").fill(EDITOR_PASSWORD)
        page.get_by_role("button", name="Masuk").click()
        expect(page.get_by_text("Masuk sebagai")).to_be_visible(timeout=30_000)
        sampler = RssSampler(pid)
        before = sampler.mark()
        start = time.perf_counter()
        page.set_input_files("input[type=file]", str(csv_path))
        expect(page.get_by_role("button", name="Simpan ke database")).to_be_visible(timeout=600_000)
        to_preview = time.perf_counter() - start
        page.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"]')
        memory_preview = sampler.mark()
        start = time.perf_counter()
        page.get_by_role("button", name="Simpan ke database").click()
        expect(page.get_by_text("Tersimpan sebagai unggahan #")).to_be_visible(timeout=600_000)
        to_saved = time.perf_counter() - start
        page.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"]')
        memory_save = sampler.mark()
        page.wait_for_timeout(2000)  # what the server keeps once the saved page is shown
        after = sampler.mark()
        sampler.close()
        browser.close()
        memory = peak_memory_mb(pid)
    db.unlink()
    return {
        "to_preview": to_preview,
        "to_saved": to_saved,
        "memory_before": before,
        "memory_preview": memory_preview,
        "memory_save": memory_save,
        "memory_after": after,
        "memory": memory,
    }


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--enterprises", type=int, default=50_000)
    parser.add_argument("--years", type=int, default=20)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument(
        "--ingest-runs", type=int, default=5
    )  # pairs of ours and bare, side by side
    parser.add_argument("--out", type=Path, default=ROOT / "BENCHMARKS.md")
    parser.add_argument("--viewers", type=int, nargs="*", default=[1, 10, 20, 50])  # none: skip
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="batik-bench-"))
    years = range(2024 - args.years, 2024)
    print(f"generating {args.enterprises} enterprises x {args.years} years ...", flush=True)
    big_csv = synthetic.write_csv(work / "records.csv", args.enterprises, years, seed=1)
    small_csv = synthetic.write_csv(work / "small.csv", 500, range(2021, 2024), seed=2)
    rows = args.enterprises * args.years
    seed_db = store.ensure_database(work / "seed.duckdb")
    small_db = store.ensure_database(work / "small.duckdb")
    load_records(small_db, small_csv)
    big_db = store.ensure_database(work / "big.duckdb")
    load_records(big_db, big_csv)

    print("ingest ...", flush=True)
    ingest_result = bench_ingest(big_csv, seed_db, args.ingest_runs)
    print(ingest_result, flush=True)
    print("wide table at scale ...", flush=True)
    wide = bench_wide(work)
    print(wide, flush=True)
    print("preview, commit, revert ...", flush=True)
    upload = bench_upload(big_csv, seed_db, work, args.runs)
    print(upload, flush=True)
    print("upload through the page ...", flush=True)
    page_upload = bench_page_upload(seed_db, big_csv, work)
    print(page_upload, flush=True)
    print("page reruns ...", flush=True)
    rerun = {
        "equity_small": bench_rerun(small_db, "pages/equity.py", args.runs * 3),
        "equity_big": bench_rerun(big_db, "pages/equity.py", args.runs * 3),
        "overview_seed": bench_rerun(seed_db, "pages/overview.py", args.runs * 3),
        "overview_big": bench_rerun(big_db, "pages/overview.py", args.runs * 3),
    }
    print(rerun, flush=True)
    deck = bench_deck(seed_db, args.runs)
    print("server memory ...", flush=True)
    memory = {"seed": server_peak_memory_mb(seed_db), "big": server_peak_memory_mb(big_db)}
    print(memory, flush=True)

    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    lines = [
        "# Benchmarks",
        "",
        f"Run with `make bench` on {time.strftime('%Y-%m-%d')}: {os.cpu_count()} cores ({cpu}), "
        f"Python {platform.python_version()}, {platform.system()} {platform.release()}. "
        f"Medians of {args.runs} runs (page reruns: {args.runs * 3}). Synthetic enterprise records: "
        f"{args.enterprises:,} enterprises x {args.years} years = {rows:,} rows "
        f"({ingest_result['mb']:.0f} MB CSV).",
        "",
        "| measure | value | ratio | aim |",
        "|---|---|---|---|",
        f"| upload ingest + validation vs bare DuckDB `read_csv` into a table, {rows:,} rows "
        f"({args.ingest_runs} runs side by side, load average {ingest_result['load'][0]:.1f}–"
        f"{ingest_result['load'][1]:.1f}) | "
        f"{ingest_result['ours_s']:.2f} s vs {ingest_result['bare_s']:.2f} s | "
        f"{ingest_result['ratio']:.1f}x (runs: "
        + ", ".join(f"{r:.1f}" for r in ingest_result["ratios"])
        + ") | within 1.5x |",
        "| the design's floor, in the same runs: the file cut into the same parts, each read as"
        " text and its number cells cast as they stand (no planners' rules, no checks) into a"
        " DuckDB file on disk, vs the bare read | "
        f"{ingest_result['floor_s']:.2f} s vs {ingest_result['bare_s']:.2f} s | "
        f"{ingest_result['floor_ratio']:.2f}x | – |",
        f"| upload preview + commit of {rows:,} new rows vs a bare `INSERT ... FROM read_csv` | "
        f"{upload['preview']:.2f} s + {upload['commit']:.2f} s vs {upload['insert']:.2f} s | "
        f"{(upload['preview'] + upload['commit']) / upload['insert']:.1f}x | – |",
        f"| revert of that upload | {upload['revert']:.2f} s | – | – |",
        f"| the same upload through the page in Chromium: file chosen -> preview, save -> saved | "
        f"{page_upload['to_preview']:.1f} s, {page_upload['to_saved']:.1f} s | – | – |",
        f"| server memory (`serve.py`, VmRSS sampled every 20 ms) through that upload: idle "
        "signed in; peak up to the preview; peak while saving; 2 s after | "
        f"{page_upload['memory_before']:.0f} MB; **{page_upload['memory_preview']:.0f} MB**; "
        f"**{page_upload['memory_save']:.0f} MB**; {page_upload['memory_after']:.0f} MB | – | "
        "peak <= 600 MB |",
        f"| warm rerun, equity page: {rows:,} records vs 1,500 | {rerun['equity_big'][1] * 1000:.0f} ms vs "
        f"{rerun['equity_small'][1] * 1000:.0f} ms | {rerun['equity_big'][1] / rerun['equity_small'][1]:.2f}x | within 1.5x |",
        f"| first (cold) run, equity page: {rows:,} records vs 1,500 | {rerun['equity_big'][0]:.2f} s vs "
        f"{rerun['equity_small'][0]:.2f} s | {rerun['equity_big'][0] / rerun['equity_small'][0]:.1f}x | – |",
        f"| warm rerun, overview: {rows:,} records vs seed data | {rerun['overview_big'][1] * 1000:.0f} ms vs "
        f"{rerun['overview_seed'][1] * 1000:.0f} ms | {rerun['overview_big'][1] / rerun['overview_seed'][1]:.2f}x | within 1.5x |",
        (
            (
                f"| wide tables (years across the columns) with {wide['regions']} regions and "
                f"{wide['indicators']} indicators registered: one table per region "
                f"({wide['indicators']} rows x {wide['years']} years = "
                f"{wide['values_per_table']:,} values), median of {wide['tables']} | "
                + ", ".join(f"{k} {v:.2f} s" for k, v in wide["steps"].items())
                + f"; all {wide['regions']} regions one after another ~{wide['all_regions_s']:.0f} s;"
                f" process peak {wide['peak_mb']} MB | – | – |"
            )
            if wide
            else "| wide tables at scale | failed (see the bench output) | – | – |"
        ),
        (
            (
                f"| one wide table stacking 100 regions' blocks ({wide['stacked']['values']:,}"
                " values, 5,000 row labels each registered as an indicator): read, plan,"
                " check, preview | "
                + ", ".join(f"{k} {v:.1f} s" for k, v in wide["stacked"]["steps"].items())
                + f"; process peak {wide['stacked']['peak_mb']} MB | – | – |"
            )
            if wide and "stacked" in wide
            else "| one large stacked wide table | not measured | – | – |"
        ),
        "| hearing deck export (PPTX) | "
        + (
            f"{deck:.2f} s | – | – |"
            if deck is not None
            else "not measured (no deck builder) | – | – |"
        ),
        f"| server peak memory (VmHWM) after equity + overview in Chromium | {memory['big']:.0f} MB with "
        f"{rows:,} records vs {memory['seed']:.0f} MB with seed data | {memory['big'] / memory['seed']:.2f}x | – |",
        "",
        "## Reading the numbers",
        "",
        "- Page reruns stay flat with a million records: the equity aggregates run in DuckDB once per",
        "  data version and are cached; chart specs are cached per data and options. The cold first",
        "  run pays the DuckDB aggregation once.",
        "- Every file is checked by one engine in DuckDB (`impact/upload/checks.py`); a large UTF-8",
        "  CSV is read into it by DuckDB itself (`impact/upload/bulk.py`), in parts side by side:",
        "  the rows are cut into one part per DuckDB thread, each ending where a record ends, and",
        "  each part is read by one thread (read_csv, all text) into one projection that parses",
        "  every cell, runs every check into a bit mask and writes the rows to a table of its own",
        "  in the spill file; the rows are numbered on from part to part. Tests compare the engine",
        "  with the rules in plain Python (tests/reference_checker.py). Smaller files,",
        "  Windows-1252, XLSX and files with blank lines between rows are read in Python first",
        "  (10 MB at most).",
        "- Still above the 1.5x aim for ingest + validation, now about half as far: 6.4x on the",
        "  morning of 2026-12-07; the table's first row gives it now. What made it faster, one",
        "  change at a time: the parts (one reading thread each keeps its rows in order without DuckDB's",
        "  order-keeping insert, which under the memory limit ran on one thread: ~1.7 s of 3.9 s);",
        "  a clean row (every cell parsed and in bounds, nothing right of the header) skips the",
        "  cell checks one by one (~0.25 CPU-s); a number cell's shape is found once and its vote,",
        "  ambiguity and value follow from where its mark is; a text cell is one CASE; and the",
        "  byte scans beside DuckDB (control bytes, quotes after a space) use numpy a chunk at a",
        "  time (~0.3 CPU-s). What is left is the work itself: a bare read_csv parses typed",
        "  columns in C++ into memory; the check parses text by the planners' rules (Rp, %,",
        "  thousands groups, decimal comma decided by the whole file), runs ~27 checks per row and",
        "  writes to disk, ~1.1 CPU-s per million rows for the projection alone on this machine.",
        "  The bare read accepts '1e5' or '1_000' and knows nothing of 'Rp1.250.000'.",
        "- The design's floor (the table's second row) is what no rule costs yet: the engine",
        "  reads every file as text (one engine for every format), and a large file's rows go",
        "  to a file on disk (the memory aim). That alone comes to about the 1.5x aim, before",
        "  the hash, the byte scans, the planners' number rules and the checks. Within this",
        "  design the aim cannot be met on this machine; a reader that types and checks cells",
        "  in C++ (the rules written a second time) or rows kept in memory (the memory aim",
        "  missed) would be needed. Writing to the file costs ~0.35 s of the floor here; an",
        "  in-memory spill measured ~0.3 s faster through the whole check.",
        "- Preview and commit are set-based in DuckDB. The preview's diff is a view (counts, a",
        "  signature the commit re-checks, the first 1,000 rows per action); the commit's diff is",
        "  one temporary table, and change log, inserts and updates are one statement each.",
        "- Server memory through the page: a large file's checked rows wait in a spill file on",
        "  disk (a DuckDB file per upload, `impact/upload/spill.py`), not as a frame in the",
        "  session; the page lets go of Streamlit's copy of the uploaded bytes before checking",
        "  (keeping its own on disk). DuckDB's memory limit is 160 MB while checking",
        "  (`BATIK_CHECK_MEMORY`) and 256 MB for the store (`BATIK_DUCKDB_MEMORY`): with its",
        "  parts read side by side, the check at 256 MB kept that much of written blocks and the",
        "  preview peaked at 641-651 MB; at 160 MB the ratio to the bare read did not change",
        "  (3.4x at both, side by side). What is left at the preview's peak: the idle server",
        "  (~250 MB), the run's copy of the bytes being checked (137 MB; `st.file_uploader`",
        "  hands each run a deep copy of the file), and DuckDB up to its limit. While saving:",
        "  the idle server and DuckDB working up to its limit (diff, key index, log).",
        "- The wide-table path reads the table cell by cell in Python (10 MB at most) and",
        "  reshapes it into one Python row per value before the engine checks it. A table per",
        "  region is quick; one very large table is not: each code cell is looked up in a",
        "  constant map, whose cost grows with the code list (per row, 2,500 codes cost ~15x",
        "  what 100 cost, 25,000 ~175x), and every value is a Python row first.",
        "- Timings come from a shared 2-core machine; compare the ratios, which come from one run.",
        "",
    ]
    if args.viewers:  # tests/bench_viewers.py: N viewers open the overview within 10 s
        print("many viewers ...", flush=True)
        lines[-1:-1] = bench_viewers.section(args.viewers)
    args.out.write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
