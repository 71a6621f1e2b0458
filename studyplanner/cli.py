"""The command line (DESIGN.md section 4): a stable contract over the services only.

Exit status 0 on success; 2 for bad input, with one clear line on stderr and nothing written.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn, TextIO

from studyplanner import __version__, paths

EXIT_OK = 0
EXIT_BAD_INPUT = 2

EPILOG = """\
examples:
  studyplanner plan import notes.txt --start 2019-01-18 --profile DVA-C01
  studyplanner log 1 1h30m --on 2019-01-19
  studyplanner progress dynamo --position 1:10:00
  studyplanner mock add "Test 1" --on 2019-03-16 --score 44/65 --domain sec=11/17
  studyplanner report --json
  studyplanner backups
  studyplanner restore --latest --yes
"""


class UsageError(Exception):
    """Bad command-line usage: reported as one line, exit status 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(message)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="studyplanner",
        description="Plan, log and forecast your certification exam preparation."
        " With no command, the window opens.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"studyplanner {__version__}")
    parser.add_argument(
        "--db",
        type=Path,
        metavar="PATH",
        help=f"the database file (default: {paths.DB_FILENAME} in the per-user data dir)",
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help="open the window on a demo database in a temporary folder (never your real data)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    plan = commands.add_parser(
        "plan",
        help="import, show or change the study plan",
        epilog="example: studyplanner plan import notes.txt --start 2019-01-18",
    )
    plan_commands = plan.add_subparsers(dest="plan_command", metavar="ACTION", required=True)
    imp = plan_commands.add_parser(
        "import",
        help="import a notes file as the current plan",
        epilog="example: studyplanner plan import aws-dva-notes.txt --start 2019-01-18"
        " --profile DVA-C01",
    )
    imp.add_argument("file", type=Path, metavar="FILE")
    imp.add_argument("--start", metavar="DATE", help="first day of the plan (default: today)")
    imp.add_argument("--exam", metavar="DATE", help="exam date (default: day after the plan)")
    imp.add_argument("--profile", metavar="NAME", help="exam profile (default: DVA-C02)")
    show = plan_commands.add_parser(
        "show", help="show the plan's modules", epilog="example: studyplanner plan show --json"
    )
    show.add_argument("--json", action="store_true", help="print JSON")
    setp = plan_commands.add_parser(
        "set",
        help="change the plan's dates, exam profile or parameters",
        epilog="example: studyplanner plan set --exam 2019-04-05 --pass-mark 0.75",
    )
    setp.add_argument("--start", metavar="DATE")
    setp.add_argument("--exam", metavar="DATE")
    setp.add_argument("--profile", metavar="NAME")
    setp.add_argument("--pass-mark", metavar="P", help="pass mark as a proportion, e.g. 0.72")
    setp.add_argument("--multiplier", metavar="X", help="effort multiplier for video modules")
    setp.add_argument("--weekly-budget", metavar="H", help="hours per week for projects")
    plan_commands.add_parser(
        "baseline",
        help="freeze the current plan as the baseline",
        epilog="example: studyplanner plan baseline",
    )

    log = commands.add_parser(
        "log",
        help="log study time on a module",
        epilog="example: studyplanner log serverless 1h30m --on 2019-01-26 --at 19:00",
    )
    log.add_argument("module", metavar="MODULE", help="position (1, 2, ...) or start of the name")
    log.add_argument("duration", metavar="DURATION", help="90 | 90m | 1h30m | 1:30 | 1:30:00")
    log.add_argument("--on", metavar="DATE", help="the day (default: today)")
    log.add_argument("--at", metavar="HH:MM", help="local start time (default: noon)")
    log.add_argument("--note", metavar="TEXT", default="")

    progress = commands.add_parser(
        "progress",
        help="record progress on a module",
        epilog="example: studyplanner progress 1 --position 3:10:00",
    )
    progress.add_argument("module", metavar="MODULE")
    how = progress.add_mutually_exclusive_group(required=True)
    how.add_argument("--percent", metavar="P", help="percent complete, 0 to 100")
    how.add_argument("--position", metavar="H:MM:SS", help="video watched up to this point")
    how.add_argument("--done", action="store_true", help="the module is finished")
    progress.add_argument("--on", metavar="DATE", help="the day (default: today)")

    mock = commands.add_parser(
        "mock", help="log mock tests", epilog='example: studyplanner mock add "Test 1" ...'
    )
    mock_commands = mock.add_subparsers(dest="mock_command", metavar="ACTION", required=True)
    add = mock_commands.add_parser(
        "add",
        help="add a mock test or topic quiz",
        epilog='example: studyplanner mock add "Test 1" --on 2019-03-16 --score 44/65'
        " --domain deployment=9/14 --domain security=11/17",
    )
    add.add_argument("name", metavar="NAME")
    add.add_argument("--on", metavar="DATE", required=True)
    add.add_argument("--score", metavar="C/N", required=True)
    add.add_argument("--domain", metavar="NAME=C/N", action="append", default=[])
    add.add_argument("--topic", metavar="MODULE", help="make it a topic quiz on this module")
    add.add_argument("--minutes", metavar="M")

    report = commands.add_parser(
        "report",
        help="schedule slip, forecast and readiness",
        epilog="example: studyplanner report --as-of 2019-02-08 --json",
    )
    report.add_argument(
        "--as-of", metavar="DATE", help="status as of 00:00 of this date (default: end of today)"
    )
    report.add_argument("--json", action="store_true", help="print the JSON report")
    _add_exchange_parsers(commands)
    _add_recovery_parsers(commands)
    return parser


def _positive_float(text: str, field: str) -> float:
    from studyplanner.services import ValidationError

    try:
        value = float(text)
    except ValueError:
        raise ValidationError(field, f"'{text}' is not a number") from None
    if not math.isfinite(value):
        raise ValidationError(field, f"'{text}' is not a finite number")
    return value


def _clock_time(text: str) -> dt.time:
    from studyplanner.services import ValidationError

    try:
        hours_text, minutes_text = text.strip().split(":")
        if not (hours_text.isascii() and hours_text.isdigit() and minutes_text.isdigit()):
            raise ValueError
        return dt.time(int(hours_text), int(minutes_text))
    except ValueError:
        raise ValidationError("time", f"'{text}' is not a time of the form HH:MM") from None


def _print_plan(out: TextIO, planner: object, as_json: bool) -> None:
    from studyplanner.services import StudyPlanner

    assert isinstance(planner, StudyPlanner)
    plan = planner.require_plan()
    modules = planner.modules()
    windows = planner.planned_windows(plan, modules)
    if as_json:
        data = {
            "name": plan.name,
            "start": plan.start.isoformat(),
            "exam_date": plan.exam.isoformat(),
            "planned_finish": windows[-1][1].isoformat() if windows else None,
            "profile": plan.profile.name,
            "pass_mark": plan.pass_mark,
            "effort_multiplier": plan.effort_multiplier,
            "weekly_budget_hours": plan.weekly_budget_hours,
            "weeks": sum(m.weeks for m in modules),
            "bac_hours": sum(m.effort_hours for m in modules),
            "as_at": plan.as_at.isoformat() if plan.as_at else None,
            "planned_mocks": list(plan.planned_mocks),
            "modules": [
                {
                    "position": m.position,
                    "name": m.name,
                    "kind": m.kind.value,
                    "effort_hours": m.effort_hours,
                    "weeks": m.weeks,
                    "video_seconds": m.video_seconds,
                    "mock_tests": m.mock_tests,
                    "note": m.note,
                    "planned_start": first.isoformat(),
                    "planned_finish": last.isoformat(),
                    "domains": dict(m.shares),
                }
                for m, (first, last) in zip(modules, windows, strict=True)
            ],
        }
        json.dump(data, out, indent=2, ensure_ascii=False)
        out.write("\n")
        return
    out.write(f"{plan.name}\n")
    out.write(
        f"  {plan.start} to {windows[-1][1] if windows else plan.start}, exam {plan.exam},"
        f" profile {plan.profile.name}, pass mark {plan.pass_mark:.0%}\n"
    )
    for m, (first, last) in zip(modules, windows, strict=True):
        out.write(
            f"  {m.position:>2}  {m.name:<34.34} {m.kind.value:<8} {m.effort_hours:5.1f} h"
            f"  {m.weeks:g} wk  {first} to {last}\n"
        )
    out.write(
        f"  total {sum(m.effort_hours for m in modules):.1f} h over"
        f" {sum(m.weeks for m in modules):g} weeks\n"
    )


def run(argv: Sequence[str], out: TextIO, err: TextIO) -> int:
    """Run one command; return the exit status. Never raises for bad input."""
    from studyplanner.domain.durations import DurationError
    from studyplanner.domain.notes import NotesError
    from studyplanner.services import NoPlanError, ValidationError
    from studyplanner.store.errors import DatabaseCorrupt, StoreError

    try:
        args = build_parser().parse_args(list(argv))
        if args.command is None:
            raise UsageError("no command given (the window opens only through 'studyplanner')")
        return _dispatch(args, out)
    except UsageError as exc:
        err.write(f"studyplanner: {exc} (see 'studyplanner --help')\n")
    except NotesError as exc:
        problems = "; ".join(
            f"line {p.line_no}: {p.text.strip()!r}: {p.message}" if p.line_no else p.message
            for p in exc.problems
        )
        err.write(f"studyplanner: cannot import the notes, nothing was saved: {problems}\n")
    except (ValidationError, DurationError, NoPlanError) as exc:
        err.write(f"studyplanner: {exc}\n")
    except DatabaseCorrupt as exc:
        err.write(
            _one_line(
                f"studyplanner: {exc}; to restore the newest verified backup run"
                " 'studyplanner restore --latest' (list them with 'studyplanner backups')"
            )
            + "\n"
        )
    except StoreError as exc:
        err.write(f"studyplanner: {_one_line(str(exc))}\n")
    return EXIT_BAD_INPUT


def _open(args: argparse.Namespace) -> object:
    from studyplanner.services import StudyPlanner
    from studyplanner.store.db import open_database

    db_path: Path = args.db or paths.default_db_path()
    return StudyPlanner(open_database(db_path))


def _dispatch(args: argparse.Namespace, out: TextIO) -> int:
    from studyplanner.domain.durations import parse_position, parse_study_minutes
    from studyplanner.services import (
        StudyPlanner,
        ValidationError,
        parse_date,
        parse_score,
        report_to_json,
    )

    def date_arg(text: str | None, field: str) -> dt.date | None:
        return None if text is None else parse_date(text, field)

    if args.command in ("export", "import"):
        return _dispatch_exchange(args, out)
    if args.command in ("backups", "restore"):
        return _dispatch_recovery(args, out)
    # Validate everything that needs no database before opening it.
    if args.command == "log":
        minutes = parse_study_minutes(args.duration)
        on = date_arg(args.on, "--on")
        at = _clock_time(args.at) if args.at else None
    planner = _open(args)
    assert isinstance(planner, StudyPlanner)
    try:
        if args.command == "plan":
            if args.plan_command == "import":
                plan = planner.import_notes_file(
                    args.file,
                    start=date_arg(args.start, "--start"),
                    exam=date_arg(args.exam, "--exam"),
                    profile=args.profile,
                )
                modules = planner.modules()
                out.write(
                    f"imported '{plan.name}': {len(modules)} modules,"
                    f" {sum(m.effort_hours for m in modules):.1f} h, {plan.start} to exam"
                    f" {plan.exam} ({plan.profile.name})\n"
                )
            elif args.plan_command == "show":
                _print_plan(out, planner, args.json)
            elif args.plan_command == "set":
                plan = planner.set_plan(
                    start=date_arg(args.start, "--start"),
                    exam=date_arg(args.exam, "--exam"),
                    profile=args.profile,
                    pass_mark=None
                    if args.pass_mark is None
                    else _positive_float(args.pass_mark, "--pass-mark"),
                    effort_multiplier=None
                    if args.multiplier is None
                    else _positive_float(args.multiplier, "--multiplier"),
                    weekly_budget_hours=None
                    if args.weekly_budget is None
                    else _positive_float(args.weekly_budget, "--weekly-budget"),
                )
                out.write(
                    f"plan updated: {plan.start} to exam {plan.exam}, profile"
                    f" {plan.profile.name}, pass mark {plan.pass_mark:g}\n"
                )
            elif args.plan_command == "baseline":
                planner.freeze_baseline()
                out.write("baseline frozen\n")
        elif args.command == "log":
            module = planner.resolve_module(args.module)
            saved = planner.log_session(module.id, minutes, on=on, at=at, note=args.note)
            out.write(
                f"saved {saved.minutes} min on {saved.local_date} for module"
                f" {module.position} ({module.name})\n"
            )
        elif args.command == "progress":
            module = planner.resolve_module(args.module)
            on_day = date_arg(args.on, "--on")
            if args.done:
                planner.record_progress(module.id, done=True, on=on_day)
                out.write(f"module {module.position} ({module.name}) marked done\n")
            elif args.percent is not None:
                percent = _positive_float(args.percent.rstrip("%"), "--percent")
                planner.record_progress(module.id, percent=percent, on=on_day)
                out.write(f"module {module.position} ({module.name}) at {percent:g}%\n")
            else:
                seconds = parse_position(args.position)
                planner.record_progress(module.id, position_seconds=seconds, on=on_day)
                out.write(f"module {module.position} ({module.name}) watched to {args.position}\n")
        elif args.command == "mock":
            plan = planner.require_plan()
            correct, total = parse_score(args.score, "--score")
            counts: dict[str, tuple[int, int]] = {}
            for item in args.domain:
                name, sep, score = item.partition("=")
                if not sep:
                    raise ValidationError("--domain", f"'{item}' is not of the form NAME=C/N")
                domain = planner.resolve_domain(plan.profile, name)
                if domain in counts:
                    raise ValidationError("--domain", f"{domain} is given twice")
                counts[domain] = parse_score(score, f"--domain {domain}")
            topic = planner.resolve_module(args.topic).id if args.topic else None
            minutes_taken = None
            if args.minutes is not None:
                if not (args.minutes.isascii() and args.minutes.isdigit()):
                    raise ValidationError("--minutes", f"'{args.minutes}' is not whole minutes")
                minutes_taken = int(args.minutes)
            saved_mock = planner.add_mock(
                args.name,
                taken_on=parse_date(args.on, "--on"),
                correct=correct,
                total=total,
                domain_counts=counts,
                topic_module_id=topic,
                minutes=minutes_taken,
            )
            out.write(
                f"saved {saved_mock.name} on {saved_mock.taken_on}:"
                f" {saved_mock.correct}/{saved_mock.total}\n"
            )
        elif args.command == "report":
            report = planner.report(date_arg(args.as_of, "--as-of"))
            if args.json:
                json.dump(report_to_json(report), out, indent=2, allow_nan=False)
                out.write("\n")
            else:
                from studyplanner.summary import text_summary

                out.write(text_summary(report))
        return EXIT_OK
    finally:
        planner.db.close()


def main(argv: Sequence[str] | None = None) -> int:
    return run(sys.argv[1:] if argv is None else argv, sys.stdout, sys.stderr)


# -- export and import (studyplanner.exchange) -----------------------------------------------


def _add_exchange_parsers(commands: argparse._SubParsersAction[_Parser]) -> None:
    export = commands.add_parser(
        "export",
        help="export sessions or mock tests (CSV), a whole-database backup (JSON) or the plan"
        " as a calendar (iCalendar)",
        epilog="example: studyplanner export ical plan.ics",
    )
    export.add_argument(
        "what", choices=("sessions", "mocks", "json", "ical"), metavar="sessions|mocks|json|ical"
    )
    export.add_argument("path", type=Path, metavar="PATH")
    imp = commands.add_parser(
        "import",
        help="import study sessions (CSV) or restore a JSON backup into an empty database",
        epilog="example: studyplanner import sessions toggl.csv --format toggl",
    )
    imp.add_argument("what", choices=("sessions", "json"), metavar="sessions|json")
    imp.add_argument("file", type=Path, metavar="FILE")
    imp.add_argument(
        "--format",
        choices=("app", "toggl", "clockify"),
        help="layout of a sessions CSV: this app's export (default), Toggl Track or Clockify",
    )
    imp.add_argument(
        "--skip-unmatched",
        action="store_true",
        help="leave out rows whose module cannot be told from their project or description",
    )


def _dispatch_exchange(args: argparse.Namespace, out: TextIO) -> int:
    from studyplanner import exchange
    from studyplanner.services import StudyPlanner, ValidationError

    if args.command == "import":
        if args.what == "json" and (args.format is not None or args.skip_unmatched):
            raise UsageError("--format and --skip-unmatched belong to 'import sessions'")
        if not args.file.is_file():
            raise ValidationError("file", f"{args.file} does not exist or is not a file")
    elif args.path.is_dir() or not args.path.parent.is_dir():
        raise ValidationError("file", f"{args.path} is a folder or its folder does not exist")
    planner = _open(args)
    assert isinstance(planner, StudyPlanner)
    try:
        if args.command == "export":
            writers = {
                "sessions": (exchange.export_sessions_csv, "{} session(s)"),
                "mocks": (exchange.export_mocks_csv, "{} mock test(s)"),
                "json": (exchange.export_json, "a backup with {} session(s)"),
                "ical": (exchange.export_ical, "{} calendar event(s)"),
            }
            write, what = writers[args.what]
            out.write(f"exported {what.format(write(planner, args.path))} to {args.path}\n")
        elif args.what == "sessions":
            result = exchange.import_sessions(
                planner, args.file, args.format or "app", skip_unmatched=args.skip_unmatched
            )
            out.write(f"{result} from {args.file}\n")
        else:
            result = exchange.import_json(planner, args.file)
            out.write(f"backup restored from {args.file}: {result}\n")
    except exchange.ImportRejected as exc:
        raise ValidationError("import", _one_line(f"nothing was imported: {exc}")) from None
    except exchange.ExportError as exc:
        raise ValidationError("export", _one_line(str(exc))) from None
    finally:
        planner.db.close()
    return EXIT_OK


def _one_line(text: str) -> str:
    return " ".join(text.split())


# -- backups and restore (studyplanner.store.recovery) ---------------------------------------


def _add_recovery_parsers(commands: argparse._SubParsersAction[_Parser]) -> None:
    backups = commands.add_parser(
        "backups",
        help="list the verified backups of the database, newest first",
        epilog="example: studyplanner backups",
    )
    backups.add_argument("--json", action="store_true", help="print JSON")
    restore = commands.add_parser(
        "restore",
        help="replace the database with a verified backup (the current data is kept as a backup"
        " or in quarantine first)",
        epilog="examples:\n  studyplanner restore --latest --yes\n  studyplanner restore 2 --yes"
        "\n  studyplanner restore ~/old/studyplanner-20250301T140500Z-000012-v2-n500-start.sqlite3",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    restore.add_argument(
        "backup",
        nargs="?",
        metavar="BACKUP",
        help="a number from 'studyplanner backups' (1 = newest) or the path of a backup file",
    )
    restore.add_argument("--latest", action="store_true", help="restore the newest verified backup")
    restore.add_argument(
        "--yes", action="store_true", help="do not ask for confirmation (non-interactive use)"
    )


def _size_text(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB"
    return f"{max(1, round(size / 1024))} KB"


def _dispatch_recovery(args: argparse.Namespace, out: TextIO) -> int:
    from studyplanner.services import ValidationError
    from studyplanner.store import recovery

    db_path: Path = (args.db or paths.default_db_path()).expanduser().absolute()
    if args.command == "backups":
        found = recovery.find_restorable_backups(db_path, limit=1000)
        if args.json:
            rows = [
                {
                    "number": n,
                    "path": str(c.path),
                    "taken_at": c.taken_at.isoformat() if c.taken_at else None,
                    "bytes": c.path.stat().st_size,
                    "sessions": c.sessions,
                    "schema_version": c.schema_version,
                }
                for n, c in enumerate(found, start=1)
            ]
            json.dump(rows, out, indent=2)
            out.write("\n")
        elif not found:
            out.write(f"no verified backup of {db_path}\n")
        else:
            for n, c in enumerate(found, start=1):
                out.write(
                    f"{n:>3}  {c.label()}  {_size_text(c.path.stat().st_size):>8}  {c.path}\n"
                )
        return EXIT_OK
    if args.latest == (args.backup is not None):
        raise UsageError("give either BACKUP or --latest")
    if args.latest or (args.backup.isascii() and args.backup.isdigit()):
        found = recovery.find_restorable_backups(db_path, limit=1000)
        number = 1 if args.latest else int(args.backup)
        if not found:
            raise ValidationError(
                "restore", f"no verified backup of {db_path} exists; nothing was changed"
            )
        if not 1 <= number <= len(found):
            raise ValidationError(
                "restore", f"there is no backup number {number} (see 'studyplanner backups')"
            )
        chosen = found[number - 1]
    else:
        chosen = recovery.verify_restore_file(Path(args.backup).expanduser(), scratch=None)
    if not args.yes and not _confirm(
        f"replace {db_path} with the backup {chosen.label()}? The current data is kept as a"
        " backup first. [y/N] "
    ):
        raise ValidationError(
            "restore", "not confirmed; nothing was changed (add --yes to restore without asking)"
        )
    result = recovery.restore_backup(db_path, chosen)
    kept = result.pre_restore_backup or result.quarantined
    out.write(
        f"restored {chosen.label()} from {chosen.path}"
        + (f"; the replaced data is kept at {kept}" if kept else "")
        + "\n"
    )
    return EXIT_OK


def _confirm(question: str) -> bool:
    """Ask on the terminal; a non-interactive run (no terminal) is never confirmed."""
    if not sys.stdin.isatty():
        return False
    sys.stderr.write(question)
    sys.stderr.flush()
    return sys.stdin.readline().strip().lower() in ("y", "yes")
