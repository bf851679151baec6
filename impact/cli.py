"""Admin command line for operators; the same validation and writes as the upload page.

    python -m impact [--lang id|en] init
    python -m impact import FILE [--dataset D] [--sheet S] [--dry-run] [--editor NAME]
        a wide table also: [--row ROW=INDICATOR|ROW=skip ...] [--unit TEXT | --scale S]
        [--row-unit ROW=UNIT ...] [--part LABEL=whole|skip ...] [--region R] [--sector S]
        [--source TEXT] [--status reported|estimated|illustrative]
    python -m impact history
    python -m impact revert ID [--editor NAME]
    python -m impact backup DIR
    python -m impact restore DIR
    python -m impact hash-password

Messages follow --lang (default Indonesian, like the pages); no fault prints a traceback.
Exit codes:
  0 done                       5 the database file is damaged (restore a backup)
  1 the file has errors, or    6 the disk is full (nothing written)
    nothing new to import      7 the data folder is read-only or not permitted
  2 bad command, unknown id,   8 a BATIK_* setting or the secrets file is wrong
    unusable backup            9 another database or file error (rolled back)
  3 database busy (try again)  130 stopped with Ctrl+C (rolled back)
  4 the data changed during the import (run it again)
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path

import duckdb

from impact import auth, config, i18n, status, store, upload
from impact.upload import datasets, ingest, views, wide, wideviews

EXIT_OK, EXIT_INVALID, EXIT_USAGE, EXIT_BUSY, EXIT_STALE = 0, 1, 2, 3, 4
# Attempts (0.1 s apart) to take a database file a running dashboard is using: 30 s.
CLI_RETRIES = 300
EXIT_CORRUPT, EXIT_DISK_FULL, EXIT_READ_ONLY, EXIT_CONFIG, EXIT_STORAGE = 5, 6, 7, 8, 9
EXIT_INTERRUPTED = 130


def safe(text: object) -> str:
    """``text`` with every character a terminal could act on (escape codes, carriage returns,
    bidi overrides, zero-width characters) written as a visible escape such as ``\\x1b``."""
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode() for c in str(text))


def say(text_key: str, lang: str, /, *, err: bool = False, **params: object) -> None:
    """Print the catalogue text ``text_key``; names, values and paths escaped by :func:`safe`."""
    text = i18n.t(text_key, lang, **{k: safe(v) for k, v in params.items()})
    print(text, file=sys.stderr if err else sys.stdout)


def _print_issues(issues: list[ingest.Issue], lang: str) -> None:
    table = views.issues_table(issues, lang)
    for record in table.itertuples(index=False):
        row, column, value, level, message = record
        where = ", ".join(
            p
            for p in (
                f"{table.columns[0]} {row}" if row != "" else "",
                f"{table.columns[1]} {column}" if column else "",
            )
            if p
        )
        if not where and not value:  # a problem of the whole file: no row, no column
            say("cli.issue_file", lang, level=level, message=message)
        else:
            shown = f" [{value}]" if value else ""
            say("cli.issue", lang, level=level, where=where, value=shown, message=message)


def _wide_row(text: str) -> tuple[int, str]:
    """'--row 6=batik_workers' or '--row 6=skip': a wide table's row and its indicator."""
    row, _, code = text.partition("=")
    if not row.strip().isdigit() or not code.strip():
        raise argparse.ArgumentTypeError(f"ROW=INDICATOR or ROW=skip, not {text!r}")
    return int(row), wide.SKIP if code.strip() == "skip" else code.strip()


def _row_unit(text: str) -> tuple[int, str]:
    """'--row-unit 6="juta rupiah"': the unit of one row of a wide table."""
    row, _, unit = text.partition("=")
    if not row.strip().isdigit() or not unit.strip():
        raise argparse.ArgumentTypeError(f"ROW=UNIT, not {text!r}")
    return int(row), unit.strip()


def _part(text: str) -> tuple[str, str]:
    """'--part Jumlah=whole' or '--part Laki-laki=skip': what a sub-column under the years is."""
    label, _, choice = text.rpartition("=")
    if not label.strip() or choice.strip() not in ("whole", "skip"):
        raise argparse.ArgumentTypeError(f"LABEL=whole or LABEL=skip, not {text!r}")
    return label.strip(), wide.WHOLE if choice.strip() == "whole" else wide.SKIP


# --scale: a word or a power of ten of the registered unit ('juta' = 6, '1000' = 3).
_SCALES = {"1": 0, "ribu": 3, "thousand": 3, "1000": 3, "juta": 6, "million": 6, "1000000": 6}
_SCALES |= {"miliar": 9, "billion": 9, "triliun": 12, "trillion": 12}


def _scale(text: str) -> int:
    if text.strip().lower() not in _SCALES:
        raise argparse.ArgumentTypeError(f"one of {', '.join(_SCALES)}, not {text!r}")
    return _SCALES[text.strip().lower()]


def _choices(args: argparse.Namespace) -> wide.Choices:
    """What the page would ask, given as options."""
    return wide.Choices(
        indicators=dict(args.row or []),
        units=dict(args.row_unit or []),
        unit=args.unit,
        scale=args.scale,
        parts=dict(args.part or []),
        region=args.region,
        sector=args.sector,
        source=args.source,
        status=args.status,
    )


def _print_plan(
    plan: wide.Layout, choices: wide.Choices, path: Path, vocabulary, lang: str
) -> None:
    """The wide table's plan as the page shows it: rows, columns, and what the text around
    it gave, each with where it came from."""
    names: dict[str, str] = {}
    for table in ("indicator", "region", "sector"):
        names |= store.code_names(path, table, lang)
    for title, frame in (
        ("wide.rows", wideviews.rows_table(plan, names, choices, lang, vocabulary)),
        ("wide.columns", wideviews.columns_table(plan, lang, choices, names)),
        ("wide.about", wideviews.about_table(plan, choices, names, lang)),
    ):
        say("cli.plan_heading", lang, title=i18n.t(title, lang))
        headed = bool(str(frame.columns[0]).strip())  # the "about" table has no headings
        for line in frame.astype(str).itertuples(index=False):
            if headed:
                text = " · ".join(f"{c}: {v}" for c, v in zip(frame.columns, line, strict=True))
            else:
                text = ": ".join(line)
            say("cli.plan_line", lang, text=text)


def cmd_import(args: argparse.Namespace, path: Path) -> int:
    lang = args.lang
    data = args.file.read_bytes()
    dataset = datasets.DATASETS[args.dataset] if args.dataset else None
    vocabulary = upload.load_vocabulary(path)
    plan = upload.plan(data, args.file.name, vocabulary, dataset, sheet=args.sheet)
    choices = _choices(args)
    result = upload.check(
        data,
        args.file.name,
        vocabulary,
        dataset,
        sheet=args.sheet,
        max_bytes=int(args.max_mb * 2**20),
        layout=plan,
        choices=choices,
        decimal=args.decimal,
    )
    checked, d = result.validated, result.detection
    say(
        "cli.detected",
        lang,
        file=args.file.name,
        format=d.format or "?",
        encoding=d.encoding or "-",
        delimiter=repr(d.delimiter),
        decimal=repr(d.decimal),
        header_row=d.header_row,
        sheet=d.sheet or "-",
        dataset=d.dataset or "?",
    )
    if plan is not None:
        _print_plan(plan, choices, path, vocabulary, lang)
    if checked.issues:
        _print_issues(checked.issues, lang)
    if not checked.ok:
        if plan is not None:  # what the page asks about, given as options here
            say("cli.wide_hint", lang)
        say("cli.not_imported", lang, count=len(checked.errors))
        return EXIT_INVALID
    with store.session(path):  # the file taken once for the preview and the write
        return _preview_and_commit(args, path, result)


def _preview_and_commit(args: argparse.Namespace, path: Path, result: upload.Checked) -> int:
    lang = args.lang
    row_name = result.row_name
    checked, d = result.validated, result.detection
    preview = upload.preview(path, checked)
    counts = preview.counts
    say("cli.counts", lang, insert=counts["insert"], update=counts["update"], same=counts["same"])
    for line in preview.replaced_table().itertuples(index=False):
        say(
            "cli.replaced",
            lang,
            row=row_name(line.row),
            row_key=line.key,
            column=line.column,
            old=repr(line.old),
            new=repr(line.new),
        )
    if note := views.sample_note(preview, "update", lang):  # first rows only
        say("cli.note", lang, note=note)
    if counts["insert"] + counts["update"] == 0:  # as the page: an upload that changes nothing
        say("cli.nothing_new", lang)
        return EXIT_INVALID
    given = {r.strip() for r in (args.confirm_rows or "").split(",") if r.strip()}
    unconfirmed = [i for i in checked.to_confirm if str(row_name(i.row)) not in given]
    for issue in unconfirmed:  # what the page asks the editor to confirm, row by row
        say("cli.confirm_row", lang, row=row_name(issue.row), value=issue.value or "")
    if args.dry_run:
        say("cli.dry_run", lang)
        return EXIT_OK
    if unconfirmed:
        rows = ",".join(str(row_name(i.row)) for i in unconfirmed)
        say("cli.not_confirmed", lang, rows=rows)
        return EXIT_INVALID
    upload_id = upload.commit(
        path,
        checked,
        preview,
        editor=args.editor,
        filename=args.file.name,
        sha256=d.sha256,
        confirmed=[i.row for i in checked.to_confirm],
    )
    say("cli.imported", lang, id=upload_id)
    return EXIT_OK


def cmd_history(args: argparse.Namespace, path: Path) -> int:
    lang = args.lang
    frame = upload.history(path)
    if frame.empty:
        say("cli.no_uploads", lang)
    for r in frame.itertuples():
        # A missing reverted_by reads back as NaN (truthy) once any upload is reverted.
        reverted = isinstance(r.reverted_by, str)
        state = (
            i18n.t(
                "cli.reverted_state",
                lang,
                at=f"{r.reverted_at:%Y-%m-%d %H:%M}",
                editor=safe(r.reverted_by),
            )
            if reverted
            else ""
        )
        say(
            "cli.history_line",
            lang,
            id=f"{r.id:>4}",
            at=f"{r.uploaded_at:%Y-%m-%d %H:%M}",
            editor=f"{safe(r.editor):<12}",
            dataset=f"{r.dataset:<13}",
            added=r.rows_added,
            replaced=r.rows_replaced,
            unchanged=r.rows_unchanged,
            filename=r.filename,
            sha=r.sha256[:12],
            state=state,
        )
    return EXIT_OK


def cmd_revert(args: argparse.Namespace, path: Path) -> int:
    lang = args.lang
    try:
        count = upload.revert(path, args.id, editor=args.editor)
    except upload.UnknownUploadError:
        say("cli.no_upload", lang, err=True, id=args.id)
        return EXIT_USAGE
    except upload.AlreadyRevertedError:
        say("cli.already_reverted", lang, err=True, id=args.id)
        return EXIT_USAGE
    except upload.RevertConflictError as exc:
        say("cli.revert_later_first", lang, err=True, later=exc.later)
        return EXIT_USAGE
    say("cli.reverted", lang, id=args.id, count=count)
    return EXIT_OK


def cmd_hash_password(args: argparse.Namespace) -> int:
    if sys.stdin.isatty():
        password = getpass.getpass(i18n.t("cli.password_prompt", args.lang))
    else:
        password = sys.stdin.readline()
    password = password.rstrip("\r\n")  # a line from Windows ends in "\r\n"
    if not password:
        say("cli.password_empty", args.lang, err=True)
        return EXIT_USAGE
    if len(password) > auth.MAX_PASSWORD_CHARS:  # the sign-in form would refuse it
        say("cli.password_too_long", args.lang, err=True, limit=auth.MAX_PASSWORD_CHARS)
        return EXIT_USAGE
    print(auth.hash_password(password))
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    """Every command and option, as ``--help`` shows them (the README's section is checked
    against it)."""
    parser = argparse.ArgumentParser(
        prog="python -m impact",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--db",
        type=Path,
        default=None,
        help=f"database file (default ${store.DB_PATH_ENV} or data/batik.duckdb)",
    )
    parser.add_argument("--lang", choices=("id", "en"), default="id", help="language of messages")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("init", help="create the database, migrate it and load the seed data once")
    p = sub.add_parser("import", help="validate a CSV/XLSX file and write it in one transaction")
    p.add_argument("file", type=Path)
    p.add_argument("--dataset", choices=sorted(datasets.DATASETS), help="default: from the headers")
    p.add_argument("--sheet", help="XLSX sheet (default: the first)")
    p.add_argument("--dry-run", action="store_true", help="validate and preview only")
    p.add_argument(
        "--decimal",
        choices=(",", "."),
        help="decimal mark of numbers written as text, when no cell shows it ('125.430')",
    )
    p.add_argument(
        "--confirm-rows",
        metavar="ROWS",
        help="rows whose warning needs confirming (a score written as a fraction), e.g. 4,7",
    )
    p.add_argument("--editor", default=os.environ.get("USER") or "admin-cli")
    p.add_argument("--max-mb", type=float, default=ingest.DEFAULT_MAX_BYTES / 2**20)
    wide_options = p.add_argument_group("wide tables (years in the columns, BPS style)")
    wide_options.add_argument(
        "--row",
        type=_wide_row,
        action="append",
        metavar="ROW=INDICATOR",
        help="the indicator of a row whose label matches none, or ROW=skip (repeatable)",
    )
    wide_options.add_argument(
        "--unit",
        help="unit of every row whose unit the table does not state, e.g. 'juta rupiah'",
    )
    wide_options.add_argument(
        "--scale",
        type=_scale,
        help="the same, as a multiple of each row's registered unit: 1, ribu, juta, miliar",
    )
    wide_options.add_argument(
        "--row-unit",
        type=_row_unit,
        action="append",
        metavar="ROW=UNIT",
        help="the unit of one row (repeatable), e.g. 6='juta rupiah'",
    )
    wide_options.add_argument(
        "--part",
        type=_part,
        action="append",
        metavar="LABEL=whole|skip",
        help="a sub-column under the years: the whole figure, or a part to skip (repeatable)",
    )
    wide_options.add_argument("--region", help="region code, when the title names none")
    wide_options.add_argument("--sector", help="sector code, when the title names none")
    wide_options.add_argument("--source", help="source, when the table has no 'Sumber:' line")
    wide_options.add_argument("--status", choices=status.ORDER, default="reported")
    sub.add_parser("history", help="list uploads, newest first")
    p = sub.add_parser("revert", help="undo one upload, restoring the values it replaced")
    p.add_argument("id", type=int)
    p.add_argument("--editor", default=os.environ.get("USER") or "admin-cli")
    sub.add_parser("backup", help="copy the database into DIR").add_argument("dir", type=Path)
    sub.add_parser("restore", help="replace the database with the backup in DIR").add_argument(
        "dir", type=Path
    )
    sub.add_parser("hash-password", help="print the hash to configure an editor password")
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    lang = args.lang
    try:
        config.load()
    except config.ConfigError as exc:
        say(
            "cli.config_error",
            lang,
            err=True,
            name=exc.name,
            value=repr(exc.value),
            expected=exc.expected,
        )
        return EXIT_CONFIG
    path = args.db or store.db_path_from_env()
    try:
        # A dashboard serving viewers lets the file go at moments (every ~2 s under load);
        # an operator's command may wait longer for one than a page would.
        with store.patience(CLI_RETRIES):
            return _run(args, path)
    except store.DatabaseBusyError:
        say("cli.busy", lang, err=True, path=path)
        return EXIT_BUSY
    except upload.StalePreviewError:
        say("cli.stale", lang, err=True)
        return EXIT_STALE
    except upload.SpillGoneError as exc:  # an OSError: before the storage faults below
        say("cli.spill_gone", lang, err=True, folder=Path(exc.args[0]).parent.parent)
        return EXIT_STORAGE
    except store.BackupError as exc:
        key = "cli.backup_missing" if exc.code == "missing" else "cli.backup_checksum"
        say(
            key,
            lang,
            err=True,
            directory=exc.directory,
            file=exc.file.name if exc.code == "missing" else exc.file,
            manifest=store.BACKUP_MANIFEST,
        )
        return EXIT_USAGE
    except store.DatabaseCorruptError as exc:
        say("cli.corrupt", lang, err=True, path=path, detail=exc)
        return EXIT_CORRUPT
    except store.StorageFullError as exc:
        say("cli.disk_full", lang, err=True, detail=exc)
        return EXIT_DISK_FULL
    except store.StorageReadOnlyError as exc:
        say("cli.read_only", lang, err=True, detail=exc, folder=Path(path).parent)
        return EXIT_READ_ONLY
    except (duckdb.Error, OSError) as exc:
        fault = store.storage_fault(exc)  # e.g. a full disk while writing a backup copy
        if isinstance(fault, store.StorageFullError):
            say("cli.disk_full", lang, err=True, detail=exc)
            return EXIT_DISK_FULL
        if isinstance(fault, store.StorageReadOnlyError):
            say("cli.read_only", lang, err=True, detail=exc, folder=Path(path).parent)
            return EXIT_READ_ONLY
        say("cli.storage_error", lang, err=True, detail=f"{type(exc).__name__}: {exc}")
        return EXIT_STORAGE
    except KeyboardInterrupt:
        say("cli.interrupted", lang, err=True)
        return EXIT_INTERRUPTED


def _run(args: argparse.Namespace, path: Path) -> int:
    lang = args.lang
    if args.command == "hash-password":
        return cmd_hash_password(args)
    if args.command == "restore":
        store.restore(path, args.dir)
        say("cli.restored", lang, path=path, directory=args.dir)
        return EXIT_OK
    if args.command == "import" and not args.file.is_file():
        say("cli.no_file", lang, err=True, path=args.file)
        return EXIT_USAGE
    store.ensure_database(path)
    if args.command == "init":
        with store.connect(path) as con:
            count = con.execute("SELECT count(*) FROM observation").fetchone()[0]
        say("cli.initialized", lang, path=path, version=store.SCHEMA_VERSION, count=count)
        return EXIT_OK
    if args.command == "backup":
        say("cli.backup_written", lang, path=store.backup(path, args.dir))
        return EXIT_OK
    if args.command == "import":
        return cmd_import(args, path)
    return {"history": cmd_history, "revert": cmd_revert}[args.command](args, path)
