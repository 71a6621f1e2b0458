"""Shared pieces of the reliability battery (RELIABILITY.md section 3.0).

Processes are the app's own headless tools (``studyplanner.devtools.writer`` and ``.startcheck``)
started with ``sys.executable -m`` in an isolated environment. Checks open the database read-only
(``mode=ro``), so a hot WAL stays hot for the next start.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import os
import re
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

from studyplanner.devtools.writer import clock_at, session_uuid

REPO = Path(__file__).resolve().parents[2]
SCALE = max(1, int(os.environ.get("RELIABILITY_SCALE", "1")))
WORKERS = 2  # independent chains run side by side on the 2-core CI machine
_NOTE = re.compile(r"writer seq (\d+)( timer)?")


def scaled(trials: int) -> int:
    return trials * SCALE


def isolated_env(root: Path, **extra: str) -> dict[str, str]:
    """HOME, XDG_*, TMPDIR and STUDYPLANNER_HOME under *root*; TZ=UTC; no crash point."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("STUDYPLANNER_")}
    home = root / "home"
    tmp = root / "tmp"
    for folder in (home, tmp):
        folder.mkdir(parents=True, exist_ok=True)
    env.update(
        HOME=str(home),
        XDG_DATA_HOME=str(home / ".local" / "share"),
        XDG_CONFIG_HOME=str(home / ".config"),
        XDG_CACHE_HOME=str(home / ".cache"),
        TMPDIR=str(tmp),
        STUDYPLANNER_HOME=str(home / "studyplanner"),
        TZ="UTC",
        PYTHONPATH=str(REPO),
    )
    env.update(extra)
    return env


def tool(name: str, *args: str) -> list[str]:
    return [sys.executable, "-m", f"studyplanner.devtools.{name}", *args]


def start_writer(
    db: Path, seq: int, env: dict[str, str], *extra: str, crashpoint: str | None = None
) -> subprocess.Popen[str]:
    if crashpoint is not None:
        env = {**env, "STUDYPLANNER_CRASHPOINT": crashpoint}
    return subprocess.Popen(
        tool("writer", "--db", str(db), "--start-seq", str(seq), *extra),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        cwd=REPO,
    )


def run_tool(
    name: str, db: Path, env: dict[str, str], *extra: str, timeout: float = 60
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        tool(name, "--db", str(db), *extra),
        capture_output=True,
        text=True,
        env=env,
        cwd=REPO,
        timeout=timeout,
        check=False,
    )


def complete_acks(output: str) -> set[str]:
    """The uuids of complete ``ACK`` lines (a partial last line does not count)."""
    lines = output.split("\n")[:-1]
    return {line.split()[1] for line in lines if line.startswith("ACK ") and len(line.split()) == 2}


@contextlib.contextmanager
def read_only(path: Path) -> Iterator[sqlite3.Connection]:
    """A read-only connection; it leaves no ``-wal``/``-shm`` that were not there before."""
    side = [path.with_name(path.name + s) for s in ("-wal", "-shm")]
    existed = [p.exists() for p in side]
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        yield conn
    finally:
        conn.close()
        if not any(existed) and side[0].exists() and side[0].stat().st_size == 0:
            for p in side:
                p.unlink(missing_ok=True)


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def db_digest(path: Path) -> str:
    """SHA-256 over ``SELECT * FROM <t> ORDER BY <pk>`` for every user table, sorted by name."""
    digest = hashlib.sha256()
    with read_only(path) as conn:
        tables = sorted(
            str(r[0])
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
            )
        )
        for table in tables:
            columns = conn.execute(f'PRAGMA table_info("{table}")').fetchall()
            pk = [str(c[1]) for c in sorted(columns, key=lambda c: c[5]) if c[5]] or ["rowid"]
            digest.update(table.encode())
            for row in conn.execute(f'SELECT * FROM "{table}" ORDER BY {", ".join(pk)}'):
                digest.update(repr(row).encode())
    return digest.hexdigest()


def _instant(text: str) -> dt.datetime:
    return dt.datetime.strptime(text, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=dt.UTC)


def check_store(path: Path, acked: set[str]) -> tuple[int, list[str]]:
    """REL-CRASH-01's conditions; returns (next writer seq, problems found)."""
    problems: list[str] = []
    with read_only(path) as conn:
        integrity = conn.execute("PRAGMA integrity_check").fetchall()
        if integrity != [("ok",)]:
            return 0, [f"integrity_check: {integrity[:3]}"]
        if conn.execute("PRAGMA foreign_key_check").fetchall():
            problems.append("foreign_key_check found rows")
        rows = conn.execute(
            "SELECT uuid, note, minutes, source, started_at, local_date, zone FROM study_session"
        ).fetchall()
        timers = conn.execute("SELECT started_at FROM running_timer").fetchall()
    present = {str(r[0]) for r in rows}
    lost = acked - present
    if lost:
        problems.append(f"{len(lost)} acked sessions lost, e.g. {sorted(lost)[:3]}")
    highest = -1
    timer_starts: set[str] = set()
    for uuid, note, minutes, source, started, day, zone in rows:
        match = _NOTE.fullmatch(str(note))
        if match is None:
            problems.append(f"torn or foreign row {uuid}: note {note!r}")
            continue
        seq = int(match[1])
        highest = max(highest, seq)
        is_timer = match[2] is not None
        expected = clock_at(seq) - (dt.timedelta(0) if is_timer else dt.timedelta(minutes=1))
        ok = (
            minutes == 1
            and zone == "UTC"
            and source == ("timer" if is_timer else "manual")
            and _instant(started) == expected
            and day == expected.date().isoformat()
            and (is_timer or uuid == session_uuid(seq))
        )
        if not ok:
            problems.append(f"torn row seq {seq}: {(uuid, minutes, source, started, day, zone)}")
        if is_timer:
            timer_starts.add(str(started))
    for (started,) in timers:
        if str(started) in timer_starts:
            problems.append(f"timer {started} is both running and logged (half a transaction)")
    return highest + 1, problems


def make_old_database(path: Path, version: int) -> None:
    """A data file of schema *version* from the frozen ``tests/fixtures/db/v<version>.sql``."""
    script = (REPO / "tests" / "fixtures" / "db" / f"v{version}.sql").read_text(encoding="utf-8")
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o600)
    os.close(fd)
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.executescript(script)
    finally:
        conn.close()


def make_v1_database(path: Path) -> None:
    """A version-1 data file from the frozen DDL and rows of ``tests/fixtures/db/v1.sql``."""
    make_old_database(path, 1)


def make_v2_database(path: Path) -> None:
    """A version-2 data file from the frozen DDL and rows of ``tests/fixtures/db/v2.sql``."""
    make_old_database(path, 2)
