import type { Page } from 'playwright-core'

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
