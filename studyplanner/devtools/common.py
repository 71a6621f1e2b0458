"""What the headless tools share: the database path, exit codes and error reporting.

Exit codes (stable; the tests depend on them): 0 success, 3 another copy or program holds the
data file, 4 the data is damaged or missing and a recovery prompt would be shown, 5 the file is
from a newer version, 6 storage problem (full, read-only, no access), 7 migration failed,
8 a file chosen for restore was rejected.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

EXIT_OK = 0
EXIT_IN_USE = 3
EXIT_RECOVERY = 4
EXIT_TOO_NEW = 5
EXIT_STORAGE = 6
EXIT_MIGRATION = 7
EXIT_RESTORE_REJECTED = 8


def add_db_arguments(parser: argparse.ArgumentParser) -> None:
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--db", type=Path, metavar="PATH", help="the database file")
    where.add_argument(
        "--data-dir", type=Path, metavar="DIR", help="a data folder (the file in it is used)"
    )


def db_path(args: argparse.Namespace) -> Path:
    from studyplanner import paths

    if args.db is not None:
        return Path(args.db)
    if args.data_dir is not None:
        return Path(args.data_dir) / paths.DB_FILENAME
    return paths.default_db_path()


def report_store_error(exc: BaseException) -> int:
    """Print one line naming the problem on stderr; return the exit code for it."""
    from studyplanner.store import errors

    code = EXIT_STORAGE
    kind = "storage"
    if isinstance(exc, errors.DatabaseInUse):
        code, kind = EXIT_IN_USE, "in-use"
    elif isinstance(exc, errors.DatabaseCorrupt):
        code, kind = EXIT_RECOVERY, "recovery"
    elif isinstance(exc, errors.DatabaseTooNew):
        code, kind = EXIT_TOO_NEW, "too-new"
    elif isinstance(exc, errors.MigrationFailed):
        code, kind = EXIT_MIGRATION, "migration"
    elif isinstance(exc, errors.RestoreRejected):
        code, kind = EXIT_RESTORE_REJECTED, "restore-rejected"
    sys.stderr.write(f"studyplanner [{kind}]: {exc}\n")
    sys.stderr.flush()
    return code
