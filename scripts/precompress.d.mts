/** Types of scripts/precompress.mjs (plain JavaScript, run by Node and imported by Vite's config). */
export declare const MIN_BYTES: number
export interface PrecompressTotals {
  files: number
  bytes: number
  gzipBytes: number
  brotliBytes: number
}
export declare function precompress(dir: string): Promise<PrecompressTotals>
