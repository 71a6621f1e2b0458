"""The crash-point hook of RELIABILITY.md section 3.0 (TH3's "advance the crash point" loop).

Every step of every write path calls :func:`crashpoint` with a registered name. When the
environment variable ``STUDYPLANNER_CRASHPOINT=name[:nth]`` is set, the process sends SIGKILL to
itself at the *nth* call of that point (default: the first). In production the variable is unset
and the hook only returns. ``studyplanner.store.db`` re-exports these names.

Point names are ``<write path>:<step>``; REL-CRASH-02 enumerates :data:`CRASHPOINTS` after importing
every module, so a module registers its points at import time with :func:`register_crashpoint`.
"""

from __future__ import annotations

import os
import signal

CRASHPOINT_ENV = "STUDYPLANNER_CRASHPOINT"

CRASHPOINTS: set[str] = set()
_crash_counts: dict[str, int] = {}


def register_crashpoint(name: str) -> str:
    """Declare a crash point (at import time) so that the battery can enumerate it."""
    CRASHPOINTS.add(name)
    return name


def crashpoint(name: str) -> None:
    """Kill the process with SIGKILL here when ``STUDYPLANNER_CRASHPOINT=name[:nth]`` says so."""
    CRASHPOINTS.add(name)
    wanted = os.environ.get(CRASHPOINT_ENV)
    if not wanted:
        return
    if wanted == name:
        nth = "1"
    else:
        # Names contain ':' themselves ("commit:before"); the count is the last field.
        target, _, nth = wanted.rpartition(":")
        if target != name or not nth.isdigit():
            return
    _crash_counts[name] = _crash_counts.get(name, 0) + 1
    if _crash_counts[name] >= int(nth):
        os.kill(os.getpid(), signal.SIGKILL)
