// How a picture is turned for display: the file's own EXIF orientation, then the person's rotation
// and flip (Ctrl+] / Ctrl+[, the flip button, `fototar edit --rotate --flip`), which the catalogue
// keeps and never writes into the original.
//
// Every orientation here is one of the eight turns of a rectangle, written as {rotation, flipped}:
// turn the stored pixels `rotation` degrees clockwise, THEN mirror them left to right when
// `flipped`. That is the order sharp applies EXIF orientations in (makeThumbnails.ts), so EXIF
// value n is EXIF_TURNS[n]: 1 = {0}, 2 = {0, flipped}, 3 = {180}, 4 = {180, flipped} (mirrored top
// to bottom), 5 = {90, flipped} (transposed), 6 = {90}, 7 = {270, flipped} (transversed), 8 = {270}.
//
// Composition ("a, then b"): mirroring then turning clockwise is turning counter-clockwise then
// mirroring, so b's rotation counts backwards after a flip:
//   composeTurns(a, b) = { rotation: a.rotation + (a.flipped ? -b.rotation : b.rotation), flipped: a.flipped xor b.flipped }.
// The picture as displayed is composeTurns(file's EXIF orientation, person's turn); that is what an XMP
// sidecar says as tiff:Orientation (xmpSidecar.ts), so Lightroom or digiKam, applying it to the
// original's pixels, shows what Fototar shows. Exported copies are upright pixels (Orientation 1).

export type Rotation = 0 | 90 | 180 | 270;

export interface Turn {
  rotation: Rotation;
  flipped: boolean;
}

export const UPRIGHT: Turn = { rotation: 0, flipped: false };

/** The turn of each EXIF orientation value (index 0 unused). */
const EXIF_TURNS: readonly Turn[] = [
  UPRIGHT,
  { rotation: 0, flipped: false },
  { rotation: 0, flipped: true },
  { rotation: 180, flipped: false },
  { rotation: 180, flipped: true },
  { rotation: 90, flipped: true },
  { rotation: 90, flipped: false },
  { rotation: 270, flipped: true },
  { rotation: 270, flipped: false },
];

/** Degrees clockwise as one of the four rotations (any multiple of 90, negative included). */
export function normaliseRotation(degrees: number): Rotation {
  return ((((Math.round(degrees / 90) * 90) % 360) + 360) % 360) as Rotation;
}

/** `a`, then `b` (never name this `then`: a module exporting `then` is a thenable, and `await import()` of it never settles). */
export function composeTurns(a: Turn, b: Turn): Turn {
  return { rotation: normaliseRotation(a.rotation + (a.flipped ? -b.rotation : b.rotation)), flipped: a.flipped !== b.flipped };
}

/** The turn an EXIF orientation (1–8) stands for; anything else (none, out of range) is upright. */
export function turnOfExif(orientation: number | null | undefined): Turn {
  return orientation && orientation >= 1 && orientation <= 8 ? EXIF_TURNS[orientation]! : UPRIGHT;
}

/** The EXIF orientation value (1–8) of a turn. */
export function exifOfTurn(turn: Turn): number {
  return EXIF_TURNS.findIndex((t, i) => i > 0 && t.rotation === turn.rotation && t.flipped === turn.flipped);
}

export function isUpright(turn: Turn): boolean {
  return turn.rotation === 0 && !turn.flipped;
}

/** True when the turn swaps width and height. */
export function swapsSides(turn: Turn): boolean {
  return turn.rotation === 90 || turn.rotation === 270;
}

/**
 * What the person asks for, as seen on screen: rotate the picture as displayed clockwise by
 * `rotate` degrees (90, 180, 270; Ctrl+[ is 270) and/or mirror it left to right.
 */
export interface TurnRequest {
  rotate?: 90 | 180 | 270;
  flip?: boolean;
}

/** The turn a request adds to what is displayed. */
export function requestedTurn(request: TurnRequest): Turn {
  return { rotation: normaliseRotation(request.rotate ?? 0), flipped: request.flip === true };
}

/** A photo's turn after a request: its current turn, then the request (so Ctrl+] always turns the picture on screen clockwise). */
export function applyRequest(current: Turn, request: TurnRequest): Turn {
  return composeTurns(current, requestedTurn(request));
}

/** The EXIF orientation of the picture as displayed: the file's own, then the person's turn. */
export function displayedOrientation(fileOrientation: number | null | undefined, turn: Turn): number {
  return exifOfTurn(composeTurns(turnOfExif(fileOrientation), turn));
}

/** The turn in English words ("90° clockwise, flipped"), or "" when upright: what `fototar show` prints. */
export function describeTurn(turn: Turn): string {
  const rotation = { 0: '', 90: '90° clockwise', 180: '180°', 270: '90° counter-clockwise' }[turn.rotation];
  return [rotation, turn.flipped ? 'flipped' : ''].filter(Boolean).join(', ');
}
