"""Crash consistency: REL-CRASH-01 (random kill -9), -02 (every crash point) and -03 (kill
during recovery) of RELIABILITY.md section 3.1; REL-CRASH-04 is in tests/store/test_db.py.

The writer is the app's own headless CLI (``studyplanner.devtools.writer``) over the real services.
Independent chains run side by side (one data folder each) to use both CI cores; every trial of a
chain runs on that chain's folder, with the cumulative acked set.
"""

from __future__ import annotations

import dataclasses
import importlib
import os
import pkgutil
import random
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

import studyplanner
from studyplanner.devtools.common import EXIT_OK, EXIT_RECOVERY
from studyplanner.store import backup as backup_module
from studyplanner.store import db as store_db
from tests.reliability.harness import (
    SCALE,
    WORKERS,
    check_store,
    complete_acks,
    db_digest,
    isolated_env,
    make_v1_database,
    make_v2_database,
    read_only,
    run_tool,
    scaled,
    sha256,
    start_writer,
    tool,
)

pytestmark = pytest.mark.reliability

DB_NAME = "studyplanner.sqlite3"


@dataclasses.dataclass
class ChainResult:
    kills: int = 0
    starts: int = 0
    recovery_kills: int = 0
    failures: list[str] = dataclasses.field(default_factory=list)
    recovery_failures: list[str] = dataclasses.field(default_factory=list)
    acked: int = 0
    seconds: float = 0.0


def _kill(process: subprocess.Popen[str]) -> tuple[str, str]:
    with_signal = process.poll() is None
    if with_signal:
        os.kill(process.pid, signal.SIGKILL)
    out, err = process.communicate(timeout=30)
    return out, err


def _prune_backups(folder: Path, keep: int = 4) -> None:
    """Bound disk use over hundreds of starts (REL-CRASH-01 does not look at backups)."""
    for old in backup_module.list_backups(folder)[keep:]:
        old.unlink()


def _run_chain(root: Path, trials: int, recovery_trials: int, seed: int) -> ChainResult:
    """REL-CRASH-01 trials on one data folder; every few trials also REL-CRASH-03."""
    started = time.monotonic()
    result = ChainResult()
    env = isolated_env(root)
    db = root / "data" / DB_NAME
    rng = random.Random(seed)
    acked: set[str] = set()
    seq = 0
    every = max(1, trials // max(1, recovery_trials)) if recovery_trials else 0
    for t in range(trials):
        writer = start_writer(db, seq, env)
        assert writer.stdout is not None
        first = writer.stdout.readline()
        if not first.startswith("ACK "):
            out, err = _kill(writer)
            result.failures.append(f"trial {t}: writer did not start: {first}{out} {err[-500:]}")
            break
        time.sleep(rng.uniform(0.05, 1.0))
        out, _ = _kill(writer)
        result.kills += 1
        acked |= complete_acks(first + out)
        seq, problems = check_store(db, acked)
        result.failures.extend(f"trial {t}: {p}" for p in problems)
        if every and t % every == every - 1 and result.recovery_kills < recovery_trials:
            # REL-CRASH-03: kill the restart during hot-WAL recovery / integrity check / backup.
            restart = subprocess.Popen(
                tool("startcheck", "--db", str(db), "--announce"),
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
                env=env,
            )
            assert restart.stdout is not None
            restart.stdout.readline()
            time.sleep(rng.uniform(0.0, 0.08))
            _kill(restart)
            result.recovery_kills += 1
            clean = run_tool("startcheck", db, env)
            result.starts += 1
            if clean.returncode != EXIT_OK:
                result.recovery_failures.append(
                    f"trial {t}: start after a killed recovery: {clean.stderr}"
                )
            seq, problems = check_store(db, acked)
            result.recovery_failures.extend(f"trial {t}: {p}" for p in problems)
        elif (t + 1) % 10 == 0 or t == trials - 1:
            start = run_tool("startcheck", db, env)
            result.starts += 1
            if start.returncode != EXIT_OK:
                result.failures.append(f"trial {t}: headless start failed: {start.stderr}")
        _prune_backups(db.parent / "backups")
    final = run_tool("startcheck", db, env)
    result.starts += 1
    if final.returncode != EXIT_OK:
        result.failures.append(f"final headless start failed: {final.stderr}")
    result.acked = len(acked)
    result.seconds = time.monotonic() - started
    return result


@pytest.fixture(scope="module")
def crash_chains(tmp_path_factory: pytest.TempPathFactory) -> list[ChainResult]:
    trials = scaled(200)
    recovery = scaled(50)
    shares = [
        (trials // WORKERS + (i < trials % WORKERS), recovery // WORKERS) for i in range(WORKERS)
    ]
    with ThreadPoolExecutor(WORKERS) as pool:
        futures = [
            pool.submit(_run_chain, tmp_path_factory.mktemp(f"chain{i}"), n, r, 1234 + i)
            for i, (n, r) in enumerate(shares)
        ]
        return [f.result() for f in futures]


@pytest.mark.timeout(900 * SCALE)
def test_rel_crash_01_random_kill(crash_chains: list[ChainResult]) -> None:
    kills = sum(c.kills for c in crash_chains)
    failures = [f for c in crash_chains for f in c.failures]
    print(
        f"\nREL-CRASH-01: {kills} kill -9 trials in {len(crash_chains)} chains,"
        f" {sum(c.acked for c in crash_chains)} acked sessions,"
        f" {sum(c.starts for c in crash_chains)} headless starts, {len(failures)} failures,"
        f" {max(c.seconds for c in crash_chains):.0f} s wall"
    )
    assert not failures, failures[:10]
    assert kills == scaled(200)


@pytest.mark.timeout(900 * SCALE)
def test_rel_crash_03_kill_during_recovery(crash_chains: list[ChainResult]) -> None:
    kills = sum(c.recovery_kills for c in crash_chains)
    failures = [f for c in crash_chains for f in c.recovery_failures]
    print(f"\nREL-CRASH-03: {kills} restarts killed during recovery, {len(failures)} failures")
    assert not failures, failures[:10]
    assert kills >= scaled(50) - WORKERS


# -- REL-CRASH-02: every registered crash point ----------------------------------------------


def _import_everything() -> set[str]:
    """Import every module of the app (not ``__main__``) so that all crash points register."""
    for module in pkgutil.walk_packages(studyplanner.__path__, "studyplanner."):
        if module.name.endswith("__main__"):
            continue
        importlib.import_module(module.name)
    return set(store_db.CRASHPOINTS)


WRITE_PATHS = {
    "commit": ("commit:",),
    "backup": ("backup:",),
    "migration": ("migration:",),
    "restore": ("restore:",),
    "import": ("import:",),
    "settings": ("settings:",),
    "export": ("export:",),
}


@pytest.mark.parametrize("write_path", list(WRITE_PATHS))
def test_rel_crash_02_every_write_path_has_points(write_path: str) -> None:
    points = _import_everything()
    assert points, "the crash point registry is empty"
    assert any(p.startswith(WRITE_PATHS[write_path]) for p in points), sorted(points)


@dataclasses.dataclass
class Template:
    """A data folder with a plan, sessions and backups of two different contents."""

    root: Path
    env: dict[str, str]

    @property
    def db(self) -> Path:
        return self.root / "data" / DB_NAME

    def copy_to(self, target: Path) -> Path:
        shutil.copytree(self.root / "data", target / "data")
        return target / "data" / DB_NAME


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Template:
    root = tmp_path_factory.mktemp("template")
    made = Template(root, isolated_env(root))
    for seq in (0, 25):
        done = run_tool("writer", made.db, made.env, "--start-seq", str(seq), "--count", "25")
        assert done.returncode == 0, done.stderr
    assert len(backup_module.list_backups(made.db.parent / "backups")) >= 2
    return made


def _finished_backups(folder: Path) -> dict[Path, str]:
    return {p: sha256(p) for p in backup_module.list_backups(folder)}


def _backups_verify(folder: Path) -> list[str]:
    bad = []
    for path in backup_module.list_backups(folder):
        with read_only(path) as conn:
            if conn.execute("PRAGMA integrity_check").fetchall() != [("ok",)]:
                bad.append(path.name)
    return bad


def _scenario_commit(point: str, root: Path, template: Template) -> list[str]:
    """Kill at the k-th write commit, k = 1..10, on one data folder; each next run restarts."""
    db = template.copy_to(root)
    env = isolated_env(root)
    problems: list[str] = []
    acked: set[str] = set()
    seq, _ = check_store(db, acked)
    for k in range(1, scaled(10) + 1):
        writer = start_writer(db, seq, env, crashpoint=f"{point}:{(k - 1) % 10 + 1}")
        out, err = writer.communicate(timeout=60)
        if writer.returncode != -signal.SIGKILL:
            problems.append(f"k={k}: not killed (exit {writer.returncode}): {err[-300:]}")
        acked |= complete_acks(out)
        seq, found = check_store(db, acked)
        problems.extend(f"k={k}: {p}" for p in found)
    start = run_tool("startcheck", db, env)
    if start.returncode != EXIT_OK:
        problems.append(f"restart failed: {start.stderr}")
    return problems


def _scenario_backup(point: str, root: Path, template: Template) -> list[str]:
    """Kill at the k-th backup (start backup, then one every 3 sessions)."""
    db = template.copy_to(root)
    env = isolated_env(root)
    folder = db.parent / "backups"
    problems: list[str] = []
    acked: set[str] = set()
    seq, _ = check_store(db, acked)
    leftovers: set[Path] = set()
    for k in range(1, scaled(10) + 1):
        before = _finished_backups(folder)
        writer = start_writer(
            db, seq, env, "--backup-every", "3", crashpoint=f"{point}:{(k - 1) % 10 + 1}"
        )
        out, err = writer.communicate(timeout=60)
        if writer.returncode != -signal.SIGKILL:
            problems.append(f"k={k}: not killed (exit {writer.returncode}): {err[-300:]}")
        still = leftovers & set(folder.iterdir())
        if still:
            problems.append(f"k={k}: temp files survived a start: {sorted(p.name for p in still)}")
        acked |= complete_acks(out)
        seq, found = check_store(db, acked)
        problems.extend(f"k={k}: {p}" for p in found)
        after = _finished_backups(folder)
        changed = [p.name for p, digest in before.items() if after.get(p) != digest]
        if changed:
            problems.append(f"k={k}: existing backups changed or vanished: {changed}")
        problems.extend(
            f"k={k}: finished backup does not verify: {b}" for b in _backups_verify(folder)
        )
        leftovers = {p for p in folder.iterdir() if backup_module.TEMP_MARKER in p.name}
    start = run_tool("startcheck", db, env)
    if start.returncode != EXIT_OK:
        problems.append(f"restart failed: {start.stderr}")
    if any(backup_module.TEMP_MARKER in p.name for p in folder.iterdir()):
        problems.append("temp files left after the final start")
    return problems


def _rows(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of the version-1 columns of every table (what a migration must keep)."""
    found: dict[str, list[tuple[object, ...]]] = {}
    with read_only(path) as conn:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        for table in tables:
            columns = [
                r[1] for r in conn.execute(f'PRAGMA table_info("{table}")') if r[1] != "note"
            ]
            rows = conn.execute(f'SELECT {", ".join(columns)} FROM "{table}" ORDER BY rowid')
            found[table] = rows.fetchall()
    return found


def _user_version(path: Path) -> int:
    with read_only(path) as conn:
        return int(conn.execute("PRAGMA user_version").fetchone()[0])


def _scenario_migration(point: str, root: Path, template: Template) -> list[str]:
    """Kill a start that migrates a version-1 or -2 file; the next start must finish it.

    Trials alternate between the old versions whose upgrade passes *point* (``step-N`` points
    run only when upgrading from below N).
    """
    makers = {1: make_v1_database, 2: make_v2_database}
    step = point.removeprefix("migration:step-").split("-")[0]
    old_versions = [v for v in makers if not step.isdigit() or v < int(step)]
    problems: list[str] = []
    for trial in range(scaled(10)):
        trial_root = root / f"t{trial}"
        db = trial_root / "data" / DB_NAME
        old_version = old_versions[trial % len(old_versions)]
        makers[old_version](db)
        env = isolated_env(trial_root)
        old_digest, old_rows = db_digest(db), _rows(db)
        writer = start_writer(db, 1000, env, crashpoint=point)
        _, err = writer.communicate(timeout=60)
        if writer.returncode != -signal.SIGKILL:
            problems.append(f"trial {trial}: not killed (exit {writer.returncode}): {err[-300:]}")
        version = _user_version(db)
        if version == old_version and db_digest(db) != old_digest:
            problems.append(f"trial {trial}: still version {version} but the data changed")
        elif version == store_db.SCHEMA_VERSION and _rows(db) != old_rows:
            problems.append(f"trial {trial}: version {version} but rows differ")
        elif version not in (old_version, store_db.SCHEMA_VERSION):
            problems.append(f"trial {trial}: user_version {version}")
        start = run_tool("startcheck", db, env)
        if start.returncode != EXIT_OK or _user_version(db) != store_db.SCHEMA_VERSION:
            problems.append(
                f"trial {trial}: the restart did not finish the migration: {start.stderr}"
            )
        elif _rows(db) != old_rows:
            problems.append(f"trial {trial}: rows lost in the migration")
        pre = [
            p
            for p in backup_module.list_backups(db.parent / "backups")
            if "pre-migration" in p.name
        ]
        if not pre or db_digest(pre[-1]) != old_digest:
            problems.append(f"trial {trial}: no pre-migration backup equal to the original")
    return problems


def _scenario_restore(point: str, root: Path, template: Template) -> list[str]:
    """Kill a restore; the live data is the old or the chosen one, and the old one is saved."""
    db = template.copy_to(root)
    env = isolated_env(root)
    folder = db.parent / "backups"
    problems: list[str] = []
    for trial in range(scaled(10)):
        live = db_digest(db)
        choices = [p for p in backup_module.list_backups(folder) if db_digest(p) != live]
        if not choices:
            problems.append(f"trial {trial}: no backup differs from the live data")
            break
        chosen = choices[trial % len(choices)]
        chosen_digest = db_digest(chosen)
        writer = start_writer(db, 5000, env, "--restore", str(chosen), crashpoint=point)
        _, err = writer.communicate(timeout=60)
        if writer.returncode != -signal.SIGKILL:
            problems.append(f"trial {trial}: not killed (exit {writer.returncode}): {err[-300:]}")
        now = db_digest(db)
        if now not in (live, chosen_digest):
            problems.append(f"trial {trial}: the live data is neither the old nor the chosen file")
        if now == chosen_digest and live not in {
            db_digest(p) for p in backup_module.list_backups(folder)
        }:
            problems.append(f"trial {trial}: the replaced data was not kept as a backup")
        with read_only(db) as conn:
            if conn.execute("PRAGMA integrity_check").fetchall() != [("ok",)]:
                problems.append(f"trial {trial}: integrity_check failed")
    start = run_tool("startcheck", db, env)
    if start.returncode != EXIT_OK:
        problems.append(f"restart failed: {start.stderr}")
    if list(db.parent.glob("*.tmp*")):
        problems.append("restore temp files left after the restart")
    return problems


def _hot_pair(root: Path, template: Template) -> tuple[Path, bytes, bytes]:
    """A data file plus a non-empty -wal, left by a writer killed while holding the file."""
    db = template.copy_to(root)
    env = isolated_env(root)
    writer = start_writer(db, 7000, env, "--count", "30", "--hold-ms", "20000")
    assert writer.stdout is not None
    for _ in range(30):
        writer.stdout.readline()
    _kill(writer)
    wal = db.with_name(DB_NAME + "-wal")
    assert wal.stat().st_size > 0
    return db, db.read_bytes(), wal.read_bytes()


def _scenario_quarantine(point: str, root: Path, template: Template) -> list[str]:
    """Kill between moving a damaged file and its -wal to quarantine; nothing may be lost."""
    base, db_bytes, wal_bytes = _hot_pair(root / "base", template)
    damaged = b"\x00" * 16 + db_bytes[16:]
    problems: list[str] = []
    for trial in range(scaled(10)):
        trial_root = root / f"t{trial}"
        db = trial_root / "data" / DB_NAME
        db.parent.mkdir(parents=True)
        db.write_bytes(damaged)
        db.with_name(DB_NAME + "-wal").write_bytes(wal_bytes)
        env = isolated_env(trial_root, STUDYPLANNER_CRASHPOINT=point)
        killed = run_tool("startcheck", db, env)
        if killed.returncode != -signal.SIGKILL:
            problems.append(f"trial {trial}: not killed (exit {killed.returncode})")
        env.pop("STUDYPLANNER_CRASHPOINT")
        again = run_tool("startcheck", db, env)
        if again.returncode != EXIT_RECOVERY:
            problems.append(f"trial {trial}: restart did not ask for recovery: {again.returncode}")
        kept = {
            p.name: p.read_bytes() for p in (db.parent / "quarantine").rglob("*") if p.is_file()
        }
        if kept.get(DB_NAME) != damaged or kept.get(DB_NAME + "-wal") != wal_bytes:
            problems.append(
                f"trial {trial}: quarantine does not hold both files intact: {sorted(kept)}"
            )
        if db.exists() or db.with_name(DB_NAME + "-wal").exists():
            problems.append(f"trial {trial}: a file was left or created at the data path")
    del base
    return problems


def _scenario_import(point: str, root: Path, template: Template) -> list[str]:
    """Kill an import of a sessions CSV: the data is the pre-import or the complete import."""
    source = template.copy_to(root / "source")
    env = isolated_env(root / "source")
    extra = run_tool("writer", source, env, "--start-seq", "50", "--count", "30")
    csv_file = root / "sessions.csv"
    exported = run_tool(
        "writer", source, env, "--start-seq", "80", "--count", "1", "--export-csv", str(csv_file)
    )
    assert extra.returncode == 0 and exported.returncode == 0, exported.stderr
    problems: list[str] = []
    complete: str | None = None
    for trial in range(scaled(10)):
        db = template.copy_to(root / f"t{trial}")
        env = isolated_env(root / f"t{trial}")
        before = db_digest(db)
        writer = start_writer(
            db, 100, env, "--count", "1", "--import-csv", str(csv_file), crashpoint=point
        )
        _, err = writer.communicate(timeout=60)
        if writer.returncode != -signal.SIGKILL:
            problems.append(f"trial {trial}: not killed (exit {writer.returncode}): {err[-300:]}")
        if db_digest(db) != before:
            problems.append(f"trial {trial}: a killed import changed the data")
        if complete is None:
            done = run_tool(
                "writer",
                db,
                env,
                "--start-seq",
                "100",
                "--count",
                "1",
                "--timer-every",
                "0",
                "--import-csv",
                str(csv_file),
            )
            if "IMPORTED" not in done.stdout:
                problems.append(
                    f"the import does not complete without a crash: {done.stderr[-300:]}"
                )
            complete = db_digest(db)
    return problems


def _scenario_export(point: str, root: Path, template: Template) -> list[str]:
    """Kill an export: the target holds the old whole file or the new whole file."""
    db = template.copy_to(root)
    env = isolated_env(root)
    target = root / "export" / "sessions.csv"
    target.parent.mkdir()
    old = b"uuid,old\r\n"
    problems: list[str] = []
    for trial in range(scaled(10)):
        target.write_bytes(old)
        writer = start_writer(
            db, 9000 + trial, env, "--count", "1", "--export-csv", str(target), crashpoint=point
        )
        _, err = writer.communicate(timeout=60)
        if writer.returncode != -signal.SIGKILL:
            problems.append(f"trial {trial}: not killed (exit {writer.returncode}): {err[-300:]}")
        data = target.read_bytes()
        if data != old and not data.startswith(b"uuid,local_date,"):
            problems.append(
                f"trial {trial}: the export target is neither old nor new: {data[:40]!r}"
            )
    return problems


# The window's settings write (``MainWindow.save_state`` calls this function) in a process of
# its own; argv: the ini file, the page name, the size of the geometry blob.
SETTINGS_WRITER = """
import sys
from PySide6.QtCore import QByteArray, QSettings
from studyplanner.ui.safety import write_settings_atomically
page, size = sys.argv[2], int(sys.argv[3])
settings = QSettings(sys.argv[1], QSettings.Format.IniFormat)
blob = QByteArray((page * size)[:size].encode())
ok = write_settings_atomically(settings, {"window/page": page, "window/geometry": blob})
sys.exit(0 if ok else 1)
"""


def _settings_values(path: Path) -> tuple[object, object]:
    from PySide6.QtCore import QByteArray, QSettings

    settings = QSettings(str(path), QSettings.Format.IniFormat)
    blob = settings.value("window/geometry")
    return settings.value("window/page"), bytes(blob.data()) if isinstance(
        blob, QByteArray
    ) else blob


def _scenario_settings(point: str, root: Path, template: Template) -> list[str]:
    """Kill the settings write: the ini file holds the old whole content or the new one."""
    del template
    env = isolated_env(root)
    target = root / "config" / "window.ini"
    target.parent.mkdir(parents=True)
    size = 50_000
    old_page, new_page = "overview", "readiness"
    expected = {page: (page, (page * size)[:size].encode()) for page in (old_page, new_page)}
    problems: list[str] = []
    for trial in range(scaled(10)):
        first = subprocess.run(
            [sys.executable, "-c", SETTINGS_WRITER, str(target), old_page, str(size)],
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )
        if first.returncode != 0:
            problems.append(f"trial {trial}: the old settings were not written: {first.stderr}")
            continue
        leftovers = sorted(p.name for p in target.parent.glob(".window.ini.*.tmp"))
        if leftovers:
            problems.append(f"trial {trial}: temp files survived the next write: {leftovers}")
        killed = subprocess.run(
            [sys.executable, "-c", SETTINGS_WRITER, str(target), new_page, str(size)],
            env={**env, "STUDYPLANNER_CRASHPOINT": point},
            capture_output=True,
            text=True,
            timeout=60,
        )
        if killed.returncode != -signal.SIGKILL:
            problems.append(f"trial {trial}: not killed (exit {killed.returncode})")
        if target.stat().st_size == 0:
            problems.append(f"trial {trial}: the settings file is empty")
        found = _settings_values(target)
        if found not in expected.values():
            problems.append(f"trial {trial}: the settings are neither old nor new: {found[0]!r}")
    return problems


SCENARIOS: dict[str, Callable[[str, Path, Template], list[str]]] = {
    "commit:": _scenario_commit,
    "backup:": _scenario_backup,
    "migration:": _scenario_migration,
    "restore:": _scenario_restore,
    "quarantine:": _scenario_quarantine,
    "import:": _scenario_import,
    "export:": _scenario_export,
    "settings:": _scenario_settings,
}


@pytest.mark.timeout(900 * SCALE)
def test_rel_crash_02_every_point_killed(
    template: Template, tmp_path_factory: pytest.TempPathFactory
) -> None:
    points = sorted(_import_everything())
    assert points, "the crash point registry is empty"
    unknown = [p for p in points if not any(p.startswith(prefix) for prefix in SCENARIOS)]
    assert not unknown, f"crash points without a REL-CRASH-02 scenario (add one): {unknown}"

    def run(point: str) -> tuple[str, list[str], float]:
        began = time.monotonic()
        scenario = next(s for prefix, s in SCENARIOS.items() if point.startswith(prefix))
        root = tmp_path_factory.mktemp(point.replace(":", "-"))
        return point, scenario(point, root, template), time.monotonic() - began

    with ThreadPoolExecutor(WORKERS) as pool:
        results = list(pool.map(run, points))
    failures = [f"{point}: {p}" for point, found, _ in results for p in found]
    print(f"\nREL-CRASH-02: {len(points)} points x {scaled(10)} kills: {len(failures)} failures")
    for point, _, seconds in results:
        print(f"  {point}: {seconds:.1f} s")
    assert not failures, failures[:10]
