"""The current rows of a dataset as its upload template (XLSX), to edit and upload back.

One button for the upload page and the sources page. The workbook is built only when the
button is clicked (`templates.current_xlsx`); the row counts are cached per data version.
"""

from __future__ import annotations

from impact.upload import templates
from impact.upload.datasets import Dataset
from pages import _data, _render

# Per-enterprise records name enterprises and their income: viewers see them only aggregated
# (the equity page); the rows themselves go to a signed-in editor.
EDITOR_ONLY = frozenset({"enterprises"})


def download_button(container, path: str, version: int, dataset: Dataset, key: str) -> None:
    """The dataset's "current data (XLSX)" button in ``container``, or why there is none."""
    name = _render.t(f"dataset.{dataset.code}")
    rows = _data.row_count(path, version, dataset.table)
    if rows > templates.CURRENT_MAX_ROWS:
        container.caption(
            _render.t("upload.current_too_large", max=_render.count(templates.CURRENT_MAX_ROWS))
        )
        return
    vocabulary = _data.vocabulary(path, version)
    container.download_button(
        _render.t("upload.current_xlsx", name=name),
        lambda: templates.current_xlsx(path, dataset, vocabulary),
        f"data_{dataset.code}.xlsx",
        key=key,
        help=_render.t("upload.current_help"),
        icon=":material/edit_document:",
    )
