// One photo as the catalogue has it now: loaded again whenever any writer changes it (this app,
// an undo, an import, the CLI), and set at once from what a save answered.
import type { Photo } from '../../../shared/types.ts';
import { touches } from '../../../shared/events.ts';
import { api } from '../common/bridge.ts';
import { useCatalogueData } from '../common/useCatalogueData.ts';

export function usePhoto(id: number | null): { photo: Photo | null; error: string | null; setPhoto(p: Photo): void } {
  const { data, error, set } = useCatalogueData(
    id === null ? null : () => api.getPhoto({ id }),
    [id],
    (e) => id !== null && e.type === 'photosChanged' && touches(e, [id]),
  );
  return { photo: data && data.id === id ? data : null, error, setPhoto: set };
}
