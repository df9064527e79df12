// fototar relink <id> <new path> --catalogue <dir> [--json]: points a photo whose original was
// moved or renamed at its new path. The file must hold the same picture (content hash); the
// photo's metadata is untouched.
import { parse, requireCatalogue, parseIds, out, showPhoto, withCatalogue, UsageError, type Command } from '../cliSupport.ts';

export const relink: Command = async (args) => {
  const { values, positionals } = parse(args);
  if (positionals.length !== 2) throw new UsageError('relink takes a photo id and the new path of its file');
  const [id] = parseIds(positionals.slice(0, 1));
  await withCatalogue(requireCatalogue(values), false, async (catalogue) => {
    const photo = await catalogue.originals.relink(id, positionals[1]);
    out(values.json ? JSON.stringify(showPhoto(photo)) : `Photo ${id} now points at ${photo.file}`);
  });
};
