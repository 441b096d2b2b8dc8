import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { putCard } from '../../shared/schema/index.ts'
import { screenshot } from '../helpers/browser.ts'
import { stakeholdersWorkshop } from '../helpers/stakeholdersPage.ts'

/**
 * What the room reads on the canvases, on a laptop and on the projector: titles, badges and
 * texts are not hidden by what is drawn beside or over them.
 */
const workshop = stakeholdersWorkshop()

const LAPTOP = { width: 1440, height: 900 }
const PROJECTOR = { width: 1920, height: 1080 }

type Rect = { left: number; right: number; top: number; bottom: number; height: number }
const apart = (a: Rect, b: Rect) =>
  a.right <= b.left + 0.5 ||
  b.right <= a.left + 0.5 ||
  a.bottom <= b.top + 0.5 ||
  b.bottom <= a.top + 0.5

async function openTab(page: Page, link: string, tab: string) {
  await page.goto(link)
  await page.locator('[data-testid=connection][data-state=ok]').waitFor({ timeout: 15_000 })
  await page.locator(`#tab-${tab}`).click()
}

describe('the canvases stay legible', () => {
  it('keeps the central objective’s badge on one line beside or above its status', async () => {
    const board = await workshop.createBoard('Patto Valle Seriana')
    const room = await workshop.stock(board)
    room.doc.transact(() => {
      putCard(room.doc, 'problems', 'core', {
        kind: 'problem',
        label: 'Alta disoccupazione giovanile',
        role: 'core',
        x: 0,
        y: 0,
      })
      putCard(room.doc, 'objectives', 'obj-core', {
        kind: 'objective',
        label: 'Più giovani occupati in valle',
        status: 'to-reword',
        derivedFrom: 'core',
        x: 0,
        y: 0,
      })
    })
    for (const [name, link, size] of [
      ['Alice', board.links.facilitator, LAPTOP],
      ['Proiettore', board.links.viewer, PROJECTOR],
    ] as const) {
      const { page } = await workshop.participant(name)
      await page.setViewportSize(size)
      await openTab(page, link, 'objectives')
      const card = page.locator('.objective-card.objective-core')
      await card.getByText('Più giovani occupati in valle').waitFor()
      const sight = await card.evaluate((el) => {
        const role = el.querySelector('.objective-role')!
        const chip = el.querySelector('.status-chip')!
        // the lines the role's words are set on
        const words = document.createRange()
        words.selectNodeContents(role)
        const tops = new Set([...words.getClientRects()].map((r) => Math.round(r.top)))
        return {
          lines: tops.size,
          role: role.getBoundingClientRect().toJSON() as Rect,
          chip: chip.getBoundingClientRect().toJSON() as Rect,
        }
      })
      await screenshot(page, `legibility-objective-core-${name}`)
      // one line: «OBIETTIVO CENTRALE», not «OBIETTIVO» over «CENTRALE» beside the chip
      expect(sight.lines).toBe(1)
      expect(apart(sight.role, sight.chip)).toBe(true)
    }
  })
})
