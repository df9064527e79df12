// The commands `fototar` knows, by name. A new command is a file here and a line below.
import type { Command } from '../cliSupport.ts';
import { ingest } from './ingest.ts';
import { list } from './list.ts';
import { show } from './show.ts';
import { edit } from './edit.ts';
import { search } from './search.ts';
import { credits } from './credits.ts';
import { collection } from './collection.ts';
import { exportCommand } from './export.ts';
import { serve } from './serve.ts';
import { backup } from './backup.ts';
import { restore } from './restore.ts';
import { relink } from './relink.ts';
import { checkFiles } from './checkFiles.ts';
import { tags } from './tags.ts';
import { undo, redo } from './undo.ts';
import { sidecars } from './sidecars.ts';
import { importCommand } from './importMetadata.ts';
import { exportMetadataCommand } from './exportMetadata.ts';

export const COMMANDS: Record<string, Command> = {
  ingest,
  list,
  show,
  edit,
  search,
  credits,
  collection,
  export: exportCommand,
  serve,
  backup,
  restore,
  relink,
  'check-files': checkFiles,
  tags,
  undo,
  redo,
  sidecars,
  import: importCommand,
  'export-metadata': exportMetadataCommand,
};
