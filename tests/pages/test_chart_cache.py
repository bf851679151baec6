"""The chart-spec cache of pages/_render.py, keyed on a digest of the frame's pickle: equal
data built apart share one spec, and any changed value, dtype or option builds a new one."""

from __future__ import annotations

import pandas as pd
import pytest

from impact.figures import charts
from pages import _render


@pytest.fixture
def builds(monkeypatch) -> list[pd.DataFrame]:
    seen: list[pd.DataFrame] = []

    class Built:
        def __init__(self, frame, options):
            self.spec = {"values": frame["value"].tolist(), "options": options}

        def to_dict(self):
            return self.spec

    def counting(kind, frame, **options):
        seen.append(frame)
        return Built(frame, options)

    monkeypatch.setattr(charts, "build", counting)
    _render._chart_spec.clear()
    yield seen
    _render._chart_spec.clear()


def _frame(values=(55.0, 70.0, 85.0), years=(2021, 2022, 2023)) -> pd.DataFrame:
    return pd.DataFrame({"year": list(years), "value": list(values), "status": ["reported"] * 3})


def test_equal_frames_built_apart_share_one_spec_and_changes_do_not(app_db, builds) -> None:
    first = _render.chart("series", _frame(), height=300)
    assert _render.chart("series", _frame(), height=300) == first and len(builds) == 1
    changed = _render.chart("series", _frame(values=(55.0, 70.0, 86.0)), height=300)
    assert changed["values"] == [55.0, 70.0, 86.0]
    _render.chart("series", _frame().astype({"value": "float32"}), height=300)  # one dtype
    _render.chart("series", _frame(years=(2020, 2022, 2023)), height=300)
    options = _render.chart("series", _frame(), height=400)["options"]
    assert options == {"height": 400, "as_of": "Data awal dasbor, belum ada unggahan"}
    assert len(builds) == 5
