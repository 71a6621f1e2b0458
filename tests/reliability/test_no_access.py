"""REL-RO-03: the data folder cannot be reached; the message names the path and the cause.

Non-root: ``chmod 000`` on the folder. Root bypasses ``chmod``, so the folder is hidden under an
empty read-only tmpfs mounted over it (skipped when ``mount`` is refused). In both cases nothing
is created anywhere else: no database in a fallback location, and the hidden data is untouched.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from studyplanner import paths
from studyplanner.store.db import open_database
from studyplanner.store.errors import DatabaseCorrupt, StorageUnavailable
from tests.helpers import run_cli
from tests.reliability.harness import sha256

pytestmark = pytest.mark.reliability

DB_NAME = "studyplanner.sqlite3"


@contextlib.contextmanager
def unreachable(folder: Path) -> Iterator[str]:
    """Make *folder* unreachable for this process; yields the cause a message should give."""
    if os.geteuid() != 0:
        folder.chmod(0)
        try:
            yield "access"
        finally:
            folder.chmod(0o700)
        return
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "ro,size=64k,mode=0500", "tmpfs", str(folder)],
        capture_output=True,
        text=True,
        check=False,
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount over the data folder (needs root): {mounted.stderr.strip()}")
    try:
        yield "read-only"
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def _databases(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*.sqlite3") if "backups" not in p.parts)


def test_rel_ro_03_data_folder_not_accessible(tmp_path: Path) -> None:
    path = tmp_path / "data" / DB_NAME
    open_database(path).close()
    before = sha256(path)
    with unreachable(path.parent) as cause:
        with pytest.raises(StorageUnavailable) as refused:
            open_database(path)
        assert not isinstance(refused.value, DatabaseCorrupt)
        message = str(refused.value)
        assert str(path.parent) in message and cause in message, message
        cli = run_cli(path, "report")
        assert cli.status == 2 and cli.err.count("\n") == 1
        assert str(path.parent) in cli.err and cause in cli.err, cli.err
        assert "restore" not in cli.err  # never treated as damage
    assert sha256(path) == before
    assert _databases(tmp_path) == [path]  # nothing created beside or instead of it
    assert not paths.default_db_path().exists()
