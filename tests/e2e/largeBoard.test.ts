import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { generateBoard } from '../../bench/client-board.ts'
import { ROOM_ROOT } from '../../shared/schema/index.ts'
import { connectSynced } from '../helpers/clients.ts'
import { exportJson, importBoard } from '../helpers/server.ts'
import { boardPage } from '../helpers/boardPage.ts'
import { newParticipant } from '../helpers/browser.ts'
import { browserSuite } from '../helpers/suite.ts'

const suite = browserSuite()

/** A generated problem tree of `cards` cards, imported; its participant link. */
async function importTree(cards: number) {
  const { board } = generateBoard(cards)
  return importBoard(suite.server.url, board)
}

const readFixture = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8'))

/**
 * The server's messages on the page's board socket wait until the returned function lets them
 * through (what the page sends goes on): the page has its preview, not its document.
 */
async function holdSocket(page: Page): Promise<() => void> {
  let release = () => {}
  const held = new Promise<void>((resolve) => (release = resolve))
  await page.routeWebSocket(/\/sync\//, (ws) => {
    const server = ws.connectToServer()
    server.onMessage((message) => void held.then(() => ws.send(message)))
  })
  return release
}

const zoomOf = async (page: Page) =>
  Number(
    /scale\(([\d.e-]+)\)/.exec(
      await page
        .locator('.react-flow__viewport')
        .evaluate((el) => (el as HTMLElement).style.transform),
    )?.[1],
  )

/** The cards in the page, and whether each one overlaps the canvas on screen. */
const cardsInPage = (page: Page) =>
  page.evaluate(() => {
    const pane = document.querySelector('.react-flow')!.getBoundingClientRect()
    return [...document.querySelectorAll('.react-flow__node')].map((el) => {
      const r = el.getBoundingClientRect()
      const inView =
        r.right > pane.left && r.left < pane.right && r.bottom > pane.top && r.top < pane.bottom
      return { id: el.getAttribute('data-id')!, inView }
    })
  })

describe('a large board', () => {
  it('keeps only the cards in view in the page; the keyboard and a drag still reach every card', async () => {
    const board = await importTree(400)
    const p = await suite.open(board.links.participant, 'Lara')
    await p.waitSaved()
    // fitted, the whole tree is in view: every card is drawn
    await expect.poll(() => p.cards().count(), { timeout: 20_000 }).toBe(400)

    // zoomed in on the core problem, the page holds the cards in view, not the others
    const core = p.page.locator('.react-flow__node[data-id="core"]')
    for (let i = 0; i < 10 && (await zoomOf(p.page)) < 1; i++) {
      const box = (await core.boundingBox())!
      await p.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2)
      await p.page.mouse.wheel(0, -400)
      await expect.poll(async () => (await core.boundingBox())?.width).toBeGreaterThan(box.width)
    }
    expect(await zoomOf(p.page)).toBeGreaterThanOrEqual(1)
    await expect.poll(async () => (await cardsInPage(p.page)).length).toBeLessThan(100)
    const shown = await cardsInPage(p.page)
    expect(shown.length).toBeGreaterThan(0)
    // (a card just off the edge may stay a frame or two: the pane is checked, not the margin)
    expect(shown.filter((c) => c.inView).length).toBeGreaterThan(shown.length / 2)

    // the arrows walk along a row to cards that were not in the page: each one comes into view
    await core.click()
    await p.page.keyboard.press('ArrowDown')
    const firstCause = await p.page.locator('.react-flow__node.selected').getAttribute('data-id')
    expect(firstCause).toMatch(/^cause-/)
    const visited = new Set<string>()
    for (let i = 0; i < 12; i++) {
      await p.page.keyboard.press('ArrowRight')
      const selected = p.page.locator('.react-flow__node.selected')
      await selected.waitFor()
      const id = (await selected.getAttribute('data-id'))!
      visited.add(id)
      await expect
        .poll(async () => (await cardsInPage(p.page)).find((c) => c.id === id)?.inView)
        .toBe(true)
    }
    expect(visited.size).toBeGreaterThan(8)
    // the core problem is out of view by now, and out of the page
    await expect.poll(() => core.count()).toBe(0)

    // a card grabbed here moves, for everyone (the server has its new place)
    const selectedId = (await p.page.locator('.react-flow__node.selected').getAttribute('data-id'))!
    const card = p.page.locator(`.react-flow__node[data-id="${selectedId}"]`)
    // the arrows bring the card into view with an animation: grab it once it has stopped
    await expect
      .poll(() =>
        card.evaluate(
          (el) =>
            new Promise<number>((resolve) => {
              const a = el.getBoundingClientRect()
              requestAnimationFrame(() =>
                requestAnimationFrame(() => {
                  const b = el.getBoundingClientRect()
                  resolve(Math.abs(a.x - b.x) + Math.abs(a.y - b.y) + Math.abs(a.width - b.width))
                }),
              )
            }),
        ),
      )
      .toBe(0)
    const before = (await card.boundingBox())!
    await p.page.mouse.move(before.x + before.width / 2, before.y + before.height / 2)
    await p.page.mouse.down()
    // up and to the left: the arrows bring a card in at the view's right edge, and a pointer
    // near an edge pans the view under the card
    for (let i = 1; i <= 10; i++)
      await p.page.mouse.move(
        before.x + before.width / 2 - i * 12,
        before.y + before.height / 2 - i * 6,
      )
    await p.page.mouse.up()
    const nodeOf = async () => {
      const json = (await exportJson(suite.server.url, board.id, board.keys.viewer)) as {
        canvases: { problems: { nodes: { id: string; x: number; y: number }[] } }
      }
      return json.canvases.problems.nodes.find((n) => n.id === selectedId)!
    }
    const zoom = await zoomOf(p.page)
    const generated = generateBoard(400).board.canvases.problems.nodes.find(
      (n) => n.id === selectedId,
    )!
    // React Flow takes the first move as the grab, so the card travels nine or (when moves
    // reach it late and together) all ten of the pointer's steps
    const moved = async () => {
      const n = await nodeOf()
      return { dx: generated.x - n.x, dy: generated.y - n.y }
    }
    const within = (v: number, step: number) =>
      v > (9 * step) / zoom - 3 && v < (10 * step) / zoom + 3
    await expect.poll(async () => within((await moved()).dx, 12)).toBe(true)
    expect(within((await moved()).dy, 6)).toBe(true)
  })

  it('zoomed out to the whole tree, a card pressed in its middle moves: the link dots of its neighbours do not cover it', async () => {
    const board = await importTree(400)
    const p = await suite.open(board.links.participant, 'Lara')
    // a small laptop window: fitted, the tree is at React Flow's smallest zoom
    await p.page.setViewportSize({ width: 800, height: 500 })
    await p.page.reload()
    await p.waitSaved()
    const id = 'cause-3'
    const card = p.page.locator(`.react-flow__node[data-id="${id}"]`)
    await card.waitFor({ timeout: 20_000 })
    expect(await zoomOf(p.page)).toBeLessThan(0.15)
    const box = (await card.boundingBox())!
    const [x, y] = [box.x + box.width / 2, box.y + box.height / 2]
    // what is under the pointer is the card itself, not a link dot's click area
    const under = await p.page.evaluate(
      ([px, py]) => {
        const el = document.elementFromPoint(px!, py!)
        return el?.closest('.react-flow__handle')
          ? 'handle'
          : (el?.closest('.react-flow__node')?.getAttribute('data-id') ?? null)
      },
      [x, y],
    )
    expect(under).toBe(id)
    await p.page.mouse.move(x, y)
    await p.page.mouse.down()
    for (let i = 1; i <= 10; i++) await p.page.mouse.move(x + i * 6, y + i * 3)
    await p.page.mouse.up()
    const tree = generateBoard(400).board.canvases.problems
    const generated = tree.nodes.find((n) => n.id === id)!
    type Problems = { nodes: { id: string; x: number }[]; edges: unknown[] }
    const problems = async () =>
      (
        (await exportJson(suite.server.url, board.id, board.keys.viewer)) as {
          canvases: { problems: Problems }
        }
      ).canvases.problems
    await expect
      .poll(async () => (await problems()).nodes.find((n) => n.id === id)!.x - generated.x)
      .toBeGreaterThan(20)
    // the press moved the card and drew no link (nor a card at a link's end): the board holds
    // the cards and links it was imported with (counted on the board, not among the links drawn,
    // which a page this large draws over several frames)
    const after = await problems()
    expect([after.nodes.length, after.edges.length]).toEqual([tree.nodes.length, tree.edges.length])
  })

  it('is drawn from its preview while its document is on its way, and written once it is in', async () => {
    const board = await importTree(200)
    const p = boardPage((await newParticipant(suite.browser, 'Lia')).page)
    const release = await holdSocket(p.page)
    await p.open(board.links.participant)
    // the cards are there, from the preview: nothing of the document has come yet
    await p.card('Pochi giovani NEET').waitFor()
    expect(await p.cards().count()).toBe(200)
    const main = p.page.locator('main.board-main')
    expect(await main.getAttribute('aria-busy')).toBe('true')
    expect(await p.page.locator('[data-testid=connection]').getAttribute('data-state')).not.toBe(
      'ok',
    )
    release()
    await p.waitSaved()
    expect(await main.getAttribute('aria-busy')).toBeNull()
    await p.editCard('Pochi giovani NEET', 'Pochi giovani trovano lavoro in valle')
    await expect
      .poll(async () => {
        const json = (await exportJson(suite.server.url, board.id, board.keys.viewer)) as {
          canvases: { problems: { nodes: { id: string; label: string }[] } }
        }
        return json.canvases.problems.nodes.find((n) => n.id === 'core')!.label
      })
      .toBe('Pochi giovani trovano lavoro in valle')
  })

  it('takes a double-click on a card as soon as the card is drawn', async () => {
    const board = await importTree(200)
    const p = boardPage((await newParticipant(suite.browser, 'Ugo')).page)
    await p.page.goto(board.links.participant)
    // at once: the press lets the document in first, so the editor opens on the card
    await p.card('Pochi giovani NEET').dblclick()
    const editor = p.page.locator('textarea.card-editor')
    await editor.waitFor()
    await editor.fill('Giovani senza lavoro in valle')
    await editor.press('Enter')
    await p.card('Giovani senza lavoro in valle').waitFor()
    await p.waitSaved()
  })

  it('opened on the Patto, shows the pact’s shared texts and the paused room from the preview, and writes them once in', async () => {
    // the v6 fixture's pact with a 200-card problem tree: a board that has a preview
    const board = readFixture('board-v6.json') as { phase: string; canvases: { problems: unknown } }
    board.canvases.problems = generateBoard(200).board.canvases.problems
    board.phase = 'pact'
    const imported = await importBoard(suite.server.url, board)
    // the facilitator has paused the room
    const control = await connectSynced(suite.server.url, imported.id, imported.keys.facilitator)
    control.doc.getMap(ROOM_ROOT).set('frozen', true)
    await expect
      .poll(async () => {
        const url = `${suite.server.url}/api/boards/${imported.id}/preview?key=${imported.keys.viewer}`
        return ((await (await fetch(url)).json()) as { room: { frozen: boolean } }).room.frozen
      })
      .toBe(true)
    const p = boardPage((await newParticipant(suite.browser, 'Ada')).page)
    const release = await holdSocket(p.page)
    await p.page.goto(imported.links.participant)
    await p.page.locator('#tab-pact[aria-selected=true]').waitFor()
    const words =
      'Entro il 2030 ogni persona fragile della valle trova un percorso di inclusione lavorativa.'
    // nothing of the document yet: the pause and the words are the preview's (paused, a
    // participant reads the vision as text)
    await p.page.getByTestId('room-frozen').waitFor()
    const shown = p.page.locator('span[data-field=vision]')
    await expect.poll(() => shown.innerText()).toBe(words)
    expect(await p.page.locator('main.board-main').getAttribute('aria-busy')).toBe('true')
    release()
    await p.waitSaved()
    expect(await p.page.getByTestId('room-frozen').isVisible()).toBe(true)
    control.doc.getMap(ROOM_ROOT).set('frozen', false)
    control.destroy()
    await p.page.getByTestId('room-frozen').waitFor({ state: 'detached' })
    const vision = p.page.locator('textarea[data-field=vision]')
    expect(await vision.inputValue()).toBe(words)
    await vision.click()
    await p.page.keyboard.press('End')
    await p.page.keyboard.type(' Insieme.')
    await vision.press('Enter')
    await expect
      .poll(async () => {
        const json = (await exportJson(suite.server.url, imported.id, imported.keys.viewer)) as {
          pact: { info: { vision: string }[] }
        }
        return json.pact.info[0]!.vision
      })
      .toBe(`${words} Insieme.`)
  })
})
