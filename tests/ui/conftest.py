"""UI tests run with the app's translators installed, as ``studyplanner.ui.main`` installs them.

English is the source language, so this changes only count messages: ``"%n session(s)"`` shows
as "1 session" / "2 sessions" through the English catalog (``resources/translations``).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication

from studyplanner.ui import i18n


@pytest.fixture(scope="session", autouse=True)
def _english_translator(qapp: QApplication) -> Iterator[None]:
    translators = i18n.install_translator(qapp, QLocale(QLocale.Language.English))
    yield
    i18n.remove_translators(qapp, translators)


@pytest.fixture
def app_state(qapp: QApplication) -> Iterator[None]:
    """run_gui sets the style and names of the (shared) application: put them back."""
    style = qapp.style().name()
    names = (qapp.organizationName(), qapp.applicationName(), qapp.desktopFileName())
    yield
    qapp.setStyle(style)
    qapp.setOrganizationName(names[0])
    qapp.setApplicationName(names[1])
    qapp.setDesktopFileName(names[2])
