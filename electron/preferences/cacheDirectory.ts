// Where Fototar keeps what it can make again on this computer: a team catalogue's search index
// and the thumbnails copied from its server (teamCatalogue.ts). The platform's cache folder, so
// backup tools and roaming profiles leave it out; FOTOTAR_CACHE_DIR moves it (tests, portable use).
import os from 'node:os';
import path from 'node:path';

export function defaultCacheDirectory(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.FOTOTAR_CACHE_DIR) return env.FOTOTAR_CACHE_DIR;
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.LOCALAPPDATA ?? path.join(home, 'AppData', 'Local'), 'Fototar', 'Cache');
  if (platform === 'darwin') return path.join(home, 'Library', 'Caches', 'Fototar');
  return path.join(env.XDG_CACHE_HOME ?? path.join(home, '.cache'), 'fototar');
}
