"""Colour scheme following: a light or dark Fusion palette, and the Overview's charts re-themed."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCharts import QChart
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from studyplanner.services import StudyPlanner, bundled_notes_path
from studyplanner.store.db import open_database
from studyplanner.ui import charts, theme
from studyplanner.ui.views.overview import OverviewView

NOW = dt.datetime(2026, 3, 2, 18, 0, tzinfo=dt.UTC)
START = NOW.date() - dt.timedelta(days=20)


@pytest.fixture
def app(qapp: QApplication) -> Iterator[QApplication]:
    """The test QApplication in Fusion; its palette and any theme follower are undone after."""
    style = qapp.style().name()
    saved = QPalette(qapp.palette())
    qapp.setStyle("Fusion")
    yield qapp
    found = qapp.findChild(theme.ThemeFollower, theme.FOLLOWER_NAME)
    if found is not None:
        QGuiApplication.styleHints().colorSchemeChanged.disconnect(found.apply)
        found.setParent(None)
        found.deleteLater()
    qapp.setStyle(style)
    qapp.setPalette(saved)


@pytest.fixture
def planner(tmp_path: Path) -> Iterator[StudyPlanner]:
    db = open_database(tmp_path / "db.sqlite3")
    made = StudyPlanner(db, clock=lambda: NOW, zone="UTC")
    made.import_notes_file(bundled_notes_path(), start=START)
    modules = made.modules()
    for offset, minutes in ((0, 120), (1, 90), (3, 90), (9, 60), (12, 30)):
        module = modules[0] if offset < 7 else modules[1]
        made.log_session(module.id, minutes, on=START + dt.timedelta(days=offset))
    made.add_mock("Test 1", taken_on=START + dt.timedelta(days=14), correct=40, total=65)
    yield made
    db.close()


def mean_lightness(image: QImage) -> float:
    """Mean HSL lightness (0-255) of *image*, from a smoothly scaled-down copy."""
    small = image.scaled(
        80, 50, Qt.AspectRatioMode.IgnoreAspectRatio, Qt.TransformationMode.SmoothTransformation
    )
    values = [small.pixelColor(x, y).lightness() for x in range(80) for y in range(50)]
    return sum(values) / len(values)


def all_themed(view: OverviewView, wanted: QChart.ChartTheme) -> bool:
    """True once every chart of *view* has the theme *wanted* (palette changes arrive as events).

    Then the replaced charts (``deleteLater``) are deleted and the layout settles, so that a
    grab shows only the new ones.
    """
    found = [w for w in view.chart_widgets.values() if isinstance(w, charts.ChartView)]
    if not found or any(w.chart().theme() != wanted for w in found):
        return False
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QCoreApplication.processEvents()
    return True


def test_palettes() -> None:
    dark = theme.dark_palette()
    light = theme.light_palette()
    assert charts.is_dark(dark)
    assert not charts.is_dark(light)
    for palette in (dark, light):
        window = palette.color(QPalette.ColorRole.Window).lightness()
        text = palette.color(QPalette.ColorRole.WindowText).lightness()
        assert abs(window - text) > 120, "text must contrast with the window"
    disabled = dark.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
    active = dark.color(QPalette.ColorGroup.Active, QPalette.ColorRole.Text)
    assert disabled.lightness() < active.lightness(), "disabled text is dimmer"


def test_follows_the_scheme_signal(app: QApplication) -> None:
    start = QPalette(app.palette())
    assert theme.follow_color_scheme(app) is app
    theme.follow_color_scheme(app)  # idempotent: one follower, one connection
    followers = app.findChildren(theme.ThemeFollower)
    assert len(followers) == 1
    hints = QGuiApplication.styleHints()
    if hints.colorScheme() == Qt.ColorScheme.Unknown:
        assert app.palette() == start, "an unknown scheme keeps the palette"
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert followers[0].scheme == Qt.ColorScheme.Dark
    assert charts.is_dark(app.palette())
    assert app.palette().color(QPalette.ColorRole.Base) == theme.dark_palette().color(
        QPalette.ColorRole.Base
    )
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Light)
    assert not charts.is_dark(app.palette())
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Unknown)
    assert app.palette() == start


def test_dark_scheme_themes_the_overview_charts(
    qtbot: QtBot, app: QApplication, planner: StudyPlanner, tmp_path: Path
) -> None:
    view = OverviewView()
    qtbot.addWidget(view)
    view.resize(1100, 700)
    view.set_report(planner.report())
    view.show()
    qtbot.waitExposed(view)
    follower = theme.follower(app)

    follower.apply(Qt.ColorScheme.Dark)
    qtbot.waitUntil(lambda: all_themed(view, QChart.ChartTheme.ChartThemeDark))
    chart_views = [w for w in view.chart_widgets.values() if isinstance(w, charts.ChartView)]
    assert len(chart_views) == 4
    assert len(view.findChildren(charts.ChartView)) == 4, "the light charts are gone"
    for chart_view in chart_views:
        chart = chart_view.chart()
        assert chart.theme() == QChart.ChartTheme.ChartThemeDark, chart.title()
        assert chart.backgroundBrush().color().lightness() < 60, chart.title()
    heatmap = view.chart_widgets["heatmap"]
    assert charts.is_dark(heatmap.palette())
    dark_png = tmp_path / "overview-dark.png"
    assert view.grab().save(str(dark_png))
    dark_lightness = mean_lightness(QImage(str(dark_png)))
    assert dark_lightness < 90

    follower.apply(Qt.ColorScheme.Light)
    qtbot.waitUntil(lambda: all_themed(view, QChart.ChartTheme.ChartThemeLight))
    for chart_view in (w for w in view.chart_widgets.values() if isinstance(w, charts.ChartView)):
        assert chart_view.chart().theme() == QChart.ChartTheme.ChartThemeLight
        assert chart_view.chart().backgroundBrush().color().lightness() > 200
    light_png = tmp_path / "overview-light.png"
    assert view.grab().save(str(light_png))
    assert mean_lightness(QImage(str(light_png))) > 170 > dark_lightness
