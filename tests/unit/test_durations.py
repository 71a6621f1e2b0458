"""Study durations, video lengths and positions: accepted forms, rejects and round trips."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from studyplanner.domain.durations import (
    MAX_SESSION_MINUTES,
    MAX_VIDEO_SECONDS,
    DurationError,
    format_hms,
    format_minutes,
    parse_position,
    parse_study_minutes,
    parse_video_length,
)

FAST = settings(max_examples=150, deadline=None)


@pytest.mark.parametrize(
    ("text", "minutes"),
    [
        ("90", 90),
        ("90m", 90),
        ("90 min", 90),
        ("1h30m", 90),
        ("1h 30m", 90),
        ("1 hr 30 min", 90),
        ("1H30M", 90),
        ("1h", 60),
        ("1:30", 90),
        ("0:45", 45),
        ("1:30:00", 90),
        ("24:00", 1440),
        ("1", 1),
        ("45", 45),
        ("1440", 1440),
        (" 45 ", 45),
        ("\t090\n", 90),
    ],
)
def test_study_minutes_accepted(text: str, minutes: int) -> None:
    assert parse_study_minutes(text) == minutes


@pytest.mark.parametrize(
    "text",
    [
        "",
        " ",
        "abc",
        "-1",
        "0",
        "-0",
        "1441",
        str(10**9),
        "1e3",
        "3.5",
        "NaN",
        "inf",
        "1_000",
        "\u0663\u0660",  # Arabic-Indic 30: int() would give 30
        "\uff11\uff12",  # fullwidth 12
        "+5",
        "1h30",
        "1.5h",
        "0h0m",
        "1:60",
        "1:5",
        "25:00",
        "1:30:20",  # sessions are whole minutes: non-zero seconds are rejected, not rounded
        "1:30:99",
        "h",
        "m",
        "9" * 5000,
    ],
)
def test_study_minutes_rejected(text: str) -> None:
    with pytest.raises(DurationError) as info:
        parse_study_minutes(text)
    assert "1h30m" in str(info.value)  # the message shows the accepted forms


def test_study_minutes_messages_say_what_is_wrong() -> None:
    with pytest.raises(DurationError, match=r"cannot exceed 24 h") as info:
        parse_study_minutes("1441")
    assert "1441 minutes is out of range" in str(info.value)
    with pytest.raises(DurationError, match="negative"):
        parse_study_minutes("-1")
    with pytest.raises(DurationError, match="empty"):
        parse_study_minutes("  ")
    with pytest.raises(DurationError, match="seconds must be 00"):
        parse_study_minutes("1:30:20")


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ("5:26:18", 19578),
        ("26:18", 1578),
        ("90:00", 5400),
        ("90 min", 5400),
        ("90 mins", 5400),
        ("90 minutes", 5400),
        ("1.5 hours", 5400),
        ("1.5 h", 5400),
        ("1.5h", 5400),
        ("2h 15m", 8100),
        ("2h15m", 8100),
        ("2 hr 15 min", 8100),
        ("2 hours 15 minutes 30 seconds", 8130),
        ("45m", 2700),
        ("30s", 30),
        ("0.0005 h", 2),  # 1.8 s, rounded half-up
        (" 1:00:00 ", 3600),
        ("100:00:00", MAX_VIDEO_SECONDS),
    ],
)
def test_video_length_accepted(text: str, seconds: int) -> None:
    assert parse_video_length(text) == seconds


@pytest.mark.parametrize(
    "text",
    [
        "",
        "abc",
        "0:00:00",
        "0 min",
        "0:00",
        "5:60:00",
        "1:2:3",
        "-5 min",
        "1.5",
        "2 weeks",
        "15m 2h",
        "2h 2h",
        "100:00:01",
        "\u0663:\u0660\u0660",
        "NaN h",
        "1e3 s",
        "5:26:18 of 6:00:00",
    ],
)
def test_video_length_rejected(text: str) -> None:
    with pytest.raises(DurationError) as info:
        parse_video_length(text)
    assert "H:MM:SS" in str(info.value)


def test_position() -> None:
    assert parse_position("3:10:00") == 11400
    assert parse_position("3:10:00 of 5:26:18") == 11400
    assert parse_position("  3:10:00 OF 5:26:18 ") == 11400
    assert parse_position("0:00") == 0
    assert parse_position("5:26:18 of 5:26:18") == 19578
    assert parse_position("90 min") == 5400


@pytest.mark.parametrize(
    "text", ["", "6:00:00 of 5:26:18", "3:10:00 of", "of 5:00", "3:10:00 of abc", "-1:00"]
)
def test_position_rejected(text: str) -> None:
    with pytest.raises(DurationError):
        parse_position(text)


def test_position_past_the_end_says_so() -> None:
    with pytest.raises(DurationError, match=r"6:00:00 is past the end of the video \(5:26:18\)"):
        parse_position("6:00:00 of 5:26:18")


def test_formatting() -> None:
    assert format_hms(19578) == "5:26:18"
    assert format_hms(0) == "0:00:00"
    assert format_hms(59) == "0:00:59"
    assert format_hms(360000) == "100:00:00"
    assert format_minutes(90) == "1h 30m"
    assert format_minutes(45) == "45m"
    assert format_minutes(120) == "2h"
    assert format_minutes(0) == "0m"
    with pytest.raises(ValueError):
        format_hms(-1)
    with pytest.raises(ValueError):
        format_minutes(-1)


# -- properties ----------------------------------------------------------------------------------


@FAST
@given(st.integers(1, MAX_VIDEO_SECONDS))
def test_format_hms_round_trip(seconds: int) -> None:
    assert parse_video_length(format_hms(seconds)) == seconds
    assert parse_position(format_hms(seconds)) == seconds


@FAST
@given(st.integers(1, MAX_SESSION_MINUTES))
def test_format_minutes_round_trip(minutes: int) -> None:
    assert parse_study_minutes(format_minutes(minutes)) == minutes


@st.composite
def study_texts(draw: st.DrawFn) -> tuple[str, int]:
    minutes = draw(st.integers(1, MAX_SESSION_MINUTES))
    h, m = divmod(minutes, 60)
    forms = [f"{minutes}", f"{minutes}m", f"{minutes} min", f"{h}:{m:02d}", f"{h}:{m:02d}:00"]
    forms.append(f"{h}h{m}m" if h else f"{m}m")
    if h and not m:
        forms.append(f"{h}h")
    if h:
        forms.append(f"{h}h {m}m")
    form = draw(st.sampled_from(forms))
    pad = st.text(alphabet=" \t", max_size=3)
    return draw(pad) + form + draw(pad), minutes


@FAST
@given(study_texts())
def test_study_minutes_generated_forms(case: tuple[str, int]) -> None:
    text, minutes = case
    assert parse_study_minutes(text) == minutes


@st.composite
def unit_lengths(draw: st.DrawFn) -> tuple[str, int]:
    h = draw(st.integers(0, 99))
    m = draw(st.integers(0, 59))
    s = draw(st.integers(0, 59))
    if h == m == s == 0:
        m = 1
    words = {
        "h": draw(st.sampled_from(["h", "hr", "hrs", "hour", "hours", "H"])),
        "m": draw(st.sampled_from(["m", "min", "mins", "minute", "minutes"])),
        "s": draw(st.sampled_from(["s", "sec", "secs", "second", "seconds"])),
    }
    sep = draw(st.sampled_from(["", " "]))
    parts = [f"{n}{sep}{words[u]}" for n, u in ((h, "h"), (m, "m"), (s, "s")) if n]
    return draw(st.sampled_from(["", " "])).join(parts), h * 3600 + m * 60 + s


@FAST
@given(unit_lengths())
def test_video_length_generated_unit_forms(case: tuple[str, int]) -> None:
    text, seconds = case
    assert parse_video_length(text) == seconds


@FAST
@given(st.integers(0, 99), st.integers(1, 9))
def test_decimal_hours(whole: int, tenth: int) -> None:
    assert parse_video_length(f"{whole}.{tenth} hours") == whole * 3600 + tenth * 360


JUNK = st.one_of(
    st.text(max_size=40),
    st.text(alphabet="0123456789:hmsinor .-+_eE\t\u0663\uff11", max_size=20),
)


@FAST
@given(JUNK)
def test_study_minutes_junk_raises_only_duration_error(text: str) -> None:
    try:
        minutes = parse_study_minutes(text)
    except DurationError:
        return
    assert 1 <= minutes <= MAX_SESSION_MINUTES
    assert text.strip(" \t\r\n\f\v").isascii()


@FAST
@given(JUNK)
def test_video_length_and_position_junk_raise_only_duration_error(text: str) -> None:
    for parse, low in ((parse_video_length, 1), (parse_position, 0)):
        try:
            seconds = parse(text)
        except DurationError:
            continue
        assert low <= seconds <= MAX_VIDEO_SECONDS
