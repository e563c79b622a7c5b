"""The project file's SQLite schema, its version, and the migrations that bring old files up to date."""

from __future__ import annotations

import sqlite3

APPLICATION_ID = 0x4B434453  # "KCDS": marks a SQLite file as a kcdesk project
SCHEMA_VERSION = 4

# Version 1. Personal data (IIN, names, phones, birth dates) has no column: it is used
# at import (IIN → age, gender) and dropped.
SCHEMA_V1 = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE imports (
    id INTEGER PRIMARY KEY,
    file TEXT NOT NULL,
    sheet TEXT NOT NULL,
    source TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    imported_at TEXT NOT NULL,
    header_row INTEGER,
    mapping TEXT NOT NULL,
    rows_read INTEGER NOT NULL DEFAULT 0,
    rows_stored INTEGER NOT NULL DEFAULT 0,
    duplicates INTEGER NOT NULL DEFAULT 0,
    bad_dates INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE topics (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    name_kk TEXT,
    name_ru TEXT,
    named_by_user INTEGER NOT NULL DEFAULT 0,
    merged_into INTEGER REFERENCES topics(id)
);
CREATE TABLE requests (
    id INTEGER PRIMARY KEY,
    import_id INTEGER NOT NULL REFERENCES imports(id),
    source_row INTEGER NOT NULL,
    request_id TEXT,
    registered_at TEXT,
    processed_at TEXT,
    reg_quarter INTEGER,
    proc_quarter INTEGER,
    quarter INTEGER,
    channel TEXT,
    region TEXT,
    region_raw TEXT,
    topic_id INTEGER REFERENCES topics(id),
    topic_fix TEXT,
    topic_before_fix INTEGER,
    subtopic TEXT,
    question TEXT,
    gender TEXT,
    gender_raw TEXT,
    age INTEGER,
    social_status TEXT,
    social_status_raw TEXT,
    marital_status TEXT,
    education TEXT,
    occupation TEXT,
    contact_centre TEXT,
    contact_phone TEXT
);
CREATE UNIQUE INDEX requests_request_id ON requests(request_id) WHERE request_id IS NOT NULL;
-- Covering indexes: each stage reads one index in order, never the table rows.
CREATE INDEX requests_cube ON requests(quarter, topic_id, region, channel);
CREATE INDEX requests_portrait ON requests(quarter, gender, social_status, age);
CREATE INDEX requests_portrait_free ON requests(quarter, marital_status, education, occupation);
CREATE INDEX requests_import ON requests(import_id);
CREATE TABLE duplicates (
    import_id INTEGER NOT NULL REFERENCES imports(id),
    reg_quarter INTEGER,
    proc_quarter INTEGER,
    count INTEGER NOT NULL
);
CREATE TABLE problems (
    import_id INTEGER NOT NULL REFERENCES imports(id),
    sheet_row INTEGER NOT NULL,
    field TEXT NOT NULL,
    reason TEXT NOT NULL,
    value TEXT
);
CREATE TABLE value_mappings (
    field TEXT NOT NULL,
    folded TEXT NOT NULL,
    raw TEXT NOT NULL,
    code TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (field, folded)
);
CREATE TABLE texts (
    quarter INTEGER NOT NULL,
    key TEXT NOT NULL,
    value TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (quarter, key)
);
CREATE TABLE report_states (
    quarter INTEGER NOT NULL,
    state TEXT NOT NULL,
    on_date TEXT NOT NULL,
    PRIMARY KEY (quarter, state)
);
CREATE TABLE presets (source TEXT PRIMARY KEY, mapping TEXT NOT NULL);
CREATE TABLE reference_totals (
    quarter INTEGER NOT NULL,
    channel TEXT NOT NULL,
    count INTEGER NOT NULL,
    PRIMARY KEY (quarter, channel)
);
"""

# Indexes only reads use (a bulk import drops and rebuilds them); the unique id index stays.
READING_INDEXES = ("requests_cube", "requests_portrait", "requests_portrait_free", "requests_import")


def reading_index_statements() -> list[str]:
    return [line.strip() for line in SCHEMA_V1.splitlines()
            if line.startswith("CREATE INDEX") and line.split()[2] in READING_INDEXES]


# Migrations from version N to N+1, as SQL run inside one transaction. A new project is built
# as version 1 and then migrated, so every migration is exercised by every new project.
MIGRATIONS: dict[int, str] = {
    # 2: the quarter's last content analysis, kept as plain JSON for the справка.
    1: """CREATE TABLE IF NOT EXISTS content_results (
        quarter INTEGER PRIMARY KEY,
        result TEXT NOT NULL,
        created_at TEXT NOT NULL
    );""",
    # 3: channel, marital status, education and occupation are reference codes (resources/reference)
    # with the unresolved export text in <field>_raw, as region/gender/social status. The old free
    # texts move to <field>_raw; Project.open() resolves them right after (Python, not SQL). A project
    # that already holds requests keeps the quarter rule it was imported with ("registered", the old
    # default); new projects get §9's "processed".
    2: """ALTER TABLE requests ADD COLUMN channel_raw TEXT;
    ALTER TABLE requests ADD COLUMN marital_status_raw TEXT;
    ALTER TABLE requests ADD COLUMN education_raw TEXT;
    ALTER TABLE requests ADD COLUMN occupation_raw TEXT;
    UPDATE requests SET channel_raw = channel, channel = NULL WHERE channel IS NOT NULL;
    UPDATE requests SET marital_status_raw = marital_status, marital_status = NULL
        WHERE marital_status IS NOT NULL;
    UPDATE requests SET education_raw = education, education = NULL WHERE education IS NOT NULL;
    UPDATE requests SET occupation_raw = occupation, occupation = NULL WHERE occupation IS NOT NULL;
    INSERT OR IGNORE INTO settings(key, value)
        SELECT 'quarter_rule', '"registered"' WHERE EXISTS (SELECT 1 FROM requests);""",
    # 4: an opaque applicant key per request (kcdesk/core/normalise/applicant.py: a keyed hash of
    # the IIN or phone under a secret kept outside the project), for repeated requests by one person.
    3: """ALTER TABLE requests ADD COLUMN applicant TEXT;""",
}


def create(connection: sqlite3.Connection) -> None:
    # executescript() commits any open transaction first, so each script carries its own.
    connection.executescript(
        "BEGIN;" + SCHEMA_V1
        + f"PRAGMA application_id = {APPLICATION_ID}; PRAGMA user_version = 1;"
        + "INSERT INTO meta(key, value) VALUES ('app', 'kcdesk'); COMMIT;"
    )
    migrate(connection, 1)


def migrate(connection: sqlite3.Connection, version: int) -> None:
    """Bring a project from `version` to SCHEMA_VERSION, one step (one transaction) at a time."""
    while version < SCHEMA_VERSION:
        connection.executescript(
            f"BEGIN; {MIGRATIONS[version]} PRAGMA user_version = {version + 1}; COMMIT;"
        )
        version += 1
