// Renders resources/icon.svg (the app's mark, the same as the renderer's favicon) into the PNG
// sizes Linux desktops and electron-builder use: resources/icons/<size>x<size>.png. Run after
// changing the SVG: node scripts/make-icons.ts
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { ROOT } from './build-electron.ts';

export const ICON_SIZES = [16, 32, 48, 64, 128, 256, 512] as const;

const svg = fs.readFileSync(path.join(ROOT, 'resources/icon.svg'));
for (const size of ICON_SIZES) {
  await sharp(svg, { density: (72 * size) / 32 }).resize(size, size).png().toFile(path.join(ROOT, 'resources/icons', `${size}x${size}.png`));
}
await sharp(svg, { density: (72 * 512) / 32 }).resize(512, 512).png().toFile(path.join(ROOT, 'resources/icon.png'));
console.log(`resources/icons: ${ICON_SIZES.join(', ')} px`);
