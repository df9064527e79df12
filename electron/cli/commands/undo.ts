// fototar undo / fototar redo: the same edit history as Ctrl+Z / Ctrl+Shift+Z in the app. In a
// team catalogue, your own steps only (--as names you, else your chosen name): a colleague's steps
// are theirs to undo and redo.
import { parse, requireCatalogue, out, withCatalogue, UsageError, type Command } from '../cliSupport.ts';
import { isPostgresLocation } from '../../catalogue/catalogueLocation.ts';

function step(kind: 'undo' | 'redo'): Command {
  return async (args) => {
    const { values, positionals } = parse(args, { as: { type: 'string' } });
    if (positionals.length) throw new UsageError(`${kind} takes no arguments`);
    const location = requireCatalogue(values);
    const yours = isPostgresLocation(location) ? ' of yours' : '';
    await withCatalogue(
      location,
      false,
      async (catalogue) => {
        const result = kind === 'undo' ? await catalogue.history.undo() : await catalogue.history.redo();
        if (values.json) out(JSON.stringify({ label: result.label, photos: result.ids, history: result.history }));
        else out(result.label ? `${kind === 'undo' ? 'undid' : 'redid'}: ${result.label}` : `nothing${yours} to ${kind}`);
      },
      values.as as string | undefined,
    );
  };
}

export const undo = step('undo');
export const redo = step('redo');
