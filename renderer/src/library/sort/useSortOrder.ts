// The grid's sort: the catalogue's remembered one (api.photoSort), changed with setSort, which
// shows the new order at once and remembers it in the catalogue. Null until it is known, so the
// grid's first page comes in the remembered order, not in one it then replaces.
import { useCallback, useEffect, useState } from 'react';
import { DEFAULT_SORT, type PhotoSort } from '../../../../shared/photoSort.ts';
import { api } from '../../common/bridge.ts';
import { errorText } from '../../common/errorText.ts';

export function useSortOrder(onError: (text: string) => void): { sort: PhotoSort | null; setSort(sort: PhotoSort): void } {
  const [sort, setSortState] = useState<PhotoSort | null>(null);
  useEffect(() => {
    let live = true;
    api.photoSort({}).then(
      (remembered) => live && setSortState(remembered),
      () => live && setSortState(DEFAULT_SORT),
    );
    return () => void (live = false);
  }, []);
  const setSort = useCallback(
    (next: PhotoSort) => {
      setSortState(next);
      api.setPhotoSort(next).catch((e: unknown) => onError(errorText(e)));
    },
    [onError],
  );
  return { sort, setSort };
}
