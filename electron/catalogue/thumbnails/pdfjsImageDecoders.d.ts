// The part of pdf.js's image decoders (pdfjs-dist/image_decoders) Fototar uses: its OpenJPEG
// build. The package ships no declarations for this entry point.
declare module 'pdfjs-dist/image_decoders/pdf.image_decoders.mjs' {
  export class JpxImage {
    static readonly instance: JpxImage;
    static setOptions(options: {
      useWasm: boolean;
      useWorkerFetch: boolean;
      wasmUrl?: string;
      getHandler?: () => { sendWithPromise(kind: string, data: { kind: string; filename: string }): Promise<Uint8Array> };
    }): void;
    /** Drops the instantiated module (and so its WebAssembly memory); the next decode makes a new one. */
    static cleanup(): void;
    /** 8-bit samples, interleaved, at the size reduced by 2^reducePower; components as coded unless numComponents is given. */
    decode(bytes: Uint8Array, options?: { numComponents?: number; isIndexedColormap?: boolean; smaskInData?: boolean; reducePower?: number }): Promise<Uint8ClampedArray>;
  }
  export class JpxError extends Error {}
  export const VerbosityLevel: { ERRORS: number; WARNINGS: number; INFOS: number };
  export function setVerbosityLevel(level: number): void;
}
