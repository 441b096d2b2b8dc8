import { describe, expect, it } from 'vitest'
import { browserSuite } from '../helpers/suite.ts'
import { createBoard, exportJson } from '../helpers/server.ts'

const suite = browserSuite()

type Export = { canvases: { problems: { nodes: { label: string }[] } } }
const labels = async (id: string, key: string) =>
  ((await exportJson(suite.server.url, id, key)) as Export).canvases.problems.nodes.map(
    (n) => n.label,
  )

describe('a page too busy to draw', () => {
  it('keys typed while the page draws no frame for seconds all land in the new card, and make no other card', async () => {
    const board = await createBoard(suite.server.url)
    const f = await suite.open(board.links.facilitator, 'Francesco')
    await f.waitSaved()
    // Right after N the page draws no frame for 3.5 s while its tasks go on (a slow laptop
    // taking in 30 people's edits: the sockets' messages run, the screen is not drawn): the new
    // card's editor cannot take the focus meanwhile, and the person types on.
    await f.page.evaluate(() => {
      const draw = window.requestAnimationFrame.bind(window)
      const cancel = window.cancelAnimationFrame.bind(window)
      let drawsFrom = 0
      let next = 1e9
      const waiting = new Map<number, ReturnType<typeof setTimeout>>()
      const drawn = new Map<number, number>()
      window.requestAnimationFrame = (cb) => {
        const wait = drawsFrom - performance.now()
        if (wait <= 0) return draw(cb)
        const id = ++next
        waiting.set(
          id,
          setTimeout(() => {
            waiting.delete(id)
            drawn.set(id, draw(cb))
          }, wait),
        )
        return id
      }
      window.cancelAnimationFrame = (id) => {
        clearTimeout(waiting.get(id))
        waiting.delete(id)
        cancel(drawn.get(id) ?? id)
      }
      const onKey = (e: KeyboardEvent) => {
        if (e.key !== 'n') return
        window.removeEventListener('keydown', onKey, true)
        drawsFrom = performance.now() + 3_500
      }
      window.addEventListener('keydown', onKey, true)
    })
    await f.page.keyboard.press('n')
    // «Francesco» has an N: typed on the canvas it would make another card
    await f.page.keyboard.type('Idea di Francesco')
    await f.page.keyboard.press('Enter')
    await expect
      .poll(() => labels(board.id, board.keys.viewer), { timeout: 15_000 })
      .toEqual(['Idea di Francesco'])
    await f.card('Idea di Francesco').waitFor()
    expect(await f.cards().count()).toBe(1)
  })
})
