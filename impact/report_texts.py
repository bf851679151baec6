"""Texts of the hearing deck and the presentation mode: key -> (Bahasa Indonesia, English).

Merged into :data:`impact.i18n.TEXTS`; kept apart so the deck's wording lives in one place.
"""

from __future__ import annotations

REPORT_TEXTS: dict[str, tuple[str, str]] = {
    "nav.deck": ("Bahan Paparan DPRD", "DPRD hearing pack"),
    "nav.present": ("Mode Presentasi", "Presentation mode"),
}
