import { browserSuite } from '../helpers/suite.ts'
import { afterAll, describe, expect, it } from 'vitest'
import { mergeObjectiveTree } from '../../shared/method/objectiveTree.ts'
import { newParticipant, screenshot } from '../helpers/browser.ts'
import { boardPage } from '../helpers/boardPage.ts'
import { connectSynced, type Client } from '../helpers/clients.ts'
import { createBoard } from '../helpers/server.ts'
import { buildWorkshopTree, WORKSHOP_CORE } from '../helpers/workshopTree.ts'
import {
  measureCardText,
  measureHeaderText,
  measureTable,
  type CardText,
} from '../helpers/projectorPage.ts'
import { putCard } from '../../shared/schema/index.ts'
import { newActorFields } from '../../shared/stakeholders/actors.ts'

const suite = browserSuite()
const clients: Client[] = []
afterAll(() => clients.forEach((c) => c.destroy()))

/** A page as big as a 1920×1080 projector. */
async function projectorAt(link: string) {
  const { page } = await newParticipant(suite.browser, 'Proiettore')
  await page.setViewportSize({ width: 1920, height: 1080 })
  const board = boardPage(page)
  await board.open(link)
  return board
}

describe('the projector, legible from the back of the room', () => {
  it('shows a 25-card problem tree and its objective tree with card text of 20 px or more, the bar of its views at 20 px', async () => {
    const board = await createBoard(suite.server.url, 'Patto Val Seriana')
    const stock = await connectSynced(suite.server.url, board.id, board.keys.facilitator)
    clients.push(stock)
    buildWorkshopTree(stock.doc)
    const projector = await projectorAt(board.links.viewer)
    await expect.poll(() => projector.cards().count()).toBe(25)
    await projector.card(WORKSHOP_CORE).waitFor()
    const settled = async () => {
      const a = await measureCardText(projector.page)
      await new Promise((r) => setTimeout(r, 400))
      const b = await measureCardText(projector.page)
      return JSON.stringify(a) === JSON.stringify(b) ? b : null
    }
    let problems: CardText | null = null
    await expect.poll(async () => (problems = await settled()), { timeout: 10_000 }).not.toBeNull()
    console.log('problem tree on the projector:', problems)
    await screenshot(projector.page, 'projector-problems')
    expect(problems).toMatchObject({ cards: 25, inView: 25 })
    expect(problems!.minPx).toBeGreaterThanOrEqual(20)
    // the tree uses the screen's height too, not only its width
    expect(problems!.heightUsed).toBeGreaterThan(0.75)

    mergeObjectiveTree(stock.doc)
    stock.doc.getMap('meta').set('phase', 'objectives')
    await projector.page.locator('.objective-canvas .react-flow__node').first().waitFor()
    await expect
      .poll(() => projector.page.locator('.objective-canvas .react-flow__node').count())
      .toBe(25)
    let objectives: CardText | null = null
    await expect
      .poll(async () => (objectives = await settled()), { timeout: 10_000 })
      .not.toBeNull()
    console.log('objective tree on the projector:', objectives)
    await screenshot(projector.page, 'projector-objectives')
    expect(objectives).toMatchObject({ cards: 25, inView: 25 })
    expect(objectives!.minPx).toBeGreaterThanOrEqual(20)
    expect(objectives!.heightUsed).toBeGreaterThan(0.75)
    // the bar of the phase's views says what the room looks at: a step under the header's 24 px
    const views = await measureHeaderText(projector.page, '.view-tabs')
    expect(views).toMatchObject({ overlapping: [], outside: [], cut: [] })
    expect(views.minPx).toBeGreaterThanOrEqual(20)
  })

  it('the header (title, phase, status) reads at 24 px on a 1920 px screen, larger on a wider one; the tree framed below it', async () => {
    const board = await createBoard(
      suite.server.url,
      'Patto educativo di comunità della Val Seriana: i giovani e il lavoro',
    )
    const stock = await connectSynced(suite.server.url, board.id, board.keys.facilitator)
    clients.push(stock)
    buildWorkshopTree(stock.doc)
    // the room's clock runs in the header too
    stock.doc.getMap('room').set('timer', {
      durationMs: 600_000,
      running: true,
      endsAt: Date.now() + 600_000,
      remainingMs: 600_000,
    })
    // a room of twelve on the board
    for (let i = 0; i < 12; i++) {
      const person = await connectSynced(suite.server.url, board.id, board.keys.participant)
      clients.push(person)
      person.provider.awareness.setLocalState({
        user: { name: `Persona ${String.fromCharCode(65 + i)}`, color: '#336699' },
        role: 'participant',
      })
    }
    const projector = await projectorAt(board.links.viewer)
    const page = projector.page
    await page.locator('[data-testid=connection][data-state=ok]').waitFor()
    await page.locator('.room-timer-clock').waitFor()
    await page.getByTestId('avatars').waitFor()
    /** The header read at this size of screen: whole, none of it over the rest, over the tree. */
    const read = async (width: number, height: number, atLeast: number) => {
      await page.setViewportSize({ width, height })
      // the tree framed again for this screen: all of it in view, filling its height or width
      await expect
        .poll(async () => {
          const tree = await measureCardText(page)
          return tree.inView === 25 && Math.max(tree.heightUsed, tree.widthUsed) > 0.85
        })
        .toBe(true)
      await expect
        .poll(async () => (await measureHeaderText(page)).minPx)
        .toBeGreaterThanOrEqual(atLeast)
      // the room's twelve counted, not eight faces and «+4»
      await expect.poll(() => page.getByTestId('avatars').innerText()).toBe('12 persone')
      const header = await measureHeaderText(page)
      console.log(`projector's header at ${width}:`, header)
      await screenshot(page, `projector-header-${width}`)
      expect(header).toMatchObject({ overlapping: [], outside: [], cut: [] })
      expect(header.canvasTop).toBeGreaterThanOrEqual(header.bottom - 1)
      // it stays a header: the tree keeps most of the screen
      expect(header.bottom).toBeLessThan(height * 0.12)
      return header
    }
    const full = await read(1920, 1080, 24)
    // the tools of the projector's computer (language, export, history) behind «Altro»
    await page.getByRole('button', { name: 'Altro' }).click()
    const tools = page.locator('#header-more-panel')
    await tools.getByRole('button', { name: 'Esporta' }).waitFor()
    await screenshot(page, 'projector-header-tools')
    const panel = (await tools.boundingBox())!
    expect(panel.x + panel.width).toBeLessThanOrEqual(1920)
    // its export menu, in the projector's larger type: every entry on one line (they wrapped
    // into two or three), the menu within the screen
    await tools.getByRole('button', { name: 'Esporta' }).click()
    const menu = page.getByRole('menu')
    await menu.waitFor()
    const wrapped = await menu.evaluate((el) =>
      [...el.querySelectorAll('[role=menuitem]')]
        .filter((item) => {
          const text = document.createRange()
          text.selectNodeContents(item)
          return new Set([...text.getClientRects()].map((r) => Math.round(r.top))).size > 1
        })
        .map((item) => item.textContent),
    )
    await screenshot(page, 'projector-export-menu')
    expect(wrapped).toEqual([])
    const box = (await menu.boundingBox())!
    expect(box.x).toBeGreaterThanOrEqual(0)
    expect(box.x + box.width).toBeLessThanOrEqual(1920)
    await page.keyboard.press('Escape')
    await menu.waitFor({ state: 'hidden' })
    await page.keyboard.press('Escape')
    await tools.getByRole('button', { name: 'Esporta' }).waitFor({ state: 'hidden' })
    const wide = await read(2560, 1440, 30)
    expect(wide.minPx).toBeGreaterThan(full.minPx)
    // a participant's header on the same screen keeps its size
    const anna = await suite.open(board.links.participant, 'Anna')
    await anna.page.setViewportSize({ width: 1920, height: 1080 })
    expect((await measureHeaderText(anna.page)).minPx).toBeLessThan(16)
  })

  it("the room's clock and pause read at the size of the cards, not of the header", async () => {
    const board = await createBoard(suite.server.url, 'Patto in pausa')
    const stock = await connectSynced(suite.server.url, board.id, board.keys.facilitator)
    clients.push(stock)
    const room = stock.doc.getMap('room')
    room.set('timer', {
      durationMs: 600_000,
      running: true,
      endsAt: Date.now() + 600_000,
      remainingMs: 600_000,
    })
    room.set('frozen', true)
    const projector = await projectorAt(board.links.viewer)
    const px = (selector: string) =>
      projector.page.locator(selector).evaluate((el) => parseFloat(getComputedStyle(el).fontSize))
    await projector.page.getByTestId('room-frozen').waitFor()
    await projector.page.locator('.room-timer-clock').waitFor()
    await screenshot(projector.page, 'projector-clock-pause')
    expect(await px('.room-timer-clock')).toBeGreaterThanOrEqual(28)
    expect(await px('[data-testid=room-frozen]')).toBeGreaterThanOrEqual(20)
  })

  it('an empty board on the projector draws without errors, then frames its first card', async () => {
    const board = await createBoard(suite.server.url, 'Patto vuoto')
    const { page } = await newParticipant(suite.browser, 'Proiettore')
    const errors: string[] = []
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()))
    page.on('pageerror', (e) => errors.push(e.message))
    await page.setViewportSize({ width: 1920, height: 1080 })
    const projector = boardPage(page)
    await projector.open(board.links.viewer)
    await page.locator('[data-testid=connection][data-state=ok]').waitFor()
    await page.locator('.react-flow__background').waitFor()
    // the empty board says what will appear there (not how to add: the projector cannot)
    const hint = page.getByTestId('canvas-empty')
    await hint.waitFor()
    expect(await hint.innerText()).toContain('le carte compaiono qui')
    // read from the back of the room, as the header is
    const hintPx = await hint
      .locator('p')
      .evaluate((el) => parseFloat(getComputedStyle(el).fontSize))
    expect(hintPx).toBeGreaterThanOrEqual(24)
    await screenshot(page, 'projector-empty-board')
    const stock = await connectSynced(suite.server.url, board.id, board.keys.facilitator)
    clients.push(stock)
    buildWorkshopTree(stock.doc)
    await expect.poll(() => projector.cards().count()).toBe(25)
    await hint.waitFor({ state: 'detached' })
    const transform = await page
      .locator('.react-flow__viewport')
      .evaluate((el) => (el as HTMLElement).style.transform)
    expect(transform).not.toContain('NaN')
    expect(errors).toEqual([])
  })
  it('a small table fills the screen, and comes down to fit as it grows', async () => {
    const board = await createBoard(suite.server.url, 'Patto piccolo')
    const stock = await connectSynced(suite.server.url, board.id, board.keys.facilitator)
    clients.push(stock)
    const actor = (i: number, label: string) =>
      putCard(stock.doc, 'stakeholders', `actor-${i}`, {
        ...newActorFields(i % 2 ? 'public' : 'third-sector', { label }),
        objectives: i === 0 ? ['obj-1'] : [],
        x: i * 280,
        y: 0,
      })
    stock.doc.transact(() => {
      putCard(stock.doc, 'objectives', 'obj-1', {
        ...{ kind: 'objective', label: 'Più giovani trovano un lavoro stabile', status: 'added' },
        ...{ derivedFrom: null, x: 0, y: 0 },
      })
      putCard(stock.doc, 'objectives', 'obj-2', {
        ...{ kind: 'objective', label: 'Orientamento scolastico efficace', status: 'added' },
        ...{ derivedFrom: null, x: 0, y: 100 },
      })
      actor(0, 'Cooperativa sociale Fraternità')
      actor(1, 'Comune di Albino')
      stock.doc.getMap('meta').set('phase', 'stakeholders')
    })
    const projector = await projectorAt(board.links.viewer)
    const page = projector.page
    await page.locator('.view-switch button[data-view=coverage]').click()
    await expect.poll(() => page.locator('.coverage-table tbody tr').count()).toBe(2)
    // the 2×2 table takes the screen: 60 % of its width or of the height below the header
    await expect
      .poll(async () => {
        const t = await measureTable(page, '.coverage-scroll')
        return Math.max(t.width / t.windowWidth, t.height / t.freeHeight) >= 0.6
      })
      .toBe(true)
    /** The table as it is now, looked at; never wider than the screen, never scrolled across. */
    const seen = async (size: string) => {
      const t = await measureTable(page, '.coverage-scroll')
      console.log(`${size} coverage on the projector:`, t)
      await screenshot(page, `projector-coverage-${size}`)
      expect(t.right).toBeLessThanOrEqual(t.windowWidth)
      expect(t.scrollsAcross).toBe(false)
      return t
    }
    const small = await seen('2x2')
    expect(small.zoom).toBeGreaterThan(1.4)
    expect(small.bottom).toBeLessThanOrEqual(small.windowHeight)

    // eight actors: it comes down, still whole on the screen
    stock.doc.transact(() => {
      for (let i = 2; i < 8; i++) actor(i, `Associazione del territorio ${i}`)
    })
    await expect.poll(() => page.locator('.coverage-table tbody tr').count()).toBe(8)
    await expect
      .poll(async () => {
        const t = await measureTable(page, '.coverage-scroll')
        return t.zoom < small.zoom && t.bottom <= t.windowHeight
      })
      .toBe(true)
    const middle = await seen('8x2')
    expect(middle.zoom).toBeGreaterThan(1.4)

    // twelve: it keeps 1.4 and scrolls down, not across
    stock.doc.transact(() => {
      for (let i = 8; i < 12; i++) actor(i, `Associazione del territorio ${i}`)
    })
    await expect.poll(() => page.locator('.coverage-table tbody tr').count()).toBe(12)
    await expect.poll(async () => (await measureTable(page, '.coverage-scroll')).zoom).toBe(1.4)
    const large = await seen('12x2')
    expect(large.bottom).toBeGreaterThan(large.windowHeight)

    // sixteen objectives: wider than the screen at 1.4, it comes down to show every column
    // (the projector follows a scroll down, not across)
    stock.doc.transact(() => {
      for (let i = 3; i <= 16; i++)
        putCard(stock.doc, 'objectives', `obj-${i}`, {
          ...{ kind: 'objective', label: `Obiettivo specifico numero ${i}`, status: 'added' },
          ...{ derivedFrom: null, x: 0, y: i * 100 },
        })
    })
    await expect.poll(() => page.locator('.coverage-table thead th').count()).toBe(17)
    await expect
      .poll(async () => {
        const t = await measureTable(page, '.coverage-scroll')
        return t.zoom < 1.4 && !t.scrollsAcross
      })
      .toBe(true)
    const wide = await seen('12x16')
    expect(wide.zoom).toBeGreaterThanOrEqual(0.85)
  })
})
