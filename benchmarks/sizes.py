"""The benchmark sizes and the constants shared by the generator, the probes and the runner.

Light on purpose: the runner imports only this, so that the processes it spawns do not inherit a
large peak RSS from it (Linux keeps ru_maxrss across fork and exec).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

GENERATOR_VERSION = 1
CACHE_DIR = Path(__file__).resolve().parent / ".cache"
HISTORY_END = dt.date(2025, 6, 29)  # the last day with sessions (a Sunday)
AS_OF = HISTORY_END + dt.timedelta(days=1)  # the report's as-of date: 00:00 after HISTORY_END
ZONE = "Europe/Berlin"
PROFILE = "DVA-C02"


@dataclasses.dataclass(frozen=True, slots=True)
class Spec:
    """One benchmark size: sessions over a number of years, modules and mock tests."""

    label: str
    sessions: int
    years: int
    modules: int
    mocks: int

    @property
    def start(self) -> dt.date:
        return HISTORY_END - dt.timedelta(days=365 * self.years - 1)

    @property
    def history_days(self) -> int:
        return (HISTORY_END - self.start).days + 1


SPECS: dict[str, Spec] = {
    "1k": Spec("1k", 1_000, 1, 12, 10),
    "10k": Spec("10k", 10_000, 3, 40, 100),
    "100k": Spec("100k", 100_000, 10, 120, 1_000),
    "1M": Spec("1M", 1_000_000, 10, 120, 1_000),
}


def spec_for(label: str) -> Spec:
    """A size of SPECS, or a custom one like ``500`` (sessions over one year, for tests)."""
    if label in SPECS:
        return SPECS[label]
    try:
        sessions = int(label)
    except ValueError:
        raise ValueError(f"unknown size {label!r} (known: {', '.join(SPECS)})") from None
    if not 1 <= sessions <= 10_000_000:
        raise ValueError(f"size {sessions} is out of range")
    return Spec(label, sessions, 1, 8, 5)


def cache_path(spec: Spec, schema: str, folder: Path = CACHE_DIR) -> Path:
    """The cached database of *spec* for the schema whose fingerprint is *schema*."""
    return folder / f"studyplanner-{spec.label}-g{GENERATOR_VERSION}-{schema}.sqlite3"
