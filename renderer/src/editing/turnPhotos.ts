// Rotating and flipping through the catalogue's one turn path (turnPhotos in shared/api.ts): one
// undoable step, the originals never touched; the grid, the panels and the large view follow the
// photosChanged event it announces (the images' version carries the turn).
import type { Selection } from '../../../shared/selection.ts';
import type { TurnRequest } from '../../../shared/orientation.ts';
import { api } from '../common/bridge.ts';

export function turnPhotos(target: { ids: number[] } | { selection: Selection }, request: TurnRequest): Promise<unknown> {
  return api.turnPhotos({ ...target, ...request });
}
