// Runs the PACKAGED main process (app.asar/dist-electron/main.mjs as extracted by
// scripts/package-check.ts) in plain Node 24 with the stand-in electron module, and drives it
// through its own IPC handler and image protocol: open a catalogue, ingest a photo (thumbnails
// made by the packaged ingest worker with the packaged sharp, found through app.asar.unpacked),
// answer API calls, export the photo as a collection (rendered by the packaged export worker).
// Prints one JSON line with what it saw. Started by packageCheck.test.ts as
//   node --import ./asarLikeElectron.ts runPackagedMain.ts <app.asar dir> <catalogue> <photos> <userData>
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { BrowserWindow, fakeState, recorded } from './fakeElectron.ts';

const [appDir, catalogueDir, photosDir, userData] = process.argv.slice(2);
fakeState.appPath = appDir;
fakeState.userData = userData;
process.env.FOTOTAR_CATALOGUE = catalogueDir;

await import(pathToFileURL(path.join(appDir, 'dist-electron', 'main.mjs')).href);
await new Promise((resolve) => setImmediate(resolve));
const win = BrowserWindow.all[0];
type Envelope = { ok: boolean; value?: any; error?: { message: string } };
const call = async (method: string, params: unknown = {}): Promise<any> => {
  const envelope = (await recorded.ipcHandlers.get('fototar:api')!({ sender: { id: win.webContents.id }, senderFrame: { ...win.webContents.mainFrame } }, method, params)) as Envelope;
  if (!envelope.ok) throw new Error(`${method}: ${envelope.error?.message}`);
  return envelope.value;
};

const info = await call('info');
recorded.openDialogResult = { canceled: false, filePaths: [photosDir] };
await call('chooseFolders');
let progress = await call('startIngest', { paths: [photosDir] });
const deadline = Date.now() + 120_000;
while (!['done', 'cancelled', 'failed'].includes(progress.state) && Date.now() < deadline) {
  await new Promise((resolve) => setTimeout(resolve, 100));
  progress = await call('ingestProgress');
}
const page = await call('listPhotos', { offset: 0, limit: 10 });
const first = page.photos?.[0] ?? page.items?.[0] ?? null;
let thumbnail: { status: number; type: string | null; bytes: number } | null = null;
if (first) {
  const response = await recorded.protocolHandlers.get('fototar-image')!(new Request(`fototar-image://grid/${first.id}`));
  thumbnail = { status: response.status, type: response.headers.get('content-type'), bytes: (await response.arrayBuffer()).byteLength };
}
// A collection of the photo, exported into a chosen folder by the packaged export worker.
let exported: { state: string; files: string[] | null; error: string | null } | null = null;
if (first) {
  const outDir = path.join(path.dirname(userData), 'export');
  fs.mkdirSync(outDir, { recursive: true });
  const chosen = (await call('chooseFolder', { path: outDir, purpose: 'export' })).path as string;
  const collection = await call('createCollection', { name: 'Packaged' });
  await call('addToCollection', { id: collection.id, photoIds: [first.id] });
  let exportProgress = await call('startExport', { id: collection.id, outDir: chosen, size: 32, format: 'jpeg', style: 'fortepan', lang: 'en', overwrite: false });
  const exportDeadline = Date.now() + 120_000;
  while (!['done', 'cancelled', 'failed'].includes(exportProgress.state) && Date.now() < exportDeadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    exportProgress = await call('exportProgress');
  }
  exported = { state: exportProgress.state, files: exportProgress.report?.files ?? null, error: exportProgress.error };
}
const renderer = await recorded.protocolHandlers.get('fototar-app')!(new Request('fototar-app://app/index.html'));
console.log(
  JSON.stringify({
    errorBoxes: recorded.errorBoxes,
    version: info.version ?? null,
    ingest: { state: progress.state, added: progress.report?.added ?? null, failed: progress.report?.failed ?? null, error: progress.error },
    photos: page.total ?? null,
    previewError: first?.previewError ?? null,
    thumbnail,
    renderer: renderer.status,
    exported,
  }),
);
process.exit(0);
