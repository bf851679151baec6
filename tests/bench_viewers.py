"""Many viewers at once: how long the overview takes to arrive when N viewers open it together.

    python -m tests.bench_viewers [--viewers 1 10 20 50] [--window 10] [--runs 1] [--out FILE]

Bounded and loopback only: it starts its own servers on 127.0.0.1 (free ports, a fresh seed
database in a temporary folder) and never connects elsewhere. Each viewer is a raw websocket
client speaking Streamlit's own protocol, as a browser tab does: it connects to
``/_stcore/stream``, sends one ``BackMsg{rerun_script}`` for the page and reads ``ForwardMsg``s
until ``script_finished``. The N viewers arrive evenly spread over ``--window`` seconds (all
of a hearing's members opening the shared link within the same 10 s). Per N it reports the
time from connecting to the finished run (median, p95), the server's CPU seconds per view
(utime + stime of the server process, /proc) and its resident memory before and after.

The same load runs against a *floor* page: a script with the overview's number of elements
and charts, each chart a small Altair chart built on every run, nothing else. What the
overview costs above the floor is what the dashboard's own code adds.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from impact import store

ROOT = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"  # loopback only
VIEW_TIMEOUT_S = 120.0  # one viewer gives up after this (counted as a failure)

FLOOR_PAGE = '''"""Floor page for tests/bench_viewers.py: {elements} elements, {charts} charts built per run."""
import altair as alt
import pandas as pd
import streamlit as st

frame = pd.DataFrame({{"tahun": [2021, 2022, 2023], "nilai": [55.0, 70.0, 85.0]}})
for i in range({charts}):
    st.altair_chart(alt.Chart(frame).mark_line().encode(x="tahun:O", y="nilai:Q"))
for i in range({elements} - {charts}):
    st.markdown(f"teks {{i}}")
'''


def _free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def serve(script: Path, env: dict[str, str]) -> Iterator[tuple[str, int]]:
    """``script`` served on a free loopback port: (host:port, server pid). app.py is served
    as `make run` serves it (serve.py, with the upload gate), any other script by `streamlit
    run`; both read the project's .streamlit/config.toml (the working folder is the project)."""
    port = _free_port()
    if script == ROOT / "app.py":
        args = [sys.executable, str(ROOT / "serve.py")]
    else:
        args = [sys.executable, "-m", "streamlit", "run", str(script)]
    args += ["--server.headless", "true", "--server.port", str(port), "--server.address", HOST]
    args += ["--browser.gatherUsageStats", "false"]
    proc = subprocess.Popen(
        args, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"http://{HOST}:{port}/_stcore/health", timeout=2):
                    break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"{script.name} did not start") from None
                time.sleep(0.2)
        yield f"{HOST}:{port}", proc.pid
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


def cpu_seconds(pid: int) -> float:
    """utime + stime of process ``pid`` (all its threads), in seconds."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


@dataclass
class View:
    seconds: float
    elements: int  # deltas received (elements, containers)
    charts: int
    ok: bool


async def view(address: str, query: str = "lang=id") -> View:
    """One viewer: connect, ask for the page, read until the run has finished."""
    start = time.perf_counter()
    elements = charts = 0
    url = f"ws://{address}/_stcore/stream"
    async with websockets.connect(url, subprotocols=["streamlit"], max_size=None) as ws:
        back = BackMsg()
        back.rerun_script.query_string = query
        await ws.send(back.SerializeToString())
        while True:
            msg = ForwardMsg()
            msg.ParseFromString(await ws.recv())
            kind = msg.WhichOneof("type")
            if kind == "delta":
                elements += 1
                element = msg.delta.new_element
                if msg.delta.WhichOneof("type") == "new_element":
                    charts += element.WhichOneof("type") == "vega_lite_chart"
            elif kind == "script_finished":
                ok = msg.script_finished == ForwardMsg.FINISHED_SUCCESSFULLY
                return View(time.perf_counter() - start, elements, charts, ok)


async def _timed(address: str, delay: float) -> View:
    await asyncio.sleep(delay)
    start = time.perf_counter()
    try:
        return await asyncio.wait_for(view(address), VIEW_TIMEOUT_S)
    except (TimeoutError, OSError, websockets.WebSocketException):
        return View(time.perf_counter() - start, 0, 0, False)


async def crowd(address: str, viewers: int, window: float) -> list[View]:
    """``viewers`` viewers arriving evenly over ``window`` seconds (the first at once)."""
    step = window / viewers if viewers > 1 else 0.0
    return await asyncio.gather(*(_timed(address, i * step) for i in range(viewers)))


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(0.95 * len(ordered)) - 1))]


def load(address: str, pid: int, counts: list[int], window: float) -> list[dict]:
    """The load at each N in ``counts`` against one running server."""
    results = []
    for n in counts:
        time.sleep(1.0)  # let the previous crowd's sessions settle
        rss_before, cpu_before = rss_mb(pid), cpu_seconds(pid)
        views = asyncio.run(crowd(address, n, window))
        cpu = cpu_seconds(pid) - cpu_before
        times = [v.seconds for v in views]
        results.append(
            {
                "n": n,
                "median_s": statistics.median(times),
                "p95_s": p95(times),
                "failed": sum(not v.ok for v in views),
                "cpu_per_view_s": cpu / n,
                "rss_before_mb": rss_before,
                "rss_after_mb": rss_mb(pid),
            }
        )
        print(results[-1], flush=True)
    return results


def run(counts: list[int], window: float, work: Path, repeat: int = 3) -> dict:
    """Overview and floor page under the same loads; returns every figure."""
    db = store.ensure_database(work / "batik.duckdb")
    env = {**os.environ, store.DB_PATH_ENV: str(db)}
    env.pop("BATIK_EDITOR_PASSWORD_HASH", None)
    out: dict = {}
    with serve(ROOT / "app.py", env) as (address, pid):
        warm = asyncio.run(view(address))  # a first view fills the caches, as one planner does
        out["overview_cold_s"] = warm.seconds
        out["elements"], out["charts"] = warm.elements, warm.charts
        out["overview"] = load(address, pid, counts, window)
        # Memory over time: the largest crowd again, ``repeat`` more times.
        out["repeat"] = load(address, pid, [max(counts)] * repeat, window)
    floor = work / "floor.py"
    floor.write_text(FLOOR_PAGE.format(elements=out["elements"], charts=max(out["charts"], 1)))
    with serve(floor, env) as (address, pid):
        asyncio.run(view(address))
        out["floor"] = load(address, pid, counts, window)
    return out


def table(result: dict, window: float) -> list[str]:
    """Markdown lines for BENCHMARKS.md."""
    lines = [
        f"Many viewers: N viewers open the overview (`?lang=id`) within {window:g} s, raw "
        "websocket clients on loopback, one server as `make run` starts it (`serve.py`), seed data "
        f"(`tests/bench_viewers.py`). Floor: a page with the overview's {result['elements']} "
        f"elements and {max(result['charts'], 1)} Altair charts built per run, nothing else. "
        f"First (cold) view after start: {result['overview_cold_s']:.2f} s.",
        "",
        "| viewers | overview median / p95 | floor median / p95 | server CPU per view, "
        "overview vs floor | server memory before -> after (overview) | aim |",
        "|---|---|---|---|---|---|",
    ]
    for page, base in zip(result["overview"], result["floor"], strict=True):
        failed = f", {page['failed']} failed" if page["failed"] else ""
        lines.append(
            f"| {page['n']} | {page['median_s']:.2f} s / {page['p95_s']:.2f} s{failed} | "
            f"{base['median_s']:.2f} s / {base['p95_s']:.2f} s | "
            f"{page['cpu_per_view_s']:.3f} s vs {base['cpu_per_view_s']:.3f} s "
            f"({page['cpu_per_view_s'] / base['cpu_per_view_s']:.2f}x) | "
            f"{page['rss_before_mb']:.0f} -> {page['rss_after_mb']:.0f} MB | "
            + ("median < 3 s, p95 < 6 s |" if page["n"] == 50 else "– |")
        )
    if result["repeat"]:
        rounds = result["repeat"]
        lines += [
            "",
            f"Memory over time: {len(rounds)} more crowds of {rounds[0]['n']} on the same server "
            "took it from "
            + " -> ".join(f"{r['rss_before_mb']:.0f}" for r in rounds)
            + f" -> {rounds[-1]['rss_after_mb']:.0f} MB (medians "
            + ", ".join(f"{r['median_s']:.2f}" for r in rounds)
            + " s).",
        ]
    return lines


def section(counts: list[int], window: float = 10.0, repeat: int = 3) -> list[str]:
    """The "Many viewers at once" section of BENCHMARKS.md (what `make bench` appends)."""
    with tempfile.TemporaryDirectory(prefix="bench-viewers-") as tmp:
        result = run(counts, window, Path(tmp), repeat)
    return ["", "## Many viewers at once", "", *table(result, window), "", *READING]


READING = [
    "- Where a view's CPU went before (cProfile of the server, 20 views): Streamlit's source",
    "  watcher re-resolved the path of every imported module after each run (~900,000 `lstat`",
    "  calls), and a full `gc.collect()` after each run held the interpreter lock. Both are off",
    "  in `.streamlit/config.toml` (`server.fileWatcherType`, `runner.postScriptGC`); together",
    "  they were ~0.3 of the ~0.4 CPU-s a view cost, and 20 viewers waited 9 s (median).",
    "- Memory stays flat without the post-run collection: Python's own collector frees cycles,",
    "  and repeated crowds of 50 grew the server by about as much with it as without it.",
    "- The chart specs are cached on a digest of their frame's pickle: Streamlit's own hashing",
    "  of the frames for the cache key took the overview from ~0.05 to ~0.08 CPU-s per view.",
    "  What is left above the floor: the charts' data converted to Arrow by Streamlit, the",
    "  tables under the charts, the figures read back from the data cache (unpickled per run).",
    "- One server process runs every viewer's script under one interpreter lock: a view's CPU",
    "  time, not the core count, bounds how many viewers a 10 s window can serve.",
]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--viewers", type=int, nargs="+", default=[1, 10, 20, 50])
    parser.add_argument("--window", type=float, default=10.0)
    parser.add_argument("--repeat", type=int, default=3, help="more crowds of the largest N")
    parser.add_argument("--out", type=Path, default=None, help="also write the table here")
    args = parser.parse_args(argv)
    if max(args.viewers) > 200:
        parser.error("at most 200 viewers: this is a bounded benchmark")
    with tempfile.TemporaryDirectory(prefix="bench-viewers-") as tmp:
        result = run(args.viewers, args.window, Path(tmp), args.repeat)
    lines = table(result, args.window)
    print("\n".join(lines))
    if args.out:
        args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
