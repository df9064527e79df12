// The message catalogues, one JSON file per feature folder and language, so each feature owns
// its words. English is the reference: i18n/types.d.ts types every `t()` key against it, and a
// unit test (tests/unit/renderer/messageCatalogues.test.ts) holds Hungarian to the same keys.
import enCommon from './locales/en/common.json';
import enApp from './locales/en/app.json';
import enLibrary from './locales/en/library.json';
import enSearch from './locales/en/search.json';
import enEditing from './locales/en/editing.json';
import enCollections from './locales/en/collections.json';
import enIngest from './locales/en/ingest.json';
import huCommon from './locales/hu/common.json';
import huApp from './locales/hu/app.json';
import huLibrary from './locales/hu/library.json';
import huSearch from './locales/hu/search.json';
import huEditing from './locales/hu/editing.json';
import huCollections from './locales/hu/collections.json';
import huIngest from './locales/hu/ingest.json';
// The catalogue's own messages (errors, refused import rows) live beside the catalogue's code in
// shared/, where the server renders their English; the UI shows them in its language.
import enErrors from '../../../shared/locales/en/errors.json';
import huErrors from '../../../shared/locales/hu/errors.json';

export const NAMESPACES = ['common', 'app', 'library', 'search', 'editing', 'collections', 'ingest', 'errors'] as const;

export const resources = {
  en: { common: enCommon, app: enApp, library: enLibrary, search: enSearch, editing: enEditing, collections: enCollections, ingest: enIngest, errors: enErrors },
  hu: { common: huCommon, app: huApp, library: huLibrary, search: huSearch, editing: huEditing, collections: huCollections, ingest: huIngest, errors: huErrors },
} as const;
