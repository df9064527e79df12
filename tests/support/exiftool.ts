// ExifTool (Debian: libimage-exiftool-perl, installed by scripts/install-system-deps.sh) is the
// reference reader the metadata tests check Fototar's files against: what it reads is what
// Lightroom, digiKam and Photo Mechanic are shown.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';

export const hasExiftool = spawnSync('exiftool', ['-ver']).status === 0;

/**
 * Every tag ExifTool reads from `file`, named with its group (`-G1`: "IPTC:City",
 * "XMP-photoshop:DateCreated", "ExifIFD:DateTimeOriginal"); `options` adds ExifTool options
 * (`-n` for numbers as numbers, `-struct` for structures as objects).
 */
export function exiftool(file: string, options: readonly string[] = []): Record<string, unknown> {
  const result = spawnSync('exiftool', ['-j', '-G1', '-a', ...options, file], { encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
  return (JSON.parse(result.stdout) as Record<string, unknown>[])[0];
}
