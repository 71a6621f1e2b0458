"""The machine's time zone: what "today" means for the services and for the figures saved at
close (``store/figures_cache.py``).  Standard library only: read before anything heavy loads."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError


def local_zone_name() -> str:
    """The IANA name of this machine's time zone (``UTC`` when it cannot be told)."""
    candidates: list[str] = []
    if os.environ.get("TZ"):
        candidates.append(os.environ["TZ"].lstrip(":"))
    with contextlib.suppress(OSError):
        candidates.append(Path("/etc/timezone").read_text(encoding="utf-8").strip())
    try:
        target = os.readlink("/etc/localtime")
        if "zoneinfo/" in target:
            candidates.append(target.split("zoneinfo/", 1)[1])
    except OSError:
        pass
    for name in candidates:
        try:
            ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError):
            continue
        return name
    return "UTC"


def report_as_of(now: dt.datetime, zone: ZoneInfo) -> dt.date:
    """The as-of date of a report made at *now*: the end of that day in *zone* (00:00 of the
    next day), so that what was logged today counts."""
    return now.astimezone(zone).date() + dt.timedelta(days=1)
