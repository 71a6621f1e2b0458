"""Follow the desktop's light or dark colour scheme with a Fusion palette.

The app runs the Fusion style (``ui/main.py``).  :func:`follow_color_scheme` sets the application
palette to a light or a dark Fusion palette from ``QStyleHints.colorScheme()`` at start and on
every ``colorSchemeChanged``.  Widgets then get a ``QEvent.PaletteChange``, which is how the
charts re-theme (``ui/views/overview.py``, ``ui/views/readiness_view.py``).  When the platform
cannot tell the scheme (``Qt.ColorScheme.Unknown``, e.g. offscreen or a bare X server) the palette
the application had at start is kept.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

FOLLOWER_NAME = "studyplanner_theme_follower"

_DARK_COLOURS: tuple[tuple[QPalette.ColorRole, str, str], ...] = (
    # role, active/inactive colour, disabled colour
    (QPalette.ColorRole.Window, "#2d2d2d", "#2d2d2d"),
    (QPalette.ColorRole.WindowText, "#eeeeee", "#7f7f7f"),
    (QPalette.ColorRole.Base, "#1f1f1f", "#262626"),
    (QPalette.ColorRole.AlternateBase, "#292929", "#2b2b2b"),
    (QPalette.ColorRole.ToolTipBase, "#353535", "#353535"),
    (QPalette.ColorRole.ToolTipText, "#eeeeee", "#7f7f7f"),
    (QPalette.ColorRole.PlaceholderText, "#9a9a9a", "#6a6a6a"),
    (QPalette.ColorRole.Text, "#eeeeee", "#7f7f7f"),
    (QPalette.ColorRole.Button, "#353535", "#303030"),
    (QPalette.ColorRole.ButtonText, "#eeeeee", "#7f7f7f"),
    (QPalette.ColorRole.BrightText, "#ff6b6b", "#ff6b6b"),
    (QPalette.ColorRole.Light, "#4a4a4a", "#4a4a4a"),
    (QPalette.ColorRole.Midlight, "#3e3e3e", "#3e3e3e"),
    (QPalette.ColorRole.Mid, "#262626", "#262626"),
    (QPalette.ColorRole.Dark, "#1a1a1a", "#1a1a1a"),
    (QPalette.ColorRole.Shadow, "#0d0d0d", "#0d0d0d"),
    (QPalette.ColorRole.Highlight, "#3d8ee6", "#4a4a4a"),
    (QPalette.ColorRole.HighlightedText, "#ffffff", "#9a9a9a"),
    (QPalette.ColorRole.Accent, "#3d8ee6", "#4a4a4a"),
    (QPalette.ColorRole.Link, "#7fb4f0", "#6a8cb0"),
    (QPalette.ColorRole.LinkVisited, "#b59ae8", "#8a7aa8"),
)


def light_palette() -> QPalette:
    """Fusion's own (light) palette."""
    style = QStyleFactory.create("Fusion")
    palette = QPalette(style.standardPalette())
    style.deleteLater()
    return palette


def dark_palette() -> QPalette:
    """A dark palette for Fusion: every role, disabled colours included."""
    palette = QPalette()
    for role, normal, disabled in _DARK_COLOURS:
        for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
            palette.setColor(group, role, QColor(normal))
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(disabled))
    return palette


class ThemeFollower(QObject):
    """Keeps the application palette in step with the desktop's colour scheme."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.setObjectName(FOLLOWER_NAME)
        self._app = app
        self._start_palette = QPalette(app.palette())
        self.scheme = Qt.ColorScheme.Unknown
        QGuiApplication.styleHints().colorSchemeChanged.connect(self.apply)

    def apply(self, scheme: Qt.ColorScheme) -> None:
        """Set the palette for *scheme* (Unknown: the palette the application started with)."""
        self.scheme = scheme
        if scheme == Qt.ColorScheme.Dark:
            palette = dark_palette()
        elif scheme == Qt.ColorScheme.Light:
            palette = light_palette()
        else:
            palette = self._start_palette
        if palette != self._app.palette():
            self._app.setPalette(palette)


def follower(app: QApplication) -> ThemeFollower:
    """The application's :class:`ThemeFollower`, created (and connected) on first use."""
    found = app.findChild(ThemeFollower, FOLLOWER_NAME)
    return found if isinstance(found, ThemeFollower) else ThemeFollower(app)


def follow_color_scheme(app: QApplication) -> QApplication:
    """Apply the current scheme and follow its changes (idempotent); returns *app*."""
    follower(app).apply(QGuiApplication.styleHints().colorScheme())
    return app
