"""Test-wide setup: headless Qt and an isolated home for every test."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# Before any Qt import: widget tests run headless (CI, SSH) with no window flashing.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

DATA_DIR = Path(__file__).parent / "data"
NOTES_FILE = DATA_DIR / "aws-dva-notes.txt"


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test may read or write the developer's real data or config dirs."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("STUDYPLANNER_HOME", str(home / "studyplanner"))
    monkeypatch.delenv("STUDYPLANNER_CRASHPOINT", raising=False)
