"""Helpers shared by the tests: the DB digest of RELIABILITY.md 3.0 and a CLI runner."""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import io
import sqlite3
from pathlib import Path

from studyplanner import cli


def db_digest(path: Path) -> str:
    """SHA-256 over every user table's rows in primary-key order, tables sorted by name."""
    digest = hashlib.sha256()
    if not path.exists():
        return "missing"
    with contextlib.closing(sqlite3.connect(path)) as conn:
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
