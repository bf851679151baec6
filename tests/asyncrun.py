"""Async test code run to completion from synchronous tests.

Playwright's sync API (the e2e tests) leaves an event loop running in pytest's main thread,
and ``asyncio.run`` refuses to start inside a running loop. So a test that drives a
websocket or an ASGI app with asyncio runs its coroutine in a thread of its own, whatever
ran before it in the same process."""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

T = TypeVar("T")


def run(coroutine: Coroutine[Any, Any, T]) -> T:
    """``asyncio.run(coroutine)`` in a fresh thread with its own event loop."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coroutine).result()
