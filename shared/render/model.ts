import { textWidth } from './fontMetrics.ts'
import { num, rect, textBlock, wrap, type Box, type Weight } from './svg.ts'

/** One exported record (`{id, ...fields}`), read defensively: the renderer never throws on data. */
export type RenderRecord = Readonly<Record<string, unknown>>
export interface RenderSection {
  readonly nodes: readonly RenderRecord[]
  readonly edges: readonly RenderRecord[]
}

/**
 * What the renderer needs of a board: the JSON export (`exportBoard(doc)`) fits as it is, and so
 * does anything shaped like it (the page's projection, a fixture).
 */
export interface RenderSource {
  readonly title: string
  readonly exportedAt: string
  readonly canvases: {
    readonly problems: RenderSection
    readonly objectives: RenderSection
    readonly stakeholders: RenderSection
  }
}

export const str = (v: unknown): string => (typeof v === 'string' ? v : '')
export const numberOr = (v: unknown, fallback: number): number =>
  typeof v === 'number' && Number.isFinite(v) ? v : fallback

/** A card as drawn: its box in flow coordinates and the SVG that draws it there. */
export interface DrawnCard {
  id: string
  box: Box
  svg: string
}

/** Sizes as on screen (client/kit/canvas.css): 14 px text, 1.3 line height, 11 px role line. */
export const CARD = {
  width: 200,
  coreWidth: 220,
  minHeight: 70,
  padX: 11,
  padTop: 8,
  padBottom: 10,
  headSize: 11,
  headGap: 4,
  textSize: 14,
  lineHeight: 18.2,
} as const

export interface CardLook {
  width: number
  fill: string
  stroke: string
  strokeWidth: number
  /** Small uppercase line above the text (role), left, and an optional chip on the right. */
  head: string
  headColor: string
  chip?: { text: string; fill: string; color: string }
  /**
   * A chip under the text, on the left, white with a border of its colour: an actor's stance,
   * where the page's card shows it (StanceBadge).
   */
  foot?: { text: string; color: string }
  /**
   * Where the pact needs the actor (the grid's alignment on the page, ActorCard): an arrow from
   * the foot's chip (the current stance, then its sign alone) to this one.
   */
  footTo?: { text: string; color: string }
  label: string
  emptyLabel: string
  weight: Weight
  /** Muted text (a discarded objective). */
  muted?: boolean
}

/** The stance chip under an actor's text, as the page's (11 px bold, a 1.5-px border). */
export const FOOT = { size: 11, height: 17, gap: 5, padX: 7 } as const

export const footChipWidth = (text: string) => textWidth(text, FOOT.size, 'bold') + 2 * FOOT.padX
/** The arrow from an actor's stance to the one the pact needs (CardLook.footTo). */
const ARROW_W = 22

/**
 * A white chip bordered and written in `color`, its top-left corner at (x, y); `mark` names it
 * in the SVG (a card's stance, the legend's).
 */
export function footChip(
  chip: { text: string; color: string },
  x: number,
  y: number,
  max = Infinity,
  mark = 'data-chip="stance"',
): string {
  const width = Math.min(max, footChipWidth(chip.text))
  return (
    `<g ${mark}>` +
    rect(
      { x, y, width, height: FOOT.height },
      '#ffffff',
      chip.color,
      `stroke-width="1.5" rx="${FOOT.height / 2}"`,
    ) +
    textBlock([chip.text], x + width / 2, y + 2, {
      size: FOOT.size,
      weight: 'bold',
      fill: chip.color,
      anchor: 'middle',
    }) +
    '</g>'
  )
}

/** Draws a card with its top-left corner at (x, y); its height follows its wrapped text. */
export function drawCard(id: string, x: number, y: number, look: CardLook): DrawnCard {
  const inner = look.width - 2 * CARD.padX
  const text = look.label.trim() ? look.label : look.emptyLabel
  const lines = wrap(text, inner, CARD.textSize, look.weight)
  const chipSize = 10
  const chipWidth = look.chip
    ? Math.min(inner * 0.6, textWidth(look.chip.text, chipSize, 'bold') + 14)
    : 0
  // the role stays on one line beside the chip when both fit; when not («OBIETTIVO CENTRALE»
  // beside «Da riformulare»), the chip goes to a line of its own, on the right, as the card's
  // head does on the page (it wraps, the role's words never split); a role or category name
  // longer than the card wraps
  const head = look.head.toUpperCase()
  const chipBelow = !!look.chip && textWidth(head, CARD.headSize, 'bold') > inner - chipWidth - 6
  const headLines = head
    ? wrap(head, inner - (chipWidth && !chipBelow ? chipWidth + 6 : 0), CARD.headSize, 'bold')
    : ['']
  const chipTop = CARD.padTop - 1 + (chipBelow ? headLines.length * CARD.headSize * 1.3 + 2 : 0)
  const headHeight =
    (chipBelow ? chipTop - CARD.padTop + 18 : headLines.length * CARD.headSize * 1.3) + CARD.headGap
  const footTop = CARD.padTop + headHeight + lines.length * CARD.lineHeight + FOOT.gap
  const height = Math.max(
    CARD.minHeight,
    look.foot
      ? footTop + FOOT.height + CARD.padBottom
      : CARD.padTop + headHeight + lines.length * CARD.lineHeight + CARD.padBottom,
  )
  const box = { x, y, width: look.width, height }
  const parts = [
    rect(box, look.fill, look.stroke, `stroke-width="${look.strokeWidth}" rx="8"`),
    textBlock(headLines, x + CARD.padX, y + CARD.padTop, {
      size: CARD.headSize,
      weight: 'bold',
      fill: look.headColor,
    }),
  ]
  if (look.chip) {
    const chipBox = {
      x: x + look.width - CARD.padX - chipWidth,
      y: y + chipTop,
      width: chipWidth,
      height: 16,
    }
    parts.push(
      rect(chipBox, look.chip.fill, undefined, 'rx="8"'),
      textBlock([look.chip.text], chipBox.x + chipWidth / 2, chipBox.y + 1.5, {
        size: chipSize,
        weight: 'bold',
        fill: look.chip.color,
        anchor: 'middle',
      }),
    )
  }
  parts.push(
    textBlock(
      lines,
      x + CARD.padX,
      y + CARD.padTop + headHeight,
      {
        size: CARD.textSize,
        weight: look.weight,
        fill: look.muted ? '#6b7079' : '#1f2328',
        italic: !look.label.trim(),
      },
      CARD.lineHeight,
    ),
  )
  if (look.foot && look.footTo) {
    const from = look.foot
    const fromWidth = footChipWidth(from.text)
    const arrowX = x + CARD.padX + fromWidth + 3
    const mid = y + footTop + FOOT.height / 2
    parts.push(
      footChip(from, x + CARD.padX, y + footTop),
      `<g data-chip="toward"><path d="M${num(arrowX)} ${num(mid)} H${num(arrowX + ARROW_W - 7)}" stroke="${look.footTo.color}" stroke-width="2.5"/>` +
        `<path d="M${num(arrowX + ARROW_W - 8)} ${num(mid - 4.5)} L${num(arrowX + ARROW_W)} ${num(mid)} L${num(arrowX + ARROW_W - 8)} ${num(mid + 4.5)} Z" fill="${look.footTo.color}"/></g>`,
      footChip(
        look.footTo,
        arrowX + ARROW_W + 3,
        y + footTop,
        inner - fromWidth - ARROW_W - 6,
        'data-chip="desired"',
      ),
    )
  } else if (look.foot) parts.push(footChip(look.foot, x + CARD.padX, y + footTop, inner))
  return { id, box, svg: `<g data-card="${id.replace(/[^\w:-]/g, '_')}">${parts.join('')}</g>` }
}
