// The API's method names, kept free of zod so the sandboxed preload stays a few kilobytes.
// shared/api.ts checks at compile time that every name has a schema and a result type.
export const API_METHODS = [
  'info',
  'listPhotos',
  'search',
  'getPhoto',
  'updatePhotos',
  'startIngest',
  'ingestProgress',
  'cancelIngest',
  'creditList',
  'chooseFolders',
] as const;

export type ApiMethodName = (typeof API_METHODS)[number];
