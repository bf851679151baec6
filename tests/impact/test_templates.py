"""The committed upload templates match the dataset declarations and read back as themselves."""

from __future__ import annotations

import io

import pytest
from openpyxl import load_workbook

from impact.upload import ingest, templates
from impact.upload.datasets import DATASETS


@pytest.mark.parametrize("code", sorted(DATASETS))
def test_committed_csv_template_is_current(code: str) -> None:
    committed = (templates.TEMPLATE_DIR / f"{code}.csv").read_bytes()
    assert committed == templates.csv_bytes(DATASETS[code]), "run templates.write_templates()"


@pytest.mark.parametrize("code", sorted(DATASETS))
def test_committed_xlsx_template_has_the_headers_and_a_guide(code: str) -> None:
    book = load_workbook(io.BytesIO((templates.TEMPLATE_DIR / f"{code}.xlsx").read_bytes()))
    headers = [c.value for c in next(book["data"].iter_rows(max_row=1))]
    assert headers == [c.header_id for c in DATASETS[code].columns]
    assert book["petunjuk"].max_row == len(DATASETS[code].columns) + 1


@pytest.mark.parametrize("suffix", ["csv", "xlsx"])
@pytest.mark.parametrize("code", sorted(DATASETS))
def test_templates_are_recognised_as_their_dataset(code: str, suffix: str) -> None:
    grid = ingest.read_grid((templates.TEMPLATE_DIR / f"{code}.{suffix}").read_bytes())
    assert grid.detection.dataset == code
    assert [i.code for i in grid.issues] == ["file-no-rows"]
