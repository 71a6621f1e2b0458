"""Composition root: arguments, paths, the database, the services, then the window or the CLI.

A command (``plan``, ``log``, ``report`` ...) runs the command line without importing Qt; no
command opens the window.  The window path paints the start window first (QtWidgets only) and
shows the figures saved at the last clean close if they are still today's (issue #7 (a)), and
imports the store, the services and the pages only after that.
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Sequence

from studyplanner import cli


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        parsed = cli.build_parser().parse_args(args)
    except cli.UsageError:
        return cli.run(args, sys.stdout, sys.stderr)
    if parsed.command is not None:
        return cli.run(args, sys.stdout, sys.stderr)
    from studyplanner.ui import startup

    start = startup.show_start_window(None if parsed.demo else startup.default_settings_path())
    if not parsed.demo:
        from studyplanner import paths

        startup.show_saved_figures(start, parsed.db or paths.default_db_path())
    startup.off_gui_thread(startup.import_heavy_modules)
    from studyplanner.ui.main import run_gui

    # The objects of the imports live as long as the process: freezing them spares every later
    # full garbage collection (one per report at 100k sessions) from scanning them again.
    gc.freeze()
    return run_gui(db_path=parsed.db, demo=parsed.demo, start=start)
