"""Where things live: the per-user data dir (via appdirs), the database file and the resources.

This is the only module that knows the per-user directories.  ``STUDYPLANNER_HOME`` overrides the
data dir (tests, portable use); ``--db PATH`` overrides the database file itself.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "studyplanner"
DB_FILENAME = "studyplanner.sqlite3"
HOME_ENV = "STUDYPLANNER_HOME"


def data_dir() -> Path:
    """The per-user data dir: ``$STUDYPLANNER_HOME`` if set, else appdirs' user data dir."""
    override = os.environ.get(HOME_ENV)
    if override:
        return Path(override).expanduser()
    import appdirs  # local import: only this module knows the per-user dirs

    return Path(appdirs.user_data_dir(APP_NAME, appauthor=False))


def config_dir() -> Path:
    """Where window state goes (QSettings ini file)."""
    override = os.environ.get(HOME_ENV)
    if override:
        return Path(override).expanduser() / "config"
    import appdirs

    return Path(appdirs.user_config_dir(APP_NAME, appauthor=False))


def cache_dir() -> Path:
    """Where things that can be recomputed go (the figures saved at close): safe to delete."""
    override = os.environ.get(HOME_ENV)
    if override:
        return Path(override).expanduser() / "cache"
    import appdirs

    return Path(appdirs.user_cache_dir(APP_NAME, appauthor=False))


def default_db_path() -> Path:
    return data_dir() / DB_FILENAME


def resources_dir() -> Path:
    """The runtime assets folder, in every way the app runs.

    - PyInstaller bundle: ``sys._MEIPASS/resources`` (the spec maps the folder there);
    - installed wheel: ``studyplanner/resources`` (hatch force-includes the top-level folder);
    - source checkout or editable install: the top-level ``resources/`` beside the package.
    """
    bundle = getattr(sys, "_MEIPASS", None)
    candidates: list[Path] = []
    if bundle:
        candidates.append(Path(bundle) / "resources")
    package_dir = Path(__file__).resolve().parent
    candidates.append(package_dir / "resources")
    candidates.append(package_dir.parent / "resources")
    for candidate in candidates:
        if (candidate / "profiles").is_dir():
            return candidate
    searched = ", ".join(str(c) for c in candidates)
    raise FileNotFoundError(f"StudyPlanner's resources folder is missing (looked in: {searched})")
