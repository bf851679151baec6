"""Uploads of yearly figures: read a file, check it whole, preview, commit, revert.

The entry point a page or the CLI needs:

* :func:`read` reads a CSV or XLSX into a grid (:mod:`.ingest`); :func:`plan` finds a wide
  table (years across the columns) and how it will be read (:mod:`.wide`, :mod:`.units`), so
  the page and the CLI can ask what it does not say; :func:`check` checks it by its plan and
  the planner's choices, or reads any other file
  into one text table and checks every cell of it with one engine, in DuckDB (:mod:`.files`,
  :mod:`.checks`; large UTF-8 CSVs are read by DuckDB itself, :mod:`.bulk`) against a
  dataset (:mod:`.datasets`) and the code lists (:mod:`.validation`), writing nothing;
* :func:`preview` diffs the checked rows against the database; :func:`commit` writes them in
  one transaction and :func:`revert` undoes an upload exactly (:mod:`.changes`); a large
  file's checked rows wait on disk between the two (:class:`Spill`, :mod:`.spill`), and
  :func:`release` removes them (gone before the commit: :class:`SpillGoneError`, check again);
* :mod:`.templates` makes the files a planner fills in; :mod:`.views` the tables and sentences
  that show an upload and its problems.
"""

from __future__ import annotations

from impact.upload.changes import (
    ACTIONS,
    AlreadyRevertedError,
    Change,
    NothingToCommitError,
    Preview,
    RevertConflictError,
    StalePreviewError,
    UnconfirmedRowsError,
    UnknownUploadError,
    UploadError,
    commit,
    history,
    load_vocabulary,
    preview,
    revert,
)
from impact.upload.checks import Checked
from impact.upload.datasets import DATASETS, Dataset
from impact.upload.files import check, plan, read
from impact.upload.ingest import Detection, Issue
from impact.upload.spill import Spill, SpillGoneError
from impact.upload.validation import distinct_rows, release

__all__ = [
    "ACTIONS",
    "DATASETS",
    "AlreadyRevertedError",
    "Change",
    "Checked",
    "Dataset",
    "Detection",
    "Issue",
    "NothingToCommitError",
    "Preview",
    "RevertConflictError",
    "Spill",
    "SpillGoneError",
    "StalePreviewError",
    "UnconfirmedRowsError",
    "UnknownUploadError",
    "UploadError",
    "check",
    "commit",
    "distinct_rows",
    "history",
    "plan",
    "load_vocabulary",
    "preview",
    "read",
    "release",
    "revert",
]
