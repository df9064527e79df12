// The one status line under the top bar: an error or a piece of news, until dismissed or replaced.
import { useCallback, useState } from 'react';

export interface Notice {
  kind: 'error' | 'info';
  text: string;
}

export function useNotice() {
  const [notice, setNotice] = useState<Notice | null>(null);
  return {
    notice,
    info: useCallback((text: string) => setNotice({ kind: 'info', text }), []),
    error: useCallback((text: string) => setNotice({ kind: 'error', text }), []),
    show: useCallback((kind: Notice['kind'], text: string) => setNotice({ kind, text }), []),
    dismiss: useCallback(() => setNotice(null), []),
  };
}
