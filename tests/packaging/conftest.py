"""Packaging tests: the marker for the slow bundle build, and the project root."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "packaging_slow: builds the PyInstaller bundle (about 40 s here; part of the CI run)",
    )
