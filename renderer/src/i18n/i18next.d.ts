// Types every t('…') call against the English catalogues: a key that does not exist is a
// compile error, not an English fallback on screen.
import 'i18next';
import type { resources } from './resources.ts';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: (typeof resources)['en'];
  }
}
