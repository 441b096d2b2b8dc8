import { layoutForScreen, type ScreenLayoutOptions } from '../kit/autoLayout.ts'

/** The card widths (CSS px) the projector chooses from. */
export const CARD_WIDTHS = [260, 280, 300, 320, 340, 360, 380, 400, 440] as const

export interface CardText {
  id: string
  label: string
  bold: boolean
}

export interface TextMetrics {
  /** The card text's size and line height (CSS px). */
  fontPx: number
  lineHeight: number
  /** A card's height beside its text lines: border, padding, the role line. */
  chromePx: number
  /** The same for a bold card (the core problem: a thicker border), if it differs. */
  boldChromePx?: number
  /** Border and padding left and right. */
  insetPx: number
  /** Width of a string in the card's font. */
  measure(text: string, bold: boolean): number
}

/** How many lines `text` takes at `width` (words wrap; a word wider than a line breaks). */
export function lineCount(text: string, width: number, m: TextMetrics, bold: boolean): number {
  let lines = 0
  const space = m.measure(' ', bold)
  for (const paragraph of (text || ' ').split('\n')) {
    lines++
    let used = 0
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const w = m.measure(word, bold)
      if (used > 0 && used + space + w > width) {
        lines++
        used = 0
      }
      if (w > width) {
        lines += Math.ceil(w / width) - 1
        used = w % width
      } else used += (used > 0 ? space : 0) + w
    }
  }
  return lines
}

/** A card's height at `width` from its text alone: a little above the height drawn. */
export function estimatedHeight(card: Omit<CardText, 'id'>, width: number, m: TextMetrics): number {
  const chrome = card.bold ? (m.boldChromePx ?? m.chromePx) : m.chromePx
  return chrome + m.lineHeight * lineCount(card.label, width - m.insetPx, m, card.bold)
}

/**
 * The height the projector lays a card out with: the text's estimate, or the height React Flow
 * measured at this width when that is larger (tags, a branch's name). A measured height can be
 * older than the text: a card whose text just grew is drawn with it before it is measured
 * again, and the estimate keeps it clear of its neighbours meanwhile.
 */
export function cardHeight(
  card: Omit<CardText, 'id'>,
  width: number,
  m: TextMetrics,
  measured?: number,
): number {
  return Math.max(estimatedHeight(card, width, m), measured ?? 0)
}

/**
 * The card width at which the whole tree can be shown largest on the screen: narrow cards put
 * more of them in a row but take more lines, wide ones the reverse. Decided from the texts (a
 * browser's text metrics), never from measured cards, so showing the cards at the chosen width
 * cannot change the choice.
 */
export function chooseCardWidth(
  cards: CardText[],
  layers: string[][],
  metrics: TextMetrics,
  options: ScreenLayoutOptions,
): number {
  let best: { width: number; scale: number } | null = null
  for (const width of CARD_WIDTHS) {
    const heights = new Map(cards.map((c) => [c.id, estimatedHeight(c, width, metrics)]))
    const { scale } = layoutForScreen(
      layers,
      (id) => ({ width, height: heights.get(id) ?? metrics.chromePx + metrics.lineHeight }),
      options,
    )
    if (!best || scale > best.scale * 1.001) best = { width, scale }
  }
  return best?.width ?? CARD_WIDTHS[4]
}

let context: CanvasRenderingContext2D | null | undefined
const widths = new Map<string, number>()

/** The browser's own metrics for the projector's card text (canvas measureText, cached). */
export function browserMetrics(fontPx: number, lineHeight: number): TextMetrics {
  if (context === undefined) context = document.createElement('canvas').getContext('2d')
  const family = getComputedStyle(document.body).fontFamily || 'sans-serif'
  return {
    fontPx,
    lineHeight,
    // projector.css: padding 0.55rem + 0.4rem and two 3-px borders (5 px on the core problem),
    // rounded up; the role sits on the edge
    chromePx: 22,
    boldChromePx: 26,
    insetPx: 26,
    measure(text, bold) {
      const key = `${bold ? 'b' : 'n'}${fontPx}\u0000${text}`
      let w = widths.get(key)
      if (w === undefined) {
        if (context) {
          context.font = `${bold ? 600 : 400} ${fontPx}px ${family}`
          w = context.measureText(text).width
        } else w = text.length * fontPx * 0.55
        widths.set(key, w)
      }
      return w
    },
  }
}
