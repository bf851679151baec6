"""Uploads of yearly figures: read a file, check it whole, preview, commit, revert.

The entry point a page or the CLI needs:

* :func:`check_file` reads a CSV or XLSX (:mod:`.ingest`) and checks every cell
  (:mod:`.validation`, :mod:`.bulk`) against a dataset (:mod:`.datasets`), writing nothing;
* :func:`preview` diffs the checked rows against the database; :func:`commit` writes them in
  one transaction and :func:`revert` undoes an upload exactly (:mod:`.changes`);
* :mod:`.templates` makes the files a planner fills in; :mod:`.views` the tables and sentences
  that show an upload and its problems.
"""

from __future__ import annotations

from impact.upload.bulk import check_file
from impact.upload.changes import (
    ACTIONS,
    AlreadyRevertedError,
    Change,
    NothingToCommitError,
    Preview,
    RevertConflictError,
    StalePreviewError,
    UnknownUploadError,
    UploadError,
    commit,
    history,
    load_vocabulary,
    preview,
    revert,
)
from impact.upload.datasets import DATASETS, Dataset
from impact.upload.ingest import Detection, Issue

__all__ = [
    "ACTIONS",
    "DATASETS",
    "AlreadyRevertedError",
    "Change",
    "Dataset",
    "Detection",
    "Issue",
    "NothingToCommitError",
    "Preview",
    "RevertConflictError",
    "StalePreviewError",
    "UnknownUploadError",
    "UploadError",
    "check_file",
    "commit",
    "history",
    "load_vocabulary",
    "preview",
    "revert",
]
