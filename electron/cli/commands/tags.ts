// fototar tags list|rename <old> <new>|merge <a> <b>: the catalogue's tags, renamed or merged
// on every photo at once (one undoable step). `list` draws the keyword tree (each level indented
// under its parent, with the photos at or under it); `--json` gives the tags as stored, flat
// paths ("Helyszín|Budapest|Üllői út") with their counts. Renaming a path renames the tags under it.
import { parse, requireCatalogue, out, withCatalogue, UsageError, type Command } from '../cliSupport.ts';
import { nestTags, tagTreeLines } from '../../../shared/tagTree.ts';

export const tags: Command = async (args) => {
  const { values, positionals } = parse(args, { prefix: { type: 'string' } });
  const [action, ...rest] = positionals;
  const dir = requireCatalogue(values);
  if (action === 'list' || action === undefined) {
    if (rest.length) throw new UsageError('tags list takes no more arguments (use --prefix p to filter)');
    await withCatalogue(dir, false, async (catalogue) => {
      const prefix = typeof values.prefix === 'string' ? values.prefix : '';
      if (values.json) out(JSON.stringify({ tags: await catalogue.tags.list(prefix) }));
      else {
        const lines = tagTreeLines(nestTags((await catalogue.tags.tree(prefix)).map((n) => ({ path: n.tag, count: n.count }))));
        out(lines.length ? lines.join('\n') : 'no tags');
      }
    });
    return;
  }
  if (action === 'rename' || action === 'merge') {
    if (rest.length !== 2) throw new UsageError(action === 'rename' ? 'usage: tags rename <old> <new>' : 'usage: tags merge <tag> <into>');
    const [from, to] = rest;
    await withCatalogue(dir, false, async (catalogue) => {
      const result = await catalogue.tags.rename(from, to, action === 'merge' ? 'Merge' : 'Rename');
      if (values.json) out(JSON.stringify(result));
      else out(`${action === 'merge' ? 'merged' : 'renamed'} on ${result.photos} photo${result.photos === 1 ? '' : 's'} (undo with "fototar undo")`);
    });
    return;
  }
  throw new UsageError(`unknown tags action "${action}": use list, rename or merge`);
};
