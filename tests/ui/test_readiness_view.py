"""The Readiness page: domain and topic tables, today vs exam day, the thin-evidence notice."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from studyplanner.services import StudyPlanner, bundled_notes_path, report_to_json
from studyplanner.store.db import open_database
from studyplanner.ui import charts
from studyplanner.ui.views.overview import EVIDENCE_NOTICE, format_p_pass
from studyplanner.ui.views.readiness_view import (
    DomainColumn,
    DomainRole,
    ReadinessView,
    TopicColumn,
    When,
    interval_text,
)

NOW = dt.datetime(2026, 3, 2, 18, 0, tzinfo=dt.UTC)
START = NOW.date() - dt.timedelta(days=20)


@pytest.fixture
def planner(tmp_path: Path) -> Iterator[StudyPlanner]:
    db = open_database(tmp_path / "db.sqlite3")
    yield StudyPlanner(db, clock=lambda: NOW, zone="UTC")
    db.close()


@pytest.fixture
def seeded(planner: StudyPlanner) -> StudyPlanner:
    planner.import_notes_file(bundled_notes_path(), start=START)
    first = planner.modules()[0]
    planner.log_session(first.id, 120, on=START + dt.timedelta(days=1))
    planner.log_session(first.id, 150, on=START + dt.timedelta(days=3))
    planner.record_progress(first.id, done=True, on=START + dt.timedelta(days=3))
    return planner


@pytest.fixture
def view(qtbot: QtBot, planner: StudyPlanner) -> ReadinessView:
    widget = ReadinessView(planner, QUndoStack(), None)
    qtbot.addWidget(widget)
    widget.resize(1100, 700)
    return widget


def cell(view: ReadinessView, table: str, row: int, column: int) -> str:
    model = view.domain_model if table == "domain" else view.topic_model
    value = model.data(model.index(row, column), Qt.ItemDataRole.DisplayRole)
    assert isinstance(value, str)
    return value


def test_tables_follow_the_switch(view: ReadinessView, seeded: StudyPlanner) -> None:
    report = seeded.report()
    data = report_to_json(report)
    view.set_report(report)
    assert view.when is When.EXAM_DAY
    assert view.domain_model.rowCount() == 4
    assert view.topic_model.rowCount() == len(data["modules"]) == 8
    for when, key in ((When.EXAM_DAY, "exam_day"), (When.TODAY, "today")):
        view.set_when(when)
        expected = data["readiness"][key]
        for row, domain in enumerate(expected["domains"]):
            assert cell(view, "domain", row, DomainColumn.DOMAIN) == domain["name"]
            assert cell(view, "domain", row, DomainColumn.MEAN) == f"{100 * domain['mean']:.0f} %"
            assert cell(view, "domain", row, DomainColumn.INTERVAL) == interval_text(
                domain["lo90"], domain["hi90"]
            )
            assert cell(view, "domain", row, DomainColumn.EVIDENCE) == f"{domain['n_eff']:.1f} q"
            assert cell(view, "domain", row, DomainColumn.COVERAGE) == (
                f"{100 * domain['coverage']:.0f} %"
            )
            assert cell(view, "domain", row, DomainColumn.RETENTION).startswith(
                f"{100 * domain['retrievability']:.0f} %"
            )
        for row, module in enumerate(data["modules"]):
            topic = module["readiness"][key]
            assert cell(view, "topic", row, TopicColumn.MODULE) == module["name"]
            assert cell(view, "topic", row, TopicColumn.MEAN) == f"{100 * topic['mean']:.0f} %"
        assert format_p_pass(expected["p_pass"]) in view.headline.text()
        chart = view.chart
        assert isinstance(chart, charts.ChartView)
        assert ("exam day" if when is When.EXAM_DAY else "today") in chart.chart().title()
    index = view.domain_model.index(0, 0)
    assert view.domain_model.data(index, DomainRole) == report.readiness_today.domains[0]


def test_retention_names_the_last_contact(view: ReadinessView, seeded: StudyPlanner) -> None:
    view.set_report(seeded.report())
    view.set_when(When.TODAY)
    # module 1 maps to Security; last studied on day 3, 18 days before the as-of date
    row = next(r for r in range(4) if cell(view, "domain", r, DomainColumn.DOMAIN) == "Security")
    assert cell(view, "domain", row, DomainColumn.RETENTION).endswith("(18 d ago)")


def test_thin_evidence_notice(view: ReadinessView, seeded: StudyPlanner) -> None:
    view.set_report(seeded.report())
    assert view.notice.isVisibleTo(view)
    assert view.notice.text().startswith(EVIDENCE_NOTICE)
    assert "No mock-test evidence yet" in view.notice.text()
    domains = seeded.require_plan().profile.domains
    seeded.add_mock(
        "Big mock",
        taken_on=NOW.date(),
        correct=160,
        total=200,
        domain_counts={d.name: (40, 50) for d in domains},
    )
    view.set_when(When.TODAY)
    view.set_report(seeded.report())
    assert not view.notice.isVisibleTo(view)


def test_no_plan(view: ReadinessView) -> None:
    view.set_report(None)
    assert view.pages.currentIndex() == 0
    assert view.domain_model.rowCount() == 0


def test_models_pass_the_model_tester(
    qtmodeltester: ModelTester, view: ReadinessView, seeded: StudyPlanner
) -> None:
    view.set_report(seeded.report())
    qtmodeltester.check(view.domain_model)
    qtmodeltester.check(view.topic_model)


def test_accessible_names(view: ReadinessView, seeded: StudyPlanner) -> None:
    view.set_report(seeded.report())
    for widget in (view.exam_day_radio, view.today_radio, view.domain_table, view.topic_table):
        assert widget.accessibleName()
