// `fototar collection create|add|remove|move|list|show|rename|delete|modified ...`: an author's
// named, ordered picks from the command line. Positions given to `move` are figure numbers
// (1 = first). A photo already in the collection is added again, with a warning on stderr.
// `create <name> --query "…"` saves a search as a smart collection: `show` lists its results now.
import { parse, requireCatalogue, parseIds, out, withCatalogue, UsageError, type Command } from '../cliSupport.ts';
import { creditWarnings } from '../../../shared/figureCredits.ts';

const SUBCOMMANDS = 'create|add|remove|move|list|show|rename|delete|modified';

function needName(positionals: string[], what: string): string {
  const name = positionals[0];
  if (!name || !name.trim()) throw new UsageError(`give the collection's name: fototar collection ${what} <name> ...`);
  return name;
}

export const collection: Command = async (args) => {
  const [sub, ...rest] = args;
  if (!sub || sub.startsWith('-')) throw new UsageError(`give a subcommand: ${SUBCOMMANDS}`);
  const { values, positionals } = parse(rest, { off: { type: 'boolean' }, query: { type: 'string' } });
  const dir = requireCatalogue(values);
  const json = Boolean(values.json);

  await withCatalogue(dir, false, async (catalogue) => {
    const service = catalogue.collections;
    const store = service;
    /** A smart collection: its search and what it finds now (the first 1,000). */
    const showSmart = async (name: string, query: string) => {
      const result = await catalogue.search.query(query, 0, 1000);
      if (json) {
        out(JSON.stringify({ name, query, total: result.total, photos: result.hits.map((h) => ({ id: h.id, fortepanId: h.fortepanId, title: h.title, credit: h.credit })) }));
        return;
      }
      out(`${name}: smart collection, search "${query}": ${result.total} photo${result.total === 1 ? '' : 's'}`);
      for (const h of result.hits) out(`${String(h.id).padStart(6)}  ${h.title || (h.fortepanId !== null ? `Fortepan ${h.fortepanId}` : '')}  (${h.credit || 'no credit'})`);
    };
    const showOne = async (id: number) => {
      const c = await service.get(id);
      if (c.query !== undefined) return showSmart(c.name, c.query);
      const picks = await service.picks(id);
      const warnings = creditWarnings(picks.map((p) => ({ photo: p.photo, modified: p.modified })));
      if (json) {
        out(
          JSON.stringify({
            id: c.id,
            name: c.name,
            count: c.count,
            items: picks.map((p, i) => ({
              figure: i + 1,
              itemId: p.itemId,
              id: p.photo.id,
              fortepanId: p.photo.fortepanId,
              title: p.photo.title,
              file: p.photo.file,
              credit: p.photo.credit,
              modified: p.modified,
            })),
            warnings,
          }),
        );
        return;
      }
      out(`${c.name}: ${c.count} photo${c.count === 1 ? '' : 's'}`);
      picks.forEach((p, i) => {
        const label = p.photo.title || (p.photo.fortepanId !== null ? `Fortepan ${p.photo.fortepanId}` : p.photo.file);
        out(`${String(i + 1).padStart(3)}. ${String(p.photo.id).padStart(6)}  ${label}  (${p.photo.credit || 'no credit'})${p.modified ? '  [modified]' : ''}`);
      });
      for (const w of warnings) out(`warning: ${w.message}`);
    };

    switch (sub) {
      case 'create': {
        if (positionals.length !== 1) throw new UsageError('usage: fototar collection create <name> [--query "<search>"]');
        const created = await store.create(needName(positionals, 'create'), typeof values.query === 'string' ? values.query : undefined);
        if (json) out(JSON.stringify(created));
        else out(created.query !== undefined ? `created smart collection "${created.name}": search "${created.query}"` : `created "${created.name}"`);
        return;
      }
      case 'add': {
        const id = await store.idByName(needName(positionals, 'add'));
        const photoIds = parseIds(positionals.slice(1));
        const before = new Map((await store.items(id)).map((i) => [i.photoId, i.position + 1]));
        const result = await store.add(id, photoIds);
        for (const dup of result.duplicates) {
          const where = before.get(dup);
          process.stderr.write(`warning: photo ${dup} is now in this collection more than once${where ? ` (already figure ${where})` : ''}\n`);
        }
        if (json) return showOne(id);
        out(`added ${result.added}; ${(await store.summary(id)).count} photos in "${(await store.summary(id)).name}"`);
        return;
      }
      case 'remove': {
        const id = await store.idByName(needName(positionals, 'remove'));
        const removed = await store.removePhotos(id, parseIds(positionals.slice(1)));
        if (json) return showOne(id);
        out(`removed ${removed}; ${(await store.summary(id)).count} photos in "${(await store.summary(id)).name}"`);
        return;
      }
      case 'move': {
        if (positionals.length !== 3) throw new UsageError('usage: fototar collection move <name> <id> <position>');
        const id = await store.idByName(positionals[0]);
        const [photoId] = parseIds([positionals[1]]);
        const position = Number(positionals[2]);
        const count = (await store.summary(id)).count;
        if (!Number.isInteger(position) || position < 1 || position > count) {
          throw new UsageError(`position must be a figure number from 1 to ${count} (got ${positionals[2]})`);
        }
        await store.move(id, (await store.itemOfPhoto(id, photoId)).itemId, position - 1);
        if (json) return showOne(id);
        out(`moved photo ${photoId} to figure ${position}`);
        return;
      }
      case 'modified': {
        // Marks picks the author cropped or altered: TASL credits then say "modified".
        const id = await store.idByName(needName(positionals, 'modified'));
        for (const photoId of parseIds(positionals.slice(1))) await store.setModified(id, (await store.itemOfPhoto(id, photoId)).itemId, !values.off);
        if (json) return showOne(id);
        out(values.off ? 'marked as unmodified' : 'marked as modified');
        return;
      }
      case 'list': {
        if (positionals.length) throw new UsageError('usage: fototar collection list --catalogue <dir>');
        const all = await service.list();
        if (json) out(JSON.stringify({ collections: all }));
        else if (all.length === 0) out('no collections yet: fototar collection create <name>');
        else for (const c of all) out(c.query !== undefined ? `${c.name}  (smart: "${c.query}")` : `${c.name}  (${c.count} photo${c.count === 1 ? '' : 's'})`);
        return;
      }
      case 'show': {
        if (positionals.length !== 1) throw new UsageError('usage: fototar collection show <name>');
        return showOne(await store.idByName(positionals[0]));
      }
      case 'rename': {
        if (positionals.length !== 2) throw new UsageError('usage: fototar collection rename <name> <new name>');
        const renamed = await store.rename(await store.idByName(positionals[0]), positionals[1]);
        if (json) out(JSON.stringify(renamed));
        else out(`renamed to "${renamed.name}"`);
        return;
      }
      case 'delete': {
        if (positionals.length !== 1) throw new UsageError('usage: fototar collection delete <name>');
        const id = await store.idByName(positionals[0]);
        const { name } = await store.summary(id);
        await store.delete(id);
        if (json) out(JSON.stringify({ deleted: name }));
        else out(`deleted "${name}" (the photos stay in the catalogue)`);
        return;
      }
      default:
        throw new UsageError(`unknown subcommand "${sub}": use ${SUBCOMMANDS}`);
    }
  });
};
