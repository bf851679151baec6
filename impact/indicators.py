"""The indicator registry: Satu Data style metadata read from the store.

Labels, units, axis titles and deck footnotes are built from these records, so a figure
never travels without its unit, kind and producing agency.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from impact import store


class UnknownIndicatorError(KeyError):
    """No indicator with this code in the registry."""


@dataclass(frozen=True)
class Indicator:
    code: str
    name_id: str
    name_en: str
    definition_id: str | None
    definition_en: str | None
    formula: str | None
    unit: str
    kind: str
    frequency: str
    agency: str

    def name(self, lang: str) -> str:
        return self.name_en if lang == "en" else self.name_id

    def definition(self, lang: str) -> str:
        return (self.definition_en if lang == "en" else self.definition_id) or ""


def load_registry(path: Path | str) -> dict[str, Indicator]:
    """Every indicator in the store, by code."""
    frame = store.read_table(path, "indicator")
    records = frame.astype(object).where(frame.notna(), None).to_dict("records")
    return {r["code"]: Indicator(**r) for r in records}


def get(registry: dict[str, Indicator], code: str) -> Indicator:
    try:
        return registry[code]
    except KeyError:
        raise UnknownIndicatorError(code) from None
