// fototar undo / fototar redo: the same edit history as Ctrl+Z / Ctrl+Shift+Z in the app.
import { parse, requireCatalogue, out, withCatalogue, UsageError, type Command } from '../cliSupport.ts';

function step(kind: 'undo' | 'redo'): Command {
  return async (args) => {
    const { values, positionals } = parse(args);
    if (positionals.length) throw new UsageError(`${kind} takes no arguments`);
    await withCatalogue(requireCatalogue(values), false, async (catalogue) => {
      const result = kind === 'undo' ? await catalogue.history.undo() : await catalogue.history.redo();
      if (values.json) out(JSON.stringify({ label: result.label, photos: result.ids, history: result.history }));
      else out(result.label ? `${kind === 'undo' ? 'undid' : 'redid'}: ${result.label}` : `nothing to ${kind}`);
    });
  };
}

export const undo = step('undo');
export const redo = step('redo');
