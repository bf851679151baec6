"""Admin command line: ``python -m impact init [--db PATH]``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from impact import store


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m impact", description=__doc__)
    parser.add_argument(
        "--db",
        type=Path,
        default=None,
        help=f"database file (default ${store.DB_PATH_ENV} or data/batik.duckdb)",
    )
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("init", help="create the database, migrate it and load the seed data once")
    args = parser.parse_args(argv)
    path = args.db or store.db_path_from_env()
    if args.command == "init":
        store.ensure_database(path)
        with store.connect(path, read_only=True) as con:
            count = con.execute("SELECT count(*) FROM observation").fetchone()[0]
        print(f"{path}: schema v{store.SCHEMA_VERSION}, {count} observations")
    return 0


if __name__ == "__main__":
    sys.exit(main())
