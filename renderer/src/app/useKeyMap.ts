// Runs the key map (keyMap.ts) on the window's key events: finds the command for the key where
// the focus is, and runs it with the app's current state. The handlers live in App.
import { useEffect, useRef } from 'react';
import { commandFor, type Command, type KeyContext } from './keyMap.ts';

/** A handler answers false when the key is not its business here (the browser keeps it). */
export type CommandHandlers = Record<Command, (e: KeyboardEvent) => boolean | void>;

export function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT';
}

/** Buttons keep their own Enter and Space. */
export function onButton(e: KeyboardEvent): boolean {
  return e.target instanceof HTMLElement && (e.target.tagName === 'BUTTON' || e.target.tagName === 'A');
}

export function useKeyMap(context: Omit<KeyContext, 'editable'>, handlers: CommandHandlers): void {
  const latest = useRef({ context, handlers });
  latest.current = { context, handlers };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const { context: c, handlers: h } = latest.current;
      const command = commandFor(e, { ...c, editable: isEditable(e.target) });
      if (!command) return;
      if (h[command](e) !== false) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
