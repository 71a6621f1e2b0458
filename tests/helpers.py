"""Helpers shared by the tests: the DB digest of RELIABILITY.md 3.0 and a CLI runner."""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import io
import sqlite3
from pathlib import Path

from studyplanner import cli
from studyplanner.store.db import Database


def db_digest(path: Path) -> str:
    """SHA-256 over every user table's rows in primary-key order, tables sorted by name."""
    if not path.exists():
        return "missing"
    with contextlib.closing(sqlite3.connect(path)) as conn:
        return connection_digest(conn)


def live_digest(db: Database) -> str:
    """:func:`db_digest`, computed on the open connection (the file is locked exclusively)."""
    with db.raw_connection() as conn:
        return connection_digest(conn)


def connection_digest(conn: sqlite3.Connection) -> str:
    """The digest of :func:`db_digest` over an open connection."""
    digest = hashlib.sha256()
    names = sorted(
        str(r[0])
        for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
    )
    for name in names:
        digest.update(name.encode())
        for row in conn.execute(f'SELECT * FROM "{name}" ORDER BY 1, 2'):
            digest.update(repr(row).encode())
    return digest.hexdigest()


@dataclasses.dataclass
class CliResult:
    status: int
    out: str
    err: str


def run_cli(db: Path, *args: str) -> CliResult:
    out, err = io.StringIO(), io.StringIO()
    status = cli.run(["--db", str(db), *args], out, err)
    return CliResult(status, out.getvalue(), err.getvalue())
