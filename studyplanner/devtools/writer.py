"""The headless writer of RELIABILITY.md section 3.0: crash tests kill this process.

``python -m studyplanner.devtools.writer --db PATH --start-seq N`` opens the database exactly as
the app does (``open_database``: lock, checks, recovery, start backup), imports the bundled plan
if there is none, then logs one-minute sessions in a loop through the real
:class:`~studyplanner.services.StudyPlanner` and prints ``ACK <uuid>`` only after the service call
that commits has returned.

Session *k* (k = N, N+1, ...) is deterministic so that a test can check every row it finds:

- the services run on an injected clock that reads ``2024-01-01T00:00Z + 2k minutes`` in zone
  ``--zone`` (default UTC), so days never exceed 1440 minutes and nothing is "in the future";
- usually ``log_session(module, 1, note="writer seq k", uuid=UUID(int=k))``: started at
  ``clock - 1 min``;
- every ``--timer-every``-th session goes through ``start_timer`` / ``stop_timer`` instead (a
  multi-statement transaction: insert the session and delete the running timer), note
  ``"writer seq k timer"``, started at the clock.

Options for the battery: ``--count`` (stop after that many sessions), ``--hold-ms`` (keep the data
open afterwards, like an open window), ``--backup-every`` (a scheduled backup every that many
sessions), ``--restore FILE`` (restore FILE through ``store.recovery`` before opening),
``--import-csv FILE`` / ``--export-csv FILE`` (through ``studyplanner.exchange``, before the
loop; they print ``IMPORTED ...`` / ``EXPORTED ...``). Exit codes
are those of :mod:`studyplanner.devtools.common`.
"""

from __future__ import annotations

import argparse
import datetime as dt
import signal
import sys
import time
import uuid as uuid_module
from collections.abc import Sequence
from pathlib import Path
from types import FrameType

from studyplanner.devtools.common import (
    EXIT_OK,
    add_db_arguments,
    db_path,
    report_store_error,
)

EPOCH = dt.datetime(2024, 1, 1, tzinfo=dt.UTC)


def session_uuid(seq: int) -> str:
    """The uuid of the writer's manual session number *seq*."""
    return str(uuid_module.UUID(int=seq))


def session_note(seq: int, *, timer: bool = False) -> str:
    return f"writer seq {seq}" + (" timer" if timer else "")


def clock_at(seq: int) -> dt.datetime:
    """The services' "now" while the writer logs session *seq*."""
    return EPOCH + dt.timedelta(minutes=2 * seq)


class _Clock:
    def __init__(self) -> None:
        self.now = EPOCH

    def __call__(self) -> dt.datetime:
        return self.now


def _terminate(signum: int, frame: FrameType | None) -> None:
    raise SystemExit(128 + signum)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m studyplanner.devtools.writer")
    add_db_arguments(parser)
    parser.add_argument("--start-seq", type=int, default=0, metavar="N")
    parser.add_argument("--count", type=int, default=0, metavar="N", help="0: until killed")
    parser.add_argument("--hold-ms", type=int, default=0, metavar="MS")
    parser.add_argument("--timer-every", type=int, default=10, metavar="K", help="0: never")
    parser.add_argument("--backup-every", type=int, default=0, metavar="K", help="0: never")
    parser.add_argument("--restore", metavar="FILE", help="restore this file first")
    parser.add_argument("--import-csv", metavar="FILE", help="import a sessions CSV first")
    parser.add_argument("--export-csv", metavar="FILE", help="export the sessions CSV first")
    parser.add_argument("--zone", default="UTC", help="IANA time zone of the sessions")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    signal.signal(signal.SIGTERM, _terminate)
    from studyplanner import services
    from studyplanner.store.db import open_database
    from studyplanner.store.errors import StoreError

    path = db_path(args)
    clock = _Clock()
    try:
        if args.restore:
            from studyplanner.store.recovery import restore_backup

            restore_backup(path, Path(args.restore))
            print("RESTORED", flush=True)
        db = open_database(path)
    except StoreError as exc:
        return report_store_error(exc)
    try:
        planner = services.StudyPlanner(db, clock=clock, zone=args.zone)
        if planner.current_plan() is None:
            planner.import_notes_file(services.bundled_notes_path(), start=EPOCH.date())
        if planner.timer() is not None:
            planner.discard_timer()
        modules = [m.id for m in planner.modules()]
        seq = args.start_seq
        clock.now = clock_at(seq)
        if args.import_csv or args.export_csv:
            from studyplanner import exchange

            if args.import_csv:
                print(f"IMPORTED {exchange.import_sessions(planner, Path(args.import_csv))}")
            if args.export_csv:
                print(f"EXPORTED {exchange.export_sessions_csv(planner, Path(args.export_csv))}")
            sys.stdout.flush()
        logged = 0
        while args.count <= 0 or logged < args.count:
            module = modules[seq % len(modules)]
            clock.now = clock_at(seq)
            if args.timer_every > 0 and seq % args.timer_every == 0:
                planner.start_timer(module)
                clock.now += dt.timedelta(minutes=1)
                saved = planner.stop_timer(note=session_note(seq, timer=True))
                assert saved is not None
            else:
                saved = planner.log_session(
                    module, 1, note=session_note(seq), uuid=session_uuid(seq)
                )
            sys.stdout.write(f"ACK {saved.uuid}\n")
            sys.stdout.flush()
            logged += 1
            seq += 1
            if args.backup_every > 0 and logged % args.backup_every == 0:
                db.backup("scheduled")
        if args.hold_ms > 0:
            time.sleep(args.hold_ms / 1000)
    except StoreError as exc:
        return report_store_error(exc)
    finally:
        db.close()
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
