/**
 * What a phone's finger meets of a dot vote's controls on the cards (tests/e2e/voteLayout.test.ts):
 * their thumb-sized targets, a tap on one, the canvas's zoom.
 */
import type { Page } from 'playwright-core'
import type * as Y from 'yjs'
import { putRecord, type VoteCanvas } from '../../shared/schema/index.ts'
import { THUMB } from './phonePages.ts'

/** A dot vote open on each of `canvases` («Priorità», three dots each). */
export function openVotes(doc: Y.Doc, canvases: VoteCanvas[]): void {
  for (const canvas of canvases)
    putRecord(doc, 'votes', `v-${canvas}`, {
      canvas,
      label: 'Priorità',
      dots: 3,
      state: 'open',
      createdAt: new Date().toISOString(),
    })
}

/**
 * Each «+●» and «−» whose middle is on the screen and reached there, with a square a thumb's
 * size (44 screen px) around it where a finger lands on it: every point of a 5 × 5 grid over
 * the square reaches the button. Null when there is no such square. `control`: which of the
 * page's controls it belongs to.
 */
export const thumbTargets = (page: Page) =>
  page.locator('.vote-dot-button').evaluateAll((buttons, size) => {
    const steps = [0.5, size / 4, size / 2, (3 * size) / 4, size - 0.5]
    return buttons.flatMap((el) => {
      const lands = (x: number, y: number) => {
        const hit = document.elementFromPoint(x, y)
        return !!hit && el.contains(hit)
      }
      const r = el.getBoundingClientRect()
      const [cx, cy] = [r.x + r.width / 2, r.y + r.height / 2]
      if (cx < 0 || cx > innerWidth || cy < 0 || cy > innerHeight || !lands(cx, cy)) return []
      let square: { x: number; y: number } | null = null
      // (squares holding the button; or, a button wider than a thumb, inside it)
      const xs = [r.right - size, r.left]
      const ys = [r.bottom - size, r.top]
      for (let x = Math.floor(Math.min(...xs)); !square && x <= Math.ceil(Math.max(...xs)); x++)
        for (let y = Math.floor(Math.min(...ys)); !square && y <= Math.ceil(Math.max(...ys)); y++)
          if (steps.every((dx) => steps.every((dy) => lands(x + dx, y + dy)))) square = { x, y }
      const control = [...document.querySelectorAll('.vote-dots')].indexOf(el.parentElement!)
      return [{ name: el.getAttribute('aria-label')!, control, cx, cy, square }]
    })
  }, THUMB)

/** Whether every button of {@link thumbTargets} has its square (and there are `least`). */
export const thumbSized = async (page: Page, least: number) => {
  const all = await thumbTargets(page)
  return all.length >= least && all.every((t) => t.square)
}

export type Target = Awaited<ReturnType<typeof thumbTargets>>[number]

/** The zoom of the canvas on the screen. */
export const zoomOf = (page: Page) =>
  page
    .locator('.react-flow__viewport')
    .evaluate((el) => new DOMMatrix(getComputedStyle(el).transform).a)

/** The zoom the controls' tap area is sized for (--flow-zoom, set once a zoom has settled). */
export const tapZoom = (page: Page) =>
  page
    .getByTestId('vote-dots')
    .first()
    .evaluate((el) => getComputedStyle(el).getPropertyValue('--flow-zoom').trim())

/**
 * The «+●» whose middle is in the canvas's view (on the screen, not cut off at its edge) but
 * which a finger pressing there does not reach (something is drawn over it), by their names;
 * and how many were in view.
 */
export const coveredInView = (page: Page) =>
  page.locator('.react-flow').evaluate((view) => {
    const box = view.getBoundingClientRect()
    const buttons = [...view.querySelectorAll('.vote-dot-add')].filter((el) => {
      const r = el.getBoundingClientRect()
      const [x, y] = [r.x + r.width / 2, r.y + r.height / 2]
      return x > box.left && x < Math.min(box.right, innerWidth) && y > box.top && y < box.bottom
    })
    const hidden = buttons.filter((el) => {
      const r = el.getBoundingClientRect()
      const hit = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2)
      return !hit || !el.contains(hit)
    })
    return { inView: buttons.length, hidden: hidden.map((el) => el.getAttribute('aria-label')) }
  })

/** A tap on the corner of the button's square farthest from the button: not on the dot drawn. */
export async function tapFar(page: Page, target: Target) {
  const { x, y } = target.square!
  await page.touchscreen.tap(
    target.cx < x + THUMB / 2 ? x + THUMB - 1 : x + 1,
    target.cy < y + THUMB / 2 ? y + THUMB - 1 : y + 1,
  )
}
