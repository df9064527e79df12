// fototar relink <id> <new path> --catalogue <dir> [--json]: points a photo whose original was
// moved or renamed at its new path. The file must hold the same picture (content hash); the
// photo's metadata is untouched.
// fototar relink --folder <old folder> <new folder>: the same for every photo that came from a
// moved folder (and its subfolders), each found by content under the new folder.
import { parse, requireCatalogue, parseIds, out, showPhoto, withCatalogue, UsageError, type Command } from '../cliSupport.ts';

export const relink: Command = async (args) => {
  const { values, positionals } = parse(args, { folder: { type: 'boolean' } });
  if (values.folder) {
    if (positionals.length !== 2) throw new UsageError('relink --folder takes the old folder and the new folder');
    const [from, to] = positionals;
    await withCatalogue(requireCatalogue(values), false, async (catalogue) => {
      const report = await catalogue.originals.relinkFolder(from, to);
      if (values.json) return out(JSON.stringify(report));
      out(
        [
          `${report.relinked} of ${report.photos} photos relinked to ${to}, ${report.notFound} not found.`,
          ...report.notFoundFiles.map((m) => `not found  ${m.id}  ${m.file}`),
          ...(report.notFound > report.notFoundFiles.length ? [`… and ${report.notFound - report.notFoundFiles.length} more`] : []),
        ].join('\n'),
      );
    });
    return;
  }
  if (positionals.length !== 2) throw new UsageError('relink takes a photo id and the new path of its file');
  const [id] = parseIds(positionals.slice(0, 1));
  await withCatalogue(requireCatalogue(values), false, async (catalogue) => {
    const photo = await catalogue.originals.relink(id, positionals[1]);
    out(values.json ? JSON.stringify(showPhoto(photo)) : `Photo ${id} now points at ${photo.file}`);
  });
};
