"""Schedule slip of ANALYTICS.md section 4: earned value, earned schedule and finish forecasts."""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
from collections.abc import Collection, Iterable, Mapping, Sequence

from studyplanner.domain.model import ModuleStatus

EWMA_ALPHA = 0.3
HISTORY_WEEKS = 8  # Monte Carlo samples: at most this many recent completed weeks ...
MIN_SAMPLES = 5  # ... padded with the plan rate up to this many
CAP_WEEKS = 104  # Monte Carlo runs not done within this many weeks never finish

_EPS = 1e-9  # hours (PV/EV comparisons) and days (ceil of offsets)


@dataclasses.dataclass(frozen=True, slots=True)
class ModuleSchedule:
    """One module's plan window, progress and slip (ANALYTICS.md 4.5, 4.6).

    ``planned_finish`` is the date of day PF − 1 (the last day of the window).  ``sv_days`` is the
    module's SV(t) (negative = behind) and ``slip_days = −sv_days``.  ``projected_finish`` is the
    date the module was done on for a complete module, the EWMA projection for an incomplete one,
    and None when the EWMA rate is zero.
    """

    position: int
    name: str
    planned_start: dt.date
    planned_finish: dt.date
    percent_complete: float
    actual_hours: float
    earned_hours: float
    sv_days: float
    slip_days: float
    projected_finish: dt.date | None


@dataclasses.dataclass(frozen=True, slots=True)
class ScheduleReport:
    """Project-level schedule status as of a date; see ``compute_schedule`` for undefined cases."""

    pv_hours: float
    ev_hours: float
    ac_hours: float
    sv_hours: float
    spi: float | None
    cv_hours: float
    cpi: float
    eac_hours: float
    etc_hours: float
    vac_hours: float
    tcpi: float | None
    at_days: int
    es_days: float
    sv_days: float | None
    spi_t: float | None
    tspi_plan: float | None
    tspi_exam: float | None
    ieac_past_efficiency: dt.date | None
    ieac_plan_pace: dt.date | None
    required_hours_per_week: float | None
    weekly_hours: tuple[float, ...]
    ewma_hours_per_week: float
    forecast_ewma: dt.date | None
    forecast_p50: dt.date | None
    forecast_p85: dt.date | None
    forecast_p95: dt.date | None
    p_finish_before_exam: float | None
    bac_hours: float
    planned_finish: dt.date
    modules: tuple[ModuleSchedule, ...]
    forecast_note: str


def weekly_hours(
    start: dt.date, as_of: dt.date, daily_minutes: Mapping[dt.date, int]
) -> tuple[float, ...]:
    """Hours per completed plan week, oldest first, zeros included.

    Week i covers day indices [7i, 7i + 7) from ``start``; it is completed when its last day is
    before ``as_of``.  Minutes on days before ``start`` or in unfinished weeks are ignored.
    """
    completed = max(0, (as_of - start).days // 7)
    minutes = [0] * completed
    for day, mins in daily_minutes.items():
        t = (day - start).days
        if 0 <= t < 7 * completed:
            minutes[t // 7] += mins
    return tuple(m / 60 for m in minutes)


def earned_value(earned_hours: Iterable[float]) -> float:
    """EV: the modules' earned hours ``EV_m`` summed exactly (``math.fsum``, so in any order)."""
    return math.fsum(earned_hours)


def planned_value(modules: Sequence[ModuleStatus], t: float) -> float:
    """PV(t): planned hours due by day index t, linear inside each module's window [PS, PF).

    A module with an empty window (0 planned days) is due in full from its PF on.
    """
    return math.fsum(_module_pv(m, t, left=False) for m in modules)


def planned_values(modules: Sequence[ModuleStatus], days: Sequence[float]) -> list[float]:
    """PV(t) of :func:`planned_value` at each of *days*, in one sweep over the module windows.

    O((n + k) log n) for n modules and k days instead of O(n k): for charts that need PV at many
    days.  PV is the completed modules' effort plus a linear term for the modules in progress,
    kept as running sums, so a value may differ from ``planned_value`` by rounding (~1e-12 h).
    """
    events: list[tuple[float, int, float, float, float]] = []  # day, order, dA, dB, dC
    for m in modules:
        if m.planned_days > 0:
            rate = m.effort_hours / m.planned_days
            events.append((m.planned_start_day, 0, rate, rate * m.planned_start_day, 0.0))
            events.append(
                (m.planned_finish_day, 1, -rate, -rate * m.planned_start_day, m.effort_hours)
            )
        else:
            events.append((m.planned_finish_day, 1, 0.0, 0.0, m.effort_hours))
    events.sort()
    values = [0.0] * len(days)
    slope = offset = done = 0.0
    next_event = 0
    for index in sorted(range(len(days)), key=days.__getitem__):
        t = days[index]
        while next_event < len(events) and events[next_event][0] <= t:
            _, _, d_slope, d_offset, d_done = events[next_event]
            slope, offset, done = slope + d_slope, offset + d_offset, done + d_done
            next_event += 1
        values[index] = done + (slope * t - offset)
    return values


def earned_schedule(modules: Sequence[ModuleStatus], ev_hours: float) -> float:
    """ES: the earliest day index t in [0, PD] with PV(t) = EV (ANALYTICS.md 4.4).

    Flat stretches of PV resolve to their earliest day; EV at or above BAC gives the day PV first
    reaches BAC (PD unless trailing modules have no effort).  Comparisons allow 1e-9 h.
    """
    pd = max((m.planned_finish_day for m in modules), default=0)
    days = {0, pd}
    for m in modules:
        days.update((m.planned_start_day, m.planned_finish_day))
    points = sorted(d for d in days if 0 <= d <= pd)
    if all(math.isfinite(m.effort_hours) and m.effort_hours >= 0 for m in modules):
        return _earned_schedule_bisect(modules, ev_hours, points, pd)
    prev_t = points[0]
    prev_pv = planned_value(modules, prev_t)
    if ev_hours <= prev_pv + _EPS:
        return float(prev_t)
    for t in points[1:]:
        left = math.fsum(_module_pv(m, t, left=True) for m in modules)
        if ev_hours <= left + _EPS:
            share = min(1.0, max(0.0, (ev_hours - prev_pv) / (left - prev_pv)))
            return prev_t + share * (t - prev_t)
        prev_pv = planned_value(modules, t)
        if ev_hours <= prev_pv + _EPS:
            return float(t)
        prev_t = t
    return float(pd)


def _earned_schedule_bisect(
    modules: Sequence[ModuleStatus], ev_hours: float, points: Sequence[int], pd: int
) -> float:
    """`earned_schedule`'s scan with O(log n) PV evaluations instead of O(n): the same answer.

    With no negative effort PV(t) never decreases, and PV(t−) <= PV(t), so the scan stops at
    the first breakpoint with EV <= PV + 1e-9 (found by bisection), interpolating there when
    EV is already reached by the left limit.
    """
    lo, hi = 0, len(points)
    while lo < hi:
        mid = (lo + hi) // 2
        if ev_hours <= planned_value(modules, points[mid]) + _EPS:
            hi = mid
        else:
            lo = mid + 1
    if lo == 0:
        return float(points[0])
    if lo == len(points):
        return float(pd)
    t, prev_t = points[lo], points[lo - 1]
    prev_pv = planned_value(modules, prev_t)
    left = math.fsum(_module_pv(m, t, left=True) for m in modules)
    if ev_hours <= left + _EPS:
        share = min(1.0, max(0.0, (ev_hours - prev_pv) / (left - prev_pv)))
        return prev_t + share * (t - prev_t)
    return float(t)


def compute_schedule(
    *,
    start: dt.date,
    exam: dt.date,
    modules: Sequence[ModuleStatus],
    daily_minutes: Mapping[dt.date, int],
    as_of: dt.date,
    excluded_weeks: Collection[int] = (),
) -> ScheduleReport:
    """The schedule-slip report of ANALYTICS.md section 4 as of 00:00 of ``as_of``.

    ``modules`` are the plan's modules as seen at ``as_of`` (taken in position order);
    ``daily_minutes`` is the logged study time per local date (all modules).  ``excluded_weeks``
    are 0-based plan-week indices (holidays) left out of the EWMA and the Monte Carlo samples;
    ``weekly_hours`` still lists them.

    Choices for cases the specification leaves open:

    * CPI = 1 when AC = 0.  When AC > 0 but EV = 0, CPI is reported as 0 and forecasts use an
      efficiency of 1 (EAC = AC + BAC − EV).  ETC = (BAC − EV)/CPI (= EAC − AC when AC > 0).
    * A module complete without a done date (100 % or hours >= effort) finished at AF = AT.
    * Everything complete: time stops at the actual finish AF (the latest module finish), so
      SV(t) = ES − AF = PD − AF, SPI(t), TSPI and IEAC use AF in place of AT; ETC = 0; every
      forecast is the finish date (AF − 1) and P(finish before exam) is 1 or 0.
    * AT <= 0 (as of the start or before): SV(t), SPI(t) and both IEACs are None.  TSPI and the
      required hours/week count time from the plan start (AT clamped at 0), so before the start
      they describe following the plan.  Forecast offsets still count from ``as_of``.
    * After the plan end the hours target is the exam day, after the exam there is none (None);
      TSPI is None when its denominator is <= 0.  As of the exam day or later, an unfinished plan
      has P(finish before exam) = 0.
    * Monte Carlo samples: the last <= 8 non-excluded completed weeks, padded to 5 with the plan
      rate BAC/(PD/7).  No completed week yet means 5 plan-rate samples (cold start); a non-empty
      all-zero history gives no percentiles (None) and ``forecast_note`` says why; the EWMA
      forecast is still given while its rate is > 0.
    * An offset x from ``as_of`` maps to ``as_of + max(ceil(x), 1) − 1`` (an incomplete module
      with nothing left to do finishes "today").  Dates beyond the calendar are None.
    """
    mods = sorted(modules, key=lambda m: m.position)
    at = (as_of - start).days
    ed = (exam - start).days
    pd = max((m.planned_finish_day for m in mods), default=0)

    bac = math.fsum(m.effort_hours for m in mods)
    pv = planned_value(mods, at)
    ev = earned_value(m.earned_hours for m in mods)
    ac = math.fsum(m.actual_hours for m in mods)
    cpi = ev / ac if ac > 0 else 1.0
    efficiency = cpi if cpi > 0 else 1.0
    all_done = bool(mods) and all(m.pct_complete >= 1.0 for m in mods)
    etc = 0.0 if all_done else max(0.0, bac - ev) / efficiency
    eac = bac / cpi if cpi > 0 else ac + etc

    finishes = [_actual_finish(m, start, at) for m in mods]
    project_finish = max((f for f in finishes if f is not None), default=at)
    t_now = project_finish if all_done else at
    es = earned_schedule(mods, ev)
    t_clamped = max(t_now, 0)

    sv_t = spi_t = None
    ieac_pe = ieac_pp = None
    if t_now > 0:
        sv_t = es - t_now
        spi_t = es / t_now
        ieac_pe = _offset_date(start, pd / spi_t) if spi_t > 0 else None
        ieac_pp = _offset_date(start, t_now + (pd - es))

    weeks = weekly_hours(start, as_of, daily_minutes)
    excluded = set(excluded_weeks)
    usable = [h for i, h in enumerate(weeks) if i not in excluded]
    plan_rate = bac / (pd / 7) if pd > 0 else 0.0
    rate = plan_rate
    for hours in usable:
        rate = EWMA_ALPHA * hours + (1 - EWMA_ALPHA) * rate

    module_rows: list[ModuleSchedule] = []
    remaining = 0.0
    for m, finish in zip(mods, finishes, strict=True):
        pct = m.pct_complete
        ps, pf = m.planned_start_day, m.planned_finish_day
        projected: dt.date | None
        if finish is not None:
            sv_m = float(pf - finish)
            projected = start + dt.timedelta(days=finish - 1)
        else:
            sv_m = 0.0 if pct == 0 and at <= ps else ps + pct * (pf - ps) - at
            remaining += (1 - pct) * m.effort_hours / efficiency
            projected = _offset_date(as_of, 7 * remaining / rate) if rate > 0 else None
        module_rows.append(
            ModuleSchedule(
                position=m.position,
                name=m.name,
                planned_start=start + dt.timedelta(days=ps),
                planned_finish=start + dt.timedelta(days=pf - 1),
                percent_complete=pct,
                actual_hours=m.actual_hours,
                earned_hours=m.earned_hours,
                sv_days=sv_m,
                slip_days=0.0 - sv_m,
                projected_finish=projected,
            )
        )

    forecast = _forecast(
        all_done=all_done,
        has_modules=bool(mods),
        finish_date=start + dt.timedelta(days=project_finish - 1),
        history=usable[-HISTORY_WEEKS:],
        studied=any(h > 0 for h in weeks),
        plan_rate=plan_rate,
        etc=etc,
        as_of=as_of,
        exam=exam,
    )
    if all_done:
        forecast_ewma: dt.date | None = forecast.p50
    else:
        forecast_ewma = _offset_date(as_of, 7 * remaining / rate) if rate > 0 else None

    now = max(at, 0)
    target = pd if now < pd else ed if now < ed else None
    required = etc / ((target - now) / 7) if target is not None else None

    return ScheduleReport(
        pv_hours=pv,
        ev_hours=ev,
        ac_hours=ac,
        sv_hours=ev - pv,
        spi=ev / pv if pv > 0 else None,
        cv_hours=ev - ac,
        cpi=cpi,
        eac_hours=eac,
        etc_hours=etc,
        vac_hours=bac - eac,
        tcpi=(bac - ev) / (bac - ac) if abs(bac - ac) > 1e-12 else None,
        at_days=at,
        es_days=es,
        sv_days=sv_t,
        spi_t=spi_t,
        tspi_plan=(pd - es) / (pd - t_clamped) if pd > t_clamped else None,
        tspi_exam=(pd - es) / (ed - t_clamped) if ed > t_clamped else None,
        ieac_past_efficiency=ieac_pe,
        ieac_plan_pace=ieac_pp,
        required_hours_per_week=required,
        weekly_hours=weeks,
        ewma_hours_per_week=rate,
        forecast_ewma=forecast_ewma,
        forecast_p50=forecast.p50,
        forecast_p85=forecast.p85,
        forecast_p95=forecast.p95,
        p_finish_before_exam=forecast.p_before_exam,
        bac_hours=bac,
        planned_finish=start + dt.timedelta(days=pd - 1),
        modules=tuple(module_rows),
        forecast_note=forecast.note,
    )


@dataclasses.dataclass(frozen=True, slots=True)
class _Forecast:
    p50: dt.date | None = None
    p85: dt.date | None = None
    p95: dt.date | None = None
    p_before_exam: float | None = None
    note: str = ""


def _forecast(
    *,
    all_done: bool,
    has_modules: bool,
    finish_date: dt.date,
    history: Sequence[float],
    studied: bool,
    plan_rate: float,
    etc: float,
    as_of: dt.date,
    exam: dt.date,
) -> _Forecast:
    """Monte Carlo percentiles (ANALYTICS.md 4.7) as dates, with P(finish before the exam)."""
    if all_done:
        p = 1.0 if finish_date < exam else 0.0
        return _Forecast(finish_date, finish_date, finish_date, p)
    too_late = 0.0 if as_of >= exam else None
    if not has_modules:
        return _Forecast(p_before_exam=too_late, note="cannot forecast: the plan has no modules")
    if history and all(h <= 0 for h in history):
        recent = f"the last {len(history)} weeks" if len(history) > 1 else "the last week"
        when = f"in {recent}" if studied else "yet"
        return _Forecast(p_before_exam=too_late, note=f"cannot forecast: no study hours {when}")
    if not math.isfinite(etc):
        return _Forecast(
            p_before_exam=too_late, note="cannot forecast: no work earned for the hours"
        )
    samples = [*history, *[plan_rate] * (MIN_SAMPLES - len(history))]
    if all(s <= 0 for s in samples):
        return _Forecast(p_before_exam=too_late, note="cannot forecast: no planned hours")
    # Imported here: the forecast needs NumPy (some 45 ms to import), and the schedule's values are
    # also read where no forecast is made (the figures shown at start, ui/startup.py).
    from studyplanner.domain.forecast import finish_distribution

    dist = finish_distribution(etc, samples, cap_weeks=CAP_WEEKS)
    days_left = (exam - as_of).days
    slow = math.isinf(dist.p95_days)
    return _Forecast(
        p50=_offset_date(as_of, dist.p50_days),
        p85=_offset_date(as_of, dist.p85_days),
        p95=_offset_date(as_of, dist.p95_days),
        p_before_exam=dist.probability_within(days_left) if days_left >= 1 else 0.0,
        note=f"some runs take more than {CAP_WEEKS} weeks at the recent pace" if slow else "",
    )


def _module_pv(m: ModuleStatus, t: float, *, left: bool) -> float:
    """PV_m(t), or its left limit PV_m(t−) (differs only for an empty window, a step at PF)."""
    if m.planned_days <= 0:
        due = t > m.planned_finish_day if left else t >= m.planned_finish_day
        return m.effort_hours if due else 0.0
    share = (t - m.planned_start_day) / m.planned_days
    return m.effort_hours * min(1.0, max(0.0, share))


def _actual_finish(m: ModuleStatus, start: dt.date, at: int) -> int | None:
    """AF_m: the day after the done date; AT for a module complete without one; None if not done."""
    if m.pct_complete < 1.0:
        return None
    if m.done_on is not None:
        return (m.done_on - start).days + 1
    return at


def _offset_date(base: dt.date, days: float) -> dt.date | None:
    """The calendar day on which an offset of ``days`` from 00:00 of ``base`` ends (None: never)."""
    if not math.isfinite(days):
        return None
    whole = max(math.ceil(days - _EPS), 1)
    try:
        return base + dt.timedelta(days=whole - 1)
    except OverflowError:
        return None
