"""Every user-visible string of the UI goes through Qt's translation functions.

Three checks:

- an AST scan of ``studyplanner/ui`` that fails on a string literal (or f-string, or a literal
  ``.format``/``%``/``+`` expression) handed directly to a user-visible Qt text setter or
  constructor, or returned as a header label, instead of going through ``self.tr()`` /
  ``QCoreApplication.translate()`` / ``QT_TRANSLATE_NOOP``;
- the committed ``resources/translations/studyplanner_en.ts`` holds exactly the strings that
  ``scripts/update-translations`` extracts today, and English is complete (every message
  finished, every count message with its singular and plural forms);
- a pseudo-translation compiled with ``lrelease`` really changes the texts of a view.
"""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication, QLabel, QPushButton
from pytestqt.qtbot import QtBot

from studyplanner.ui import charts, i18n
from studyplanner.ui.views.log_view import LogView
from tests.ui.log_fixtures import Env, env

__all__ = ["env"]  # the fixture, imported for pytest

ROOT = Path(__file__).resolve().parents[2]
UI_DIR = ROOT / "studyplanner" / "ui"
SCRIPT = ROOT / "scripts" / "update-translations"
COMMITTED_TS = ROOT / "resources" / "translations" / "studyplanner_en.ts"
COMMITTED_QM = ROOT / "resources" / "translations" / "studyplanner_en.qm"

# Literals that may reach the user untranslated, with the reason.  Everything without a letter
# (empty strings, numbers, punctuation, arrows, bare placeholders such as ``{0}`` or ``%1``, and
# printf formats such as ``%.1f``) is allowed anyway; see :func:`_needs_translation`.
ALLOWED_LITERALS = frozenset(
    {
        "StudyPlanner",  # the product's name
    }
)

# Methods whose every positional argument (and text keywords) is user-visible text when it is a
# string.  ``QMessageBox.warning(parent, title, text)`` and friends are covered too.
TEXT_METHODS = frozenset(
    {
        "setText",
        "setWindowTitle",
        "setWindowIconText",
        "setToolTip",
        "setStatusTip",
        "setWhatsThis",
        "setPlaceholderText",
        "setAccessibleName",
        "setAccessibleDescription",
        "setTitle",
        "setTitleText",
        "setLabelText",
        "setInformativeText",
        "setDetailedText",
        "setButtonText",
        "setSpecialValueText",
        "setPrefix",
        "setSuffix",
        "setTabText",
        "setTabToolTip",
        "setItemText",
        "setHorizontalHeaderLabels",
        "setVerticalHeaderLabels",
        "setHeaderLabels",
        "setHeaderLabel",
        "showMessage",
        "addTab",
        "insertTab",
        "addRow",
        "insertRow",
        "addAction",
        "addMenu",
        "addItems",
        "insertItems",
        "drawText",
        "information",
        "warning",
        "critical",
        "question",
        "about",
        "getText",
        "getInt",
        "getDouble",
        "getItem",
        "setName",
        "setLabel",
        "setHtml",
        "setMarkdown",
        "setPlainText",
        "emit",  # status_message and friends carry text for the user
    }
)

# Methods where only the first argument is text (the rest is data: ``addItem(text, userData)``).
FIRST_ARG_TEXT_METHODS = frozenset({"addItem", "insertItem"})

# ``QFileDialog`` helpers: (parent, caption, directory, filter) - the caption and the filter.
FILE_DIALOG_METHODS = frozenset(
    {"getOpenFileName", "getOpenFileNames", "getSaveFileName", "getExistingDirectory"}
)

# Constructors whose string arguments are user-visible text.
TEXT_CONSTRUCTORS = frozenset(
    {
        "QLabel",
        "QPushButton",
        "QToolButton",
        "QCommandLinkButton",
        "QRadioButton",
        "QCheckBox",
        "QGroupBox",
        "QAction",
        "QMenu",
        "QMessageBox",
        "QStandardItem",
        "QTableWidgetItem",
        "QListWidgetItem",
        "QTreeWidgetItem",
        "QUndoCommand",
        "QBarSet",
        "QPieSlice",
        "QLineSeries",
        "QDockWidget",
        "QWizardPage",
        "QProgressDialog",
        # the app's own helpers (studyplanner.ui.widgets.fields)
        "plain_label",
        "ErrorLabel",
        "date_edit",
        "ChartView",  # ui/charts.py: (chart, accessible name, summary)
    }
)

# Calls where only the last argument is text: ``dialog.show_error(field_key, message)`` and
# ``InputError(field_key, message)`` name a field by key (never shown, so never translated).
LAST_ARG_TEXT_METHODS = frozenset({"show_error", "InputError"})

TEXT_KEYWORDS = frozenset(
    {"text", "title", "toolTip", "tooltip", "label", "caption", "filter", "placeholderText"}
)

# Keyword arguments (and parameter defaults) that are user text in any call or signature, e.g.
# ``readiness_chart(..., title="Readiness")`` or ``def mock_chart(*, title: str = "Scores")``.
ANY_CALL_TEXT_KEYWORDS = frozenset({"title", "caption", "toolTip", "tooltip", "placeholderText"})

# Module-level constants with these words in their names hold labels (e.g. column headers).
LABEL_CONSTANT = re.compile(r"HEADER|LABEL|TITLE|CAPTION", re.IGNORECASE)

TRANSLATING_FUNCTIONS = frozenset({"tr", "translate", "QT_TRANSLATE_NOOP", "QT_TR_NOOP"})

_PLACEHOLDERS = re.compile(r"%(\d+|n|L\d+)|%[-+ #0]*\d*(\.\d+)?[a-zA-Z]|\{[^{}]*\}")


def _needs_translation(text: str) -> bool:
    """Whether *text* is words a user reads (so must be translated)."""
    if text in ALLOWED_LITERALS:
        return False
    return any(ch.isalpha() for ch in _PLACEHOLDERS.sub("", text))


@dataclass(frozen=True, order=True)
class Offence:
    path: str  # relative to studyplanner/ui
    line: int
    what: str

    def __str__(self) -> str:
        return f"studyplanner/ui/{self.path}:{self.line}: {self.what}"


def _call_name(func: ast.expr) -> str:
    if isinstance(func, ast.Attribute):
        return func.attr
    if isinstance(func, ast.Name):
        return func.id
    return ""


def untranslated(node: ast.expr) -> Iterator[ast.expr]:
    """The parts of the expression *node* that are user text built without translation.

    Anything computed by a call (``self.tr(...)``, ``format_minutes(m)``, ``str(n)``) is trusted,
    except ``.format()``/``.join()`` called on a literal; names are trusted too (their literal
    is checked where it is defined, if it is a label constant).
    """
    if isinstance(node, ast.Constant):
        if isinstance(node.value, str) and _needs_translation(node.value):
            yield node
    elif isinstance(node, ast.JoinedStr):
        literal = "".join(
            part.value
            for part in node.values
            if isinstance(part, ast.Constant) and isinstance(part.value, str)
        )
        if _needs_translation(literal):
            yield node
    elif isinstance(node, ast.BinOp):
        yield from untranslated(node.left)
        if isinstance(node.op, ast.Add):
            yield from untranslated(node.right)
    elif isinstance(node, ast.IfExp):
        yield from untranslated(node.body)
        yield from untranslated(node.orelse)
    elif isinstance(node, ast.BoolOp):
        for value in node.values:
            yield from untranslated(value)
    elif isinstance(node, (ast.List, ast.Tuple, ast.Set)):
        for element in node.elts:
            yield from untranslated(element)
    elif isinstance(node, ast.Dict):
        for value in node.values:
            yield from untranslated(value)
    elif isinstance(node, ast.Subscript):
        yield from untranslated(node.value)
    elif isinstance(node, ast.Call):
        func = node.func
        if isinstance(func, ast.Attribute) and func.attr in {"format", "join", "strip"}:
            yield from untranslated(func.value)


def _forwarding_wrappers(tree: ast.AST) -> frozenset[str]:
    """Functions that hand one of their parameters to ``tr()``/``translate()`` as the source.

    ``def _tr(text): return translate("Ctx", text)`` called as ``_tr("Hello")`` hides "Hello"
    from lupdate (it extracts literals inside ``tr``/``translate`` calls only), so such a call
    with a literal is an offence.  (Wrappers given marked constants, ``page_text(title)``, are
    fine: the literal is marked with ``QT_TRANSLATE_NOOP`` where it is defined.)
    """
    wrappers = set()
    for node in ast.walk(tree):
        if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            continue
        params = {a.arg for a in node.args.posonlyargs + node.args.args + node.args.kwonlyargs}
        for call in ast.walk(node):
            if not isinstance(call, ast.Call):
                continue
            name = _call_name(call.func)
            index = 0 if name == "tr" else 1 if name == "translate" else None
            if index is None or len(call.args) <= index:
                continue
            source = call.args[index]
            if isinstance(source, ast.Name) and source.id in params:
                wrappers.add(node.name)
    return frozenset(wrappers)


class _Scanner(ast.NodeVisitor):
    def __init__(self, path: str, wrappers: frozenset[str] = frozenset()) -> None:
        self.path = path
        self.wrappers = wrappers
        self.offences: list[Offence] = []
        self._function: list[str] = []

    def _report(self, node: ast.expr, where: str) -> None:
        for part in untranslated(node):
            text = ast.unparse(part)
            if len(text) > 60:
                text = text[:57] + "..."
            self.offences.append(Offence(self.path, part.lineno, f"{text} in {where}"))

    def visit_FunctionDef(self, node: ast.FunctionDef) -> None:
        arguments = node.args
        positional = arguments.posonlyargs + arguments.args
        defaults = list(
            zip(
                positional[len(positional) - len(arguments.defaults) :],
                arguments.defaults,
                strict=True,
            )
        )
        defaults += [
            (arg, default)
            for arg, default in zip(arguments.kwonlyargs, arguments.kw_defaults, strict=True)
            if default is not None
        ]
        for arg, default in defaults:
            if arg.arg in ANY_CALL_TEXT_KEYWORDS:
                self._report(default, f"default of {arg.arg}")
        self._function.append(node.name)
        self.generic_visit(node)
        self._function.pop()

    def visit_Return(self, node: ast.Return) -> None:
        if self._function and self._function[-1] == "headerData" and node.value is not None:
            self._report(node.value, "headerData()")
            value = node.value
            if (
                isinstance(value, ast.Subscript)
                and isinstance(value.value, ast.Name)
                and LABEL_CONSTANT.search(value.value.id)
            ):
                self.offences.append(
                    Offence(self.path, node.lineno, f"{ast.unparse(value)} in headerData()")
                )
        self.generic_visit(node)

    def visit_Assign(self, node: ast.Assign) -> None:
        if not self._function:
            names = [t.id for t in node.targets if isinstance(t, ast.Name)]
            if any(LABEL_CONSTANT.search(name) for name in names):
                self._report(node.value, f"label constant {names[0]}")
        self.generic_visit(node)

    def visit_AnnAssign(self, node: ast.AnnAssign) -> None:
        target = node.target
        if (
            not self._function
            and isinstance(target, ast.Name)
            and node.value is not None
            and LABEL_CONSTANT.search(target.id)
        ):
            self._report(node.value, f"label constant {target.id}")
        self.generic_visit(node)

    def visit_Call(self, node: ast.Call) -> None:
        name = _call_name(node.func)
        if name in TRANSLATING_FUNCTIONS:
            return  # a translated literal; nothing inside needs a look
        where = f"{name}()"
        checked: list[ast.expr] = []
        if name in TEXT_METHODS or name in TEXT_CONSTRUCTORS:
            checked = list(node.args)
        elif name in FIRST_ARG_TEXT_METHODS:
            checked = node.args[:1]
        elif name in LAST_ARG_TEXT_METHODS:
            checked = node.args[-1:]
        elif name in FILE_DIALOG_METHODS:
            checked = [arg for index, arg in enumerate(node.args) if index in (1, 3)]
        elif name == "__init__" and _is_super_call(node.func):
            checked = node.args[:1]
            where = "super().__init__()"
        elif name in self.wrappers:
            checked = [arg for arg in node.args if isinstance(arg, (ast.Constant, ast.JoinedStr))]
            where = f"{name}() (a wrapper of translate(): lupdate cannot see the literal)"
        if name in TEXT_METHODS | TEXT_CONSTRUCTORS | FILE_DIALOG_METHODS:
            checked += [kw.value for kw in node.keywords if kw.arg in TEXT_KEYWORDS]
        else:
            checked += [kw.value for kw in node.keywords if kw.arg in ANY_CALL_TEXT_KEYWORDS]
        for arg in checked:
            self._report(arg, where)
        self.generic_visit(node)


def _is_super_call(func: ast.expr) -> bool:
    return (
        isinstance(func, ast.Attribute)
        and isinstance(func.value, ast.Call)
        and _call_name(func.value.func) == "super"
    )


def scan_source(source: str, path: str = "<string>") -> list[Offence]:
    tree = ast.parse(source)
    scanner = _Scanner(path, _forwarding_wrappers(tree))
    scanner.visit(tree)
    return sorted(scanner.offences)


def scan_ui() -> dict[str, list[Offence]]:
    """Every UI module, relative to ``studyplanner/ui``, with its offences."""
    result = {}
    for file in sorted(UI_DIR.rglob("*.py")):
        relative = file.relative_to(UI_DIR).as_posix()
        result[relative] = scan_source(file.read_text(encoding="utf-8"), relative)
    return result


# -- (a) the scan --------------------------------------------------------------------------------


def test_ui_strings_go_through_translation() -> None:
    offences = [str(offence) for found in scan_ui().values() for offence in found]
    assert not offences, "user-visible strings that bypass tr():\n" + "\n".join(offences)


@pytest.mark.parametrize(
    ("source", "lines"),
    [
        ("label.setText('Planned hours')", [1]),
        ("label.setText(f'{n} sessions')", [1]),
        ("label.setText('Plan {0}'.format(x))", [1]),
        ("label.setText('%d hours' % n)", [1]),
        ("label.setText(x + ' hours')", [1]),
        ("label.setText('Yes' if ok else\n 'No')", [1, 2]),
        ("QPushButton('Save', self)", [1]),
        ("QMessageBox.warning(self, 'Import failed', str(error))", [1]),
        ("combo.addItem('Weekly', 'weekly')", [1]),
        ("QFileDialog.getSaveFileName(self, 'Export', '', 'CSV files (*.csv)')", [1, 1]),
        ("class C(QUndoCommand):\n def __init__(self):\n  super().__init__(f'Delete {x}')", [3]),
        ("def headerData(self, s, o, r):\n return ('Date', 'Module')[s]", [2, 2]),
        ("HEADERS = {1: 'Date'}", [1]),
        ("def headerData(self, s, o, r):\n return HEADERS[s]", [2]),
        ("def headerData(self, s, o, r):\n return translate('M', HEADERS[s])", []),
        ("label.setText(self.tr('Planned hours'))", []),
        ("label.setText(self.tr('Plan {0}').format(x))", []),
        ("label.setText(QCoreApplication.translate('View', '%n h', '', n))", []),
        ("HEADERS = {1: QT_TRANSLATE_NOOP('Model', 'Date')}", []),
        ("combo.addItem(self.tr('Weekly'), 'weekly')", []),
        ("label.setText('')", []),
        ("label.setText(' – ')", []),
        ("label.setText(f'{a} / {b}')", []),
        ("label.setText('%.1f')", []),
        ("label.setText(format_minutes(m))", []),
        ("label.setObjectName('summary')", []),
        ("window.setWindowTitle('StudyPlanner')", []),
        # charts and other helpers: text keywords, text defaults, the chart view's texts
        ("chart = readiness_chart(d, p, title='Readiness')", [1]),
        ("chart = readiness_chart(d, p, title=self.tr('Readiness'))", []),
        ("def mock_chart(m, *, title: str = 'Mock scores'):\n pass", [1]),
        ("def mock_chart(m, title='Mock scores', palette=None):\n pass", [1]),
        ("def mock_chart(m, *, title: str | None = None, name: str = 'x'):\n pass", []),
        ("ChartView(chart, 'Burn-up chart', summary)", [1]),
        ("series.setName('Planned (PV)')", [1]),
        ("axis.setTitleText('Date')", [1]),
        # a wrapper that forwards its parameter to translate() hides literals from lupdate
        ("def _tr(text):\n return translate('Safety', text)\nbox.exec(_tr('Disk full'))", [3]),
        ("def _tr(text):\n return translate('Safety', text)\nx = _tr(TITLES[k])", []),
        ("def page_text(t):\n return QCoreApplication.translate('Pages', t)\npage_text(p)", []),
    ],
)
def test_scanner_catches_bypasses_and_allows_the_rest(source: str, lines: list[int]) -> None:
    assert [offence.line for offence in scan_source(source)] == lines


def test_offences_name_file_and_line() -> None:
    (offence,) = scan_source("x = 1\nlabel.setText('Hours')\n", "views/x.py")
    assert str(offence) == "studyplanner/ui/views/x.py:2: 'Hours' in setText()"


# -- (b) the .ts file ----------------------------------------------------------------------------


Message = tuple[str, str, str, bool]  # context, source, disambiguation comment, numerus


def ts_messages(ts_file: Path) -> dict[Message, list[str]]:
    """The messages of a .ts file with their translations (numerus forms: one per form)."""
    root = ET.parse(ts_file).getroot()
    result: dict[Message, list[str]] = {}
    for context in root.iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            numerus = message.get("numerus") == "yes"
            key = (
                name,
                message.findtext("source", ""),
                message.findtext("comment", ""),
                numerus,
            )
            translation = message.find("translation")
            assert translation is not None
            if translation.get("type") in {"obsolete", "vanished"}:
                continue
            if translation.get("type") == "unfinished":
                forms = []
            elif numerus:
                forms = [form.text or "" for form in translation.iter("numerusform")]
            else:
                forms = [translation.text or ""]
            result[key] = forms
    return result


def qt_tool(name: str) -> str | None:
    """PySide6's *name* (``lupdate``, ``lrelease``), as ``scripts/update-translations`` finds it."""
    import PySide6

    for candidate in (
        Path(sys.executable).parent / f"pyside6-{name}",
        Path(PySide6.__file__).parent / name,
    ):
        if candidate.is_file():
            return str(candidate)
    return shutil.which(f"pyside6-{name}")


def _tool_available() -> bool:
    return qt_tool("lupdate") is not None and qt_tool("lrelease") is not None


needs_tools = pytest.mark.skipif(
    not _tool_available(), reason="PySide6's lupdate/lrelease are not installed"
)


def run_update(out_dir: Path) -> None:
    subprocess.run(
        [sys.executable, str(SCRIPT), "--out", str(out_dir)],
        check=True,
        capture_output=True,
        text=True,
        timeout=120,
    )


@needs_tools
def test_committed_ts_is_up_to_date(tmp_path: Path) -> None:
    shutil.copy(COMMITTED_TS, tmp_path / COMMITTED_TS.name)
    run_update(tmp_path)
    fresh = ts_messages(tmp_path / COMMITTED_TS.name)
    committed = ts_messages(COMMITTED_TS)
    assert sorted(fresh.keys() - committed.keys()) == [], "run scripts/update-translations"
    assert sorted(committed.keys() - fresh.keys()) == [], "run scripts/update-translations"
    assert (tmp_path / COMMITTED_QM.name).read_bytes() == COMMITTED_QM.read_bytes(), (
        "the committed .qm is stale: run scripts/update-translations"
    )


@needs_tools
def test_tooling_extracts_from_scratch(tmp_path: Path) -> None:
    """Without a previous .ts, the tooling still finds every string (and fills English)."""
    run_update(tmp_path)
    fresh = ts_messages(tmp_path / COMMITTED_TS.name)
    assert fresh.keys() == ts_messages(COMMITTED_TS).keys()


def test_english_is_complete() -> None:
    messages = ts_messages(COMMITTED_TS)
    assert len(messages) > 100  # the UI modules, not an empty file
    unfinished = sorted(key[:2] for key, forms in messages.items() if not forms)
    assert unfinished == [], f"untranslated English messages: {unfinished}"
    for (context, source, _, numerus), forms in messages.items():
        if numerus:
            assert len(forms) == 2, (context, source, forms)
            assert all("%n" in form for form in forms), (context, source, forms)
            assert forms[0] != forms[1], (context, source, forms)
        else:
            assert forms == [source], (context, source, forms)
    numerus_sources = {key[1] for key in messages if key[3]}
    assert "%n session(s), {0}" in numerus_sources


def test_english_catalog_gives_singular_and_plural(qapp: QApplication) -> None:
    """The conftest installs it for every UI test; here, for a language without a catalog."""
    translators = i18n.install_translator(qapp, QLocale(QLocale.Language.Icelandic))
    try:
        assert translators  # fell back to the English catalog
        one = QCoreApplication.translate("LogView", "%n session(s), {0}", "", 1)
        two = QCoreApplication.translate("LogView", "%n session(s), {0}", "", 2)
    finally:
        i18n.remove_translators(qapp, translators)
    assert (one, two) == ("1 session, {0}", "2 sessions, {0}")
    assert i18n.translations_dir() == COMMITTED_TS.parent


def test_no_fstring_reaches_tr() -> None:
    """lupdate cannot extract a text built at run time: tr() takes a literal, formatted after.

    (``translate(context, LABELS[key])`` is fine: the literals are marked where they are defined,
    with QT_TRANSLATE_NOOP.)
    """
    bad = []
    for file in sorted(UI_DIR.rglob("*.py")):
        for node in ast.walk(ast.parse(file.read_text(encoding="utf-8"))):
            name = _call_name(node.func) if isinstance(node, ast.Call) else ""
            if name not in {"tr", "translate"}:
                continue
            assert isinstance(node, ast.Call)
            index = 0 if name == "tr" else 1
            text = node.args[index] if len(node.args) > index else None
            built = isinstance(text, (ast.JoinedStr, ast.BinOp)) or (
                isinstance(text, ast.Call) and _call_name(text.func) == "format"
            )
            if text is None or built:
                bad.append(f"{file.relative_to(ROOT)}:{node.lineno}")
    assert bad == [], bad


def test_counts_go_through_tr() -> None:
    """lupdate marks ``self.tr("%n day(s)", "", n)`` as a count message, but not
    ``QCoreApplication.translate(context, "%n day(s)", "", n)`` (PySide6 6.11): such a message
    would show "2 day(s)".  Counts belong in a QObject's ``tr()``."""
    bad = []
    for file in sorted(UI_DIR.rglob("*.py")):
        for node in ast.walk(ast.parse(file.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or _call_name(node.func) != "translate":
                continue
            if len(node.args) > 3 or any(kw.arg == "n" for kw in node.keywords):
                bad.append(f"{file.relative_to(ROOT)}:{node.lineno}")
    assert bad == [], bad


# -- (c) a pseudo-translation really changes the UI ----------------------------------------------


PSEUDO_TS = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE" sourcelanguage="en">
{contexts}
</TS>
"""


def _pseudo_ts(messages: dict[Message, list[str]], contexts: set[str]) -> str:
    """A .ts translating every message of *contexts* to ``[[source]]``."""
    by_context: dict[str, list[str]] = {}
    for context, source, comment, numerus in messages:
        if context not in contexts:
            continue
        translated = f"[[{escape(source)}]]"
        attribute = ' numerus="yes"' if numerus else ""
        body = f"<numerusform>{translated}</numerusform>" if numerus else translated
        note = f"<comment>{escape(comment)}</comment>" if comment else ""
        by_context.setdefault(context, []).append(
            f"<message{attribute}><source>{escape(source)}</source>{note}"
            f"<translation>{body}</translation></message>"
        )
    return PSEUDO_TS.format(
        contexts="\n".join(
            f"<context><name>{name}</name>{''.join(items)}</context>"
            for name, items in by_context.items()
        )
    )


@needs_tools
def test_pseudo_translation_changes_a_view(qtbot: QtBot, env: Env, tmp_path: Path) -> None:
    ts_file = tmp_path / "pseudo.ts"
    ts_file.write_text(_pseudo_ts(ts_messages(COMMITTED_TS), {"LogView"}), encoding="utf-8")
    lrelease = qt_tool("lrelease")
    assert lrelease is not None
    subprocess.run(
        [lrelease, "-silent", str(ts_file), "-qm", str(tmp_path / "pseudo.qm")],
        check=True,
        timeout=60,
    )
    translator = QTranslator()
    assert translator.load(str(tmp_path / "pseudo.qm"))
    app = QApplication.instance()
    assert app is not None
    assert QCoreApplication.installTranslator(translator)
    try:
        view = LogView(env.planner, QUndoStack())
        qtbot.addWidget(view)
        view.set_report(env.planner.report())
        texts = [w.text() for w in view.findChildren(QLabel) + view.findChildren(QPushButton)]
    finally:
        QCoreApplication.removeTranslator(translator)
    visible = [text for text in texts if text.strip()]
    assert visible
    assert any(text.startswith("[[") for text in visible), visible
    # no label or button of the view kept a bare English text
    bare = [text for text in visible if "[[" not in text and _needs_translation(text)]
    assert bare == [], bare


@needs_tools
def test_pseudo_translation_changes_the_week_labels(tmp_path: Path) -> None:
    ts_file = tmp_path / "pseudo.ts"
    ts_file.write_text(_pseudo_ts(ts_messages(COMMITTED_TS), {"charts"}), encoding="utf-8")
    lrelease = qt_tool("lrelease")
    assert lrelease is not None
    qm = tmp_path / "pseudo.qm"
    subprocess.run([lrelease, "-silent", str(ts_file), "-qm", str(qm)], check=True, timeout=60)
    translator = QTranslator()
    assert translator.load(str(qm))
    assert QCoreApplication.installTranslator(translator)
    try:
        assert charts.week_label(3) == "[[W3]]"
    finally:
        QCoreApplication.removeTranslator(translator)
    assert charts.week_label(3) == "W3"
