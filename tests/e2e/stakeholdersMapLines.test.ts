import { describe, expect, it } from 'vitest'
import { putCard } from '../../shared/schema/index.ts'
import { ACTOR_CATEGORIES } from '../../shared/schema/vocabulary.ts'
import { newActorFields } from '../../shared/stakeholders/actors.ts'
import { screenshot } from '../helpers/browser.ts'
import { disjoint, putRelation, stakeholdersWorkshop } from '../helpers/stakeholdersPage.ts'

const workshop = stakeholdersWorkshop()

/** Nine actors in three rows of three, 90 px apart side by side, 100 above one another. */
const at = (row: number, column: number) => `actor-${row}-${column}`
/** Relations whose straight line would pass under the card between their two. */
const RELATIONS: [string, string, string][] = [
  [at(0, 0), at(0, 2), 'cooperation'],
  [at(0, 0), at(2, 0), 'information'],
  [at(0, 0), at(2, 2), 'conflict'],
  [at(2, 0), at(0, 2), 'funding'],
  [at(1, 0), at(1, 1), 'cooperation'],
]

describe('the relationship map on the projector', () => {
  it('draws no relation, and no relation’s name, over a card it does not join', async () => {
    const board = await workshop.createBoard('Patto Val Seriana')
    const room = await workshop.stock(board)
    room.doc.transact(() => {
      for (let row = 0; row < 3; row++)
        for (let column = 0; column < 3; column++)
          putCard(room.doc, 'stakeholders', at(row, column), {
            ...newActorFields(ACTOR_CATEGORIES[(row + column) % 4]!, {
              label: `Attore ${row + 1}.${column + 1}`,
            }),
            x: column * 300,
            y: row * 200,
          })
    })
    RELATIONS.forEach(([source, target, kind], i) =>
      putRelation(room.doc, `rel-${i}`, { source, target, kind }),
    )
    const projector = await workshop.participant('Proiettore')
    await projector.page.setViewportSize({ width: 1920, height: 1080 })
    await projector.open(board.links.viewer)
    await projector.view('map')
    const ends = Object.fromEntries(RELATIONS.map(([s, t], i) => [`rel-${i}`, [s, t]]))
    /**
     * Every card a relation's line passes over (the line followed every 3 px on screen) and
     * every card a relation's whole name lies on, but the two it joins.
     */
    const over = () =>
      projector.page.evaluate((ends) => {
        const cards = [...document.querySelectorAll<HTMLElement>('.react-flow__node')].map((n) => ({
          id: n.dataset.id!,
          box: n.getBoundingClientRect(),
        }))
        const found: string[] = []
        for (const edge of document.querySelectorAll<SVGGElement>('.react-flow__edge')) {
          const id = edge.dataset.id!
          const path = edge.querySelector<SVGPathElement>('.react-flow__edge-path')
          const screen = path?.getScreenCTM()
          if (!path || !screen) {
            found.push(`${id}: not drawn`)
            continue
          }
          const length = path.getTotalLength()
          for (const card of cards) {
            if (ends[id]!.includes(card.id)) continue
            const b = card.box
            for (let t = 0; t <= length; t += 3) {
              const p = new DOMPoint(path.getPointAtLength(t).x, path.getPointAtLength(t).y)
              const q = p.matrixTransform(screen)
              if (q.x > b.left + 1 && q.x < b.right - 1 && q.y > b.top + 1 && q.y < b.bottom - 1) {
                found.push(`${id} over ${card.id}`)
                break
              }
            }
          }
        }
        return { found, edges: document.querySelectorAll('.react-flow__edge').length }
      }, ends)
    await expect.poll(() => over().then((o) => o.edges)).toBe(RELATIONS.length)
    await expect.poll(() => over().then((o) => o.found)).toEqual([])
    // a whole name lies on no card (the glyph alone where it would)
    const labels = await projector.page
      .locator('.relation-label:not(.compact)')
      .evaluateAll((els) => els.map((el) => el.getBoundingClientRect().toJSON() as DOMRect))
    const cards = await projector.page
      .locator('.actor-card')
      .evaluateAll((els) => els.map((el) => el.getBoundingClientRect().toJSON() as DOMRect))
    expect(cards).toHaveLength(9)
    for (const label of labels) for (const card of cards) expect(disjoint(label, card)).toBe(true)
    await screenshot(projector.page, 'stakeholders-map-lines-projector')
  })
})
