"""REL-SEC-03 (a) and (d): a scripted GUI session opens no inet socket and works with no network.

(a) runs the session under ``strace -f -e trace=socket,connect,sendto,sendmsg`` and counts
``AF_INET``/``AF_INET6`` sockets and connects (AF_UNIX and AF_NETLINK are allowed). (d) runs the
same session inside ``unshare -n`` (a network namespace with no interfaces). (b) and (c) are in
tests/reliability/test_time_security.py.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.reliability.harness import REPO, isolated_env

pytestmark = pytest.mark.reliability

# The window over the real services: plan, 20 sessions, the timer, import, export, backup,
# restore (with the recovery dialog's store calls), settings, and a second start.
GUI_SESSION = textwrap.dedent(
    """
    import datetime as dt
    import os
    import sys
    from pathlib import Path
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtWidgets import QApplication
    from studyplanner import exchange, services
    from studyplanner.store import recovery
    from studyplanner.store.db import open_database
    from studyplanner.ui.main_window import MainWindow, settings_at
    from studyplanner.ui.safety import BackupScheduler, install
    from studyplanner.ui.workers import app_pool

    app = QApplication([])
    path = Path(sys.argv[1])
    db = open_database(path)
    planner = services.StudyPlanner(db)
    planner.import_notes_file(services.bundled_notes_path(), start=planner.today())
    window = MainWindow(planner, settings=settings_at(path.parent / "window.ini"))
    window.show()
    scheduler = install(window, db)
    module = planner.modules()[0].id
    for n in range(20):
        planner.log_session(module, 20, on=planner.today() - dt.timedelta(days=1), at=dt.time(n, 0))
    window.toggle_timer()
    window.toggle_timer()
    for key in window.page_keys():
        window.show_page(key)
        app.processEvents()
    exported = path.parent / "sessions.csv"
    exchange.export_sessions_csv(planner, exported)
    exchange.import_sessions(planner, exported)
    exchange.export_json(planner, path.parent / "backup.json")
    exchange.export_ical(planner, path.parent / "plan.ics")
    scheduler.backup_now()
    app_pool().waitForDone()
    app.processEvents()
    window.close()
    app_pool().waitForDone()
    made = db.backup("manual", only_if_changed=False)
    db.close()
    recovery.restore_backup(path, recovery.find_restorable_backups(path)[0])
    again = open_database(path)
    assert len(services.StudyPlanner(again).sessions()) == 20
    again.close()
    import socket
    socket.socket(socket.AF_UNIX).close()  # allowed; shows that the trace sees sockets
    print("DONE", made.name)
    """
)


def _run(prefix: list[str], tmp_path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*prefix, sys.executable, "-c", GUI_SESSION, str(tmp_path / "data" / "s.sqlite3")],
        capture_output=True,
        text=True,
        env=isolated_env(tmp_path),
        cwd=REPO,
        timeout=240,
        check=False,
    )


INET_SOCKET = re.compile(r"\bsocket\(AF_INET6?\b")
INET_CONNECT = re.compile(r"\b(connect|sendto|sendmsg)\(.*sa_family=AF_INET6?\b")


def inet_calls(trace: str) -> list[str]:
    """The lines of an strace log that open or use an inet socket."""
    return [
        line for line in trace.splitlines() if INET_SOCKET.search(line) or INET_CONNECT.search(line)
    ]


@pytest.mark.skipif(shutil.which("strace") is None, reason="strace is not installed")
def test_rel_sec_03a_no_inet_socket_in_a_gui_session(tmp_path: Path) -> None:
    trace = tmp_path / "trace.txt"
    done = _run(
        ["strace", "-f", "-e", "trace=socket,connect,sendto,sendmsg", "-o", str(trace)], tmp_path
    )
    if done.returncode != 0 and "ptrace" in done.stderr:
        pytest.skip(f"strace cannot trace here: {done.stderr.strip()[:200]}")
    assert done.returncode == 0 and "DONE" in done.stdout, done.stderr[-2000:]
    text = trace.read_text(errors="replace")
    sockets = len(re.findall(r"\bsocket\(", text))
    found = inet_calls(text)
    print(f"\nREL-SEC-03a: {sockets} socket() calls traced, {len(found)} inet")
    assert sockets >= 1, "the trace saw no socket() at all, not even the AF_UNIX control"
    assert found == []


def test_the_inet_filter_sees_inet_calls() -> None:
    trace = "\n".join(
        [
            "5 socket(AF_UNIX, SOCK_STREAM|SOCK_CLOEXEC, 0) = 3",
            "5 socket(AF_INET6, SOCK_DGRAM, IPPROTO_IP) = 4",
            "5 connect(4, {sa_family=AF_INET, sin_port=htons(53),"
            ' sin_addr=inet_addr("1.1.1.1")}, 16) = 0',
            '5 connect(3, {sa_family=AF_UNIX, sun_path="/run/dbus"}, 20) = 0',
        ]
    )
    assert len(inet_calls(trace)) == 2


@pytest.mark.skipif(shutil.which("unshare") is None, reason="unshare is not installed")
def test_rel_sec_03d_the_app_works_without_a_network(tmp_path: Path) -> None:
    probe = subprocess.run(["unshare", "-n", "true"], capture_output=True, text=True, check=False)
    if probe.returncode != 0:
        pytest.skip(f"cannot create a network namespace here: {probe.stderr.strip()}")
    done = _run(["unshare", "-n"], tmp_path)
    assert done.returncode == 0 and "DONE" in done.stdout, done.stderr[-2000:]
