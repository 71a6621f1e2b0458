"""The headless start check: start the app's store and services, report, exit.

``python -m studyplanner.devtools.startcheck --db PATH`` runs the same start as the window
(``open_database``: lock, checks, WAL recovery, migration, start backup; then the services) and
exits 0 with ``OK sessions=N`` on stdout when the app would open on its main screen. Any other
outcome exits with a code of :mod:`studyplanner.devtools.common`; 4 means the window would show
the recovery prompt. ``--announce`` prints ``OPENING`` just before the database is opened, so a
test can kill the process during recovery (REL-CRASH-03).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from studyplanner.devtools.common import EXIT_OK, add_db_arguments, db_path, report_store_error


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m studyplanner.devtools.startcheck")
    add_db_arguments(parser)
    parser.add_argument("--announce", action="store_true", help="print OPENING before opening")
    args = parser.parse_args(argv)
    from studyplanner import services
    from studyplanner.store.db import open_database
    from studyplanner.store.errors import StoreError

    path = db_path(args)
    if args.announce:
        print("OPENING", flush=True)
    try:
        db = open_database(path)
    except StoreError as exc:
        return report_store_error(exc)
    try:
        planner = services.StudyPlanner(db, zone="UTC")
        sessions = len(planner.sessions()) if planner.current_plan() is not None else 0
    except StoreError as exc:
        return report_store_error(exc)
    finally:
        db.close()
    for warning in db.warnings:
        sys.stderr.write(f"studyplanner [warning]: {warning}\n")
    print(f"OK sessions={sessions}", flush=True)
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
