// Kept apart from makeThumbnails.ts so the main process can read the limit without loading sharp.

/** Refuse decompression bombs before decoding: 200 megapixels is beyond any scan we expect. */
export const MAX_INPUT_PIXELS = 200_000_000;
