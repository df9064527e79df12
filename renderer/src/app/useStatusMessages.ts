// Status messages ("Undone: …", "Imported: …", errors): each shows for a few seconds, errors
// longer, then clears itself; all of them stay in a history of the last 50 the user can open.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';

export type StatusKind = 'error' | 'info';

export interface StatusMessage {
  id: number;
  kind: StatusKind;
  text: string;
  /** When it was shown (the first time, for a message repeated in a row). */
  at: Date;
  /** How many times in a row it was shown. */
  count: number;
}

/** How long a message stays before it clears itself. */
export const STATUS_SHOWN_MS: Record<StatusKind, number> = { info: 5000, error: 12000 };
export const STATUS_HISTORY_SIZE = 50;

export interface StatusMessages {
  current: StatusMessage | null;
  /** Newest first. */
  history: readonly StatusMessage[];
  /** Shows a message (null clears the one shown); same signature as the old notice setter. */
  set(message: { kind: StatusKind; text: string } | null): void;
  dismiss(): void;
  /** Keeps the current message while the pointer or focus is on it. */
  hold(held: boolean): void;
}

let nextId = 1;

export function useStatusMessages(): StatusMessages {
  const [current, setCurrent] = useState<StatusMessage | null>(null);
  const [history, setHistory] = useState<StatusMessage[]>([]);
  const [held, setHeld] = useState(false);

  const historyRef = useRef<StatusMessage[]>([]);

  const set = useCallback((message: { kind: StatusKind; text: string } | null) => {
    if (!message) {
      setCurrent(null);
      return;
    }
    const old = historyRef.current;
    const last = old[0];
    let next: StatusMessage[];
    let shown: StatusMessage;
    if (last && last.kind === message.kind && last.text === message.text) {
      // The same message again (a poll failing, say) counts up instead of filling the history.
      const repeated = { ...last, count: last.count + 1 };
      next = [repeated, ...old.slice(1)];
      shown = { ...repeated, id: nextId++ };
    } else {
      shown = { id: nextId++, kind: message.kind, text: message.text, at: new Date(), count: 1 };
      next = [shown, ...old].slice(0, STATUS_HISTORY_SIZE);
    }
    historyRef.current = next;
    setHistory(next);
    setCurrent(shown);
  }, []);

  // Each message (a repeat too) gets its own full time on screen; holding it pauses the clock.
  const shownId = current?.id;
  const shownKind = current?.kind;
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => {
    if (shownId === undefined || shownKind === undefined || held) return;
    timer.current = window.setTimeout(() => setCurrent((c) => (c?.id === shownId ? null : c)), STATUS_SHOWN_MS[shownKind]);
    return () => window.clearTimeout(timer.current);
  }, [shownId, shownKind, held]);

  const dismiss = useCallback(() => setCurrent(null), []);
  const hold = useCallback((h: boolean) => setHeld(h), []);
  return useMemo(() => ({ current, history, set, dismiss, hold }), [current, history, set, dismiss, hold]);
}
