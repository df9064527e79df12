// The folder browser's state: the folder shown and its subfolders, asked of the catalogue
// server. A folder that cannot be listed leaves the last good listing in place and says why.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { FolderListing } from '../../../shared/folderListing.ts';
import { api } from '../common/bridge.ts';
import { errorText, serverText } from '../common/errorText.ts';

export interface FolderListingState {
  /** The last folder that could be listed (null until the first answer). */
  listing: FolderListing | null;
  /** Why the last folder asked for could not be listed. */
  error: string | null;
  loading: boolean;
  showHidden: boolean;
  setShowHidden(show: boolean): void;
  /** Lists `path` (`~` is home); resolves to the listing, or null when it failed. */
  go(path: string | undefined): Promise<FolderListing | null>;
}

export function useFolderListing(): FolderListingState {
  const [listing, setListing] = useState<FolderListing | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [showHidden, setShowHiddenState] = useState(false);
  const latest = useRef(0);
  const hiddenRef = useRef(false);

  const go = useCallback(async (path: string | undefined, hidden = hiddenRef.current): Promise<FolderListing | null> => {
    const ticket = ++latest.current;
    setLoading(true);
    try {
      const answer = await api.listFolders({ path, showHidden: hidden });
      if (ticket !== latest.current) return null;
      if (answer.error) {
        setError(serverText(answer.error, answer.errorRef));
        return null;
      }
      setListing(answer);
      setError(null);
      return answer;
    } catch (e) {
      if (ticket === latest.current) setError(errorText(e));
      return null;
    } finally {
      if (ticket === latest.current) setLoading(false);
    }
  }, []);

  // Browsing starts in the home folder.
  useEffect(() => {
    void go(undefined);
  }, [go]);

  const setShowHidden = useCallback(
    (show: boolean) => {
      hiddenRef.current = show;
      setShowHiddenState(show);
      void go(listing?.path, show);
    },
    [go, listing],
  );

  return { listing, error, loading, showHidden, setShowHidden, go };
}
