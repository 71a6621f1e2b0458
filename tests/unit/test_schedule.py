"""Schedule-slip model (ANALYTICS.md 4): Example 1 as an exact oracle, edge cases, properties."""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
from collections.abc import Collection, Mapping, Sequence
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from studyplanner.domain.forecast import finish_distribution
from studyplanner.domain.model import ModuleKind, ModuleStatus
from studyplanner.domain.schedule import (
    ScheduleReport,
    compute_schedule,
    earned_schedule,
    planned_value,
    weekly_hours,
)

D = dt.date
TOL = 1e-6
START = D(2019, 1, 18)
EXAM = D(2019, 3, 29)
AS_OF = D(2019, 2, 8)
EFFORTS = (6.5, 2.9, 10.0, 1.9, 2.0, 3.4, 1.5, 10.0)
WEEKS = (1, 1, 2, 1, 1, 1, 1, 2)
PLAN_RATE = 38.2 / 10

# Example 1 log: M1 on Jan 19, 20, 22, 27 (done on the 27th), M2 on Jan 30 and Feb 3 (50 % done).
EXAMPLE1_MINUTES = {
    D(2019, 1, 19): 120,
    D(2019, 1, 20): 90,
    D(2019, 1, 22): 90,
    D(2019, 1, 27): 120,
    D(2019, 1, 30): 60,
    D(2019, 2, 3): 30,
}


def plan(
    weeks: Sequence[float] = WEEKS,
    efforts: Sequence[float] = EFFORTS,
    progress: Mapping[int, Mapping[str, Any]] | None = None,
) -> list[ModuleStatus]:
    """Sequential modules; ``progress[2] = {...}`` sets ModuleStatus fields of module 2."""
    modules, day = [], 0
    for i, (effort, w) in enumerate(zip(efforts, weeks, strict=True), start=1):
        days = round(7 * w)
        fields = (progress or {}).get(i, {})
        modules.append(ModuleStatus(i, f"M{i}", ModuleKind.VIDEO, effort, w, day, days, **fields))
        day += days
    return modules


def example1_modules(weeks: Sequence[float] = WEEKS) -> list[ModuleStatus]:
    return plan(
        weeks,
        progress={
            1: {"actual_hours": 7.0, "done_on": D(2019, 1, 27)},
            2: {"actual_hours": 1.5, "explicit_pct": 0.5},
        },
    )


def report(
    modules: Sequence[ModuleStatus],
    as_of: dt.date = AS_OF,
    minutes: Mapping[dt.date, int] = EXAMPLE1_MINUTES,
    exam: dt.date = EXAM,
    excluded: Collection[int] = (),
) -> ScheduleReport:
    return compute_schedule(
        start=START,
        exam=exam,
        modules=modules,
        daily_minutes=minutes,
        as_of=as_of,
        excluded_weeks=excluded,
    )


def offset_date(base: dt.date, x: float) -> dt.date:
    return base + dt.timedelta(days=math.ceil(x) - 1)


# --- Example 1 (ANALYTICS.md section 5), every number of its table ------------------------------


def test_example1_earned_value_in_hours() -> None:
    r = report(example1_modules())
    assert r.bac_hours == pytest.approx(38.2, abs=TOL)
    assert r.pv_hours == pytest.approx(14.4, abs=TOL)
    assert r.ev_hours == pytest.approx(7.95, abs=TOL)
    assert r.ac_hours == pytest.approx(8.5, abs=TOL)
    assert r.sv_hours == pytest.approx(-6.45, abs=TOL)
    assert r.spi == pytest.approx(0.552083, abs=TOL)
    assert r.cv_hours == pytest.approx(-0.55, abs=TOL)
    assert r.cpi == pytest.approx(0.935294, abs=TOL)
    assert r.eac_hours == pytest.approx(40.842767, abs=TOL)
    assert r.etc_hours == pytest.approx(32.342767, abs=TOL)
    assert r.vac_hours == pytest.approx(-2.642767, abs=TOL)
    assert r.tcpi == pytest.approx(1.018519, abs=TOL)
    assert r.required_hours_per_week == pytest.approx(4.620395, abs=TOL)


def test_example1_earned_schedule() -> None:
    r = report(example1_modules())
    assert r.at_days == 21
    assert r.es_days == pytest.approx(10.5, abs=TOL)
    assert r.sv_days == pytest.approx(-10.5, abs=TOL)
    assert r.spi_t == pytest.approx(0.5, abs=TOL)
    assert r.tspi_plan == pytest.approx(1.214286, abs=TOL)
    assert r.tspi_exam == pytest.approx(1.214286, abs=TOL)  # plan end = exam here
    assert r.ieac_past_efficiency == D(2019, 6, 6)  # 140 d
    assert r.ieac_plan_pace == D(2019, 4, 8)  # 80.5 d
    assert r.planned_finish == D(2019, 3, 28)


def test_example1_modules() -> None:
    r = report(example1_modules())
    assert [m.sv_days for m in r.modules] == pytest.approx([-3, -10.5, -7, 0, 0, 0, 0, 0], abs=TOL)
    assert [m.slip_days for m in r.modules] == pytest.approx([3, 10.5, 7, 0, 0, 0, 0, 0], abs=TOL)
    assert all(math.copysign(1, m.slip_days) > 0 for m in r.modules)  # no -0.0
    assert [m.percent_complete for m in r.modules] == [1.0, 0.5, 0, 0, 0, 0, 0, 0]
    assert [m.earned_hours for m in r.modules][:2] == pytest.approx([6.5, 1.45])
    assert [m.actual_hours for m in r.modules][:2] == [7.0, 1.5]
    planned = [(m.planned_start, m.planned_finish) for m in r.modules]
    assert planned == [
        (D(2019, 1, 18), D(2019, 1, 24)),
        (D(2019, 1, 25), D(2019, 1, 31)),
        (D(2019, 2, 1), D(2019, 2, 14)),
        (D(2019, 2, 15), D(2019, 2, 21)),
        (D(2019, 2, 22), D(2019, 2, 28)),
        (D(2019, 3, 1), D(2019, 3, 7)),
        (D(2019, 3, 8), D(2019, 3, 14)),
        (D(2019, 3, 15), D(2019, 3, 28)),
    ]


def test_example1_weekly_hours_and_ewma_point_forecast() -> None:
    r = report(example1_modules())
    assert r.weekly_hours == pytest.approx((5.0, 3.0, 0.5), abs=TOL)
    rate = 0.3 * 0.5 + 0.7 * (0.3 * 3.0 + 0.7 * (0.3 * 5.0 + 0.7 * 3.82))
    assert r.ewma_hours_per_week == pytest.approx(rate, abs=TOL)
    assert rate == pytest.approx(2.82526, abs=TOL)
    cpi = 7.95 / 8.5
    rem = [0.5 * 2.9 / cpi] + [e / cpi for e in EFFORTS[2:]]
    cumulative = [sum(rem[: i + 1]) for i in range(len(rem))]
    expected = [D(2019, 1, 27)] + [offset_date(AS_OF, 7 * c / rate) for c in cumulative]
    assert [m.projected_finish for m in r.modules] == expected
    assert expected[1:3] == [D(2019, 2, 11), D(2019, 3, 10)]
    assert r.forecast_ewma == expected[-1] == D(2019, 4, 29)  # 80.13 d from Feb 8


def test_example1_monte_carlo_uses_the_padded_recent_weeks() -> None:
    r = report(example1_modules())
    dist = finish_distribution(32.342767295597484, [5.0, 3.0, 0.5, PLAN_RATE, PLAN_RATE])
    assert dist.exact
    assert r.forecast_p50 == offset_date(AS_OF, dist.p50_days)
    assert r.forecast_p85 == offset_date(AS_OF, dist.p85_days)
    assert r.forecast_p95 == offset_date(AS_OF, dist.p95_days)
    assert r.forecast_p50 is not None and r.forecast_p95 is not None
    assert AS_OF <= r.forecast_p50 <= r.forecast_p95
    assert r.p_finish_before_exam == pytest.approx(dist.probability_within(49), abs=1e-12)
    assert r.forecast_note == ""


def test_same_inputs_same_report() -> None:
    assert report(example1_modules()) == report(example1_modules())


# --- helpers --------------------------------------------------------------------------------------


def test_planned_value_is_linear_inside_windows() -> None:
    modules = plan()
    assert planned_value(modules, -3) == 0.0
    assert planned_value(modules, 3.5) == pytest.approx(3.25)
    assert planned_value(modules, 21) == pytest.approx(14.4)
    assert planned_value(modules, 70) == pytest.approx(38.2)
    assert planned_value(modules, 99) == pytest.approx(38.2)


def test_earned_schedule_takes_the_earliest_day_of_a_flat_stretch() -> None:
    modules = plan(weeks=(1, 2, 1), efforts=(7.0, 0.0, 7.0))
    assert earned_schedule(modules, 7.0) == 7.0  # PV is 7 on days 7..21
    assert earned_schedule(modules, 10.5) == pytest.approx(24.5)
    assert earned_schedule(modules, 14.0) == 28.0
    assert earned_schedule(modules, 0.0) == 0.0


def test_earned_schedule_with_an_empty_window_is_a_step() -> None:
    modules = plan(weeks=(1, 0, 1), efforts=(7.0, 4.0, 7.0))
    assert planned_value(modules, 6.999) < 7.0
    assert planned_value(modules, 7) == pytest.approx(11.0)
    assert earned_schedule(modules, 9.0) == 7.0
    assert earned_schedule(modules, 12.0) == pytest.approx(8.0)


def test_earned_schedule_of_no_modules_is_zero() -> None:
    assert earned_schedule([], 0.0) == 0.0


# --- edge cases -----------------------------------------------------------------------------------


def test_nothing_logged() -> None:
    r = report(plan(), minutes={})
    assert (r.ev_hours, r.ac_hours, r.cpi) == (0.0, 0.0, 1.0)
    assert r.eac_hours == pytest.approx(38.2) and r.etc_hours == pytest.approx(38.2)
    assert r.tcpi == pytest.approx(1.0)
    assert r.es_days == 0.0
    assert r.sv_days == -21.0 and r.spi_t == 0.0
    assert r.ieac_past_efficiency is None  # infinite at zero pace
    assert r.ieac_plan_pace == D(2019, 4, 18)  # 21 + 70 = 91 d
    assert r.required_hours_per_week == pytest.approx(38.2 / 7)
    assert [m.sv_days for m in r.modules] == [-21, -14, -7, 0, 0, 0, 0, 0]
    assert r.weekly_hours == (0.0, 0.0, 0.0)
    assert r.ewma_hours_per_week == pytest.approx(3.82 * 0.7**3)
    assert r.forecast_ewma == D(2019, 8, 31)  # 7 * 38.2 / 1.31026 = 204.08 d
    assert (r.forecast_p50, r.forecast_p85, r.forecast_p95) == (None, None, None)
    assert r.p_finish_before_exam is None
    assert r.forecast_note == "cannot forecast: no study hours yet"


def test_as_of_the_start_forecasts_at_plan_pace() -> None:
    r = report(plan(), as_of=START, minutes={})
    assert r.at_days == 0
    assert (r.sv_days, r.spi_t, r.ieac_past_efficiency, r.ieac_plan_pace) == (None,) * 4
    assert r.tspi_plan == 1.0 and r.tspi_exam == 1.0
    assert r.weekly_hours == ()
    assert r.required_hours_per_week == pytest.approx(PLAN_RATE)
    # five plan-rate samples: exactly ten weeks, i.e. the planned finish
    assert r.forecast_p50 == r.forecast_p85 == r.forecast_p95 == D(2019, 3, 28)
    assert r.forecast_ewma == D(2019, 3, 28)
    assert r.p_finish_before_exam == 1.0


def test_as_of_before_the_start() -> None:
    minutes = {D(2019, 1, 10): 600}  # before the start: not a plan week
    r = report(plan(), as_of=D(2019, 1, 13), minutes=minutes)
    assert r.at_days == -5
    assert (r.sv_days, r.spi_t, r.ieac_past_efficiency, r.ieac_plan_pace) == (None,) * 4
    assert r.pv_hours == 0.0 and r.spi is None
    assert r.tspi_plan == 1.0 and r.tspi_exam == 1.0  # time counts from the plan start
    assert r.required_hours_per_week == pytest.approx(PLAN_RATE)
    assert r.weekly_hours == () and r.ewma_hours_per_week == pytest.approx(PLAN_RATE)
    assert [m.sv_days for m in r.modules] == [0.0] * 8
    assert r.forecast_p50 == r.forecast_ewma == D(2019, 3, 23)  # 70 d from Jan 13
    assert r.p_finish_before_exam == 1.0


def test_as_of_after_the_exam_with_no_recent_hours() -> None:
    r = report(example1_modules(), as_of=D(2019, 4, 15))
    assert r.at_days == 87
    assert r.pv_hours == pytest.approx(38.2) and r.spi == pytest.approx(7.95 / 38.2)
    assert r.es_days == pytest.approx(10.5) and r.sv_days == pytest.approx(-76.5)
    assert r.tspi_plan is None and r.tspi_exam is None
    assert r.required_hours_per_week is None
    assert [m.sv_days for m in r.modules][3:] == [-59, -52, -45, -38, -31]
    assert r.weekly_hours == pytest.approx((5.0, 3.0, 0.5) + (0.0,) * 9)
    assert r.forecast_p50 is None
    assert r.forecast_note == "cannot forecast: no study hours in the last 8 weeks"
    assert r.p_finish_before_exam == 0.0  # the exam has passed and the plan is not done


def test_as_of_after_the_exam_with_recent_hours() -> None:
    minutes = {**EXAMPLE1_MINUTES, D(2019, 4, 1): 300}
    r = report(example1_modules(), as_of=D(2019, 4, 15), minutes=minutes)
    assert r.forecast_p50 is not None and r.forecast_p50 >= D(2019, 4, 15)
    assert r.p_finish_before_exam == 0.0


def test_between_plan_end_and_exam_targets_the_exam() -> None:
    r = report(example1_modules(), as_of=D(2019, 3, 30), exam=D(2019, 4, 13))
    assert r.tspi_plan is None
    assert r.tspi_exam == pytest.approx((70 - 10.5) / (85 - 71))
    assert r.required_hours_per_week == pytest.approx(r.etc_hours / 2)


def finished(last_done: dt.date) -> list[ModuleStatus]:
    done = [D(2019, 1, 27), D(2019, 2, 3), D(2019, 2, 20), D(2019, 2, 28)]
    done += [D(2019, 3, 8), D(2019, 3, 15), D(2019, 3, 22), last_done]
    progress = {
        i: {"actual_hours": e, "done_on": d}
        for i, (e, d) in enumerate(zip(EFFORTS, done, strict=True), 1)
    }
    return plan(progress=progress)


def test_everything_done_late() -> None:
    r = report(finished(D(2019, 4, 2)), as_of=D(2019, 4, 10))  # AF = Apr 3 = day 75
    assert r.ev_hours == pytest.approx(38.2) and r.etc_hours == 0.0
    assert r.cpi == pytest.approx(1.0) and r.tcpi is None  # BAC == AC
    assert r.es_days == 70.0
    assert r.sv_days == pytest.approx(70 - 75) and r.spi_t == pytest.approx(70 / 75)
    assert r.ieac_past_efficiency == r.ieac_plan_pace == D(2019, 4, 2)
    assert r.tspi_plan is None and r.tspi_exam is None
    assert r.required_hours_per_week is None
    assert r.forecast_ewma == r.forecast_p50 == r.forecast_p85 == r.forecast_p95 == D(2019, 4, 2)
    assert r.p_finish_before_exam == 0.0
    assert [m.sv_days for m in r.modules] == [-3, -3, -6, -7, -8, -8, -8, -5]
    assert r.modules[-1].projected_finish == D(2019, 4, 2)
    # time stops at the actual finish: the final SV(t) no longer moves
    later = report(finished(D(2019, 4, 2)), as_of=D(2019, 6, 1))
    assert later.sv_days == r.sv_days and later.spi_t == r.spi_t


def test_everything_done_early() -> None:
    r = report(finished(D(2019, 3, 25)), as_of=D(2019, 3, 27))  # AF = day 67
    assert r.sv_days == pytest.approx(3.0)
    assert r.tspi_plan == 0.0
    assert r.required_hours_per_week == 0.0
    assert r.forecast_p50 == r.forecast_p95 == D(2019, 3, 25)
    assert r.p_finish_before_exam == 1.0
    assert r.forecast_note == ""


def test_everything_done_without_logged_hours() -> None:
    modules = plan(progress={i: {"done_on": D(2019, 3, 1)} for i in range(1, 9)})
    r = report(modules, as_of=D(2019, 3, 5), minutes={})
    assert (r.ac_hours, r.cpi, r.etc_hours) == (0.0, 1.0, 0.0)
    assert r.eac_hours == pytest.approx(38.2)
    assert r.forecast_p50 == D(2019, 3, 1) and r.p_finish_before_exam == 1.0


def test_complete_without_a_done_date_finishes_at_the_status_date() -> None:
    modules = plan(progress={1: {"actual_hours": 8.0}})  # hours >= effort: 100 %, no date
    r = report(modules, minutes={})
    assert r.modules[0].percent_complete == 1.0
    assert r.modules[0].sv_days == 7 - 21
    assert r.modules[0].projected_finish == AS_OF - dt.timedelta(days=1)


def test_hours_but_nothing_earned() -> None:
    modules = plan(progress={1: {"actual_hours": 2.0, "explicit_pct": 0.0}})
    r = report(modules, minutes={D(2019, 1, 19): 120})
    assert r.cpi == 0.0
    assert r.etc_hours == pytest.approx(38.2)
    assert r.eac_hours == pytest.approx(40.2) and r.vac_hours == pytest.approx(-2.0)
    assert r.forecast_p50 is not None and r.forecast_ewma is not None


def test_weeks_with_zero_hours_are_samples() -> None:
    as_of = D(2019, 3, 1)  # six completed weeks: 5, 3, 0.5, 0, 0, 0
    r = report(example1_modules(), as_of=as_of)
    assert r.weekly_hours == pytest.approx((5.0, 3.0, 0.5, 0.0, 0.0, 0.0))
    dist = finish_distribution(r.etc_hours, [5.0, 3.0, 0.5, 0.0, 0.0, 0.0])
    assert r.forecast_p50 == offset_date(as_of, dist.p50_days)
    assert r.forecast_p95 == offset_date(as_of, dist.p95_days)
    assert r.p_finish_before_exam == pytest.approx(dist.probability_within(28), abs=1e-12)
    assert r.forecast_note == ""


def test_excluded_weeks_leave_the_samples_and_the_ewma() -> None:
    as_of = D(2019, 3, 1)
    r = report(example1_modules(), as_of=as_of, excluded=[3, 4, 5])
    assert r.weekly_hours == pytest.approx((5.0, 3.0, 0.5, 0.0, 0.0, 0.0))
    assert r.ewma_hours_per_week == pytest.approx(2.82526, abs=TOL)
    dist = finish_distribution(r.etc_hours, [5.0, 3.0, 0.5, PLAN_RATE, PLAN_RATE])
    assert r.forecast_p50 == offset_date(as_of, dist.p50_days)


def test_all_zero_recent_history_cannot_forecast() -> None:
    r = report(example1_modules(), as_of=D(2019, 4, 5), exam=D(2019, 6, 1))
    assert r.weekly_hours[-8:] == (0.0,) * 8
    assert (r.forecast_p50, r.forecast_p85, r.forecast_p95) == (None, None, None)
    assert r.p_finish_before_exam is None
    assert r.forecast_note == "cannot forecast: no study hours in the last 8 weeks"
    assert r.forecast_ewma is not None  # the EWMA rate is still positive


def test_a_retimed_module_moves_the_dates_after_it() -> None:
    base = report(example1_modules())
    r = report(example1_modules(weeks=(1, 1, 3, 1, 1, 1, 1, 2)))  # M3 now 3 weeks: PD = 77
    assert r.planned_finish == D(2019, 4, 4)
    assert r.modules[2].planned_finish == D(2019, 2, 21)
    for old, new in zip(base.modules[3:], r.modules[3:], strict=True):
        assert new.planned_start - old.planned_start == dt.timedelta(days=7)
        assert new.planned_finish - old.planned_finish == dt.timedelta(days=7)
    assert r.pv_hours == pytest.approx(6.5 + 2.9 + 10 / 3)
    assert r.es_days == pytest.approx(10.5) and r.sv_days == pytest.approx(-10.5)
    assert [m.sv_days for m in r.modules][:3] == pytest.approx([-3, -10.5, -7])
    assert r.tspi_plan == pytest.approx(66.5 / 56) and r.tspi_exam == pytest.approx(66.5 / 49)
    assert r.ieac_past_efficiency == D(2019, 6, 20)  # 77 / 0.5 = 154 d
    assert r.ieac_plan_pace == D(2019, 4, 15)  # 21 + 66.5 = 87.5 d
    assert r.required_hours_per_week == pytest.approx(r.etc_hours / 8)
    assert r.etc_hours == pytest.approx(base.etc_hours)
    rate = 0.3 * 0.5 + 0.7 * (0.3 * 3.0 + 0.7 * (0.3 * 5.0 + 0.7 * 38.2 / 11))
    assert r.ewma_hours_per_week == pytest.approx(rate)


def test_forecast_beyond_the_cap_says_so() -> None:
    minutes = {D(2019, 1, 19): 6}  # 0.1 h in week 1, then nothing: the samples are 0.1 h and zeros
    r = report(plan(), as_of=D(2019, 3, 1), minutes=minutes)
    assert r.forecast_p95 is None
    assert r.forecast_note == "some runs take more than 104 weeks at the recent pace"


def test_no_modules() -> None:
    r = report([], minutes={})
    assert r.bac_hours == 0.0 and r.es_days == 0.0 and r.modules == ()
    assert r.forecast_p50 is None
    assert r.forecast_note == "cannot forecast: the plan has no modules"


# --- properties -----------------------------------------------------------------------------------


@settings(max_examples=60, deadline=None)
@given(
    start=st.dates(D(2000, 1, 1), D(2090, 1, 1)),
    at=st.integers(-10, 80),
    log=st.dictionaries(st.integers(-15, 95), st.integers(0, 600), max_size=30),
)
def test_weekly_hours_sum_the_minutes_of_completed_weeks(
    start: dt.date, at: int, log: dict[int, int]
) -> None:
    minutes = {start + dt.timedelta(days=d): m for d, m in log.items()}
    weeks = weekly_hours(start, start + dt.timedelta(days=at), minutes)
    completed = max(0, at // 7)
    assert len(weeks) == completed
    assert all(h >= 0 for h in weeks)
    inside = sum(m for d, m in log.items() if 0 <= d < 7 * completed)
    assert sum(weeks) == pytest.approx(inside / 60, abs=1e-9)
    for i, h in enumerate(weeks):
        assert h == pytest.approx(sum(m for d, m in log.items() if d // 7 == i) / 60)


module_specs = st.lists(
    st.tuples(
        st.floats(0, 20),  # effort
        st.sampled_from([0, 0.5, 1, 2, 3]),  # weeks
        st.one_of(st.none(), st.floats(0, 1)),  # explicit %
        st.floats(0, 25),  # actual hours
        st.one_of(st.none(), st.integers(-3, 100)),  # done on (day index)
    ),
    min_size=1,
    max_size=8,
)


def build(specs: list[tuple[float, float, float | None, float, int | None]]) -> list[ModuleStatus]:
    modules, day = [], 0
    for i, (effort, w, pct, actual, done) in enumerate(specs, start=1):
        done_on = None if done is None else START + dt.timedelta(days=done)
        days = round(7 * w)
        modules.append(
            ModuleStatus(i, f"M{i}", ModuleKind.READING, effort, w, day, days, actual, pct, done_on)
        )
        day += days
    return modules


@settings(max_examples=80, deadline=None)
@given(specs=module_specs)
def test_earned_schedule_lies_on_the_plan(
    specs: list[tuple[float, float, float | None, float, int | None]],
) -> None:
    modules = build(specs)
    pd = modules[-1].planned_finish_day
    ev = math.fsum(m.earned_hours for m in modules)
    es = earned_schedule(modules, ev)
    assert 0.0 <= es <= pd
    assert planned_value(modules, es) >= ev - 1e-6
    assert planned_value(modules, es - 1e-7) <= ev + 1e-6


@settings(max_examples=30, deadline=None)
@given(
    specs=module_specs,
    at=st.integers(-10, 120),
    log=st.dictionaries(st.integers(-5, 120), st.integers(0, 400), max_size=20),
    excluded=st.sets(st.integers(0, 16), max_size=3),
)
def test_report_invariants(
    specs: list[tuple[float, float, float | None, float, int | None]],
    at: int,
    log: dict[int, int],
    excluded: set[int],
) -> None:
    modules = build(specs)
    minutes = {START + dt.timedelta(days=d): m for d, m in log.items()}
    r = report(modules, as_of=START + dt.timedelta(days=at), minutes=minutes, excluded=excluded)
    pd = modules[-1].planned_finish_day
    assert 0.0 <= r.es_days <= pd
    assert r.etc_hours >= 0.0
    assert r.ewma_hours_per_week >= 0.0
    assert (r.sv_days is None) == (r.spi_t is None)
    for m in r.modules:
        assert m.slip_days == 0.0 - m.sv_days
    dates = [r.forecast_p50, r.forecast_p85, r.forecast_p95]
    if None not in dates:
        assert dates == sorted(dates)  # type: ignore[type-var]
    if r.p_finish_before_exam is not None:
        assert 0.0 <= r.p_finish_before_exam <= 1.0
    assert dataclasses.replace(r) == r
