// The folder tree the sidebar shows, loaded again whenever photos change (an ingest adds
// folders, a relink moves photos, another process writes): its counts are never stale.
import type { FolderTree } from '../../../shared/folderTree.ts';
import { api } from '../common/bridge.ts';
import { useCatalogueData } from '../common/useCatalogueData.ts';

export function useFolderTree() {
  return useCatalogueData<FolderTree>(() => api.folderTree({}), [], (e) => e.type === 'photosChanged');
}
