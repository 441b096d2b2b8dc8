/**
 * «+ Aggiungi problema» and «Collega a…» on the problem tree: what a new card is, linking by a
 * card's text, and a branch that does not reach the core problem.
 */
import { describe, expect, it } from 'vitest'
import { browserSuite } from '../helpers/suite.ts'
import { createBoard } from '../helpers/server.ts'
import { screenshot } from '../helpers/browser.ts'
import {
  addFromMenu,
  exportedTree,
  writeCard as write,
  type ExportedTree,
} from '../helpers/treeCards.ts'

const suite = browserSuite()

const tree = (boardId: string, key: string, until?: (t: ExportedTree) => boolean) =>
  exportedTree(suite.server.url, boardId, key, until)

describe('the room links its cards into one tree', () => {
  it('the add menu says what a new card is, and «Collega a…» links without aiming at a dot', async () => {
    const board = await createBoard(suite.server.url)
    const p = await suite.open(board.links.participant, 'Paola')
    const add = p.page.getByRole('button', { name: '+ Aggiungi problema' })

    await addFromMenu(p.page, 'Problema centrale', 'Disoccupazione giovanile')
    // the card just written stays selected: the menu offers its causes and effects
    await addFromMenu(p.page, 'Causa di «Disoccupazione giovanile»', 'Orientamento debole')
    await add.click()
    // keyboard: the menu has the focus, ↓ moves, Enter chooses
    await p.page.getByRole('menuitem').first().waitFor()
    await expect
      .poll(() => p.page.evaluate(() => document.activeElement?.getAttribute('role')))
      .toBe('menuitem')
    const items = await p.page.getByRole('menuitem').allTextContents()
    const free = items.findIndex((t) => t.includes('Carta da collegare dopo'))
    for (let i = 0; i < free; i++) await p.page.keyboard.press('ArrowDown')
    await p.page.keyboard.press('Enter')
    await write(p.page, 'Famiglie impoverite')
    await p.page
      .locator('[data-testid=tree-warnings]', { hasText: '1 carta non è collegata' })
      .waitFor()

    // «Famiglie impoverite» (selected) is an effect of the core problem
    await p.page.getByRole('button', { name: 'Collega a…' }).click()
    await p.page.getByLabel('effetto di').check()
    // Enter in the search: of several cards it leaves, the first is focused, nothing linked…
    const search = p.page.getByLabel('Cerca una carta')
    await search.fill('o')
    expect(await p.page.getByRole('menuitem').count()).toBe(2)
    await search.press('Enter')
    await expect
      .poll(() => p.page.evaluate(() => document.activeElement?.getAttribute('role')))
      .toBe('menuitem')
    expect(await p.page.locator('[data-testid=tree-warnings]').count()).toBe(1)
    // …and the one card it leaves is chosen
    await search.fill('disocc')
    await expect
      .poll(() => p.page.getByRole('menuitem').allTextContents())
      .toEqual(['Disoccupazione giovanile'])
    await search.press('Enter')
    await expect
      .poll(() => p.page.locator('[data-testid=tree-warnings]').count(), { timeout: 10_000 })
      .toBe(0)
    await screenshot(p.page, 'tree-flow-menus')

    const t = await tree(board.id, board.keys.viewer, (t) => t.links === 2)
    expect(t.byLabel.get('Disoccupazione giovanile')?.role).toBe('core')
    expect(t.byLabel.get('Orientamento debole')?.role).toBe('cause')
    expect(t.linked('Orientamento debole', 'Disoccupazione giovanile')).toBe(true)
    expect(t.linked('Disoccupazione giovanile', 'Famiglie impoverite')).toBe(true)
    expect(t.links).toBe(2)
  })

  it('a branch linked among itself but not to the core problem is warned about, naming the card to link', async () => {
    const board = await createBoard(suite.server.url)
    const p = await suite.open(board.links.participant, 'Sara')
    await addFromMenu(p.page, 'Problema centrale', 'Poco lavoro per le persone fragili')
    await p.page.keyboard.press('Tab')
    await write(p.page, 'Servizi per il lavoro frammentati')
    // a card to link later, then a cause of it: two cards linked to each other, not to the tree
    // (once the second came, nothing said so: every card was linked to something)
    await addFromMenu(p.page, 'Carta da collegare dopo', 'Trasporti pubblici scarsi')
    await p.page.keyboard.press('Tab')
    await write(p.page, 'Corse rare la sera')
    const warnings = p.page.locator('[data-testid=tree-warnings]')
    await expect
      .poll(() => warnings.textContent())
      .toContain(
        '2 carte collegate fra loro non arrivano al problema centrale: seleziona «Trasporti pubblici scarsi»',
      )
    expect(await warnings.textContent()).not.toContain('non è collegata')
    await screenshot(p.page, 'tree-flow-detached-branch')
    // linked to the core, the branch is part of the tree: no warning left
    await p.card('Trasporti pubblici scarsi').click()
    await p.page.getByRole('button', { name: 'Collega a…' }).click()
    await p.page.getByLabel('causa di').check()
    await p.page.getByLabel('Cerca una carta').fill('fragili')
    await p.page.getByLabel('Cerca una carta').press('Enter')
    await expect.poll(() => warnings.count(), { timeout: 10_000 }).toBe(0)
    const t = await tree(board.id, board.keys.viewer, (t) => t.links === 3)
    expect(t.linked('Trasporti pubblici scarsi', 'Poco lavoro per le persone fragili')).toBe(true)
    expect(t.linked('Corse rare la sera', 'Trasporti pubblici scarsi')).toBe(true)
    expect(t.links).toBe(3)
  })

  it('«Collega a…» moves a card beside the other, on its row, to its side of the tree', async () => {
    const board = await createBoard(suite.server.url)
    const p = await suite.open(board.links.participant, 'Paola')
    await p.page.setViewportSize({ width: 1366, height: 768 })
    await p.page.getByRole('button', { name: '+ Aggiungi problema' }).click()
    await p.page.getByRole('menuitem', { name: 'Problema centrale' }).click()
    await write(p.page, 'Giovani che lasciano la valle')
    await p.page.keyboard.press('Tab')
    await write(p.page, 'Poche aziende innovative sul territorio')
    await p.page.keyboard.press('ArrowUp')
    await p.page.keyboard.press('Tab')
    await write(p.page, 'Trasporti pubblici scarsi verso Bergamo')
    const box = async (text: string) => (await p.card(text).boundingBox())!
    /** Where a card stands on the canvas and its size there, whatever the view's zoom and pan. */
    const at = async (text: string) => ({
      ...(await p.cardPosition(text)),
      ...(await p.card(text).evaluate((el) => ({
        w: (el as HTMLElement).offsetWidth,
        h: (el as HTMLElement).offsetHeight,
      }))),
    })

    // a card to link later, double-clicked left of the cause and a little lower: on its row
    const causeBox = await box('Poche aziende')
    await p.page.mouse.dblclick(causeBox.x - 250, causeBox.y + causeBox.height + 10)
    await write(p.page, 'Scuole superiori poco collegate')
    const [cause, school] = [await at('Poche aziende'), await at('Scuole superiori')]
    expect(school.y).toBeGreaterThan(cause.y + 45)
    expect(school.y).toBeLessThan(cause.y + cause.h)
    await p.card('Scuole superiori').click()
    await p.page.getByRole('button', { name: 'Collega a…' }).click()
    await p.page.getByLabel('causa di').check()
    await p.page.getByRole('menuitem', { name: 'Poche aziende innovative sul territorio' }).click()

    // and one double-clicked right of the core, a little higher, linked by keyboard as its effect
    const coreBox = await box('Giovani')
    await p.page.mouse.dblclick(coreBox.x + coreBox.width + 250, coreBox.y - 25)
    await write(p.page, 'Comuni montani che invecchiano')
    const [core, aging] = [await at('Giovani'), await at('Comuni montani')]
    expect(aging.y).toBeLessThan(core.y - 45)
    expect(aging.y + aging.h).toBeGreaterThan(core.y)
    await p.page.getByRole('button', { name: 'Collega a…' }).focus()
    await p.page.keyboard.press('Enter')
    await p.page.keyboard.press('ArrowRight')
    await p.page.keyboard.press('Tab')
    await p.page.keyboard.type('giovani')
    await p.page.keyboard.press('ArrowDown')
    await p.page.keyboard.press('Enter')
    await expect.poll(() => p.page.locator('.react-flow__edge').count()).toBe(4)

    // once they have glided: the cause a row below its effect, the effect a row above the core,
    // each clear of every other card
    const placed = async () => {
      const all = await p.page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('.react-flow__node')].map((n) => {
          const m = /translate\((-?[\d.]+)px,\s*(-?[\d.]+)px\)/.exec(n.style.transform)!
          const [x, y] = [Number(m[1]), Number(m[2])]
          return { text: n.textContent ?? '', x, y, w: n.offsetWidth, h: n.offsetHeight }
        }),
      )
      const overlaps = all.some((a, i) =>
        all.some(
          (b, j) =>
            i < j && a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h,
        ),
      )
      const [school, cause, aging, core] = ['Scuole', 'Poche', 'Comuni', 'Giovani'].map((words) =>
        all.find((c) => c.text.includes(words))!,
      )
      return {
        causeBelow: school!.y >= cause!.y + cause!.h,
        effectAbove: aging!.y + aging!.h <= core!.y,
        overlaps,
      }
    }
    await expect
      .poll(placed, { timeout: 5_000 })
      .toEqual({ causeBelow: true, effectAbove: true, overlaps: false })
    await screenshot(p.page, 'tree-flow-link-side')
    const t = await tree(
      board.id,
      board.keys.viewer,
      (t) =>
        t.linked('Scuole superiori poco collegate', 'Poche aziende innovative sul territorio') &&
        t.linked('Giovani che lasciano la valle', 'Comuni montani che invecchiano'),
    )
    expect(
      t.linked('Scuole superiori poco collegate', 'Poche aziende innovative sul territorio'),
    ).toBe(true)
    expect(t.linked('Giovani che lasciano la valle', 'Comuni montani che invecchiano')).toBe(true)
    expect(t.byLabel.get('Comuni montani che invecchiano')?.role).toBe('effect')
  })
})
