// `fototar edit --rotate 90|180|270 --flip`: the person's turn of the photos as displayed
// (shared/orientation.ts): clockwise, added to the current rotation; --flip mirrors left to right
// (again: back).
import type { TurnRequest } from '../../../shared/orientation.ts';
import { UsageError, type Options } from '../cliSupport.ts';

export const TURN_OPTIONS: Options = { rotate: { type: 'string' }, flip: { type: 'boolean' } };

const ROTATIONS = { '90': 90, '180': 180, '270': 270 } as const;

/** The turn the options ask for, or null when they ask none; a bad value is a one-line usage error. */
export function readTurnOptions(values: Record<string, unknown>): TurnRequest | null {
  const rotateText = values.rotate;
  const flip = values.flip === true;
  if (rotateText === undefined) return flip ? { flip } : null;
  const rotate = ROTATIONS[String(rotateText).trim() as keyof typeof ROTATIONS];
  if (!rotate) throw new UsageError(`--rotate must be 90, 180 or 270 (degrees clockwise, added to the current rotation; got ${String(rotateText) || 'nothing'})`);
  return flip ? { rotate, flip } : { rotate };
}
