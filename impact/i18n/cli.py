"""Texts of the admin command line (``python -m impact``): they follow ``--lang``, Indonesian
by default like the pages.

key: (Bahasa Indonesia, English). Placeholders use str.format names.
"""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {}
