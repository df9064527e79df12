// The app's status line: an error or a piece of news. Messages clear themselves after a few
// seconds (errors later) and stay in a history the user can open (useStatusMessages.ts); this
// hook gives the panels the short setters they use.
import { useCallback } from 'react';
import { useStatusMessages, type StatusKind, type StatusMessages } from './useStatusMessages.ts';

export type Notice = { kind: StatusKind; text: string };

export function useNotice(): {
  status: StatusMessages;
  info(text: string): void;
  error(text: string): void;
  show(kind: StatusKind, text: string): void;
  dismiss(): void;
} {
  const status = useStatusMessages();
  const { set, dismiss } = status;
  return {
    status,
    info: useCallback((text: string) => set({ kind: 'info', text }), [set]),
    error: useCallback((text: string) => set({ kind: 'error', text }), [set]),
    show: useCallback((kind: StatusKind, text: string) => set({ kind, text }), [set]),
    dismiss,
  };
}
