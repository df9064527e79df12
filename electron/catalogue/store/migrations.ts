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
  // 2: edit history, so every edit (batch, tag rename, CSV import) is one undoable step that
  // survives restarts. `changes` is JSON: [{id, before, after}] with only the fields touched.
  `
  CREATE TABLE edit_history (
    id INTEGER PRIMARY KEY,
    label TEXT NOT NULL,
    changes TEXT NOT NULL,
    photo_count INTEGER NOT NULL,
    undone INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL
  );
  CREATE INDEX edit_history_undone ON edit_history(undone, id);
  `,
  // 3: search changelog: every change to a searchable column, by any writer (app, CLI), logs the
  // photo id, so a persisted search index catches up by replaying the ids after its seq.
  `
  CREATE TABLE search_changes (seq INTEGER PRIMARY KEY AUTOINCREMENT, photo_id INTEGER NOT NULL);
  CREATE TRIGGER search_changes_insert AFTER INSERT ON photos BEGIN
    INSERT INTO search_changes (photo_id) VALUES (NEW.id);
  END;
  CREATE TRIGGER search_changes_update AFTER UPDATE OF title, caption, date, donor, photographer, country, city, place, tags, fortepan_id, file ON photos BEGIN
    INSERT INTO search_changes (photo_id) VALUES (NEW.id);
  END;
  CREATE TRIGGER search_changes_delete AFTER DELETE ON photos BEGIN
    INSERT INTO search_changes (photo_id) VALUES (OLD.id);
  END;
  `,
  // 4: collections: an author's named, ordered picks. Items have their own id so the same photo
  // may be in one collection twice (the credit list warns); positions are 0..n-1, renumbered in
  // the transaction of every change. Names are unique ignoring case (name_key).
  `
  CREATE TABLE collections (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    name_key TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE TABLE collection_items (
    id INTEGER PRIMARY KEY,
    collection_id INTEGER NOT NULL REFERENCES collections(id) ON DELETE CASCADE,
    photo_id INTEGER NOT NULL REFERENCES photos(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    modified INTEGER NOT NULL DEFAULT 0,
    added_at TEXT NOT NULL
  );
  CREATE INDEX collection_items_order ON collection_items(collection_id, position);
  CREATE INDEX collection_items_photo ON collection_items(photo_id);
  `,
  // 5 (issue 3): true duplicates. The same bytes at two existing paths are two photos (each file
  // keeps its own record), and every copy after the first points at the first with duplicate_of,
  // so the grid, the detail panel and `show --json` can say "duplicate of #id". Kept by the
  // ingest (store/duplicates.ts); existing catalogues are marked here once.
  `
  ALTER TABLE photos ADD COLUMN duplicate_of INTEGER REFERENCES photos(id) ON DELETE SET NULL;
  UPDATE photos SET duplicate_of = (
    SELECT min(o.id) FROM photos AS o WHERE o.hash = photos.hash AND o.id < photos.id AND o.missing = 0
  ) WHERE missing = 0;
  `,
  // 6: the archive reference
  // (shelfmark) that Budapest City Archives asks to cite, an editable field; and the Fortepan Iowa
  // accession number ("FI0001858"), read from the file's name or metadata like fortepan_id.
  `
  ALTER TABLE photos ADD COLUMN archive_ref TEXT NOT NULL DEFAULT '';
  ALTER TABLE photos ADD COLUMN iowa_id TEXT;
  `,
  // 7: a preview made from only part of the file (a truncated or damaged JPEG/PNG decodes with
  // grey where the data ends): the photo keeps its preview and says what it lacks. Separate
  // from preview_error, which means there is no preview at all. Set by the ingest.
  `
  ALTER TABLE photos ADD COLUMN preview_warning TEXT;
  `,
  // 8 (issue 16): sorting. Each sortable text column gets its Hungarian sort key
  // (shared/sortKey.ts, NULL when empty, so "no value" sorts last) kept by store/sortColumns.ts,
  // and every sort field an index, so the first page of any order reads a few rows at 200,000.
  // The keys of an existing catalogue are computed here by the function openDatabase registers
  // for migrations. An index on a column also orders by id within equal values.
  `
  ALTER TABLE photos ADD COLUMN title_sort TEXT;
  ALTER TABLE photos ADD COLUMN donor_sort TEXT;
  ALTER TABLE photos ADD COLUMN photographer_sort TEXT;
  ALTER TABLE photos ADD COLUMN country_sort TEXT;
  ALTER TABLE photos ADD COLUMN city_sort TEXT;
  ALTER TABLE photos ADD COLUMN place_sort TEXT;
  ALTER TABLE photos ADD COLUMN file_sort TEXT;
  UPDATE photos SET
    title_sort = fototar_sort_key('title', title),
    donor_sort = fototar_sort_key('donor', donor),
    photographer_sort = fototar_sort_key('photographer', photographer),
    country_sort = fototar_sort_key('country', country),
    city_sort = fototar_sort_key('city', city),
    place_sort = fototar_sort_key('place', place),
    file_sort = fototar_sort_key('file', file);
  CREATE INDEX photos_sort_date ON photos(date_from);
  CREATE INDEX photos_sort_title ON photos(title_sort);
  CREATE INDEX photos_sort_donor ON photos(donor_sort);
  CREATE INDEX photos_sort_photographer ON photos(photographer_sort);
  CREATE INDEX photos_sort_place ON photos(country_sort, city_sort, place_sort);
  CREATE INDEX photos_sort_added ON photos(added_at);
  CREATE INDEX photos_sort_file ON photos(file_sort);
  `,
  // 9: smart collections: a collection with a saved query (text, facets, years) instead of picks;
  // its photos are the query's results whenever it is opened, so it follows the catalogue.
  `
  ALTER TABLE collections ADD COLUMN query TEXT;
  `,
  // 10 (issue 16): rotate and flip without touching the original. The person's turn of each photo
  // (degrees clockwise, then a left-right mirror; shared/orientation.ts), applied to its previews,
  // the loupe, exported copies and the displayed size; and the file's own EXIF orientation (1-8,
  // NULL when not known: photos catalogued before this migration, until the file is read again),
  // which a sidecar's tiff:Orientation is composed from.
  `
  ALTER TABLE photos ADD COLUMN rotation INTEGER NOT NULL DEFAULT 0 CHECK (rotation IN (0, 90, 180, 270));
  ALTER TABLE photos ADD COLUMN flipped INTEGER NOT NULL DEFAULT 0 CHECK (flipped IN (0, 1));
  ALTER TABLE photos ADD COLUMN file_orientation INTEGER;
  `,
  // 11 (issue 16, folders): each photo's folder, its original's path up to the last separator
  // (shared/folderPath.ts has the same rule: a POSIX path starts with "/" and only "/" separates
  // in it; in a Windows path "\" and "/" both do), indexed, so the folder tree's counts are one
  // scan of that index alone (200,000 photos in a few hundred folders). Kept by triggers, so
  // every writer (ingest, relink, restore, the CLI) keeps it right without knowing it. (A virtual
  // generated column would need no triggers, but SQLite reads the table to count over its index.)
  `
  ALTER TABLE photos ADD COLUMN folder TEXT;
  UPDATE photos SET folder = CASE WHEN substr(file, 1, 1) = '/' THEN rtrim(file, replace(file, '/', ''))
    ELSE rtrim(file, replace(replace(file, '/', ''), '\\', '')) END;
  CREATE INDEX photos_folder ON photos(folder);
  CREATE TRIGGER photos_folder_insert AFTER INSERT ON photos BEGIN
    UPDATE photos SET folder = CASE WHEN substr(NEW.file, 1, 1) = '/' THEN rtrim(NEW.file, replace(NEW.file, '/', ''))
      ELSE rtrim(NEW.file, replace(replace(NEW.file, '/', ''), '\\', '')) END WHERE id = NEW.id;
  END;
  CREATE TRIGGER photos_folder_update AFTER UPDATE OF file ON photos BEGIN
    UPDATE photos SET folder = CASE WHEN substr(NEW.file, 1, 1) = '/' THEN rtrim(NEW.file, replace(NEW.file, '/', ''))
      ELSE rtrim(NEW.file, replace(replace(NEW.file, '/', ''), '\\', '')) END WHERE id = NEW.id;
  END;
  `,
  // 12 (issue 16): ratings, flags and colour labels (shared/photoMarks.ts), editable fields like
  // the others. The search index filters on them, so the changelog trigger now logs their
  // changes too (the trigger is made again with the same columns plus these three).
  `
  ALTER TABLE photos ADD COLUMN rating INTEGER NOT NULL DEFAULT 0 CHECK (rating BETWEEN 0 AND 5);
  ALTER TABLE photos ADD COLUMN flag TEXT NOT NULL DEFAULT '' CHECK (flag IN ('', 'pick', 'reject'));
  ALTER TABLE photos ADD COLUMN label TEXT NOT NULL DEFAULT '' CHECK (label IN ('', 'red', 'yellow', 'green', 'blue', 'purple'));
  DROP TRIGGER IF EXISTS search_changes_update;
  CREATE TRIGGER search_changes_update AFTER UPDATE OF title, caption, date, donor, photographer, country, city, place, tags, fortepan_id, file, rating, flag, label ON photos BEGIN
    INSERT INTO search_changes (photo_id) VALUES (NEW.id);
  END;
  `,
];

export const SCHEMA_VERSION = MIGRATIONS.length;
