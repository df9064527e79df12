// XMP sidecars: what the UI and CLI know about them. The files themselves are written and read
// by electron/catalogue/sidecars/.

/** `photo.jpg.xmp` (darktable, digiKam: the default) or `photo.xmp` (Lightroom's naming). */
export type SidecarNaming = 'name.ext.xmp' | 'name.xmp';

export interface SidecarSettings {
  /** Write each edited photo's sidecar right after the edit is saved. */
  autoWrite: boolean;
  naming: SidecarNaming;
}

import type { ErrorKey, ErrorParams } from './errorMessages.ts';

/** A sidecar not written: `reason` in English (or the system's own code), `key` and `params` for the UI's language. */
export interface SidecarSkip {
  file: string;
  reason: string;
  key?: ErrorKey;
  params?: ErrorParams;
}

export interface SidecarReport {
  written: string[];
  /** Sidecars not written, with why (e.g. another program's sidecar that is not replaced). */
  skipped: SidecarSkip[];
}
