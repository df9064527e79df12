import { useCallback, useEffect, useRef, useState } from 'react';
import { copyText } from './clipboard.ts';
import { errorText } from './errorText.ts';

/** Copies and says so for a moment: state is 'idle' | 'copied' | an error message. */
export function useCopy(): [string, (text: string) => void] {
  const [state, setState] = useState('idle');
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(timer.current), []);
  const copy = useCallback((text: string) => {
    copyText(text).then(
      () => setState('copied'),
      (error: unknown) => setState(errorText(error)),
    );
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => setState('idle'), 1800);
  }, []);
  return [state, copy];
}
