import { parse, requireCatalogue, parseIds, out, showPhoto, withCatalogueReadOnly, UsageError, type Command } from '../cliSupport.ts';
import type { Photo } from '../../../shared/types.ts';
import { effectiveLicence } from '../../../shared/credit.ts';
import { describeTurn } from '../../../shared/orientation.ts';
import { starText } from '../../../shared/photoMarks.ts';

function describe(photo: Photo): string {
  const lines: [string, string | number | null][] = [
    ['id', photo.id],
    ['file', photo.file],
    ['fortepan', photo.fortepanId],
    ['fortepan iowa', photo.iowaId],
    ['title', photo.title],
    ['caption', photo.caption],
    ['date', photo.date],
    ['donor', photo.donor],
    ['photographer', photo.photographer],
    ['place', [photo.country, photo.city, photo.place].filter(Boolean).join(', ')],
    ['tags', photo.tags.join('; ')],
    ['licence', effectiveLicence(photo)],
    ['archive ref', photo.archiveRef],
    ['rating', photo.rating ? `${starText(photo.rating)} (${photo.rating})` : ''],
    ['flag', photo.flag],
    ['label', photo.label],
    ['credit', photo.credit],
    ['size', [photo.width && photo.height ? `${photo.width}×${photo.height}` : '', photo.format?.toUpperCase() ?? '', photo.pageCount ? `${photo.pageCount} pages` : ''].filter(Boolean).join(' · ')],
    ['turned', describeTurn(photo)],
    ['camera', photo.camera],
    ['taken', photo.takenAt],
    ['duplicate of', photo.duplicateOf],
    ['no preview', photo.previewError],
    ['preview', photo.previewWarning],
  ];
  return lines
    .filter(([, v]) => v !== null && v !== '')
    .map(([k, v]) => `${k.padEnd(13)}${v}`)
    .join('\n');
}

export const show: Command = async (args) => {
  const { values, positionals } = parse(args);
  const [id] = parseIds(positionals);
  if (positionals.length > 1) throw new UsageError('show takes one photo id');
  await withCatalogueReadOnly(requireCatalogue(values), async (catalogue) => {
    const photo = await catalogue.photos.get(id);
    out(values.json ? JSON.stringify(showPhoto(photo)) : describe(photo));
  });
};
