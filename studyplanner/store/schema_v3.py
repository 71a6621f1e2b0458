"""Schema 3, frozen: the table rebuild that adds the CHECKs of schema 3 to a schema-2 file.

SQLite cannot add a CHECK to an existing table, so migration 3 (``db._v2_to_v3``) rebuilds every
table whose CHECKs changed, with the procedure of https://www.sqlite.org/lang_altertable.html
("otheralter"): inside the migration's one transaction and with foreign keys off, create the new
table under a temporary name, copy the rows with ``INSERT .. SELECT`` by column name, drop the
old table, rename the new one, and recreate the indexes; ``db.migrate`` then runs
``foreign_key_check`` and ``integrity_check`` before it commits.

What schema 3 adds: impossible calendar dates (``2023-02-29``) are refused, instants must be the
fixed-width UTC text in 1970-01-01..2101-01-01, names must not hold control characters (Cc), the
baseline and the running timer get the date and instant CHECKs, and ``ix_session_module_date``
becomes the covering ``ix_session_module_date_minutes`` (the report reads minutes from it).

A row that breaks a new CHECK is never dropped or changed: the copy stops, the migration fails
(the file stays at schema 2, the pre-migration backup is kept) and the message names the table,
the row id and the CHECK, so that the row can be corrected and the start tried again.

Never edit this text: it is what migration 3 makes whatever ``tables.py`` says later.
``tests/store/test_migrations.py`` checks that it equals ``create_all`` at schema 3.
"""

from __future__ import annotations

import sqlite3

# Table name -> the column list and constraints of its schema-3 ``CREATE TABLE``, in the order
# of ``SQLModel.metadata.sorted_tables`` (parents first). Tables not listed did not change.
TABLES: dict[str, str] = {
    "exam_profile": """(
    id INTEGER NOT NULL,
    name TEXT NOT NULL,
    title TEXT NOT NULL,
    scored_items INTEGER NOT NULL,
    pass_mark REAL NOT NULL,
    builtin INTEGER NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT name_is_name CHECK (length(trim(name)) > 0 AND length(name) <= 200
        AND instr(name, char(0)) = 0
        AND name NOT GLOB
            '*[' || char(1) || '-' || char(31) || char(127) || '-' || char(159) || ']*'),
    CONSTRAINT scored_items_range CHECK (scored_items BETWEEN 1 AND 1000),
    CONSTRAINT pass_mark_range CHECK (pass_mark > 0 AND pass_mark < 1),
    UNIQUE (name)
) STRICT""",
    "exam_domain": """(
    id INTEGER NOT NULL,
    profile_id INTEGER NOT NULL,
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    weight REAL NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT name_is_name CHECK (length(trim(name)) > 0 AND length(name) <= 200
        AND instr(name, char(0)) = 0
        AND name NOT GLOB
            '*[' || char(1) || '-' || char(31) || char(127) || '-' || char(159) || ']*'),
    CONSTRAINT weight_range CHECK (weight >= 0 AND weight <= 1),
    UNIQUE (profile_id, name),
    FOREIGN KEY(profile_id) REFERENCES exam_profile (id) ON DELETE CASCADE
) STRICT""",
    "plan": """(
    id INTEGER NOT NULL,
    name TEXT NOT NULL,
    start_date TEXT NOT NULL,
    exam_date TEXT NOT NULL,
    profile_id INTEGER NOT NULL,
    effort_multiplier REAL NOT NULL,
    weekly_budget_hours REAL NOT NULL,
    pass_mark REAL NOT NULL,
    as_at TEXT,
    notes_text TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT name_is_name CHECK (length(trim(name)) > 0 AND length(name) <= 200
        AND instr(name, char(0)) = 0
        AND name NOT GLOB
            '*[' || char(1) || '-' || char(31) || char(127) || '-' || char(159) || ']*'),
    CONSTRAINT start_date_is_date CHECK (length(start_date) = 10
        AND start_date BETWEEN '2000-01-01' AND '2100-12-31'
        AND date(start_date, '+0 days') IS start_date),
    CONSTRAINT exam_date_is_date CHECK (length(exam_date) = 10 AND exam_date BETWEEN '2000-01-01'
        AND '2100-12-31' AND date(exam_date, '+0 days') IS exam_date),
    CONSTRAINT as_at_is_date CHECK (as_at IS NULL OR (length(as_at) = 10
        AND as_at BETWEEN '2000-01-01' AND '2100-12-31' AND date(as_at, '+0 days') IS as_at)),
    CONSTRAINT exam_after_start CHECK (exam_date >= start_date),
    CONSTRAINT multiplier CHECK (effort_multiplier > 0 AND effort_multiplier <= 10),
    CONSTRAINT budget CHECK (weekly_budget_hours > 0 AND weekly_budget_hours <= 112),
    CONSTRAINT plan_pass_mark CHECK (pass_mark > 0 AND pass_mark < 1),
    CONSTRAINT notes_text_size CHECK (length(notes_text) <= 1000000),
    CONSTRAINT created_at_is_instant CHECK (length(created_at) = 27
        AND created_at BETWEEN '1970-01-01T00:00:00.000000Z' AND '2101-01-01T23:59:59.999999Z'
        AND substr(created_at, 20) GLOB '.[0-9][0-9][0-9][0-9][0-9][0-9]Z'
        AND strftime('%Y-%m-%dT%H:%M:%S', substr(created_at, 1, 19), '+0 days')
            IS substr(created_at, 1, 19)),
    FOREIGN KEY(profile_id) REFERENCES exam_profile (id)
) STRICT""",
    "baseline": """(
    id INTEGER NOT NULL,
    plan_id INTEGER NOT NULL,
    frozen_at TEXT NOT NULL,
    start_date TEXT NOT NULL,
    exam_date TEXT NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT frozen_at_is_instant CHECK (length(frozen_at) = 27
        AND frozen_at BETWEEN '1970-01-01T00:00:00.000000Z' AND '2101-01-01T23:59:59.999999Z'
        AND substr(frozen_at, 20) GLOB '.[0-9][0-9][0-9][0-9][0-9][0-9]Z'
        AND strftime('%Y-%m-%dT%H:%M:%S', substr(frozen_at, 1, 19), '+0 days')
            IS substr(frozen_at, 1, 19)),
    CONSTRAINT start_date_is_date CHECK (length(start_date) = 10
        AND start_date BETWEEN '2000-01-01' AND '2100-12-31'
        AND date(start_date, '+0 days') IS start_date),
    CONSTRAINT exam_date_is_date CHECK (length(exam_date) = 10 AND exam_date BETWEEN '2000-01-01'
        AND '2100-12-31' AND date(exam_date, '+0 days') IS exam_date),
    FOREIGN KEY(plan_id) REFERENCES "plan" (id) ON DELETE CASCADE
) STRICT""",
    "module": """(
    id INTEGER NOT NULL,
    plan_id INTEGER NOT NULL,
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    effort_hours REAL NOT NULL,
    weeks REAL NOT NULL,
    video_seconds INTEGER,
    mock_tests INTEGER,
    note TEXT NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT name_is_name CHECK (length(trim(name)) > 0 AND length(name) <= 200
        AND instr(name, char(0)) = 0
        AND name NOT GLOB
            '*[' || char(1) || '-' || char(31) || char(127) || '-' || char(159) || ']*'),
    CONSTRAINT note_is_note CHECK (length(note) <= 10000 AND instr(note, char(0)) = 0),
    CONSTRAINT module_kind CHECK (kind IN ('video', 'project', 'practice', 'reading')),
    CONSTRAINT effort_range CHECK (effort_hours > 0 AND effort_hours <= 1000),
    CONSTRAINT weeks_range CHECK (weeks > 0 AND weeks <= 104),
    CONSTRAINT position_positive CHECK (position >= 1),
    CONSTRAINT video_range CHECK (video_seconds IS NULL OR (video_seconds > 0
        AND video_seconds <= 360000)),
    CONSTRAINT mocks_range CHECK (mock_tests IS NULL OR (mock_tests >= 0 AND mock_tests <= 100)),
    FOREIGN KEY(plan_id) REFERENCES "plan" (id) ON DELETE CASCADE
) STRICT""",
    "planned_mock": """(
    id INTEGER NOT NULL,
    plan_id INTEGER NOT NULL,
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT name_is_name CHECK (length(trim(name)) > 0 AND length(name) <= 200
        AND instr(name, char(0)) = 0
        AND name NOT GLOB
            '*[' || char(1) || '-' || char(31) || char(127) || '-' || char(159) || ']*'),
    FOREIGN KEY(plan_id) REFERENCES "plan" (id) ON DELETE CASCADE
) STRICT""",
    "mock_test": """(
    id INTEGER NOT NULL,
    uuid TEXT NOT NULL,
    plan_id INTEGER NOT NULL,
    name TEXT NOT NULL,
    taken_on TEXT NOT NULL,
    correct INTEGER NOT NULL,
    total INTEGER NOT NULL,
    minutes INTEGER,
    topic_module_id INTEGER,
    created_at TEXT NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT name_is_name CHECK (length(trim(name)) > 0 AND length(name) <= 200
        AND instr(name, char(0)) = 0
        AND name NOT GLOB
            '*[' || char(1) || '-' || char(31) || char(127) || '-' || char(159) || ']*'),
    CONSTRAINT taken_on_is_date CHECK (length(taken_on) = 10 AND taken_on BETWEEN '2000-01-01'
        AND '2100-12-31' AND date(taken_on, '+0 days') IS taken_on),
    CONSTRAINT mock_total CHECK (total >= 1 AND total <= 1000),
    CONSTRAINT mock_correct CHECK (correct >= 0 AND correct <= total),
    CONSTRAINT mock_min CHECK (minutes IS NULL OR (minutes >= 1 AND minutes <= 1440)),
    CONSTRAINT mock_uuid_shape CHECK (length(uuid) = 36),
    CONSTRAINT created_at_is_instant CHECK (length(created_at) = 27
        AND created_at BETWEEN '1970-01-01T00:00:00.000000Z' AND '2101-01-01T23:59:59.999999Z'
        AND substr(created_at, 20) GLOB '.[0-9][0-9][0-9][0-9][0-9][0-9]Z'
        AND strftime('%Y-%m-%dT%H:%M:%S', substr(created_at, 1, 19), '+0 days')
            IS substr(created_at, 1, 19)),
    UNIQUE (uuid),
    FOREIGN KEY(plan_id) REFERENCES "plan" (id) ON DELETE CASCADE,
    FOREIGN KEY(topic_module_id) REFERENCES module (id) ON DELETE SET NULL
) STRICT""",
    "progress": """(
    id INTEGER NOT NULL,
    module_id INTEGER NOT NULL,
    recorded_on TEXT NOT NULL,
    kind TEXT NOT NULL,
    percent REAL,
    position_seconds INTEGER,
    created_at TEXT NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT recorded_on_is_date CHECK (length(recorded_on) = 10
        AND recorded_on BETWEEN '2000-01-01' AND '2100-12-31'
        AND date(recorded_on, '+0 days') IS recorded_on),
    CONSTRAINT progress_kind CHECK (kind IN ('percent', 'position', 'done')),
    CONSTRAINT pct_range CHECK (percent IS NULL OR (percent >= 0 AND percent <= 100)),
    CONSTRAINT position_range CHECK (position_seconds IS NULL OR (position_seconds >= 0
        AND position_seconds <= 360000)),
    CONSTRAINT created_at_is_instant CHECK (length(created_at) = 27
        AND created_at BETWEEN '1970-01-01T00:00:00.000000Z' AND '2101-01-01T23:59:59.999999Z'
        AND substr(created_at, 20) GLOB '.[0-9][0-9][0-9][0-9][0-9][0-9]Z'
        AND strftime('%Y-%m-%dT%H:%M:%S', substr(created_at, 1, 19), '+0 days')
            IS substr(created_at, 1, 19)),
    FOREIGN KEY(module_id) REFERENCES module (id) ON DELETE CASCADE
) STRICT""",
    "running_timer": """(
    id INTEGER NOT NULL,
    module_id INTEGER NOT NULL,
    started_at TEXT NOT NULL,
    zone TEXT NOT NULL,
    paused_seconds INTEGER NOT NULL,
    paused_at TEXT,
    PRIMARY KEY (id),
    CONSTRAINT single_timer CHECK (id = 1),
    CONSTRAINT paused_nonnegative CHECK (paused_seconds >= 0),
    CONSTRAINT started_at_is_instant CHECK (length(started_at) = 27
        AND started_at BETWEEN '1970-01-01T00:00:00.000000Z' AND '2101-01-01T23:59:59.999999Z'
        AND substr(started_at, 20) GLOB '.[0-9][0-9][0-9][0-9][0-9][0-9]Z'
        AND strftime('%Y-%m-%dT%H:%M:%S', substr(started_at, 1, 19), '+0 days')
            IS substr(started_at, 1, 19)),
    CONSTRAINT paused_at_is_instant CHECK (paused_at IS NULL OR (length(paused_at) = 27
        AND paused_at BETWEEN '1970-01-01T00:00:00.000000Z' AND '2101-01-01T23:59:59.999999Z'
        AND substr(paused_at, 20) GLOB '.[0-9][0-9][0-9][0-9][0-9][0-9]Z'
        AND strftime('%Y-%m-%dT%H:%M:%S', substr(paused_at, 1, 19), '+0 days')
            IS substr(paused_at, 1, 19))),
    FOREIGN KEY(module_id) REFERENCES module (id) ON DELETE CASCADE
) STRICT""",
    "study_session": """(
    id INTEGER NOT NULL,
    uuid TEXT NOT NULL,
    module_id INTEGER NOT NULL,
    started_at TEXT NOT NULL,
    zone TEXT NOT NULL,
    local_date TEXT NOT NULL,
    minutes INTEGER NOT NULL,
    source TEXT NOT NULL,
    note TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT local_date_is_date CHECK (length(local_date) = 10
        AND local_date BETWEEN '2000-01-01' AND '2100-12-31'
        AND date(local_date, '+0 days') IS local_date),
    CONSTRAINT note_is_note CHECK (length(note) <= 10000 AND instr(note, char(0)) = 0),
    CONSTRAINT minutes_range CHECK (minutes >= 1 AND minutes <= 1440),
    CONSTRAINT session_source CHECK (source IN ('timer', 'manual', 'import')),
    CONSTRAINT uuid_shape CHECK (length(uuid) = 36),
    CONSTRAINT zone_shape CHECK (length(zone) BETWEEN 1 AND 64),
    CONSTRAINT started_at_is_instant CHECK (length(started_at) = 27
        AND started_at BETWEEN '1970-01-01T00:00:00.000000Z' AND '2101-01-01T23:59:59.999999Z'
        AND substr(started_at, 20) GLOB '.[0-9][0-9][0-9][0-9][0-9][0-9]Z'
        AND strftime('%Y-%m-%dT%H:%M:%S', substr(started_at, 1, 19), '+0 days')
            IS substr(started_at, 1, 19)),
    CONSTRAINT created_at_is_instant CHECK (length(created_at) = 27
        AND created_at BETWEEN '1970-01-01T00:00:00.000000Z' AND '2101-01-01T23:59:59.999999Z'
        AND substr(created_at, 20) GLOB '.[0-9][0-9][0-9][0-9][0-9][0-9]Z'
        AND strftime('%Y-%m-%dT%H:%M:%S', substr(created_at, 1, 19), '+0 days')
            IS substr(created_at, 1, 19)),
    UNIQUE (uuid),
    FOREIGN KEY(module_id) REFERENCES module (id) ON DELETE CASCADE
) STRICT""",
}

# The indexes of the rebuilt tables (dropping a table drops its indexes).
INDEXES: tuple[str, ...] = (
    "CREATE INDEX ix_module_plan ON module (plan_id, position)",
    "CREATE INDEX ix_mock_plan_date ON mock_test (plan_id, taken_on)",
    "CREATE INDEX ix_progress_module ON progress (module_id, recorded_on)",
    "CREATE INDEX ix_session_date ON study_session (local_date)",
    "CREATE INDEX ix_session_module_date_minutes ON study_session (module_id, local_date, minutes)",
)

TEMP_SUFFIX = "__v3"


def _columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return [str(row[1]) for row in conn.execute(f'PRAGMA table_info("{table}")').fetchall()]


def _refused_row(conn: sqlite3.Connection, table: str, copy: str) -> str:
    """The first row of *table* (by id) that the new table refuses, and why."""
    ids = [int(r[0]) for r in conn.execute(f'SELECT rowid FROM "{table}" ORDER BY rowid')]
    for row_id in ids:
        try:
            conn.execute(f"{copy} WHERE rowid = ?", (row_id,))
        except sqlite3.IntegrityError as exc:
            return f"{table} row id {row_id} breaks a rule of schema 3 ({exc})"
    return f"a row of {table} breaks a rule of schema 3"


def rebuild_table(conn: sqlite3.Connection, table: str) -> None:
    """Rebuild *table* with its schema-3 definition, keeping every row and rowid.

    Raises :class:`sqlite3.IntegrityError` naming the first refused row; the caller's
    transaction must then be rolled back.
    """
    temporary = table + TEMP_SUFFIX
    conn.execute(f'CREATE TABLE "{temporary}" {TABLES[table]}')
    columns = _columns(conn, temporary)
    missing = sorted(set(columns) - set(_columns(conn, table)))
    if missing:
        raise sqlite3.IntegrityError(f"{table} has no column {', '.join(missing)}")
    names = ", ".join(columns)
    copy = f'INSERT INTO "{temporary}" ({names}) SELECT {names} FROM "{table}"'
    try:
        conn.execute(copy)
    except sqlite3.IntegrityError:
        raise sqlite3.IntegrityError(_refused_row(conn, table, copy)) from None
    counts = [
        int(conn.execute(f'SELECT count(*) FROM "{name}"').fetchall()[0][0])
        for name in (table, temporary)
    ]
    if counts[0] != counts[1]:
        raise sqlite3.IntegrityError(f"{table}: {counts[1]} of {counts[0]} rows copied")
    conn.execute(f'DROP TABLE "{table}"')
    conn.execute(f'ALTER TABLE "{temporary}" RENAME TO "{table}"')


def create_indexes(conn: sqlite3.Connection) -> None:
    for statement in INDEXES:
        conn.execute(statement)
