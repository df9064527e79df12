// Renders resources/icon.svg, the one source of the app's icon, into everything the
// installers use, all committed so that packaging needs no script:
//   resources/icons/<n>x<n>.png  the Linux icon set (electron-builder's linux.icon)
//   resources/icon.png           1024 px, the fallback for every platform
//   resources/icon.ico           Windows (NSIS and the .exe), 16–256 px
//   resources/icon.icns          macOS (the .app and the DMG), 16–1024 px
// and copies the SVG to the renderer's favicon. Run after changing the SVG: npm run icons
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { ICNS_TYPES, icnsFile, icoFile } from './iconContainers.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RESOURCES = path.join(ROOT, 'resources');

export const ICON_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024] as const;
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256] as const;
/** The SVG's viewBox is 1024 units wide. */
const SOURCE_UNITS = 1024;

/** One size, drawn at twice the pixels and scaled down: small sizes get smoother edges. */
async function render(svg: Buffer, size: number): Promise<Buffer> {
  const density = (72 * Math.min(size * 2, 2048)) / SOURCE_UNITS;
  return sharp(svg, { density }).resize(size, size, { kernel: 'lanczos3' }).png({ compressionLevel: 9 }).toBuffer();
}

async function main(): Promise<void> {
  const svg = fs.readFileSync(path.join(RESOURCES, 'icon.svg'));
  const png = new Map<number, Buffer>();
  for (const size of ICON_SIZES) png.set(size, await render(svg, size));

  const icons = path.join(RESOURCES, 'icons');
  fs.rmSync(icons, { recursive: true, force: true });
  fs.mkdirSync(icons);
  for (const [size, data] of png) fs.writeFileSync(path.join(icons, `${size}x${size}.png`), data);
  fs.writeFileSync(path.join(RESOURCES, 'icon.png'), png.get(1024)!);
  fs.writeFileSync(path.join(RESOURCES, 'icon.ico'), icoFile(ICO_SIZES.map((size) => ({ size, png: png.get(size)! }))));
  fs.writeFileSync(path.join(RESOURCES, 'icon.icns'), icnsFile(ICNS_TYPES.map(({ type, pixels }) => ({ type, png: png.get(pixels)! }))));
  fs.copyFileSync(path.join(RESOURCES, 'icon.svg'), path.join(ROOT, 'renderer', 'public', 'favicon.svg'));
  console.log(`resources: icons/ ${ICON_SIZES.join(', ')} px; icon.png; icon.ico ${ICO_SIZES.join(', ')}; icon.icns ${ICNS_TYPES.map((t) => t.type).join(', ')}; favicon`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
