"""What packagers get (ECOSYSTEM.md A7, A9, B2, B13): wheel, sdist, desktop file, metainfo, icons,
and the PyInstaller bundle.

Everything runs offline: the wheel is built with ``--no-isolation`` from the build backend already
in the virtualenv, and installed with ``--no-index --no-deps`` into a fresh venv that sees the
virtualenv's dependencies through a ``.pth`` file (not the checkout, not an editable install).
"""

from __future__ import annotations

import os
import re
import shutil
import struct
import subprocess
import sys
import sysconfig
import tarfile
import time
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest

import studyplanner
from tests.packaging.conftest import ROOT

APP_ID = "io.github.studyplanner.StudyPlanner"
PACKAGING = ROOT / "packaging"
DESKTOP = PACKAGING / f"{APP_ID}.desktop"
METAINFO = PACKAGING / f"{APP_ID}.metainfo.xml"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def run(*args: str | Path, cwd: Path | None = None, timeout: float = 300) -> str:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    result = subprocess.run(
        [str(a) for a in args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    assert result.returncode == 0, f"{args}\n{result.stdout}\n{result.stderr}"
    return result.stdout


def tool(name: str, package: str) -> str:
    found = shutil.which(name)
    assert found, f"{name} is missing: apt-get install {package} (scripts/bootstrap does)"
    return found


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    run(sys.executable, "-m", "build", "--no-isolation", "--outdir", out, ROOT, cwd=ROOT)
    return out


def only(folder: Path, pattern: str) -> Path:
    [found] = folder.glob(pattern)
    return found


def test_build_gives_a_wheel_and_an_sdist(dist: Path) -> None:
    version = studyplanner.__version__
    wheel = only(dist, f"studyplanner-{version}-py3-none-any.whl")
    sdist = only(dist, f"studyplanner-{version}.tar.gz")
    names = set(zipfile.ZipFile(wheel).namelist())
    for expected in (
        "studyplanner/__init__.py",
        "studyplanner/exchange.py",
        "studyplanner/resources/profiles/DVA-C02.json",
        "studyplanner/resources/templates/aws-dva-notes.txt",
        "studyplanner/resources/templates/aws-dva.json",
        "studyplanner/resources/icons/studyplanner.svg",
    ):
        assert expected in names, expected
    assert not any(n.startswith(("tests/", "packaging/")) for n in names)
    with tarfile.open(sdist) as archive:
        members = {m.split("/", 1)[1] for m in archive.getnames() if "/" in m}
    for expected in (
        "LICENSE",
        "pyproject.toml",
        f"packaging/{APP_ID}.desktop",
        f"packaging/{APP_ID}.metainfo.xml",
        "packaging/studyplanner.spec",
        "packaging/icons/studyplanner-512.png",
        "resources/icons/studyplanner.svg",
        "tests/exchange/data/toggl.csv",
    ):
        assert expected in members, expected
    assert not any(m.startswith((".venv/", ".hypothesis/")) for m in members)


def test_the_installed_wheel_finds_its_bundled_plan(dist: Path, tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    run(sys.executable, "-m", "venv", "--without-pip", venv)
    python = venv / "bin" / "python"
    run(
        sys.executable, "-m", "pip", "--python", python, "install", "--quiet", "--no-index",
        "--no-deps", only(dist, "*.whl"),
    )  # fmt: skip
    site = Path(
        run(python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])").strip()
    )
    # The dependencies (PySide6, sqlmodel, ...) come from this virtualenv, read-only.
    (site / "_studyplanner_test_deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    code = (
        "import studyplanner, studyplanner.services as s;"
        "print(studyplanner.__file__); print(s.bundled_notes_path());"
        "print(len(s.bundled_profiles()))"
    )
    package, notes, profiles = run(python, "-c", code, cwd=tmp_path).split()
    assert Path(package).is_relative_to(venv) and Path(notes).is_relative_to(venv)
    assert Path(notes).is_file() and profiles == "2"
    db = tmp_path / "x.sqlite3"
    out = run(
        python, "-m", "studyplanner", "--db", db, "plan", "import", notes, "--start",
        "2019-01-18", cwd=tmp_path,
    )  # fmt: skip
    assert "8 modules" in out
    assert run(venv / "bin" / "studyplanner", "--version").strip() == (
        f"studyplanner {studyplanner.__version__}"
    )


def test_desktop_file_validates() -> None:
    run(tool("desktop-file-validate", "desktop-file-utils"), DESKTOP)
    text = DESKTOP.read_text(encoding="utf-8")
    assert f"Icon={APP_ID}\n" in text and "Exec=studyplanner\n" in text


def test_metainfo_validates_and_matches_the_package() -> None:
    run(tool("appstreamcli", "appstream"), "validate", "--no-net", METAINFO)
    root = ET.parse(METAINFO).getroot()
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable") == DESKTOP.name
    releases = root.findall("releases/release")
    assert releases[0].get("version") == studyplanner.__version__
    images = [i.text or "" for i in root.iter("image")]
    assert images and all(re.search(r"/docs/screenshots/[a-z-]+\.png$", i) for i in images)


def test_icons() -> None:
    svg = ET.parse(ROOT / "resources" / "icons" / "studyplanner.svg").getroot()
    assert svg.tag == "{http://www.w3.org/2000/svg}svg"
    for size in ICON_SIZES:
        data = (PACKAGING / "icons" / f"studyplanner-{size}.png").read_bytes()
        assert data[:8] == b"\x89PNG\r\n\x1a\n"
        assert struct.unpack(">II", data[16:24]) == (size, size)


@pytest.mark.packaging_slow
def test_pyinstaller_bundle_runs(tmp_path: Path) -> None:
    pytest.importorskip("PyInstaller", reason="pip install pyinstaller (the test extra has it)")
    started = time.monotonic()
    run(
        sys.executable, "-m", "PyInstaller", "--noconfirm", "--distpath", tmp_path / "dist",
        "--workpath", tmp_path / "build", PACKAGING / "studyplanner.spec", cwd=ROOT, timeout=900,
    )  # fmt: skip
    built = time.monotonic() - started
    app = tmp_path / "dist" / "studyplanner" / "studyplanner"
    assert run(app, "--version").strip() == f"studyplanner {studyplanner.__version__}"
    notes = next(
        (tmp_path / "dist" / "studyplanner").rglob("resources/templates/aws-dva-notes.txt")
    )
    out = run(app, "--db", tmp_path / "x.sqlite3", "plan", "import", notes, "--start", "2019-01-18")
    assert "8 modules" in out
    print(f"PyInstaller build: {built:.0f} s")
