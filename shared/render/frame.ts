import { textWidth } from './fontMetrics.ts'
import type { ImageLabels } from './labels.ts'
import { FOOT, footChip, footChipWidth, type DrawnCard } from './model.ts'
import { num, rect, svgDocument, textBlock, wrap, type Box } from './svg.ts'

export interface LegendItem {
  /**
   * A card's colours, a line, a line with an arrowhead (a link or a directed relation), or a
   * chip with its glyph (an actor's stance).
   */
  kind: 'box' | 'line' | 'arrow' | 'chip'
  /** A chip's glyph. */
  glyph?: string
  fill: string
  stroke: string
  dash?: string | undefined
  /** A line's width (3 when not given). */
  width?: number
  label: string
}

const MARGIN = 40
const TITLE_SIZE = 24
const SUBTITLE_SIZE = 15
const LEGEND_SIZE = 13
const SWATCH = 28
/**
 * A line's sample is longer: a relation's dashes ('14 5 3 5', 27 px) showed barely once in 28 px,
 * less once an arrowhead took 12 of them.
 */
const LINE_SWATCH = 40
/** The arrowheads' size, the links' on the canvas (the markers below). */
const HEAD = 12
const ITEM_GAP = 24
const ROW = 24
/** A picture narrower than this would squeeze its title and legend. */
const MIN_CONTENT_WIDTH = 640

function swatch(item: LegendItem, x: number, y: number): string {
  const mid = y + ROW / 2 - 2
  if (item.kind === 'box')
    return rect(
      { x, y: mid - 7, width: SWATCH, height: 14 },
      item.fill,
      item.stroke,
      'stroke-width="2" rx="3"',
    )
  // round ends, as the page draws its lines: a dotted line's 1-px dashes are dots, not specks
  const dash = item.dash ? ` stroke-dasharray="${item.dash}"` : ''
  const end = x + LINE_SWATCH
  // an arrow's line stops inside its head, whose tip is the sample's end: a round end past
  // the tip blunted it (a marker puts the tip on the line's end)
  const line = `<line x1="${num(x)}" y1="${num(mid)}" x2="${num(item.kind === 'arrow' ? end - HEAD / 2 : end)}" y2="${num(mid)}" stroke="${item.stroke}" stroke-width="${item.width ?? 3}"${dash} stroke-linecap="round"/>`
  if (item.kind === 'line') return line
  const back = end - HEAD
  const head = `<path d="M${num(back)},${num(mid - HEAD / 2)} L${num(end)},${num(mid)} L${num(back)},${num(mid + HEAD / 2)} z" fill="${item.stroke}"/>`
  return line + head
}

const swatchWidth = (item: LegendItem) => (item.kind === 'box' ? SWATCH : LINE_SWATCH)
/** A stance's chip says its glyph and its word, as on the page's legend: no text beside it. */
const chipText = (item: LegendItem) => `${item.glyph ?? ''} ${item.label}`
const chipWidth = (item: LegendItem) => footChipWidth(chipText(item))

/** Legend items flowed into rows no wider than `width`; returns the SVG and its height. */
function legend(items: LegendItem[], labels: ImageLabels, x: number, y: number, width: number) {
  const parts = [
    textBlock([labels.legend], x, y, { size: LEGEND_SIZE, weight: 'bold', fill: '#4a4f57' }, ROW),
  ]
  let cx = x + textWidth(labels.legend, LEGEND_SIZE, 'bold') + ITEM_GAP
  let cy = y
  for (const item of items) {
    const chip = item.kind === 'chip'
    const text = swatchWidth(item) + 8
    const w = chip ? chipWidth(item) : text + textWidth(item.label, LEGEND_SIZE)
    if (cx + w > x + width && cx > x) {
      cx = x
      cy += ROW
    }
    if (chip) {
      const at = cy + ROW / 2 - 2 - FOOT.height / 2
      parts.push(
        footChip({ text: chipText(item), color: item.stroke }, cx, at, w, 'data-legend="stance"'),
      )
      cx += w + ITEM_GAP
      continue
    }
    parts.push(
      swatch(item, cx, cy),
      textBlock([item.label], cx + text, cy, { size: LEGEND_SIZE, fill: '#1f2328' }, ROW),
    )
    cx += w + ITEM_GAP
  }
  return { svg: parts.join(''), height: cy - y + ROW }
}

/**
 * Arrowheads, one per colour the picture's links use (markers take their colour from here), HEAD
 * long and wide.
 */
function markers(colors: Map<string, string>): string {
  const defs = [...colors].map(
    ([id, color]) =>
      `<marker id="${id}" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="${HEAD}" markerHeight="${HEAD}" markerUnits="userSpaceOnUse" orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="${color}"/></marker>`,
  )
  return `<defs>${defs.join('')}</defs>`
}

export interface Frame {
  title: string
  canvasName: string
  date: string
  labels: ImageLabels
  cards: DrawnCard[]
  under: string
  extent?: Box | undefined
  legend: LegendItem[]
  /** Marker ids used by the drawing → their colour. */
  markerColors: Map<string, string>
  /** Without the title block (a piece of a tree in the pact document, under its own caption). */
  untitled?: boolean
}

/**
 * The page: title block on top (board title, canvas name and date), the whole canvas (the
 * bounding box of every card, plus the backdrop if any) below it, the legend at the bottom.
 * Flow coordinates are kept inside one translated group, so the drawing stays readable.
 */
export function composePage(frame: Frame): { svg: string; width: number; height: number } {
  const boxes = frame.cards.map((c) => c.box)
  if (frame.extent) boxes.push(frame.extent)
  const empty = boxes.length === 0
  const minX = empty ? 0 : Math.min(...boxes.map((b) => b.x))
  const minY = empty ? 0 : Math.min(...boxes.map((b) => b.y))
  const maxX = empty ? 0 : Math.max(...boxes.map((b) => b.x + b.width))
  const maxY = empty ? 0 : Math.max(...boxes.map((b) => b.y + b.height))
  const contentWidth = Math.max(maxX - minX, MIN_CONTENT_WIDTH)
  const contentHeight = empty ? 60 : maxY - minY
  // a drawing narrower than the page's minimum sits in its middle, not against the left margin
  const inset = (contentWidth - (maxX - minX)) / 2

  const titleLines = wrap(frame.title, contentWidth, TITLE_SIZE, 'bold')
  const titleHeight = titleLines.length * TITLE_SIZE * 1.25
  const subtitle = `${frame.canvasName} · ${frame.date}`
  const headerHeight = frame.untitled ? 0 : titleHeight + 6 + SUBTITLE_SIZE * 1.3 + 28
  const top = MARGIN + headerHeight
  const legendBlock = legend(
    frame.legend,
    frame.labels,
    MARGIN,
    top + contentHeight + 32,
    contentWidth,
  )
  const width = contentWidth + 2 * MARGIN
  const height = top + contentHeight + 32 + legendBlock.height + MARGIN

  const title = [
    textBlock(
      titleLines,
      MARGIN,
      MARGIN,
      { size: TITLE_SIZE, weight: 'bold', fill: '#1f2328' },
      TITLE_SIZE * 1.25,
    ),
    textBlock([subtitle], MARGIN, MARGIN + titleHeight + 6, {
      size: SUBTITLE_SIZE,
      fill: '#4a4f57',
    }),
    `<line x1="${MARGIN}" y1="${num(top - 14)}" x2="${num(width - MARGIN)}" y2="${num(top - 14)}" stroke="#d0d3d8" stroke-width="1"/>`,
  ]
  const body = [
    markers(frame.markerColors),
    ...(frame.untitled ? [] : title),
    empty
      ? textBlock([frame.labels.emptyCanvas], MARGIN, top + 12, {
          size: 16,
          fill: '#6b7079',
          italic: true,
        })
      : `<g transform="translate(${num(MARGIN + inset - minX)} ${num(top - minY)})">${frame.under}${frame.cards.map((c) => c.svg).join('')}</g>`,
    `<line x1="${MARGIN}" y1="${num(top + contentHeight + 16)}" x2="${num(width - MARGIN)}" y2="${num(top + contentHeight + 16)}" stroke="#d0d3d8" stroke-width="1"/>`,
    legendBlock.svg,
  ]
  return { svg: svgDocument(width, height, body.join('')), width, height }
}
