// fontkit ships no types; the pact document only needs to parse a font once (see fonts.ts).
declare module 'fontkit' {
  /** A parsed font: PDFKit takes it as a font source (anything with a `layout` method). */
  export interface Font {
    layout(text: string, features?: unknown): unknown
  }
  export function create(buffer: Uint8Array, postscriptName?: string): Font
}
