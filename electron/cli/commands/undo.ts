// fototar undo / fototar redo: the same edit history as Ctrl+Z / Ctrl+Shift+Z in the app.
import { parse, requireCatalogue, out, withCatalogue, UsageError, type Command } from '../cliSupport.ts';
import { isPostgresLocation } from '../../catalogue/store/postgres/pgLocation.ts';
import { stepInTeamCatalogue } from '../teamCatalogue.ts';

function step(kind: 'undo' | 'redo'): Command {
  return async (args) => {
    const { values, positionals } = parse(args, { as: { type: 'string' } });
    if (positionals.length) throw new UsageError(`${kind} takes no arguments`);
    const location = requireCatalogue(values);
    if (isPostgresLocation(location)) {
      // Your own steps only: a colleague's steps are theirs to undo and redo.
      const done = await stepInTeamCatalogue(location, kind, values.as as string | undefined);
      if (values.json) out(JSON.stringify({ label: done?.label ?? null, photos: done?.ids ?? [] }));
      else out(done ? `${kind === 'undo' ? 'undid' : 'redid'}: ${done.label}` : `nothing of yours to ${kind}`);
      return;
    }
    await withCatalogue(location, false, async (catalogue) => {
      const result = kind === 'undo' ? await catalogue.history.undo() : await catalogue.history.redo();
      if (values.json) out(JSON.stringify({ label: result.label, photos: result.ids, history: result.history }));
      else out(result.label ? `${kind === 'undo' ? 'undid' : 'redid'}: ${result.label}` : `nothing to ${kind}`);
    });
  };
}

export const undo = step('undo');
export const redo = step('redo');
