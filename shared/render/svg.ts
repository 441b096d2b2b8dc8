import { FONT_FAMILY, textWidth } from './fontMetrics.ts'

/**
 * Card text is text: everything a person typed goes through here, so markup in a label
 * (`<img onerror=…>`, `]]>`) is shown literally and never becomes an element or attribute.
 * Characters XML 1.0 forbids (control characters, lone surrogates) are dropped: one of them
 * would make the whole file unreadable.
 */
export function xml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
}

export type Weight = 'normal' | 'bold'

/** Breaks a word wider than the line into pieces that fit (long URLs, compound words). */
function splitWord(word: string, max: number, size: number, weight: Weight): string[] {
  const out: string[] = []
  let piece = ''
  for (const ch of word) {
    if (piece && textWidth(piece + ch, size, weight) > max) {
      out.push(piece)
      piece = ''
    }
    piece += ch
  }
  if (piece) out.push(piece)
  return out
}

/**
 * Greedy word wrap into lines no wider than `max` px, as the card's CSS does (pre-wrap,
 * break-word): the person's own line breaks are kept, runs of spaces count as one here.
 */
export function wrap(text: string, max: number, size: number, weight: Weight = 'normal'): string[] {
  const lines: string[] = []
  for (const paragraph of text.split(/\r?\n/)) {
    let line = ''
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const candidate = line ? `${line} ${word}` : word
      if (textWidth(candidate, size, weight) <= max) {
        line = candidate
        continue
      }
      if (line) lines.push(line)
      if (textWidth(word, size, weight) <= max) line = word
      else {
        const pieces = splitWord(word, max, size, weight)
        lines.push(...pieces.slice(0, -1))
        line = pieces[pieces.length - 1] ?? ''
      }
    }
    lines.push(line)
  }
  // trailing empty paragraphs add nothing to a picture
  while (lines.length > 1 && lines[lines.length - 1] === '') lines.pop()
  return lines
}

/**
 * {@link wrap} into at most `maxLines` lines, the last one ending with «…» when the text goes on
 * (whitespace runs and line breaks count as one space). Measured with the exports' metrics
 * (DejaVu Sans, wider than most page fonts), so on a page a line never runs out of its box.
 */
export function wrapAtMost(
  text: string,
  max: number,
  size: number,
  maxLines: number,
  weight: Weight = 'bold',
): string[] {
  const lines = wrap(text.replace(/\s+/g, ' ').trim(), max, size, weight)
  if (lines.length <= maxLines) return lines
  const kept = lines.slice(0, maxLines)
  let last = kept[maxLines - 1]!
  while (last && textWidth(`${last}…`, size, weight) > max) last = last.slice(0, -1)
  kept[maxLines - 1] = `${last.trimEnd()}…`
  return kept
}

export interface TextStyle {
  size: number
  weight?: Weight
  fill?: string
  anchor?: 'start' | 'middle' | 'end'
  italic?: boolean
}

/** One <text> of several lines (one <tspan> each), the first baseline at `y + size`. */
export function textBlock(
  lines: readonly string[],
  x: number,
  y: number,
  style: TextStyle,
  lineHeight = style.size * 1.3,
): string {
  const attrs = [
    `x="${num(x)}"`,
    `y="${num(y)}"`,
    `font-size="${style.size}"`,
    style.weight === 'bold' ? 'font-weight="bold"' : '',
    style.italic ? 'font-style="italic"' : '',
    `fill="${style.fill ?? '#1f2328'}"`,
    style.anchor && style.anchor !== 'start' ? `text-anchor="${style.anchor}"` : '',
  ].filter(Boolean)
  // the first line sits a little below the top (ascent), like CSS places it in its line box
  const first = (lineHeight - style.size) / 2 + style.size * 0.93
  const spans = lines.map(
    (line, i) =>
      `<tspan x="${num(x)}" ${i === 0 ? `dy="${num(first)}"` : `dy="${num(lineHeight)}"`}>${xml(line)}</tspan>`,
  )
  return `<text ${attrs.join(' ')}>${spans.join('')}</text>`
}

/** Numbers in attributes: at most two decimals, so files stay small and compare equal. */
export function num(n: number): string {
  return String(Math.round(n * 100) / 100)
}

export interface Box {
  x: number
  y: number
  width: number
  height: number
}

export function rect(box: Box, fill: string, stroke?: string, extra = ''): string {
  const s = stroke ? ` stroke="${stroke}"` : ''
  return `<rect x="${num(box.x)}" y="${num(box.y)}" width="${num(box.width)}" height="${num(box.height)}" fill="${fill}"${s}${extra ? ` ${extra}` : ''}/>`
}

/** The document around the drawing: a white page, the bundled font's family everywhere. */
export function svgDocument(width: number, height: number, body: string): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${num(width)}" height="${num(height)}" ` +
    `viewBox="0 0 ${num(width)} ${num(height)}" font-family="${FONT_FAMILY}, sans-serif">` +
    `<rect width="100%" height="100%" fill="#ffffff"/>${body}</svg>`
  )
}
