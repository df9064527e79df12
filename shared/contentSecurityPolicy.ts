// The page's Content-Security-Policy, the same in Electron and browser mode: only the app's own
// scripts and styles, images from the app or its image scheme, no plugins, frames or forms.
export function contentSecurityPolicy(imageSources: readonly string[] = []): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    `img-src 'self' data: ${imageSources.join(' ')}`.trim(),
    "connect-src 'self'",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export const IMAGE_SCHEME = 'fototar-image';
export const APP_SCHEME = 'fototar-app';
