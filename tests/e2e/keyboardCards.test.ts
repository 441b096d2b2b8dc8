import { afterAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { PNG } from 'pngjs'
import { canvasRoots, putCard, putLink } from '../../shared/schema/index.ts'
import { connectSynced, type Client } from '../helpers/clients.ts'
import { browserSuite } from '../helpers/suite.ts'
import { screenshot } from '../helpers/browser.ts'
import { createBoard } from '../helpers/server.ts'
import { buildProblemTree } from '../helpers/objectivesPage.ts'
import { importWithLinks, pactPage, workshopBoard } from '../helpers/pactPage.ts'

const suite = browserSuite()
const clients: Client[] = []
afterAll(() => clients.forEach((c) => c.destroy()))

/** A board whose document a stock client seeds with `seed`. */
async function seededBoard(seed: (c: Client) => void) {
  const board = await createBoard(suite.server.url, 'Patto Valle')
  const seeder = await connectSynced(suite.server.url, board.id, board.keys.facilitator)
  clients.push(seeder)
  seed(seeder)
  return board
}

/** The card that has the keyboard's focus (its id), or what else has it. */
const focusedCardId = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null
    return el?.closest<HTMLElement>('.react-flow__node')?.dataset.id ?? el?.tagName.toLowerCase()
  })

/** The ids of the selected cards of the canvas. */
const selectedCards = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.react-flow__node.selected')].map(
      (el) => el.dataset.id,
    ),
  )

describe('a tree card reached with Tab', () => {
  it('is edited with Enter, and the arrows walk from it with the focus', async () => {
    const board = await seededBoard((c) => buildProblemTree(c.doc))
    const { page } = await suite.open(board.links.facilitator, 'Anna')
    await expect.poll(() => page.locator('.react-flow__node').count()).toBe(4)
    // from the core problem, Tab (no card selected) walks on to another card
    await page.locator('.react-flow__node[data-id=core]').focus()
    await page.keyboard.press('Tab')
    const next = await focusedCardId(page)
    expect(['guid', 'serv', 'excl']).toContain(next)
    await page.keyboard.press('Enter')
    const editor = page.locator(`.react-flow__node[data-id=${next}] textarea.card-editor`)
    await editor.waitFor()
    await editor.press('Escape')
    await editor.waitFor({ state: 'detached' })

    // ↑ from the focused core problem goes to its effect, not back to the core
    await page.locator('.react-flow__node[data-id=core]').focus()
    await page.keyboard.press('ArrowUp')
    await expect.poll(() => selectedCards(page)).toEqual(['excl'])
    await expect.poll(() => focusedCardId(page)).toBe('excl')
    // and the next arrow goes on from there
    await page.keyboard.press('ArrowDown')
    await expect.poll(() => selectedCards(page)).toEqual(['core'])
    await expect.poll(() => focusedCardId(page)).toBe('core')

    // a card focused while another is selected: Enter edits the focused one, and selects it
    await page.locator('.react-flow__node[data-id=serv]').focus()
    await page.keyboard.press('Enter')
    await page.locator('.react-flow__node[data-id=serv] textarea.card-editor').waitFor()
    await expect.poll(() => selectedCards(page)).toEqual(['serv'])
    // so Shift+Tab from its text adds its effect (it went to the card selected before, the core)
    await page.keyboard.press('Shift+Tab')
    const effect = page.locator('textarea.card-editor')
    await expect.poll(() => page.locator('.react-flow__node').count()).toBe(5)
    await effect.fill('Utenti che rinunciano')
    await effect.press('Enter')
    await page.locator('.react-flow__node', { hasText: 'Utenti che rinunciano' }).waitFor()
    const seeder = clients[clients.length - 1]!
    const { nodes, edges } = canvasRoots(seeder.doc, 'problems')
    await expect
      .poll(() => {
        const id = [...nodes.entries()].find(
          ([, card]) => String(card.get('label')) === 'Utenti che rinunciano',
        )?.[0]
        return [...edges.values()].filter((l) => l.get('target') === id).map((l) => l.get('source'))
      })
      .toEqual(['serv'])

    // Space selects the focused card; the help read with each card says what the keys do
    await page.locator('.react-flow__node[data-id=guid]').focus()
    await page.keyboard.press('Space')
    await expect.poll(() => selectedCards(page)).toEqual(['guid'])
    const help = await page
      .locator('.react-flow__node[data-id=guid]')
      .getAttribute('aria-describedby')
    expect(await page.locator(`[id="${help}"]`).textContent()).toContain('Invio per scrivere nella')
  }, 60_000)

  it('keeps the focus once its text is kept or given up, and hands it to its effect once deleted', async () => {
    const board = await seededBoard((c) => buildProblemTree(c.doc))
    const { page } = await suite.open(board.links.facilitator, 'Anna')
    const card = (id: string) => page.locator(`.react-flow__node[data-id=${id}]`)
    await card('serv').waitFor()
    await card('serv').focus()
    await page.keyboard.press('Enter')
    const editor = card('serv').locator('textarea.card-editor')
    await editor.waitFor()
    await page.keyboard.type(' e lenti')
    // Enter keeps the text and gives the focus back to the card, not to the page
    await page.keyboard.press('Enter')
    await editor.waitFor({ state: 'detached' })
    await card('serv').getByText('Servizi frammentati e lenti').waitFor()
    expect(await focusedCardId(page)).toBe('serv')
    // so does Escape
    await page.keyboard.press('Enter')
    await editor.waitFor()
    await page.keyboard.press('Escape')
    await editor.waitFor({ state: 'detached' })
    expect(await focusedCardId(page)).toBe('serv')
    // Delete: the card goes, and its effect (the core problem) takes the focus and the selection
    await page.keyboard.press('Delete')
    await card('serv').waitFor({ state: 'detached' })
    await expect.poll(() => selectedCards(page)).toEqual(['core'])
    expect(await focusedCardId(page)).toBe('core')
  }, 60_000)

  it('words given up with Escape are said gone, for all, and «Ripristina» brings them back to all', async () => {
    const board = await seededBoard((c) => buildProblemTree(c.doc))
    const { page } = await suite.open(board.links.participant, 'Anna')
    const other = (await suite.open(board.links.participant, 'Bruno')).page
    const card = (p: Page, id: string) => p.locator(`.react-flow__node[data-id=${id}]`)
    await card(page, 'serv').waitFor()
    await card(page, 'serv').focus()
    await page.keyboard.press('Enter')
    const editor = card(page, 'serv').locator('textarea.card-editor')
    await editor.waitFor()
    await page.keyboard.type(' e lenti')
    // Bruno sees the letters as they are typed
    await card(other, 'serv').getByText('Servizi frammentati e lenti').waitFor()
    await page.keyboard.press('Escape')
    await editor.waitFor({ state: 'detached' })
    const notice = page.getByTestId('given-up')
    await notice.getByText('Modifica annullata con Esc.').waitFor()
    for (const p of [page, other])
      await expect.poll(() => card(p, 'serv').innerText()).not.toContain('e lenti')
    // the keyboard stays on the card: the notice does not take it
    expect(await focusedCardId(page)).toBe('serv')
    await screenshot(page, 'card-given-up')
    await notice.getByRole('button', { name: 'Ripristina' }).click()
    await notice.waitFor({ state: 'detached' })
    // the keyboard is back on the card, not on the page's body
    await expect.poll(() => focusedCardId(page)).toBe('serv')
    for (const p of [page, other])
      await card(p, 'serv').getByText('Servizi frammentati e lenti').waitFor()
    // nothing is offered when nothing was typed
    await card(page, 'serv').focus()
    await page.keyboard.press('Enter')
    await editor.waitFor()
    await page.keyboard.press('Escape')
    await editor.waitFor({ state: 'detached' })
    expect(await notice.count()).toBe(0)
  }, 60_000)

  it('opens its details with «Dettagli della carta», and Escape closes them back onto it', async () => {
    const board = await seededBoard((c) => buildProblemTree(c.doc))
    const { page } = await suite.open(board.links.facilitator, 'Anna')
    const serv = page.locator('.react-flow__node[data-id=serv]')
    await serv.waitFor()
    await serv.focus()
    await page.keyboard.press('Space')
    await expect.poll(() => selectedCards(page)).toEqual(['serv'])
    const opener = page.locator('button.inspector-open')
    const isOpener = () =>
      page.evaluate(() => !!document.activeElement?.classList.contains('inspector-open'))
    const panel = page.getByTestId('inspector')
    await opener.focus()
    await page.keyboard.press('Enter')
    await panel.waitFor()
    // from its ✕, as from a control inside it: the panel closes, the card stays selected
    await page.keyboard.press('Escape')
    await panel.waitFor({ state: 'detached' })
    await expect.poll(isOpener).toBe(true)
    expect(await selectedCards(page)).toEqual(['serv'])
    await page.keyboard.press('Enter')
    await panel.locator('select').first().focus()
    await page.keyboard.press('Escape')
    await panel.waitFor({ state: 'detached' })
    await expect.poll(isOpener).toBe(true)
    expect(await selectedCards(page)).toEqual(['serv'])
  }, 60_000)

  it('is edited with Enter on the objective tree, and the arrows walk from it', async () => {
    const board = await seededBoard((c) =>
      c.doc.transact(() => {
        putCard(c.doc, 'problems', 'core', {
          kind: 'problem',
          label: 'Disoccupazione',
          role: 'core',
          x: 0,
          y: 0,
        })
        const objective = (id: string, label: string, y: number) =>
          putCard(c.doc, 'objectives', id, {
            kind: 'objective',
            label,
            status: 'added',
            derivedFrom: id === 'o1' ? 'core' : null,
            x: 0,
            y,
          })
        objective('o0', 'Giovani occupati', -200)
        objective('o1', 'Occupazione giovanile', 0)
        objective('o2', 'Rete dei servizi', 200)
        putLink(c.doc, 'objectives', 'm1', { kind: 'means-end', source: 'o2', target: 'o1' })
        putLink(c.doc, 'objectives', 'm2', { kind: 'means-end', source: 'o1', target: 'o0' })
      }),
    )
    const { page } = await suite.open(board.links.facilitator, 'Anna')
    await page.locator('#tab-objectives').click()
    const card = (id: string) => page.locator(`.objective-canvas .react-flow__node[data-id=${id}]`)
    await card('o2').waitFor()
    // ↑ from the focused means goes to its end, then on from there, the focus along
    await card('o2').focus()
    await page.keyboard.press('ArrowUp')
    await expect.poll(() => selectedCards(page)).toEqual(['o1'])
    await expect.poll(() => focusedCardId(page)).toBe('o1')
    await page.keyboard.press('ArrowUp')
    await expect.poll(() => selectedCards(page)).toEqual(['o0'])
    await card('o2').focus()
    await page.keyboard.press('Enter')
    await card('o2').locator('textarea').waitFor()
    // the card opened is the selected one
    await expect.poll(() => selectedCards(page)).toEqual(['o2'])
    await page.keyboard.press('Escape')
    await card('o2').locator('textarea').waitFor({ state: 'detached' })
    // Space selects the focused card
    await card('o0').focus()
    await page.keyboard.press('Space')
    await expect.poll(() => selectedCards(page)).toEqual(['o0'])
  }, 60_000)
})

describe('a tree link reached with Tab', () => {
  it('shows clearly that it has the focus', async () => {
    const board = await seededBoard((c) => buildProblemTree(c.doc))
    const { page } = await suite.open(board.links.facilitator, 'Anna')
    await expect.poll(() => page.locator('.react-flow__node').count()).toBe(4)
    // the links come before the cards in the page: Shift+Tab from the first card reaches one
    await page.locator('.react-flow__node').first().focus()
    await page.keyboard.press('Shift+Tab')
    const link = page.locator('.react-flow__edge:focus')
    await link.waitFor()
    const box = (await link.boundingBox())!
    const clip = { x: box.x - 6, y: box.y - 6, width: box.width + 12, height: box.height + 12 }
    const shot = async () => PNG.sync.read(await page.screenshot({ clip, animations: 'disabled' }))
    const focused = await shot()
    await link.evaluate((el) => (el as SVGElement).blur())
    await link.waitFor({ state: 'detached' })
    const unfocused = await shot()
    // the pixels the focus changes: about a pixel's width along the link when only its stroke
    // darkened; a ring to see from a workshop's chair changes several pixels' width of it
    let changed = 0
    for (let i = 0; i < focused.data.length; i += 4) {
      const d = [0, 1, 2].reduce(
        (sum, c) => sum + Math.abs(focused.data[i + c]! - unfocused.data[i + c]!),
        0,
      )
      if (d > 60) changed++
    }
    const length = Math.hypot(box.width, box.height)
    expect(changed / length).toBeGreaterThan(5)
  }, 60_000)
})

describe('«+ Nuovo impegno di…» by keyboard', () => {
  it('adds nothing as the keyboard passes by; ↓ or Enter opens the actors, the arrows and Enter pick one', async () => {
    const board = await importWithLinks(suite, workshopBoard('Patto Val Seriana'))
    const pact = pactPage((await suite.open(board.links.participant, 'Alice')).page)
    const { page } = pact
    await page.setViewportSize({ width: 1366, height: 768 })
    await pact.openView('commitments')
    const add = page.locator('.ledger-add')
    await add.focus()
    // an arrow on the closed control, as a keyboard user walking the page presses one: it opens
    // the menu on its first actor (as a menu button does), and adds nobody
    await page.keyboard.press('ArrowDown')
    const items = page.getByRole('menuitem')
    await expect.poll(() => focusedName(page)).toBe(await items.first().textContent())
    expect(await pact.rows().count()).toBe(0)
    // Escape folds the menu, adds nothing, and gives the focus back
    await page.keyboard.press('Escape')
    await items.first().waitFor({ state: 'detached' })
    expect(
      await page.evaluate(() => document.activeElement?.classList.contains('ledger-add')),
    ).toBe(true)
    expect(await pact.rows().count()).toBe(0)
    // Enter, ↓ to the second actor, Enter: a commitment of that actor, its «Che cosa» to write
    await page.keyboard.press('Enter')
    await page.keyboard.press('ArrowDown')
    const second = (await items.nth(1).textContent())!
    await expect.poll(() => focusedName(page)).toBe(second)
    await page.keyboard.press('Enter')
    await expect.poll(() => pact.rows().count()).toBe(1)
    await expect
      .poll(() => page.evaluate(() => !!document.activeElement?.closest('.ledger-what')))
      .toBe(true)
    const actor = pact.rows().first().locator('select[data-field=actor]')
    expect(await actor.evaluate((el) => (el as HTMLSelectElement).selectedOptions[0]?.text)).toBe(
      second,
    )
  }, 60_000)
})

/** The text of the element that has the keyboard's focus. */
const focusedName = (page: Page) =>
  page.evaluate(() => document.activeElement?.textContent?.trim() ?? null)
