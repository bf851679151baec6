"""Admin command line for operators; the same validation and writes as the upload page.

    python -m impact init
    python -m impact import FILE [--dataset D] [--sheet S] [--dry-run] [--editor NAME]
    python -m impact history
    python -m impact revert ID [--editor NAME]
    python -m impact backup DIR
    python -m impact restore DIR
    python -m impact hash-password

Exit codes: 0 done, 1 the file has errors, 2 bad command or unknown id, 3 database busy,
4 the data changed during the import (run it again).
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path

from impact import auth, config, store, upload
from impact.upload import bulk, datasets, ingest, views

EXIT_OK, EXIT_INVALID, EXIT_USAGE, EXIT_BUSY, EXIT_STALE = 0, 1, 2, 3, 4


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
        shown = f" [{value}]" if value else ""
        print(f"  {level}: {where}{shown}: {message}")


def cmd_import(args: argparse.Namespace, path: Path) -> int:
    data = args.file.read_bytes()
    dataset = datasets.DATASETS[args.dataset] if args.dataset else None
    result = bulk.check_file(
        data,
        args.file.name,
        upload.load_vocabulary(path),
        dataset,
        sheet=args.sheet,
        max_bytes=int(args.max_mb * 2**20),
    )
    checked, d = result.validated, result.detection
    print(
        f"{args.file.name}: {d.format or '?'}, encoding {d.encoding or '-'}, delimiter "
        f"{d.delimiter!r}, decimal {d.decimal!r}, header row {d.header_row}, sheet {d.sheet or '-'},"
        f" dataset {d.dataset or '?'}"
    )
    if checked.issues:
        _print_issues(checked.issues, args.lang)
    if not checked.ok:
        print(f"not imported: {len(checked.errors)} error(s); the database is unchanged")
        return EXIT_INVALID
    preview = upload.preview(path, checked)
    counts = preview.counts
    print(f"add {counts['insert']}, replace {counts['update']}, unchanged {counts['same']}")
    for line in preview.replaced_table().itertuples(index=False):
        print(f"  row {line.row} {line.key} {line.column}: {line.old!r} -> {line.new!r}")
    if note := views.sample_note(preview, "update", args.lang):  # first rows only
        print(f"  {note}")
    if args.dry_run:
        print("dry run: nothing written")
        return EXIT_OK
    upload_id = upload.commit(
        path, checked, preview, editor=args.editor, filename=args.file.name, sha256=d.sha256
    )
    print(f"imported as upload {upload_id}")
    return EXIT_OK


def cmd_history(args: argparse.Namespace, path: Path) -> int:
    frame = upload.history(path)
    if frame.empty:
        print("no uploads yet")
    for r in frame.itertuples():
        # A missing reverted_by reads back as NaN (truthy) once any upload is reverted.
        reverted = isinstance(r.reverted_by, str)
        state = f"reverted {r.reverted_at:%Y-%m-%d %H:%M} by {r.reverted_by}" if reverted else ""
        print(
            f"{r.id:>4}  {r.uploaded_at:%Y-%m-%d %H:%M}  {r.editor:<12} {r.dataset:<13} "
            f"+{r.rows_added} ~{r.rows_replaced} ={r.rows_unchanged}  {r.filename}  "
            f"sha256:{r.sha256[:12]}  {state}"
        )
    return EXIT_OK


def cmd_revert(args: argparse.Namespace, path: Path) -> int:
    try:
        count = upload.revert(path, args.id, editor=args.editor)
    except upload.UnknownUploadError:
        print(f"no upload {args.id}", file=sys.stderr)
        return EXIT_USAGE
    except upload.AlreadyRevertedError:
        print(f"upload {args.id} was already reverted", file=sys.stderr)
        return EXIT_USAGE
    except upload.RevertConflictError as exc:
        print(f"revert the later uploads first: {exc.later}", file=sys.stderr)
        return EXIT_USAGE
    print(f"reverted upload {args.id}: {count} row(s) restored or removed")
    return EXIT_OK


def main(argv: list[str] | None = None) -> int:
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
    p.add_argument("--editor", default=os.environ.get("USER") or "admin-cli")
    p.add_argument("--max-mb", type=float, default=ingest.DEFAULT_MAX_BYTES / 2**20)
    sub.add_parser("history", help="list uploads, newest first")
    p = sub.add_parser("revert", help="undo one upload, restoring the values it replaced")
    p.add_argument("id", type=int)
    p.add_argument("--editor", default=os.environ.get("USER") or "admin-cli")
    sub.add_parser("backup", help="copy the database into DIR").add_argument("dir", type=Path)
    sub.add_parser("restore", help="replace the database with the backup in DIR").add_argument(
        "dir", type=Path
    )
    sub.add_parser("hash-password", help="print the hash to configure an editor password")
    args = parser.parse_args(argv)
    try:
        config.load()
    except config.ConfigError as exc:
        print(f"{exc}", file=sys.stderr)
        return EXIT_USAGE
    path = args.db or store.db_path_from_env()

    if args.command == "hash-password":
        password = getpass.getpass("password: ") if sys.stdin.isatty() else sys.stdin.readline()
        print(auth.hash_password(password.rstrip("\n")))
        return EXIT_OK
    try:
        if args.command == "restore":
            store.restore(path, args.dir)
            print(f"restored {path} from {args.dir}")
            return EXIT_OK
        store.ensure_database(path)
        if args.command == "init":
            with store.connect(path) as con:
                count = con.execute("SELECT count(*) FROM observation").fetchone()[0]
            print(f"{path}: schema v{store.SCHEMA_VERSION}, {count} observations")
            return EXIT_OK
        if args.command == "backup":
            print(f"backup written to {store.backup(path, args.dir)}")
            return EXIT_OK
        if args.command == "import":
            if not args.file.is_file():
                print(f"no such file: {args.file}", file=sys.stderr)
                return EXIT_USAGE
            return cmd_import(args, path)
        return {"history": cmd_history, "revert": cmd_revert}[args.command](args, path)
    except store.DatabaseBusyError:
        print(
            f"the database {path} stayed busy (another process is writing); try again shortly",
            file=sys.stderr,
        )
        return EXIT_BUSY
    except upload.StalePreviewError:
        print("the data changed during the import; run it again", file=sys.stderr)
        return EXIT_STALE
    except store.BackupError as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_USAGE
