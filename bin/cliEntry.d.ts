// Types for bin/cliEntry.js (plain JavaScript: it runs before any TypeScript could be loaded).
export declare const BUNDLE_MANIFEST: string;
export declare const CHECKED_WITH_BUNDLE: string[];
/** Each source file the bundle was made from (relative to the repo), with its mtimeMs and size at build time. */
export interface BundleManifest {
  sources: Record<string, [mtimeMs: number, size: number]>;
}
export declare function bundleIsCurrent(bundleDir: string, root: string): boolean;
export declare function cliEntry(root: string, mode: string | undefined): { url: string; bundleDir: string | null };
/** Turns on Node's compile cache in dist-cli/.compile-cache, for this thread and the worker threads it starts. */
export declare function useCompileCache(bundleDir: string): void;
