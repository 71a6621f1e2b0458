"""REL-ATOM-01: fsync ordering of the non-SQLite writes (backup, settings, export) under strace.

For every file that lands on a final name: the data is written to a temp path in the same folder,
that temp file is fsync'd, renamed onto the final name, and then the folder is fsync'd, in that
order. No ``openat(... O_TRUNC)`` ever hits a final path.
"""

from __future__ import annotations

import dataclasses
import re
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.reliability.harness import REPO, isolated_env

pytestmark = pytest.mark.reliability

SYSCALLS = "openat,write,pwrite64,fsync,fdatasync,rename,renameat,renameat2"

SCRIPT = textwrap.dedent(
    """
    import datetime as dt
    import sys
    from pathlib import Path
    from PySide6.QtCore import QSettings
    from studyplanner import exchange, services
    from studyplanner.store.db import open_database
    from studyplanner.ui.safety import write_settings_atomically

    data, export, ini = (Path(a) for a in sys.argv[1:4])
    db = open_database(data)
    planner = services.StudyPlanner(db, clock=lambda: dt.datetime(2024, 6, 20, 12, tzinfo=dt.UTC))
    planner.import_notes_file(services.bundled_notes_path(), start=dt.date(2024, 6, 1))
    planner.log_session(planner.modules()[0].id, 30, on=dt.date(2024, 6, 2))
    db.backup("manual", only_if_changed=False)
    exchange.export_sessions_csv(planner, export)  # a new file
    exchange.export_sessions_csv(planner, export)  # and replacing an existing one
    settings = QSettings(str(ini), QSettings.Format.IniFormat)
    assert write_settings_atomically(settings, {"window/page": "log"})
    assert write_settings_atomically(settings, {"window/page": "plan"})
    db.close()
    print("DONE")
    """
)

_PID = r"^(?:\[pid\s+)?(?P<pid>\d+)\]?\s+"
_FD = r"(?P<fd>\d+)<(?P<path>[^>]*)>"
_CALL = re.compile(_PID + r"(?P<name>\w+)\((?P<args>.*)\)\s+=\s+(?P<ret>-?\d+)")


@dataclasses.dataclass(frozen=True)
class Call:
    index: int
    name: str
    args: str
    fd_path: str | None  # the path behind the first fd argument (strace -y)


def _calls(trace: str) -> list[Call]:
    """Completed calls in order (``<unfinished ...>`` halves are left out)."""
    found: list[Call] = []
    for line in trace.splitlines():
        match = _CALL.match(line)
        if match is None:
            continue
        fd = re.match(_FD, match["args"])
        found.append(
            Call(len(found), match["name"], match["args"], fd["path"] if fd is not None else None)
        )
    return found


def _rename_paths(call: Call) -> tuple[str, str]:
    quoted = re.findall(r'"((?:[^"\\]|\\.)*)"', call.args)
    return quoted[0], quoted[-1]


def _check_target(calls: list[Call], final: str) -> list[str]:
    """The problems of every rename onto *final* in *calls*."""
    problems: list[str] = []
    renames = [c for c in calls if c.name.startswith("rename") and _rename_paths(c)[1] == final]
    if not renames:
        return [f"{final}: never renamed into place"]
    folder = str(Path(final).parent)
    for rename in renames:
        temp = _rename_paths(rename)[0]
        before = calls[: rename.index]
        if str(Path(temp).parent) != folder:
            problems.append(f"{final}: the temp file {temp} is not in the same folder")
        writes = [c.index for c in before if c.name in ("write", "pwrite64") and c.fd_path == temp]
        syncs = [c.index for c in before if c.name in ("fsync", "fdatasync") and c.fd_path == temp]
        if not writes:
            problems.append(f"{final}: nothing was written to {temp}")
        elif not syncs or max(syncs) < max(writes):
            problems.append(f"{final}: {temp} was not fsync'd after its last write")
        later = calls[rename.index + 1 :]
        if not any(c.name == "fsync" and c.fd_path == folder for c in later):
            problems.append(f"{final}: the folder was not fsync'd after the rename")
    truncating = [
        c for c in calls if c.name == "openat" and "O_TRUNC" in c.args and f'"{final}"' in c.args
    ]
    if truncating:
        problems.append(f"{final}: opened with O_TRUNC: {truncating[0].args}")
    return problems


@pytest.mark.skipif(shutil.which("strace") is None, reason="strace is not installed")
def test_rel_atom_01_fsync_ordering(tmp_path: Path) -> None:
    data = tmp_path / "data" / "studyplanner.sqlite3"
    export = tmp_path / "out" / "sessions.csv"
    ini = tmp_path / "config" / "window.ini"
    export.parent.mkdir()
    ini.parent.mkdir()
    trace_file = tmp_path / "trace.txt"
    done = subprocess.run(
        [
            "strace",
            "-f",
            "-y",
            "-s",
            "256",
            "-e",
            f"trace={SYSCALLS}",
            "-o",
            str(trace_file),
            sys.executable,
            "-c",
            SCRIPT,
            str(data),
            str(export),
            str(ini),
        ],
        capture_output=True,
        text=True,
        env=isolated_env(tmp_path),
        cwd=REPO,
        timeout=180,
        check=False,
    )
    if done.returncode != 0 and "ptrace" in done.stderr:
        pytest.skip(f"strace cannot trace here: {done.stderr.strip()[:200]}")
    assert done.returncode == 0 and "DONE" in done.stdout, done.stderr[-2000:]
    calls = _calls(trace_file.read_text(errors="replace"))
    backups = sorted(str(p) for p in (data.parent / "backups").glob("*.sqlite3"))
    assert backups, "no backup was made"
    targets = [*backups, str(export), str(ini)]
    problems = [p for target in targets for p in _check_target(calls, target)]
    print(f"\nREL-ATOM-01: {len(targets)} targets, {len(calls)} calls, {len(problems)} problems")
    assert not problems, problems


def test_the_checker_catches_an_in_place_write() -> None:
    """The same checker on a hand-written trace of a truncating, unsynced write fails."""
    trace = "\n".join(
        [
            '10 openat(AT_FDCWD, "/d/f.txt", O_WRONLY|O_CREAT|O_TRUNC, 0666) = 3</d/f.txt>',
            '10 write(3</d/f.txt>, "x", 1) = 1',
            '10 openat(AT_FDCWD, "/d/.f.tmp", O_WRONLY|O_CREAT|O_EXCL, 0600) = 4</d/.f.tmp>',
            '10 write(4</d/.f.tmp>, "x", 1) = 1',
            '10 rename("/d/.f.tmp", "/d/f.txt") = 0',
        ]
    )
    problems = _check_target(_calls(trace), "/d/f.txt")
    assert any("not fsync'd after its last write" in p for p in problems)
    assert any("folder was not fsync'd" in p for p in problems)
    assert any("O_TRUNC" in p for p in problems)
