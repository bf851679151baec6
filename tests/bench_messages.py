"""What an anonymous client can make the server hold: the largest websocket message it accepts.

    python -m tests.bench_messages [--sessions 50] [--out FILE]

Bounded and loopback only, like :mod:`tests.bench_viewers` (whose server and raw websocket
client it reuses): it starts its own server on 127.0.0.1 with a fresh seed database and an
editor password (so the upload page shows the sign-in form), and never connects elsewhere.

1. **Largest message the pages send.** One viewer opens every page; the largest
   ``ForwardMsg`` it receives is what ``server.maxMessageSize`` (which also caps what the
   server sends) must leave room for.
2. **Anonymous sessions at the limit.** ``--sessions`` clients each open the sign-in form,
   read the password field's widget id from the page as a browser does, and submit a password
   as long as the largest message the server accepts (``server.maxWidgetStateSize``, minus
   the envelope). They stay connected. The server's resident memory is read before (idle,
   after one warm view) and after.
3. **One byte too many.** A client sends a message just over the limit: the server closes
   the connection (1009, message too big) without running anything.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import tempfile
import time
import tomllib
from pathlib import Path

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.TextInput_pb2 import TextInput
from streamlit.proto.WidgetStates_pb2 import WidgetState

import serve as serve_py
from impact import auth, store
from tests.bench_viewers import ROOT, rss_mb, serve

PAGES = (
    "",
    "ringkasan",
    "pendapatan",
    "daya-saing",
    "perbandingan-wilayah",
    "hambatan",
    "kolaborasi",
    "program",
    "pemerataan",
    "ekonomi-kreatif",
    "sumber",
    "paparan",
    "presentasi",
    "unggah",
    "riwayat",
    "kelengkapan-data",
)
SIGNIN_PAGE = "unggah"
MB = 1_000_000  # Streamlit's megabyte in server.maxMessageSize / maxWidgetStateSize


def config_mb(option: str) -> int:
    """``[server] option`` from the project's .streamlit/config.toml (MB), as served, or
    Streamlit's default."""
    server = tomllib.loads((ROOT / ".streamlit/config.toml").read_text())["server"]
    return int(server.get(option, {"maxWidgetStateSize": 25, "maxMessageSize": 200}[option]))


def _rerun(page: str, widgets: list | None = None) -> bytes:
    back = BackMsg()
    back.rerun_script.query_string = "lang=id"
    back.rerun_script.page_name = page
    for state in widgets or []:
        back.rerun_script.widget_states.widgets.append(state)
    return back.SerializeToString()


async def _until_finished(ws, seen: list[ForwardMsg] | None = None) -> tuple[bool, int]:
    """Read ForwardMsgs until the run ends: (finished successfully, largest frame bytes)."""
    largest = 0
    while True:
        data = await ws.recv()
        largest = max(largest, len(data))
        msg = ForwardMsg()
        msg.ParseFromString(data)
        if seen is not None:
            seen.append(msg)
        if msg.WhichOneof("type") == "script_finished":
            return msg.script_finished == ForwardMsg.FINISHED_SUCCESSFULLY, largest


def _url(address: str) -> str:
    return f"ws://{address}/_stcore/stream"


async def largest_sent(address: str) -> dict[str, int]:
    """The largest frame (bytes) each page sends to a viewer."""
    sizes = {}
    for page in PAGES:
        async with websockets.connect(
            _url(address), subprotocols=["streamlit"], max_size=None
        ) as ws:
            await ws.send(_rerun(page))
            _, sizes[page or "/"] = await _until_finished(ws)
    return sizes


def _signin_widgets(messages: list[ForwardMsg]) -> tuple[str, str]:
    """(password field id, submit button id) of the sign-in form in a run's messages."""
    password = submit = None
    for msg in messages:
        if msg.WhichOneof("type") != "delta" or msg.delta.WhichOneof("type") != "new_element":
            continue
        element = msg.delta.new_element
        kind = element.WhichOneof("type")
        if kind == "text_input" and element.text_input.type == TextInput.PASSWORD:
            password = element.text_input.id
        elif kind == "button" and element.button.is_form_submitter:
            submit = element.button.id
    if not (password and submit):
        raise RuntimeError("no sign-in form on the upload page")
    return password, submit


def _password_message(password_id: str, submit_id: str, size: int) -> bytes:
    """A sign-in submission whose whole frame is ``size`` bytes."""

    def build(n: int) -> bytes:
        field, button = WidgetState(), WidgetState()
        field.id, field.string_value = password_id, "x" * n
        button.id, button.trigger_value = submit_id, True
        return _rerun(SIGNIN_PAGE, [field, button])

    envelope = len(build(0))
    n = size - envelope
    while len(build(n)) > size:  # the length prefix of the string grows with it
        n -= 1
    return build(n)


async def submit_password(address: str, size: int, done: list, hold: asyncio.Event) -> str:
    """One anonymous client: open the form, submit a ``size``-byte message, stay connected
    until ``hold`` is set (appending to ``done`` once answered). Returns how it ended: 'run',
    'failed run' or 'closed <code>'."""
    async with websockets.connect(_url(address), subprotocols=["streamlit"], max_size=None) as ws:
        seen: list[ForwardMsg] = []
        await ws.send(_rerun(SIGNIN_PAGE))
        await _until_finished(ws, seen)
        try:  # the server may close while a large message is still being sent
            await ws.send(_password_message(*_signin_widgets(seen), size))
            ok, _ = await asyncio.wait_for(_until_finished(ws), 120)
        except websockets.ConnectionClosed as closed:
            done.append(1)
            return f"closed {closed.rcvd.code if closed.rcvd else None}"
        done.append(1)
        await hold.wait()
        return "run" if ok else "failed run"


async def crowd(address: str, sessions: int, size: int, pid: int) -> dict:
    """``sessions`` clients at once; the server's memory at its peak and while they stay."""
    hold, done = asyncio.Event(), []
    tasks = [
        asyncio.create_task(submit_password(address, size, done, hold)) for _ in range(sessions)
    ]
    peak, deadline = 0.0, time.monotonic() + 300
    while len(done) < sessions and time.monotonic() < deadline:
        await asyncio.sleep(0.2)
        peak = max(peak, rss_mb(pid))
    await asyncio.sleep(3)  # the answered runs settle
    held = rss_mb(pid)
    hold.set()
    outcomes = await asyncio.gather(*tasks)
    return {
        "rss_peak_mb": max(peak, held),
        "rss_held_mb": held,
        "outcomes": {o: outcomes.count(o) for o in sorted(set(outcomes))},
    }


def run(sessions: int, work: Path) -> dict:
    db = store.ensure_database(work / "batik.duckdb")
    env = {
        **os.environ,
        store.DB_PATH_ENV: str(db),
        auth.PASSWORD_HASH_ENV: auth.hash_password("sandi-bench"),
    }
    limit = min(config_mb("maxWidgetStateSize") * MB, serve_py.CLIENT_MESSAGE_BYTES)
    out: dict = {
        "max_widget_state_mb": config_mb("maxWidgetStateSize"),
        "max_message_mb": config_mb("maxMessageSize"),
        "client_message_bytes": limit,
        "sessions": sessions,
    }
    with serve(ROOT / "app.py", env) as (address, pid):
        time.sleep(2)
        out["rss_start_mb"] = rss_mb(pid)
        out["largest_sent_bytes"] = asyncio.run(largest_sent(address))
        time.sleep(2)
        out["rss_idle_mb"] = rss_mb(pid)
        # the same sessions with a short password first: what the sessions alone cost
        out["short"] = asyncio.run(crowd(address, sessions, 1000, pid))
        time.sleep(5)
        out["rss_idle_again_mb"] = rss_mb(pid)
        out["at_limit"] = asyncio.run(crowd(address, sessions, limit, pid))
        time.sleep(2)
        out["rss_after_mb"] = rss_mb(pid)
        out["over_limit"] = asyncio.run(crowd(address, 1, limit + 1, pid))["outcomes"]
        out["rss_end_mb"] = rss_mb(pid)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=50)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        result = run(args.sessions, Path(work))
    text = json.dumps(result, indent=1)
    print(text)
    if args.out:
        args.out.write_text(text + "\n")


if __name__ == "__main__":
    main()
