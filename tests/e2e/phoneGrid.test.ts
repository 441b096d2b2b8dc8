/**
 * The power/interest grid under a finger: an actor carried on a phone stays where it is put,
 * and so does the view (the view went after the quadrant it was framed on, zooming out and
 * back in elsewhere: the card seemed to jump back where it was).
 */
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { screenshot } from '../helpers/browser.ts'
import { createBoard, exportJson } from '../helpers/server.ts'
import { connectSynced } from '../helpers/clients.ts'
import { browserSuite } from '../helpers/suite.ts'
import { onPhone } from '../helpers/phonePages.ts'
import { putCard } from '../../shared/schema/index.ts'
import { newActorFields } from '../../shared/stakeholders/actors.ts'

const suite = browserSuite()

type Exported = { canvases: { stakeholders: { nodes: { id: string; power: number }[] } } }

/** The canvas's transform, read after the frames that follow (a glide would have begun). */
const viewAfterFrames = (page: Page) =>
  page.evaluate(async () => {
    for (let i = 0; i < 3; i++) await new Promise((r) => requestAnimationFrame(r))
    return (document.querySelector('.react-flow__viewport') as HTMLElement).style.transform
  })

describe('the power/interest grid under a finger', () => {
  it('keeps an actor carried on a phone where it is put, and the view where it was', async () => {
    const board = await createBoard(suite.server.url, 'Griglia al dito')
    const stock = await connectSynced(suite.server.url, board.id, board.keys.facilitator)
    // two actors to manage closely, the quadrant the phone opens on, apart enough that the
    // one carried is drawn at its own point (not moved clear of the other, nor of the middle
    // line its card would straddle)
    const actors = [
      ['Comune di Albino', 0.8, 0.75],
      ['Centro per l’impiego di Albino', 0.95, 0.95],
    ] as const
    stock.doc.transact(() =>
      actors.forEach(([label, power, interest], i) =>
        putCard(stock.doc, 'stakeholders', `a${i}`, {
          ...newActorFields('public', { label, power, interest }),
          x: 0,
          y: 0,
        }),
      ),
    )
    stock.destroy()
    const page = await onPhone(suite.browser, board.links.participant)
    await page.locator('#tab-stakeholders').tap()
    await page.locator('.sh-phase[data-view=grid]').waitFor()
    // the card of one actor, whole in sight at a zoom one reads at
    const card = page.locator('.react-flow__node[data-id=a0]')
    const zoom = () =>
      page.evaluate(() => {
        const t = (document.querySelector('.react-flow__viewport') as HTMLElement).style.transform
        return Number(/scale\(([\d.]+)\)/.exec(t)?.[1] ?? 0)
      })
    await expect.poll(zoom, { timeout: 10_000 }).toBeGreaterThanOrEqual(0.8)
    // the view once its opening glide is over
    let view = ''
    await expect
      .poll(async () => {
        const now = await viewAfterFrames(page)
        const still = now === view
        view = now
        return still
      })
      .toBe(true)
    const from = (await card.boundingBox())!
    // carried 40 px right and 30 down by a finger
    const touch = await page.context().newCDPSession(page)
    // pressed on its name, above the stance's chip
    const x = from.x + 40
    const y = from.y + 14
    await touch.send('Input.dispatchTouchEvent', {
      type: 'touchStart',
      touchPoints: [{ x, y, id: 1 }],
    })
    // a finger rests a moment before it moves (input paced as a hand's, not a wait for state)
    await page.waitForTimeout(100)
    for (let i = 1; i <= 10; i++)
      await touch.send('Input.dispatchTouchEvent', {
        type: 'touchMove',
        touchPoints: [{ x: x + i * 4, y: y + i * 3, id: 1 }],
      })
    // where the card is under the finger once it has caught up with the last move (it trails
    // the finger by its first few pixels: the drag starts past a threshold)
    let carried = from
    await expect
      .poll(async () => {
        await viewAfterFrames(page)
        const box = (await card.boundingBox())!
        const still = box.x === carried.x && box.y === carried.y
        carried = box
        return still && box.x - from.x > 15
      })
      .toBe(true)
    await touch.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] })
    // the server has the new place…
    const power = async () =>
      (
        (await exportJson(suite.server.url, board.id, board.keys.viewer)) as Exported
      ).canvases.stakeholders.nodes.find((n) => n.id === 'a0')?.power
    await expect.poll(power, { timeout: 10_000 }).not.toBe(0.8)
    // …and the phone shows the card where the finger left it, the view unmoved
    expect(await viewAfterFrames(page)).toBe(view)
    let to = from
    await expect
      .poll(async () => {
        await viewAfterFrames(page)
        const box = (await card.boundingBox())!
        const still = box.x === to.x && box.y === to.y
        to = box
        return still
      })
      .toBe(true)
    expect(Math.abs(to.x - carried.x)).toBeLessThan(4)
    expect(Math.abs(to.y - carried.y)).toBeLessThan(4)
    await screenshot(page, 'phone-grid-carried')
  })
})
