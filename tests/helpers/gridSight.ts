import type { Page } from 'playwright-core'

/**
 * What the room sees of the grid: whether every actor card is wholly on the canvas and inside
 * the tray, whether any two cards overlap, and the size of the names' text on the screen.
 */
export function gridSight(page: Page) {
  return page.evaluate(() => {
    const canvas = document.querySelector('[data-testid=stakeholder-grid]')!
    const area = canvas.getBoundingClientRect()
    const tray = document.querySelector('[data-testid=grid-tray]')!.getBoundingClientRect()
    const viewport = canvas.querySelector('.react-flow__viewport') as HTMLElement
    const zoom = new DOMMatrixReadOnly(getComputedStyle(viewport).transform).a
    const cards = [...document.querySelectorAll('.actor-card')].map((c) =>
      c.getBoundingClientRect(),
    )
    const within = (b: DOMRect, r: DOMRect) =>
      b.left >= r.left - 1 &&
      b.right <= r.right + 1 &&
      b.top >= r.top - 1 &&
      b.bottom <= r.bottom + 1
    let overlaps = 0
    cards.forEach((a, i) =>
      cards.slice(i + 1).forEach((b) => {
        if (
          a.left < b.right - 1 &&
          b.left < a.right - 1 &&
          a.top < b.bottom - 1 &&
          b.top < a.bottom - 1
        )
          overlaps++
      }),
    )
    const name = document.querySelector('.actor-name')
    return {
      cards: cards.length,
      onScreen: cards.filter((b) => within(b, area)).length,
      inTray: cards.filter((b) => within(b, tray)).length,
      overlaps,
      namePx: name ? Math.round(parseFloat(getComputedStyle(name).fontSize) * zoom * 10) / 10 : 0,
    }
  })
}

/**
 * Where the empty grid's hint is against what the grid writes around and on its quadrants: the
 * axes' labels («POTERE →», «INTERESSE →», basso, alto) and the quadrants' titles. `clashes`
 * names what a line of the hint overlaps; `fontPx` is its type's size on the screen, `whole`
 * whether each of its lines is on the canvas.
 */
export function hintSight(page: Page) {
  return page.evaluate(() => {
    const canvas = document.querySelector('[data-testid=stakeholder-grid]')!
    const hint = canvas.querySelector('.canvas-hint p')
    if (!hint) return { shown: false, clashes: [] as string[], fontPx: 0, whole: false }
    const range = document.createRange()
    range.selectNodeContents(hint)
    const lines = [...range.getClientRects()]
    const labels = canvas.querySelectorAll(
      '.grid-axis > *, .quadrant-title, .quadrant-hint, .grid-tray',
    )
    const clashes = [...labels].flatMap((el) => {
      const r = el.getBoundingClientRect()
      const hit = lines.some(
        (l) => l.left < r.right && r.left < l.right && l.top < r.bottom && r.top < l.bottom,
      )
      return hit ? [el.textContent!.trim()] : []
    })
    const area = canvas.getBoundingClientRect()
    return {
      shown: lines.length > 0,
      clashes,
      fontPx: parseFloat(getComputedStyle(hint).fontSize),
      whole: lines.every(
        (l) =>
          l.left >= area.left &&
          l.right <= area.right &&
          l.top >= area.top &&
          l.bottom <= area.bottom,
      ),
    }
  })
}

/**
 * Waits for the window to be `width`×`height` and for the frame after the first one drawn at
 * that size, then tells whether the grid (its quadrants, axes and tray) is framed for it: all of
 * it on the canvas (`whole`) and filling its width or its height (`filled`), as it opens.
 */
export function framedAfterResize(page: Page, width: number, height: number) {
  return page.evaluate(
    async ([w, h]) => {
      const frame = () => new Promise((done) => requestAnimationFrame(done))
      while (innerWidth !== w || innerHeight !== h) await frame()
      // the first frame drawn at the new size (its animation callbacks come before its layout
      // and the size observers), then the next one: what the screen shows after that first one
      await frame()
      await frame()
      const canvas = document.querySelector('[data-testid=stakeholder-grid]')!
      const area = canvas.getBoundingClientRect()
      const parts = [...canvas.querySelectorAll('.react-flow__node.grid-backdrop-node')].map((n) =>
        n.getBoundingClientRect(),
      )
      const left = Math.min(...parts.map((r) => r.left))
      const right = Math.max(...parts.map((r) => r.right))
      const top = Math.min(...parts.map((r) => r.top))
      const bottom = Math.max(...parts.map((r) => r.bottom))
      return {
        whole:
          left >= area.left - 1 &&
          right <= area.right + 1 &&
          top >= area.top - 1 &&
          bottom <= area.bottom + 1,
        filled: (right - left) / area.width > 0.9 || (bottom - top) / area.height > 0.9,
      }
    },
    [width, height],
  )
}

/** The grid's view (its pan and zoom) two frames from now, when what is under way has drawn. */
export function gridViewSoon(page: Page) {
  return page.evaluate(async () => {
    const frame = () => new Promise((done) => requestAnimationFrame(done))
    await frame()
    await frame()
    const canvas = document.querySelector('[data-testid=stakeholder-grid]')!
    return (canvas.querySelector('.react-flow__viewport') as HTMLElement).style.transform
  })
}

/**
 * The view (pan and zoom) of the canvas `testId` names («stakeholder-grid», «stakeholder-map»)
 * once it holds still: two frames alike, what is under way drawn.
 */
export function canvasView(page: Page, testId: string) {
  return page.evaluate(async (id) => {
    const frame = () => new Promise((done) => requestAnimationFrame(done))
    const viewport = document.querySelector(`[data-testid=${id}] .react-flow__viewport`)!
    const read = () => {
      const m = new DOMMatrixReadOnly(getComputedStyle(viewport).transform)
      return { x: m.e, y: m.f, zoom: m.a }
    }
    let last = read()
    for (;;) {
      await frame()
      await frame()
      const now = read()
      if (now.x === last.x && now.y === last.y && now.zoom === last.zoom) return now
      last = now
    }
  }, testId)
}

/** Whether two views are the same one, to a fraction of a pixel. */
export const sameView = (
  a: { x: number; y: number; zoom: number },
  b: { x: number; y: number; zoom: number },
) => Math.abs(a.x - b.x) < 0.5 && Math.abs(a.y - b.y) < 0.5 && Math.abs(a.zoom - b.zoom) < 1e-3

/**
 * Presses Tab from where the focus is until it reaches the control named `name` (its
 * accessible name, as its aria-label gives it), at most `most` times: whether it got there.
 */
export async function tabTo(page: Page, name: string, most = 40): Promise<boolean> {
  for (let i = 0; i < most; i++) {
    await page.keyboard.press('Tab')
    if (await page.evaluate((n) => document.activeElement?.getAttribute('aria-label') === n, name))
      return true
  }
  return false
}
