"""Reading and writing study durations (whole minutes), video lengths and video positions."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal

MAX_SESSION_MINUTES = 1440
"""One study session lasts at most 24 h."""

MAX_VIDEO_SECONDS = 100 * 3600
"""Longest video length (and position) accepted: 100 h, the store's limit."""

STUDY_FORMS = "90, 90m, 1h30m, 1h, 1:30 (H:MM) or 1:30:00 (H:MM:SS)"
VIDEO_FORMS = "5:26:18 (H:MM:SS), 26:18 (MM:SS), 90 min, 1.5 hours, 2h 15m or 45m"

_ASCII_SPACE = " \t\r\n\f\v"
_MAX_TEXT = 64  # longer input is never a duration; also keeps int() far from its digit limit

_H = r"(?:hours|hour|hrs|hr|h)(?![a-z])"
_M = r"(?:minutes|minute|mins|min|m)(?![a-z])"
_S = r"(?:seconds|second|secs|sec|s)(?![a-z])"
_NUM = r"[0-9]{1,6}(?:\.[0-9]{1,6})?"

CLOCK_PATTERN = r"[0-9]{1,3}:[0-5][0-9](?::[0-5][0-9])?"
"""Regex source (no anchors) of a clock-style video length: ``H:MM:SS`` or ``MM:SS``."""

UNITS_PATTERN = (
    rf"(?:{_NUM}[ \t]*{_H}(?:[ \t]*{_NUM}[ \t]*{_M})?(?:[ \t]*{_NUM}[ \t]*{_S})?"
    rf"|{_NUM}[ \t]*{_M}(?:[ \t]*{_NUM}[ \t]*{_S})?"
    rf"|{_NUM}[ \t]*{_S})"
)
"""Regex source (no anchors; compile with IGNORECASE | ASCII) of a video length written with units:
``90 min``, ``1.5 hours``, ``2h 15m``, ``2 hr 15 min``, ``45m``.  Every match is accepted by
:func:`parse_video_length`."""

_FLAGS = re.IGNORECASE | re.ASCII
_STUDY_PLAIN = re.compile(r"[0-9]+", _FLAGS)
_STUDY_UNITS = re.compile(
    r"(?:(?P<h>[0-9]+)[ \t]*(?:hours|hour|hrs|hr|h))?[ \t]*"
    r"(?:(?P<m>[0-9]+)[ \t]*(?:minutes|minute|mins|min|m))?",
    _FLAGS,
)
_STUDY_CLOCK = re.compile(r"(?P<h>[0-9]+):(?P<m>[0-9]{2})(?::(?P<s>[0-9]{2}))?", _FLAGS)
_HMS = re.compile(r"(?P<h>[0-9]{1,3}):(?P<m>[0-5][0-9]):(?P<s>[0-5][0-9])", _FLAGS)
_MS = re.compile(r"(?P<m>[0-9]{1,4}):(?P<s>[0-5][0-9])", _FLAGS)
_UNITS = re.compile(
    rf"(?:(?P<h>{_NUM})[ \t]*{_H})?[ \t]*(?:(?P<m>{_NUM})[ \t]*{_M})?[ \t]*"
    rf"(?:(?P<s>{_NUM})[ \t]*{_S})?",
    _FLAGS,
)
_OF = re.compile(r"[ \t]+of[ \t]+", _FLAGS)


class DurationError(ValueError):
    """A duration that cannot be read; the message says what was wrong and the accepted forms."""


def _study_error(text: str, reason: str) -> DurationError:
    return DurationError(
        f"{text.strip(_ASCII_SPACE)!r} is not a study duration: {reason}; use {STUDY_FORMS},"
        f" from 1 minute to 1440 minutes (one session cannot exceed 24 h)"
    )


def parse_study_minutes(text: str) -> int:
    """Whole minutes of one study session, from 1 to 1440.

    Accepted: ``90``, ``90m``, ``1h30m`` (also ``1h 30m``, ``1 hr 30 min``), ``1h``, ``1:30`` (H:MM)
    and ``1:30:00`` (H:MM:SS).  Sessions are logged in whole minutes, so the seconds of H:MM:SS must
    be ``00``: ``1:30:20`` is rejected rather than rounded.  Only ASCII digits count; signs,
    decimals, exponents, underscores, Arabic-Indic or fullwidth digits are rejected.  Surrounding
    whitespace is ignored.
    """
    value = text.strip(_ASCII_SPACE)
    if not value:
        raise _study_error(text, "it is empty")
    if len(value) > _MAX_TEXT:
        raise _study_error(text, "it is too long")
    minutes: int
    if match := _STUDY_PLAIN.fullmatch(value):
        minutes = int(value)
    elif match := _STUDY_CLOCK.fullmatch(value):
        mm = int(match["m"])
        if mm > 59:
            raise _study_error(text, "the minutes after ':' must be 00 to 59")
        if match["s"] is not None and match["s"] != "00":
            raise _study_error(text, "sessions are whole minutes, so the seconds must be 00")
        minutes = int(match["h"]) * 60 + mm
    elif (match := _STUDY_UNITS.fullmatch(value)) and (match["h"] or match["m"]):
        minutes = int(match["h"] or 0) * 60 + int(match["m"] or 0)
    elif value.startswith("-"):
        raise _study_error(text, "it is negative")
    else:
        raise _study_error(text, "it is not a whole number of minutes in a known form")
    if not 1 <= minutes <= MAX_SESSION_MINUTES:
        raise _study_error(text, f"{minutes} minutes is out of range")
    return minutes


def _round_seconds(value: Decimal) -> int:
    return int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def _length_seconds(text: str, what: str, *, allow_zero: bool) -> int:
    value = text.strip(_ASCII_SPACE)

    def error(reason: str) -> DurationError:
        return DurationError(f"{value!r} is not a {what}: {reason}; use {VIDEO_FORMS}")

    if not value:
        raise error("it is empty")
    if len(value) > _MAX_TEXT:
        raise error("it is too long")
    if match := _HMS.fullmatch(value):
        seconds = int(match["h"]) * 3600 + int(match["m"]) * 60 + int(match["s"])
    elif match := _MS.fullmatch(value):
        seconds = int(match["m"]) * 60 + int(match["s"])
    elif (match := _UNITS.fullmatch(value)) and (match["h"] or match["m"] or match["s"]):
        total = (
            Decimal(match["h"] or 0) * 3600
            + Decimal(match["m"] or 0) * 60
            + Decimal(match["s"] or 0)
        )
        seconds = _round_seconds(total)
    else:
        raise error("it is not in a known form")
    if seconds == 0 and not allow_zero:
        raise error("it must be longer than 0")
    if seconds > MAX_VIDEO_SECONDS:
        raise error(f"it is longer than {MAX_VIDEO_SECONDS // 3600} hours")
    return seconds


def parse_video_length(text: str) -> int:
    """Seconds (> 0, at most 100 h) of a video length.

    Accepted: ``5:26:18`` (H:MM:SS), ``26:18`` (MM:SS; the minutes may exceed 59, as in ``90:00``),
    and lengths with units, each at most once and in the order hours, minutes, seconds:
    ``90 min``, ``90 mins``, ``1.5 hours``, ``1.5 h``, ``2h 15m``, ``2 hr 15 min``, ``45m``,
    ``30s``.
    Fractions are rounded half-up to whole seconds.
    """
    return _length_seconds(text, "video length", allow_zero=False)


def parse_position(text: str) -> int:
    """Seconds (>= 0) of a video position: ``3:10:00`` or ``3:10:00 of 5:26:18``.

    The position takes the forms of :func:`parse_video_length` (and may be 0).  When a length
    follows ``of``, it must be a valid length too and the position may not lie beyond it.
    """
    parts = _OF.split(text.strip(_ASCII_SPACE), maxsplit=1)
    position = _length_seconds(parts[0], "video position", allow_zero=True)
    if len(parts) == 2:
        length = parse_video_length(parts[1])
        if position > length:
            raise DurationError(
                f"position {format_hms(position)} is past the end of the video"
                f" ({format_hms(length)})"
            )
    return position


def format_hms(seconds: int) -> str:
    """``H:MM:SS``, e.g. ``5:26:18``; :func:`parse_video_length` reads it back."""
    if seconds < 0:
        raise ValueError(f"cannot format a negative duration ({seconds} s)")
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}"


def format_minutes(minutes: int) -> str:
    """``1h 30m``, ``45m``, ``2h`` or ``0m``; :func:`parse_study_minutes` reads back 1..1440."""
    if minutes < 0:
        raise ValueError(f"cannot format a negative duration ({minutes} min)")
    hours, mins = divmod(minutes, 60)
    if hours == 0:
        return f"{mins}m"
    if mins == 0:
        return f"{hours}h"
    return f"{hours}h {mins}m"
