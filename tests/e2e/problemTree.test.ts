import { browserSuite } from '../helpers/suite.ts'
import { describe, expect, it } from 'vitest'
import { newParticipant, screenshot } from '../helpers/browser.ts'
import { boardPage } from '../helpers/boardPage.ts'
import { createBoard, exportJson } from '../helpers/server.ts'
import { connectSynced } from '../helpers/clients.ts'
import { writeProblemTree } from '../helpers/workshopTree.ts'

const suite = browserSuite()

type Card = {
  id: string
  label: string
  role: string
  x: number
  y: number
  tags?: string[]
  note?: string
  cluster?: string
  author?: string
}
type Export = {
  canvases: { problems: { nodes: Card[]; edges: { source: string; target: string }[] } }
  clusters: { id: string; label: string }[]
}

describe('the problem tree, keyboard first', () => {
  it('a facilitator builds a tree without the mouse, lays it out, and everyone sees it', async () => {
    const board = await createBoard(suite.server.url, 'Tastiera')
    const f = boardPage((await newParticipant(suite.browser, 'Facilitatrice')).page)
    const p = boardPage((await newParticipant(suite.browser, 'Paolo')).page)
    await f.open(board.links.facilitator)
    await p.open(board.links.participant)
    await f.waitSaved()
    expect(await f.page.locator('.toolbar-keys').textContent()).toContain('L disponi')
    const { keyboard } = f.page
    // On a timeout, what the page showed: the cards, which were selected, where the focus was.
    const explained = async (step: Promise<void>, what: string) =>
      step.catch(async (err: Error) => {
        const seen = await f.page.evaluate(() => ({
          cards: [...document.querySelectorAll('.react-flow__node')].map(
            (n) => `${n.classList.contains('selected') ? '*' : ''}${n.textContent ?? ''}`,
          ),
          editor: (document.querySelector('textarea.card-editor') as HTMLTextAreaElement | null)
            ?.value,
          focus: `${document.activeElement?.tagName}.${document.activeElement?.className}`,
        }))
        throw new Error(`${what}: ${err.message}\nthe page: ${JSON.stringify(seen)}`)
      })
    const type = async (text: string) => {
      await explained(f.page.locator('textarea.card-editor').waitFor(), `no editor for «${text}»`)
      await keyboard.type(text)
      await keyboard.press('Enter')
      await explained(f.card(text).waitFor(), `no card «${text}»`)
    }

    await keyboard.press('n')
    await type('Alta disoccupazione giovanile')
    await keyboard.press('Tab')
    await type('Orientamento scolastico debole')
    await keyboard.press('Tab')
    await type('Pochi orientatori nelle scuole')
    await keyboard.press('ArrowUp') // back to «Orientamento…»
    await keyboard.press('ArrowUp') // back to the core problem
    await keyboard.press('Tab')
    await type('Trasporti scarsi verso le zone industriali')
    await keyboard.press('ArrowUp')
    await keyboard.press('Shift+Tab')
    await type('Povertà delle famiglie')
    await keyboard.press('ArrowDown') // core
    await keyboard.press('Enter')
    await f.page.locator('textarea.card-editor').waitFor()
    await keyboard.press('Control+a')
    await keyboard.type('Alta disoccupazione dei NEET')
    await keyboard.press('Enter')

    await p.card('Alta disoccupazione dei NEET').waitFor()
    await expect.poll(() => p.cards().count()).toBe(5)
    await expect.poll(() => p.page.locator('.react-flow__edge').count()).toBe(4)
    expect(await f.page.locator('[data-testid=tree-warnings]').count()).toBe(0)

    await keyboard.press('l')
    // after the layout causes are below the core problem and effects above, for everyone
    await expect
      .poll(async () => {
        const core = await p.cardPosition('Alta disoccupazione dei NEET')
        const cause = await p.cardPosition('Orientamento scolastico debole')
        const root = await p.cardPosition('Pochi orientatori nelle scuole')
        const effect = await p.cardPosition('Povertà delle famiglie')
        return cause.y > core.y && root.y > cause.y && effect.y < core.y
      })
      .toBe(true)
    await screenshot(p.page, 'problem-tree-keyboard')

    const json = (await exportJson(suite.server.url, board.id, board.keys.viewer)) as Export
    const byLabel = new Map(json.canvases.problems.nodes.map((n) => [n.label, n]))
    expect(byLabel.get('Alta disoccupazione dei NEET')?.role).toBe('core')
    expect(byLabel.get('Povertà delle famiglie')?.role).toBe('effect')
    expect(byLabel.get('Pochi orientatori nelle scuole')?.author).toBe('Facilitatrice')
    const link = (from: string, to: string) =>
      json.canvases.problems.edges.some(
        (e) => e.source === byLabel.get(from)?.id && e.target === byLabel.get(to)?.id,
      )
    expect(link('Pochi orientatori nelle scuole', 'Orientamento scolastico debole')).toBe(true)
    expect(link('Alta disoccupazione dei NEET', 'Povertà delle famiglie')).toBe(true)

    // Delete keeps the keyboard's place: the card's effect is selected, the arrows go on
    const selected = () => f.page.locator('.react-flow__node.selected').allInnerTexts()
    await f.card('Pochi orientatori nelle scuole').click()
    await keyboard.press('Delete')
    await expect.poll(() => p.cards().count()).toBe(4)
    await expect.poll(async () => (await selected()).join()).toContain('Orientamento scolastico')
    await keyboard.press('ArrowUp')
    await expect
      .poll(async () => (await selected()).join())
      .toContain('Alta disoccupazione dei NEET')
  })

  it('Tab ends a card’s text and adds a cause, also when typed before the card’s editor opened', async () => {
    const board = await createBoard(suite.server.url, 'Tab')
    const f = boardPage((await newParticipant(suite.browser, 'Facilitatrice')).page)
    await f.open(board.links.facilitator)
    await f.waitSaved()
    // A fast typist's keys, all in one task: none of the editors can open before they are in.
    await f.page.evaluate(() => {
      const keys = ['n', ...'Città', 'Tab', ...'Più costi', 'Enter']
      for (const key of keys)
        document.body.dispatchEvent(
          new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }),
        )
    })
    await f.card('Più costi').waitFor()
    await f.card('Città').waitFor()
    // In an open editor, Tab does the same: the text kept, a cause of the card to write.
    await f.card('Più costi').dblclick()
    const editor = f.page.locator('textarea.card-editor')
    await expect.poll(() => editor.evaluate((el) => el === document.activeElement)).toBe(true)
    await f.page.keyboard.type(' per le famiglie')
    await f.page.keyboard.press('Tab')
    await expect.poll(() => editor.evaluate((el) => el === document.activeElement)).toBe(true)
    await f.page.keyboard.type('Affitti alti')
    await f.page.keyboard.press('Enter')
    await f.card('Affitti alti').waitFor()

    await expect
      .poll(async () => {
        const json = (await exportJson(suite.server.url, board.id, board.keys.viewer)) as Export
        const byId = new Map(json.canvases.problems.nodes.map((n) => [n.id, n.label]))
        return {
          labels: json.canvases.problems.nodes.map((n) => n.label).sort(),
          links: json.canvases.problems.edges
            .map((e) => `${byId.get(e.source)} → ${byId.get(e.target)}`)
            .sort(),
        }
      })
      .toEqual({
        labels: ['Affitti alti', 'Città', 'Più costi per le famiglie'],
        links: ['Affitti alti → Più costi per le famiglie', 'Più costi per le famiglie → Città'],
      })
  })

  it('the side arrows walk along a layer and stop at its end, never into another layer', async () => {
    const board = await createBoard(suite.server.url, 'Righe')
    const stock = await connectSynced(suite.server.url, board.id, board.keys.participant)
    // a column on the left, one more cause on the right, lower down
    writeProblemTree(
      stock.doc,
      [
        ['eff', 'Spopolamento', 'effect', 100, 100],
        ['core', 'Disoccupazione', 'core', 100, 280],
        ['c1', 'Trasporti', 'cause', 100, 460],
        ['c2', 'Formazione', 'cause', 500, 460],
      ],
      [
        ['core', 'eff'],
        ['c1', 'core'],
        ['c2', 'core'],
      ],
    )
    const f = boardPage((await newParticipant(suite.browser, 'Fede')).page)
    await f.open(board.links.participant)
    const selected = () => f.page.locator('.react-flow__node.selected').innerText()
    // the view dragged down a little: the bottom row ends near the window's foot
    const pane = f.page.locator('.react-flow__pane')
    const box = (await pane.boundingBox())!
    await f.page.mouse.move(box.x + box.width - 300, box.y + 200)
    await f.page.mouse.down()
    await f.page.mouse.move(box.x + box.width - 300, box.y + 300, { steps: 5 })
    await f.page.mouse.up()
    await f.card('Trasporti').click()
    await f.page.keyboard.press('ArrowRight')
    await expect.poll(selected).toContain('Formazione')
    // the view moves the least way that shows it: once it stops, the top row is still in sight,
    // below the header
    let lastView = ''
    const inSight = async () => {
      const seen = await f.page.evaluate(() => {
        const header = document.querySelector('.board-header')!.getBoundingClientRect().bottom
        const cards = [...document.querySelectorAll<HTMLElement>('.react-flow__node')]
        const rect = (id: string) => cards.find((c) => c.dataset.id === id)!.getBoundingClientRect()
        return {
          view: document.querySelector<HTMLElement>('.react-flow__viewport')!.style.transform,
          both: rect('eff').top >= header && rect('c2').bottom <= window.innerHeight - 40,
        }
      })
      const still = seen.view === lastView
      lastView = seen.view
      return still ? seen.both : 'moving'
    }
    await expect.poll(inSight).toBe(true)
    // the row ends here: the selection stays
    await f.page.keyboard.press('ArrowRight')
    // nothing to the right of the effect in its layer: the selection stays on it
    await f.card('Spopolamento').click()
    await f.page.keyboard.press('ArrowRight')
    await f.page.keyboard.press('ArrowDown')
    // the arrow down went from the effect to the core: the side arrow had not moved it
    await expect.poll(selected).toContain('Disoccupazione')
    stock.destroy()
  })

  it('warns about a missing or second core problem and about cycles', async () => {
    const board = await createBoard(suite.server.url)
    const f = boardPage((await newParticipant(suite.browser, 'Fede')).page)
    await f.open(board.links.participant)
    await f.addCardAt(500, 300, 'Primo')
    await f.addCardAt(500, 550, 'Secondo')
    await f.card('Primo').click()
    await f.page.getByLabel('Ruolo della carta').selectOption('cause')
    await f.page
      .locator('[data-testid=tree-warnings]', { hasText: 'Manca il problema centrale' })
      .waitFor()
    await f.page.getByLabel('Ruolo della carta').selectOption('core')
    await f.card('Secondo').click()
    await f.page.getByLabel('Ruolo della carta').selectOption('core')
    await f.page
      .locator('[data-testid=tree-warnings]', { hasText: '2 problemi centrali' })
      .waitFor()
  })

  it('a card carries a note, target groups and a branch', async () => {
    const board = await createBoard(suite.server.url)
    const f = boardPage((await newParticipant(suite.browser, 'Gaia')).page)
    const other = boardPage((await newParticipant(suite.browser, 'Ugo')).page)
    await f.open(board.links.participant)
    await other.open(board.links.participant)
    await f.addCardAt(500, 300, 'Abbandono scolastico')
    await f.card('Abbandono scolastico').click()
    await f.page.getByRole('button', { name: 'Dettagli della carta ▸' }).click()
    const inspector = f.page.locator('[data-testid=inspector]')
    await inspector.getByLabel('Nota o evidenza').fill('Dispersione al 14% (ISTAT 2024)')
    await inspector.getByLabel('Nota o evidenza').blur()
    await inspector.getByText('NEET', { exact: true }).click()
    await inspector.getByLabel('Nuovo gruppo').fill('Giovani rom')
    await inspector.getByRole('button', { name: 'Aggiungi' }).click()
    await inspector.getByLabel('Ramo').selectOption({ label: 'Nuovo ramo…' })
    await other
      .card('Abbandono scolastico')
      .locator('.card-tag', { hasText: 'Giovani rom' })
      .waitFor()
    await other
      .card('Abbandono scolastico')
      .locator('.card-cluster', { hasText: 'Ramo 1' })
      .waitFor()
    await screenshot(f.page, 'problem-card-inspector')

    const json = (await exportJson(suite.server.url, board.id, board.keys.viewer)) as Export
    const card = json.canvases.problems.nodes[0]!
    expect(card.note).toBe('Dispersione al 14% (ISTAT 2024)')
    expect(card.tags).toContain('neet')
    expect(card.tags).toHaveLength(2)
    expect(json.clusters.map((c) => c.label)).toEqual(['Ramo 1'])
    expect(card.cluster).toBe(json.clusters[0]!.id)
  })

  it('undo takes back my own card, not one someone else has since rewritten: it stays, and I am told why', async () => {
    const board = await createBoard(suite.server.url)
    const giulia = boardPage((await newParticipant(suite.browser, 'Giulia')).page)
    const bruno = boardPage((await newParticipant(suite.browser, 'Bruno')).page)
    await giulia.open(board.links.participant)
    await bruno.open(board.links.participant)
    await giulia.addCardAt(500, 300, 'Pochi trasporti')
    await bruno.editCard('Pochi trasporti', 'Pochi trasporti pubblici la sera')
    await giulia.card('Pochi trasporti pubblici la sera').waitFor()
    await giulia.addCardAt(800, 300, 'Scuole lontane')
    await bruno.card('Scuole lontane').waitFor()

    // her last card, which nobody else touched, goes as before, without a word
    await giulia.page.keyboard.press('Control+z')
    await bruno.card('Scuole lontane').waitFor({ state: 'detached' })
    // the one Bruno rewrote stays, on both screens, with his words
    await giulia.page.keyboard.press('Control+z')
    await giulia.page
      .locator('[data-testid=undo-kept]', {
        hasText: 'Resta sulla lavagna: Bruno ci ha lavorato dopo di te.',
      })
      .waitFor()
    await screenshot(giulia.page, 'problem-undo-kept')
    expect(await giulia.cards().allTextContents()).toEqual([
      expect.stringContaining('Pochi trasporti pubblici la sera'),
    ])
    expect(await bruno.cards().count()).toBe(1)
    // polled: the connection being up does not mean the server has the last undo yet
    await bruno.waitSaved()
    const labels = async () =>
      (
        (await exportJson(suite.server.url, board.id, board.keys.viewer)) as Export
      ).canvases.problems.nodes.map((n) => n.label)
    await expect.poll(labels).toEqual(['Pochi trasporti pubblici la sera'])
  })

  it('the details panel opens and closes from the keyboard with the focus in it: Tab never adds a card meanwhile', async () => {
    const board = await createBoard(suite.server.url)
    const f = boardPage((await newParticipant(suite.browser, 'Gaia')).page)
    await f.open(board.links.participant)
    await f.addCardAt(500, 300, 'Abbandono scolastico')
    // laying out is the facilitator's: a participant is not told of the key
    expect(await f.page.locator('.toolbar-keys').textContent()).not.toContain('L disponi')
    await f.card('Abbandono scolastico').click()
    const focused = () =>
      f.page.evaluate(
        () => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.tagName,
      )
    await f.page.getByRole('button', { name: 'Dettagli della carta ▸' }).focus()
    await f.page.keyboard.press('Enter')
    await expect.poll(focused).toBe('Chiudi dettagli')
    await f.page.keyboard.press('Tab')
    await expect.poll(focused).toBe('Testo')
    await f.page.keyboard.press('Shift+Tab')
    await f.page.keyboard.press('Enter')
    await expect
      .poll(() =>
        f.page.evaluate(() => document.activeElement?.classList.contains('inspector-open')),
      )
      .toBe(true)
    await f.page.keyboard.press('Tab')
    await f.page.keyboard.press('Tab')
    expect(await f.cards().count()).toBe(1)
    // Enter, Escape in its texts: the keyboard stays on the text, not on the page's body;
    // Escape again, nothing typed since, closes the panel back onto its button
    await f.page.getByRole('button', { name: 'Dettagli della carta ▸' }).focus()
    await f.page.keyboard.press('Enter')
    await f.page.keyboard.press('Tab')
    await f.page.keyboard.type(' precoce')
    await f.page.keyboard.press('Enter')
    await expect.poll(focused).toBe('Testo')
    await f.page.keyboard.type(' e dispersione')
    await f.page.keyboard.press('Escape')
    await expect.poll(focused).toBe('Testo')
    await f.card('Abbandono scolastico precoce').waitFor()
    await f.page.keyboard.press('Escape')
    await f.page.getByTestId('inspector').waitFor({ state: 'detached' })
    await expect
      .poll(() =>
        f.page.evaluate(() => document.activeElement?.classList.contains('inspector-open')),
      )
      .toBe(true)
  })

  it('typing at once after «+ Aggiungi problema» writes the new card, whole', async () => {
    const board = await createBoard(suite.server.url)
    const f = boardPage((await newParticipant(suite.browser, 'Gaia')).page)
    await f.open(board.links.participant)
    await f.waitSaved()
    const add = f.page.getByRole('button', { name: '+ Aggiungi problema' })
    // an empty tree: the menu's first choice is the core problem
    await add.click()
    await f.page.keyboard.type('Alta disoccupazione giovanile')
    await f.page.keyboard.press('Enter')
    await f.card('Alta disoccupazione giovanile').waitFor()
    // the core selected: the first choice is a cause of it
    await f.card('Alta disoccupazione giovanile').click()
    await add.click()
    await f.page.keyboard.type('Poche imprese disposte ad assumere')
    await f.page.keyboard.press('Enter')
    await f.card('Poche imprese disposte ad assumere').waitFor()
    await expect.poll(() => f.cards().count()).toBe(2)
    await expect.poll(() => f.page.locator('.react-flow__edge').count()).toBe(1)
  })
})
