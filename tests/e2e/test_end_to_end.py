"""Drive the real MainWindow: create the plan, log sessions and a mock through the pages'
dialogs, and watch the Overview figures and charts change."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCharts import QXYSeries
from PySide6.QtCore import QDate, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from studyplanner.services import StudyPlanner, report_to_json
from studyplanner.store.db import open_database
from studyplanner.ui import charts
from studyplanner.ui.main_window import MainWindow, NewPlanDialog, settings_at
from studyplanner.ui.views.overview import format_p_pass

NOW = dt.datetime(2026, 3, 2, 18, 0, tzinfo=dt.UTC)
TODAY = NOW.date()
START = TODAY - dt.timedelta(days=20)

pytestmark = pytest.mark.e2e


@pytest.fixture
def planner(tmp_path: Path) -> Iterator[StudyPlanner]:
    db = open_database(tmp_path / "db.sqlite3")
    yield StudyPlanner(db, clock=lambda: NOW, zone="UTC")
    db.close()


def qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def named(dialog: QWidget, name: str) -> QWidget:
    """A dialog's field by its accessible name (which doubles as an accessibility check)."""
    found = [w for w in dialog.findChildren(QWidget) if w.accessibleName() == name]
    assert len(found) == 1, f"{name}: {found}"
    return found[0]


def save(dialog: QDialog) -> None:
    buttons = dialog.findChild(QDialogButtonBox)
    assert buttons is not None
    button = buttons.button(QDialogButtonBox.StandardButton.Save) or buttons.button(
        QDialogButtonBox.StandardButton.Ok
    )
    button.click()


def wait_idle(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: not window.is_busy(), timeout=10_000)


def create_plan(qtbot: QtBot, window: MainWindow) -> None:
    """File → New plan, answered like a user: bundled plan, start date 20 days ago."""

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, NewPlanDialog)
        start = named(dialog, "Start date")
        assert isinstance(start, QDateEdit)
        start.setDate(qdate(START))
        save(dialog)

    QTimer.singleShot(0, answer)
    window.actions_by_name["new_plan"].trigger()
    wait_idle(qtbot, window)


def log_session(qtbot: QtBot, window: MainWindow, day: dt.date, duration: str) -> None:
    dialog = window.quick_log()
    assert dialog is not None, "the Log page has no quick-log dialog"
    date = named(dialog, "Date")
    assert isinstance(date, QDateEdit)
    date.setDate(qdate(day))
    field = named(dialog, "Duration")
    assert isinstance(field, QLineEdit)
    field.setText(duration)
    save(dialog)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    wait_idle(qtbot, window)


def add_mock(qtbot: QtBot, window: MainWindow, scores: dict[str, str]) -> None:
    dialog = window.add_mock()
    assert dialog is not None, "the Mock tests page has no add dialog"
    for name, text in scores.items():
        field = named(dialog, name)
        assert isinstance(field, QLineEdit)
        field.setText(text)
    date = named(dialog, "Date taken")
    assert isinstance(date, QDateEdit)
    date.setDate(qdate(TODAY - dt.timedelta(days=1)))
    save(dialog)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    wait_idle(qtbot, window)


def test_plan_sessions_and_a_mock_move_the_overview(
    qtbot: QtBot, planner: StudyPlanner, tmp_path: Path
) -> None:
    window = MainWindow(planner, settings=settings_at(tmp_path / "window.ini"))
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    wait_idle(qtbot, window)
    overview = window.overview_view
    assert overview.report is None and overview.pages.currentIndex() == 0

    create_plan(qtbot, window)
    plan = planner.require_plan()
    assert plan.start == START
    assert overview.pages.currentIndex() == 1
    before = overview.figures()
    assert before is not None
    assert before.slip_days is not None and before.slip_days > 0  # nothing done yet
    assert before.next_module == 1

    for offset, duration in ((0, "1h30m"), (1, "2:00"), (3, "120"), (6, "2h")):
        log_session(qtbot, window, START + dt.timedelta(days=offset), duration)
    assert len(planner.sessions()) == 4
    after_sessions = overview.figures()
    assert after_sessions is not None
    assert after_sessions.slip_days is not None
    assert after_sessions.slip_days < before.slip_days
    heatmap = overview.chart_widgets["heatmap"]
    assert isinstance(heatmap, charts.CalendarHeatmap)
    assert sum(c.minutes for c in heatmap.cells) == 90 + 120 + 120 + 120

    add_mock(
        qtbot,
        window,
        {
            "Score": "48/65",
            "Development with AWS Services score": "16/21",
            "Security score": "12/17",
            "Deployment score": "12/16",
            "Troubleshooting and Optimization score": "8/11",
        },
    )
    assert len(planner.mocks()) == 1
    after_mock = overview.figures()
    assert after_mock is not None
    assert after_mock.p_pass != after_sessions.p_pass

    data = report_to_json(planner.report())
    exam_day = data["readiness"]["exam_day"]
    assert after_mock.p_pass == exam_day["p_pass"]
    assert after_mock.expected_score == exam_day["expected_score"]
    assert after_mock.slip_days == -data["schedule"]["sv_days"]
    assert after_mock.required_hours_per_week == data["schedule"]["required_hours_per_week"]
    assert overview.p_pass_card.value.text() == format_p_pass(exam_day["p_pass"])
    assert window.p_pass_label.text().endswith(format_p_pass(exam_day["p_pass"]))

    mocks = overview.chart_widgets["mocks"]
    assert isinstance(mocks, charts.ChartView)
    exams = next(s for s in mocks.chart().series() if s.name() == "Practice exams")
    assert isinstance(exams, QXYSeries)
    assert exams.count() == 1
    burnup = overview.chart_widgets["burnup"]
    assert isinstance(burnup, charts.ChartView)
    actual = next(s for s in burnup.chart().series() if s.name() == "Actual (AC)")
    assert isinstance(actual, QXYSeries)
    assert actual.at(actual.count() - 1).y() == pytest.approx(7.5)

    window.undo_stack.undo()  # the mock goes away again
    wait_idle(qtbot, window)
    assert planner.mocks() == []
    final = overview.figures()
    assert final is not None and final.p_pass == after_sessions.p_pass
    window.close()
