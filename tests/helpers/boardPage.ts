import type { Page } from 'playwright-core'

/** What a participant does on the problem tree, in the words of the test. */
export function boardPage(page: Page) {
  const card = (text: string) => page.locator('.react-flow__node', { hasText: text })
  return {
    page,
    card,
    cards: () => page.locator('.react-flow__node'),
    async open(link: string) {
      await page.goto(link)
      await page.locator('.react-flow__pane').waitFor()
    },
    async waitSaved() {
      await page.locator('[data-testid=connection][data-state=ok]').waitFor({ timeout: 15_000 })
    },
    /** Double-click on an empty spot of the canvas, type, Enter. */
    async addCardAt(x: number, y: number, text: string) {
      await page.mouse.dblclick(x, y)
      const editor = page.locator('textarea.card-editor')
      await editor.waitFor()
      await editor.fill(text)
      await editor.press('Enter')
      await card(text).waitFor()
    },
    async editCard(from: string, to: string) {
      await card(from).dblclick()
      const editor = page.locator('textarea.card-editor')
      await editor.waitFor()
      await editor.fill(to)
      await editor.press('Enter')
      await card(to).waitFor()
    },
    async dragCard(text: string, dx: number, dy: number) {
      const box = (await card(text).boundingBox())!
      const x = box.x + box.width / 2
      const y = box.y + 12
      await page.mouse.move(x, y)
      await page.mouse.down()
      for (let i = 1; i <= 10; i++) await page.mouse.move(x + (dx * i) / 10, y + (dy * i) / 10)
      await page.mouse.up()
    },
    /** The card's position in flow coordinates, read from React Flow's transform. */
    async cardPosition(text: string): Promise<{ x: number; y: number }> {
      const transform = await card(text).evaluate((el) => (el as HTMLElement).style.transform)
      const m = /translate\((-?[\d.]+)px,\s*(-?[\d.]+)px\)/.exec(transform)
      if (!m) throw new Error(`no position in "${transform}"`)
      return { x: Number(m[1]), y: Number(m[2]) }
    },
  }
}

/**
 * The place of the canvas a page shows: the canvas's point at the middle of its view, the zoom,
 * and the view's offset (React Flow's viewport).
 */
export const flowSight = (page: Page) =>
  page.evaluate(() => {
    const flow = document.querySelector('.react-flow')!.getBoundingClientRect()
    const viewport = document.querySelector('.react-flow__viewport') as HTMLElement
    const m = new DOMMatrixReadOnly(getComputedStyle(viewport).transform)
    return {
      cx: (flow.width / 2 - m.e) / m.a,
      cy: (flow.height / 2 - m.f) / m.a,
      zoom: m.a,
      x: m.e,
      y: m.f,
    }
  })
