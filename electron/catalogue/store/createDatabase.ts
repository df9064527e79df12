// A new catalogue database is made whole beside its final name and renamed into place: a process
// killed while creating it leaves no `catalogue.sqlite` at all (the next run simply makes it
// again), never an empty or schema-less file that would look like a catalogue cut short.
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from './openDatabase.ts';
import { creatingName, removePartial } from './catalogueLeftovers.ts';
import { syncDirectory } from './catalogueBackup.ts';
import { faultPoint } from '../faultInjection.ts';

/** Makes `file` as a fully migrated, empty catalogue database, atomically. */
export function createDatabaseFile(file: string): void {
  const creating = creatingName(file);
  removePartial(creating);
  try {
    // Migrated in WAL mode; closing checkpoints the WAL into the file and removes it.
    openDatabase(creating).close();
    const fd = fs.openSync(creating, 'r+');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    faultPoint('database-created');
    fs.renameSync(creating, file);
    syncDirectory(path.dirname(file));
  } catch (error) {
    removePartial(creating);
    throw error;
  }
}
