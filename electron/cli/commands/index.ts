// The commands `fototar` knows, by name. A new command is a file here and a line below.
import type { Command } from '../cliSupport.ts';
import { ingest } from './ingest.ts';
import { list } from './list.ts';
import { show } from './show.ts';
import { edit } from './edit.ts';
import { search } from './search.ts';
import { credits } from './credits.ts';
import { serve } from './serve.ts';

export const COMMANDS: Record<string, Command> = {
  ingest,
  list,
  show,
  edit,
  search,
  credits,
  serve,
};
