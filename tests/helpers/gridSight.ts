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
