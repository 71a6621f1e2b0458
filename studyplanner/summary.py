"""Words for the numbers: the terminal summary and the "what next, and why" advice.

Shared by the command line (``studyplanner report``) and the window's Overview, so both say the
same thing.
"""

from __future__ import annotations

import dataclasses
import math

from studyplanner.services import ModuleReport, Report


def round_to_step(p: float, step: float = 0.05) -> float:
    """P(pass) is shown in 5 % steps (ANALYTICS.md 3.7): precision beyond that is not real."""
    return round(p / step) * step


def format_probability(p: float) -> str:
    rounded = round_to_step(p)
    if rounded <= 0 and p > 0:
        return "< 5%"
    if rounded >= 1 and p < 1:
        return "> 95%"
    return f"{rounded:.0%}"


def format_percent(p: float) -> str:
    """A probability as a whole percent, without claiming 0 % or 100 % when it is not."""
    if 0 < p < 0.01:
        return "< 1%"
    if 0.99 < p < 1:
        return "> 99%"
    return f"{p:.0%}"


def format_slip(days: float | None) -> str:
    """``sv_days`` of the schedule in words: negative is behind."""
    if days is None:
        return "not started yet"
    if abs(days) < 0.5:
        return "on schedule"
    direction = "behind" if days < 0 else "ahead of"
    return f"{abs(days):.1f} days {direction} plan"


@dataclasses.dataclass(frozen=True, slots=True)
class NextStep:
    module: ModuleReport | None
    reason: str


def next_step(report: Report) -> NextStep:
    """The module to study next and why: the plan's current module, else the weakest topic."""
    schedule_by_position = {m.position: m for m in report.schedule.modules}
    for module in report.modules:
        if module.status.pct_complete < 1.0:
            planned = schedule_by_position[module.module.position]
            slip = planned.slip_days
            if module.status.pct_complete > 0:
                done = f"{module.status.pct_complete:.0%} done"
            else:
                done = "not started"
            if slip is not None and math.isfinite(slip) and slip >= 0.5:
                why = f"it is the plan's current module ({done}) and {slip:.1f} days behind"
            elif planned.planned_start > report.as_of:
                why = f"it is next in the plan, from {planned.planned_start} ({done})"
            else:
                why = f"it is the plan's current module ({done}), due by {planned.planned_finish}"
            return NextStep(module, why)
    studied = [m for m in report.modules if m.module.shares]
    if not studied:
        return NextStep(None, "every module is done")
    weakest = min(studied, key=lambda m: m.topic_exam_day.mean)
    return NextStep(
        weakest,
        f"every module is done; its readiness on exam day is the lowest"
        f" ({weakest.topic_exam_day.mean:.0%}): review it",
    )


def _date(value: object) -> str:
    return "—" if value is None else str(value)


def text_summary(report: Report) -> str:
    """The summary a person wants in a terminal."""
    s = report.schedule
    plan = report.plan
    exam_ready = report.readiness_exam_day
    lines = [
        f"{plan.name}",
        f"  as of {report.as_of} (day {s.at_days} of {(s.planned_finish - plan.start).days + 1}),"
        f" exam {plan.exam} ({plan.profile.name})",
        f"Schedule   {format_slip(s.sv_days)}; earned {s.ev_hours:.1f} of {s.bac_hours:.1f} h,"
        f" spent {s.ac_hours:.1f} h",
    ]
    if s.forecast_p50 is not None:
        chance = (
            ""
            if s.p_finish_before_exam is None
            else f"; chance to finish before the exam {format_percent(s.p_finish_before_exam)}"
        )
        lines.append(
            f"Finish     at your pace {_date(s.forecast_ewma)}; likely {s.forecast_p50},"
            f" 85% by {s.forecast_p85}, 95% by {_date(s.forecast_p95)}{chance}"
        )
    elif s.forecast_note:
        lines.append(f"Finish     {s.forecast_note}")
    if s.required_hours_per_week is not None:
        lines.append(f"Needed     {s.required_hours_per_week:.1f} h per week from now")
    lines.append(
        f"Readiness  P(pass) on exam day if you stop now {format_probability(exam_ready.p_pass)}"
        f" (expected score {exam_ready.expected_score:.0%}, 90% band"
        f" {exam_ready.expected_score_lo90:.0%}–{exam_ready.expected_score_hi90:.0%};"
        f" pass mark {plan.pass_mark:.0%})"
    )
    weakest = sorted(exam_ready.domains, key=lambda d: d.mean)[:2]
    if weakest:
        lines.append("Weakest    " + ", ".join(f"{d.name} {d.mean:.0%}" for d in weakest))
    if exam_ready.evidence_is_thin:
        lines.append("           estimate from plan progress only — take a mock test")
    step = next_step(report)
    if step.module is not None:
        lines.append(
            f"Next       {step.module.module.position} {step.module.module.name}: {step.reason}"
        )
    else:
        lines.append(f"Next       {step.reason}")
    return "\n".join(lines) + "\n"
