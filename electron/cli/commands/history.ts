// fototar history <id> --catalogue <dir | postgres://…> [--json]: every recorded change to one
// photo's fields, newest first — when, who (in a team catalogue), which field, before and after,
// and the step it belonged to. A folder catalogue keeps its newest 500 steps (editHistory.ts
// HISTORY_LIMIT); a team catalogue keeps every change with its author (teamEdits.ts). Only reads:
// it works while the app has the catalogue open.
import { localMinute, type PhotoHistoryEntry } from '../../../shared/editHistory.ts';
import { out, parse, parseIds, requireCatalogue, UsageError, withCatalogueReadOnly, type Command } from '../cliSupport.ts';

export const history: Command = async (args) => {
  const { values, positionals } = parse(args);
  const [id] = parseIds(positionals);
  if (positionals.length > 1) throw new UsageError('history takes one photo id');
  const entries = await withCatalogueReadOnly(requireCatalogue(values), (catalogue) => catalogue.history.photo(id!));
  if (values.json) return out(JSON.stringify(entries));
  if (!entries.length) return out(`no recorded changes to photo ${id}`);
  for (const entry of entries) out(describeEntry(entry));
};

/** 2026-12-02 14:05  Kovács Anna  caption: "Felvonulás" → "Május 1." (Edit caption of Fortepan 7416) */
function describeEntry(entry: PhotoHistoryEntry): string {
  const shown = (value: PhotoHistoryEntry['before']) => JSON.stringify(Array.isArray(value) ? value.join('; ') : value);
  const who = entry.author ? `  ${entry.author}` : '';
  const step = entry.undo ? `undo of: ${entry.label}` : entry.label;
  return `${localMinute(entry.at)}${who}  ${entry.field}: ${shown(entry.before)} → ${shown(entry.after)}  (${step})${entry.undone ? ' [undone]' : ''}`;
}
