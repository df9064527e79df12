// The commands `fototar` knows, by name. A new command is a file here and a line below.
// Each is imported only when it is run: `fototar show` must not pay for loading what ingest,
// export or import need (sharp, exifr, Lunr, exceljs, docx). The bundle (scripts/build-cli.ts)
// keeps each import() a chunk of its own, so this table is also what splits the bundle.
import type { Command } from '../cliSupport.ts';

export const COMMANDS: Record<string, () => Promise<Command>> = {
  ingest: async () => (await import('./ingest.ts')).ingest,
  list: async () => (await import('./list.ts')).list,
  show: async () => (await import('./show.ts')).show,
  edit: async () => (await import('./edit.ts')).edit,
  search: async () => (await import('./search.ts')).search,
  credits: async () => (await import('./credits.ts')).credits,
  collection: async () => (await import('./collection.ts')).collection,
  export: async () => (await import('./export.ts')).exportCommand,
  serve: async () => (await import('./serve.ts')).serve,
  backup: async () => (await import('./backup.ts')).backup,
  restore: async () => (await import('./restore.ts')).restore,
  relink: async () => (await import('./relink.ts')).relink,
  folders: async () => (await import('./folders.ts')).folders,
  'check-files': async () => (await import('./checkFiles.ts')).checkFiles,
  tags: async () => (await import('./tags.ts')).tags,
  undo: async () => (await import('./undo.ts')).undo,
  redo: async () => (await import('./undo.ts')).redo,
  history: async () => (await import('./history.ts')).history,
  sidecars: async () => (await import('./sidecars.ts')).sidecars,
  import: async () => (await import('./importMetadata.ts')).importCommand,
  'export-metadata': async () => (await import('./exportMetadata.ts')).exportMetadataCommand,
  migrate: async () => (await import('./migrate.ts')).migrate,
  archivist: async () => (await import('./archivist.ts')).archivist,
  roots: async () => (await import('./roots.ts')).roots,
};
