// Tests that make a catalogue as an older Fototar left it take the newer migrations back out.
import type { DatabaseSync } from 'node:sqlite';

/**
 * Takes migration 12 (ratings, flags, colour labels) out: its columns, and its changelog trigger
 * back to migration 3's (a column a trigger names cannot be dropped).
 */
export function withoutMarks(db: DatabaseSync): void {
  db.exec(`
    DROP TRIGGER search_changes_update;
    ALTER TABLE photos DROP COLUMN rating;
    ALTER TABLE photos DROP COLUMN flag;
    ALTER TABLE photos DROP COLUMN label;
    CREATE TRIGGER search_changes_update AFTER UPDATE OF title, caption, date, donor, photographer, country, city, place, tags, fortepan_id, file ON photos BEGIN
      INSERT INTO search_changes (photo_id) VALUES (NEW.id);
    END;
  `);
}

/** Takes migration 11 (each photo's folder, kept by triggers) out. */
export function withoutFolders(db: DatabaseSync): void {
  db.exec(`
    DROP TRIGGER photos_folder_insert;
    DROP TRIGGER photos_folder_update;
    DROP INDEX photos_folder;
    ALTER TABLE photos DROP COLUMN folder;
  `);
}

/** Takes migration 10 (the person's rotation and flip, the file's own orientation) out. */
export function withoutTurns(db: DatabaseSync): void {
  for (const column of ['rotation', 'flipped', 'file_orientation']) db.exec(`ALTER TABLE photos DROP COLUMN ${column}`);
}
