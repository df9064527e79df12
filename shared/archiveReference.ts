// The archive reference (shelfmark) of a photo held by an archive, e.g. "HU.BFL.XV.19.d.1.05.054".
// Budapest City Archives (Budapest Főváros Levéltára, BFL) asks that its photos on Fortepan be
// credited with it: "Fortepan / Budapest Főváros Levéltára. Levéltári jelzet: HU.BFL.XV.19.d.1.05.054"
// (see ../shared/DOMAIN.md). Other sources do not ask, so their credits do not cite it.
import { foldText } from './textFold.ts';

/** Whether the photo's donor or source is an archive that asks for its reference in the credit. */
export function asksForArchiveReference(photo: { donor: string; source: string; archiveRef?: string }): boolean {
  const names = foldText(`${photo.donor} ${photo.source}`);
  return names.includes('budapest fovaros leveltara') || /^\s*HU[.\s]*BFL\b/i.test(photo.archiveRef ?? '');
}

/** The reference to cite for this photo, or "" (none recorded, or the source does not ask). */
export function citedArchiveReference(photo: { donor: string; source: string; archiveRef?: string }): string {
  const ref = (photo.archiveRef ?? '').trim();
  return ref && asksForArchiveReference(photo) ? ref : '';
}
