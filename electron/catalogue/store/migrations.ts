// Versioned schema migrations. PRAGMA user_version holds the version the database is at;
// each migration runs in the same transaction as the version bump, so a crash leaves either.

export const MIGRATIONS: readonly string[] = [
  // 1: photos
  `
  CREATE TABLE photos (
    id INTEGER PRIMARY KEY,
    hash TEXT NOT NULL,
    file TEXT NOT NULL UNIQUE,
    file_size INTEGER NOT NULL,
    file_mtime_ms REAL NOT NULL,
    fortepan_id INTEGER,
    title TEXT NOT NULL DEFAULT '',
    caption TEXT NOT NULL DEFAULT '',
    date TEXT NOT NULL DEFAULT '',
    date_from TEXT,
    date_to TEXT,
    donor TEXT NOT NULL DEFAULT '',
    photographer TEXT NOT NULL DEFAULT '',
    country TEXT NOT NULL DEFAULT '',
    city TEXT NOT NULL DEFAULT '',
    place TEXT NOT NULL DEFAULT '',
    tags TEXT NOT NULL DEFAULT '[]',
    licence TEXT NOT NULL DEFAULT '',
    source TEXT NOT NULL DEFAULT '',
    notes TEXT NOT NULL DEFAULT '',
    width INTEGER,
    height INTEGER,
    format TEXT,
    page_count INTEGER,
    taken_at TEXT,
    digitized_at TEXT,
    camera TEXT,
    gps_lat REAL,
    gps_lon REAL,
    gps_alt REAL,
    embedded_credit TEXT NOT NULL DEFAULT '',
    embedded_creator TEXT NOT NULL DEFAULT '',
    copyright TEXT NOT NULL DEFAULT '',
    preview_error TEXT,
    thumb_version TEXT NOT NULL DEFAULT '',
    missing INTEGER NOT NULL DEFAULT 0,
    added_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE INDEX photos_hash ON photos(hash);
  CREATE INDEX photos_fortepan_id ON photos(fortepan_id);
  CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  `,
];

export const SCHEMA_VERSION = MIGRATIONS.length;
