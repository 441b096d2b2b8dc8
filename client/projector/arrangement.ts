import { layoutForScreen, type ScreenLayout, type ScreenLayoutOptions } from '../kit/autoLayout.ts'
import { cardHeight, chooseCardWidth, type TextMetrics } from './cardWidth.ts'

/** A card as the projector's arrangement reads it. */
export interface ArrangedCard {
  id: string
  label: string
  bold: boolean
  /** The size React Flow measured, if it has. */
  measured?: { width?: number; height?: number }
}

export interface ArrangementInput {
  /** The tree's layers (see heldLayers): only the cards in them are laid out. */
  layers: string[][]
  cards: ArrangedCard[]
  /** A spotlight's layers, or null for the whole tree. */
  focus: string[][] | null
  options: ScreenLayoutOptions
  metrics: TextMetrics
}

export interface Arrangement {
  cardWidth: number
  whole: ScreenLayout
  shown: ScreenLayout
  focus: Set<string> | null
}

/**
 * The projector's arrangement, recomputed only when something it depends on changed. While
 * participants add cards, the projector is handed a new tree for every card several times
 * (the card arrives before its layer is known, its layer arrives, React Flow measures it) and
 * each arrangement is costly (the card width tries nine widths, each a layout for the screen):
 * laying out again a tree whose layers, texts and sizes are the same as last time took most of
 * a core at three cards a second. Here the card width is chosen again only when the texts of
 * the laid-out cards, the layers or the screen change, and the tree is laid out again only
 * when the layers, the cards' sizes, the spotlight or the screen do; otherwise the last
 * arrangement (the same object) is returned.
 */
export function createArrangement(): (input: ArrangementInput) => Arrangement | null {
  let widthKey = ''
  let cardWidth = 0
  let layoutKey = ''
  let last: Arrangement | null = null
  return ({ layers, cards, focus, options, metrics }) => {
    const laid = new Set(layers.flat())
    const inTree = cards.filter((c) => laid.has(c.id))
    const screenKey = `${options.screen.width}x${options.screen.height}`
    // an empty layer lays nothing out
    const layersKey = layers
      .filter((l) => l.length > 0)
      .map((l) => l.join('\u0001'))
      .join('\u0002')
    const textsKey = JSON.stringify(inTree.map((c) => [c.id, c.label, c.bold]))
    const nextWidthKey = `${screenKey}\u0003${layersKey}\u0003${textsKey}`
    if (nextWidthKey !== widthKey) {
      widthKey = nextWidthKey
      cardWidth = chooseCardWidth(inTree, layers, metrics, options)
    }
    if (!cardWidth) return null
    // a spotlight can show a card whose layer is not known yet
    const shownIds = focus ? new Set([...laid, ...focus.flat()]) : laid
    const sizes = new Map(
      cards
        .filter((c) => shownIds.has(c.id))
        .map((c) => {
          // a height measured at another width says nothing of this one
          const measured =
            c.measured?.width && Math.abs(c.measured.width - cardWidth) < 2
              ? c.measured.height
              : undefined
          return [c.id, { width: cardWidth, height: cardHeight(c, cardWidth, metrics, measured) }]
        }),
    )
    const focusKey = focus ? focus.map((l) => l.join('\u0001')).join('\u0002') : ''
    const sizesKey = [...sizes].map(([id, s]) => `${id}:${s.height}`).join('\u0001')
    const nextLayoutKey = `${nextWidthKey}\u0003${cardWidth}\u0003${sizesKey}\u0003${focusKey}`
    if (nextLayoutKey === layoutKey && last) return last
    layoutKey = nextLayoutKey
    const size = (id: string) => sizes.get(id) ?? { width: cardWidth, height: metrics.chromePx }
    const whole = layoutForScreen(layers, size, options)
    const shown = focus ? layoutForScreen(focus, size, options) : whole
    last = { cardWidth, whole, shown, focus: focus ? new Set(focus.flat()) : null }
    return last
  }
}
