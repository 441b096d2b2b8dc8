import { describe, expect, it, vi } from 'vitest'
import * as autoLayout from '../../client/kit/autoLayout.ts'
import { createArrangement, type ArrangedCard } from '../../client/projector/arrangement.ts'
import { CARD_WIDTHS } from '../../client/projector/cardWidth.ts'
import { mono } from '../helpers/textMetrics.ts'

// every layout for the screen counted, as computed
vi.mock('../../client/kit/autoLayout.ts', async (original) => {
  const real = await original<typeof autoLayout>()
  return { ...real, layoutForScreen: vi.fn(real.layoutForScreen) }
})
const layouts = vi.mocked(autoLayout.layoutForScreen)

const options = { screen: { width: 1896, height: 1056 }, gapX: 22, gapWrap: 24, gapLayer: 54 }
const label = (i: number) => `Causa numero ${i} scritta da un partecipante del tavolo`

describe('the projector while participants add cards', () => {
  it('lays the tree out once per card, not for every change of the board around it', () => {
    const arrange = createArrangement()
    const cards: ArrangedCard[] = [{ id: 'core', label: 'Problema centrale', bold: true }]
    const causes: string[] = []
    const input = (layers: string[][]) => ({ layers, cards, focus: null, options, metrics: mono })
    let last = arrange(input([['core']]))
    layouts.mockClear()
    const N = 20
    for (let i = 0; i < N; i++) {
      // the card arrives before its layer is known: the projector holds the last layers
      cards.push({ id: `c${i}`, label: label(i), bold: false })
      expect(arrange(input([['core'], causes]))).toBe(last)
      // its layer arrives: a new arrangement with it
      causes.push(`c${i}`)
      const next = arrange(input([['core'], [...causes]]))
      expect(next).not.toBe(last)
      expect(next!.whole.positions.has(`c${i}`)).toBe(true)
      last = next
      // React Flow measures it, as tall as its text: nothing to lay out again
      const measured = { width: next!.cardWidth, height: 20 }
      cards[cards.length - 1] = { ...cards[cards.length - 1]!, measured }
      expect(arrange(input([['core'], [...causes]]))).toBe(last)
      // someone moves a card on the board (the projector does not show the board's places)
      expect(arrange(input([['core'], [...causes]]))).toBe(last)
    }
    // each card: the card width tried at each width, and the tree laid out once at the chosen one
    expect(layouts).toHaveBeenCalledTimes(N * (CARD_WIDTHS.length + 1))
  })

  it('gives the arrangement a fresh computation gives', () => {
    const cards: ArrangedCard[] = Array.from({ length: 30 }, (_, i) => ({
      id: `c${i}`,
      label: label(i).repeat(1 + (i % 3)),
      bold: false,
      measured: i % 4 === 0 ? { width: 0, height: 0 } : undefined,
    }))
    cards.push({ id: 'core', label: 'Problema centrale', bold: true })
    const layers = [['core'], cards.slice(0, 30).map((c) => c.id)]
    const arrange = createArrangement()
    arrange({ layers: [['core']], cards, focus: null, options, metrics: mono })
    const again = arrange({ layers, cards, focus: null, options, metrics: mono })
    const fresh = createArrangement()({ layers, cards, focus: null, options, metrics: mono })
    expect(again).toEqual(fresh)
    // a taller measured card moves its row down
    const tall = cards.map((c) =>
      c.id === 'c1' ? { ...c, measured: { width: again!.cardWidth, height: 400 } } : c,
    )
    const taller = arrange({ layers, cards: tall, focus: null, options, metrics: mono })
    expect(taller!.whole.height).toBeGreaterThan(again!.whole.height)
  })
})
