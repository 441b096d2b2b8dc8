import { readFileSync } from 'node:fs'
import { FONT_FILES, OBLIQUE_FONT_FILE } from './fonts.ts'

/**
 * Text as glyph outlines, for the PNG only. resvg lays out every `<text>` line on its own —
 * reading and parsing the font, shaping — which was four fifths of a 300-card tree's PNG
 * (1.7 s of 2.2 s of CPU with the text, 0.6 s without). Here each line is shaped once with
 * fontkit (same DejaVu Sans, kerning included) and drawn as `<use>` of one outline per glyph,
 * kept in `<defs>`: the same picture, and resvg only fills paths. The SVG download keeps its
 * real text; this runs on the copy that is rasterised.
 */

interface GlyphRun {
  glyphs: { id: number; path: { toSVG(): string } }[]
  positions: { xAdvance: number; xOffset: number; yOffset: number }[]
}
interface Face {
  unitsPerEm: number
  layout(text: string): GlyphRun
}

let faces: { normal: Face; bold: Face; italic: Face } | undefined
/**
 * The three faces, parsed once. fontkit is loaded with the first picture, not with the server:
 * an idle server does not carry it (about 20 MB).
 */
async function loadFaces() {
  if (faces) return faces
  const { create: parseFont } = await import('fontkit')
  const parse = (file: string) => parseFont(readFileSync(file)) as unknown as Face
  faces = {
    normal: parse(FONT_FILES[0]!),
    bold: parse(FONT_FILES[1]!),
    italic: parse(OBLIQUE_FONT_FILE),
  }
  return faces
}

const ENTITIES: Record<string, string> = {
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&apos;': "'",
  '&amp;': '&',
}
const unescape = (s: string) => s.replace(/&(lt|gt|quot|apos|amp);/g, (m) => ENTITIES[m]!)
const attr = (attrs: string, name: string) =>
  new RegExp(`(?:^|\\s)${name}="([^"]*)"`).exec(attrs)?.[1]
const round = (n: number) => String(Math.round(n * 100) / 100)

const TEXT = /<text ([^>]*)>([\s\S]*?)<\/text>/g
const TSPAN = /<tspan ([^>]*)>([^<]*)<\/tspan>/g

/** Texts converted between two turns of the event loop (a few ms of work). */
const SLICE = 40

/**
 * The SVG with every `<text>` (as shared/render writes them) drawn as glyph outlines. Works in
 * slices between which the event loop serves the other boards (a 2,000-card tree has ~6,000
 * texts).
 */
export async function textAsGlyphs(svg: string): Promise<string> {
  const { normal, bold, italic } = await loadFaces()
  const defs = new Map<string, { id: string; d: string }>()
  const glyphRef = (faceKey: string, glyph: GlyphRun['glyphs'][number]) => {
    const key = `${faceKey}${glyph.id}`
    let def = defs.get(key)
    if (!def) {
      def = { id: `g${defs.size}`, d: glyph.path.toSVG() }
      defs.set(key, def)
    }
    return def
  }

  const drawText = (attrs: string, inner: string): string => {
    const size = Number(attr(attrs, 'font-size') ?? 16)
    const isBold = attr(attrs, 'font-weight') === 'bold'
    const isItalic = attr(attrs, 'font-style') === 'italic'
    const faceKey = isBold ? 'b' : isItalic ? 'i' : 'n'
    const face = isBold ? bold : isItalic ? italic : normal
    const anchor = attr(attrs, 'text-anchor') ?? 'start'
    const scale = size / face.unitsPerEm
    let y = Number(attr(attrs, 'y') ?? 0)
    const lines: string[] = []
    for (const [, spanAttrs, content] of inner.matchAll(TSPAN)) {
      y += Number(attr(spanAttrs!, 'dy') ?? 0)
      const x = Number(attr(spanAttrs!, 'x') ?? attr(attrs, 'x') ?? 0)
      const run = face.layout(unescape(content!))
      const width = run.positions.reduce((w, p) => w + p.xAdvance, 0) * scale
      const left = anchor === 'middle' ? x - width / 2 : anchor === 'end' ? x - width : x
      const uses: string[] = []
      let pen = 0
      run.glyphs.forEach((glyph, i) => {
        const pos = run.positions[i]!
        const def = glyphRef(faceKey, glyph)
        if (def.d)
          uses.push(
            `<use href="#${def.id}" x="${round(pen + pos.xOffset)}"${pos.yOffset ? ` y="${round(pos.yOffset)}"` : ''}/>`,
          )
        pen += pos.xAdvance
      })
      if (uses.length)
        lines.push(
          `<g transform="translate(${round(left)} ${round(y)}) scale(${scale} ${-scale})">${uses.join('')}</g>`,
        )
    }
    return `<g fill="${attr(attrs, 'fill') ?? '#000'}">${lines.join('')}</g>`
  }

  const parts: string[] = []
  let last = 0
  let count = 0
  for (const match of svg.matchAll(TEXT)) {
    parts.push(svg.slice(last, match.index), drawText(match[1]!, match[2]!))
    last = match.index + match[0].length
    if (++count % SLICE === 0) await new Promise<void>((resolve) => setImmediate(resolve))
  }
  parts.push(svg.slice(last))
  const glyphDefs = [...defs.values()]
    .filter((g) => g.d)
    .map((g) => `<path id="${g.id}" d="${g.d}"/>`)
    .join('')
  // the outlines go first, in their own <defs>, right after the root element opens
  return parts.join('').replace(/^(<svg[^>]*>)/, `$1<defs>${glyphDefs}</defs>`)
}
