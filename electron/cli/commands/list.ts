import { parse, requireCatalogue, out, withCatalogueReadOnly, type Command } from '../cliSupport.ts';

export const list: Command = async (args) => {
  const { values } = parse(args);
  await withCatalogueReadOnly(requireCatalogue(values), (catalogue) => {
    const photos = catalogue.photos.listed();
    if (values.json) out(JSON.stringify({ photos }));
    else for (const p of photos) out(`${String(p.id).padStart(6)}  ${p.fortepanId !== null ? `Fortepan ${p.fortepanId}  ` : ''}${p.title || p.file}`);
  });
};
