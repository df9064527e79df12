// What a marking key does (Lightroom's keys, shared/photoMarks.ts): 0–5 set the stars, P picks,
// X rejects, U unflags, 6–9 set a colour label, and the label key of the label the active photo
// already has takes it off (as Lightroom does, judged on the active photo for the whole selection).
import { LABEL_KEYS, type PhotoMarks } from '../../../../shared/photoMarks.ts';
import type { PhotoPatch } from '../../../../shared/types.ts';

export function markPatch(key: string, active: Pick<PhotoMarks, 'label'> | undefined): PhotoPatch | null {
  if (/^[0-5]$/.test(key)) return { rating: Number(key) };
  switch (key.toLowerCase()) {
    case 'p':
      return { flag: 'pick' };
    case 'x':
      return { flag: 'reject' };
    case 'u':
      return { flag: '' };
  }
  const label = LABEL_KEYS[key];
  if (!label) return null;
  return { label: active?.label === label ? '' : label };
}
