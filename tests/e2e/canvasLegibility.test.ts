import { describe, expect, it } from 'vitest'
import type { Locator, Page } from 'playwright-core'
import { PNG } from 'pngjs'
import { putCard } from '../../shared/schema/index.ts'
import type { ActorCategory } from '../../shared/schema/index.ts'
import { newActorFields } from '../../shared/stakeholders/actors.ts'
import { screenshot } from '../helpers/browser.ts'
import { stakeholdersWorkshop } from '../helpers/stakeholdersPage.ts'

/**
 * What the room reads on the canvases, on a laptop and on the projector: titles, badges and
 * texts are not hidden by what is drawn beside or over them.
 */
const workshop = stakeholdersWorkshop()

const LAPTOP = { width: 1440, height: 900 }
const PARTICIPANT = { width: 1366, height: 768 }
const PROJECTOR = { width: 1920, height: 1080 }

type Rect = { left: number; right: number; top: number; bottom: number; height: number }
const apart = (a: Rect, b: Rect) =>
  a.right <= b.left + 0.5 ||
  b.right <= a.left + 0.5 ||
  a.bottom <= b.top + 0.5 ||
  b.bottom <= a.top + 0.5

/**
 * How much ink a relation's sample puts on the screen: the darkness (0–255 below white) of its
 * pixels summed, in its line's part (left of where the arrowhead starts), per CSS pixel of it.
 */
async function sampleInk(sample: Locator): Promise<number> {
  const box = (await sample.boundingBox())!
  const shot = PNG.sync.read(
    await sample.page().screenshot({
      clip: { x: box.x, y: box.y, width: box.width - 10, height: box.height },
    }),
  )
  let ink = 0
  for (let i = 0; i < shot.data.length; i += 4) {
    const lum = 0.3 * shot.data[i]! + 0.59 * shot.data[i + 1]! + 0.11 * shot.data[i + 2]!
    ink += 255 - lum
  }
  return ink / ((box.width - 10) * box.height)
}

async function openTab(page: Page, link: string, tab: string) {
  await page.goto(link)
  await page.locator('[data-testid=connection][data-state=ok]').waitFor({ timeout: 15_000 })
  await page.locator(`#tab-${tab}`).click()
}

const LONG_PROBLEM =
  'Servizi per il lavoro frammentati tra enti che non si parlano, con sportelli aperti solo in orari d’ufficio, comunicazione su canali che i giovani non usano e nessuna banca dati condivisa tra Centro per l’impiego e Comuni'
const LONG_OBJECTIVE =
  'Servizi per il lavoro coordinati tra Centro per l’impiego, Comuni e scuole, con sportelli aperti anche la sera e il sabato, un’unica banca dati delle offerte condivisa tra gli enti e avvisi sui canali che i giovani usano davvero'

describe('the canvases stay legible', () => {
  it('keeps the central objective’s badge on one line beside or above its status, the status clear of its text', async () => {
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
        const text = el.querySelector('.objective-label')!
        // the lines the role's words are set on
        const words = document.createRange()
        words.selectNodeContents(role)
        const tops = new Set([...words.getClientRects()].map((r) => Math.round(r.top)))
        return {
          lines: tops.size,
          role: role.getBoundingClientRect().toJSON() as Rect,
          chip: chip.getBoundingClientRect().toJSON() as Rect,
          text: text.getBoundingClientRect().toJSON() as Rect,
        }
      })
      await screenshot(page, `legibility-objective-core-${name}`)
      // one line: «OBIETTIVO CENTRALE», not «OBIETTIVO» over «CENTRALE» beside the chip
      expect(sight.lines).toBe(1)
      expect(apart(sight.role, sight.chip)).toBe(true)
      // a status that goes to a line of its own goes above the text, not over its first line
      // (on the projector's card, too narrow for both on its top edge, it covered «Più gio»)
      expect(apart(sight.chip, sight.text)).toBe(true)
    }
  })

  it('draws the legend’s «Scambio di informazioni» line as strongly as the others', async () => {
    const board = await workshop.createBoard('Patto Valle Seriana')
    await workshop.stockWithActors(board)
    const { page } = await workshop.participant('Proiettore')
    await page.setViewportSize(PROJECTOR)
    await openTab(page, board.links.viewer, 'stakeholders')
    await page.locator('.view-switch button[data-view=map]').click()
    const legend = page.getByTestId('legend')
    await legend.getByText('Scambio di informazioni').waitFor()
    const ink: Record<string, number> = {}
    for (const kind of ['cooperation', 'conflict', 'information', 'funding'])
      ink[kind] = await sampleInk(legend.locator(`li[data-kind=${kind}] svg`))
    await screenshot(page, 'legibility-legend-projector')
    // its dots carry nearly as much ink as the dashed conflict line (they had three fifths)
    expect(ink.information!).toBeGreaterThan(ink.conflict! * 0.8)
  })

  it('keeps every quadrant’s title and hint clear of the actors placed in its corners', async () => {
    const board = await workshop.createBoard('Patto Valle Seriana')
    const room = await workshop.stock(board)
    // the four corners of the grid, one actor near a title, one whose name takes three lines
    const actors: [string, ActorCategory, number, number][] = [
      ['Comune di Bergamo', 'public', 1, 0],
      ['Regione Lombardia', 'public', 1, 1],
      ['Associazione genitori', 'community', 0, 0],
      ['Cooperativa Il Ponte', 'third-sector', 0, 1],
      ['Confindustria Bergamo', 'economic', 0.92, 0.3],
      ['Ufficio di Piano dell’Ambito territoriale di Seriate e dei Comuni', 'public', 0.02, 0.8],
    ]
    room.doc.transact(() =>
      actors.forEach(([label, category, power, interest], i) =>
        putCard(room.doc, 'stakeholders', `actor-${i}`, {
          ...newActorFields(category, { label, power, interest }),
          x: i * 280,
          y: 0,
        }),
      ),
    )
    for (const [name, link, size] of [
      ['Alice', board.links.facilitator, LAPTOP],
      ['Proiettore', board.links.viewer, PROJECTOR],
    ] as const) {
      const { page } = await workshop.participant(name)
      await page.setViewportSize(size)
      await openTab(page, link, 'stakeholders')
      await expect.poll(() => page.locator('.actor-card').count()).toBe(actors.length)
      const sight = () =>
        page.evaluate(() => {
          const rects = (selector: string) =>
            [...document.querySelectorAll(selector)].map(
              (el) => el.getBoundingClientRect().toJSON() as Rect,
            )
          return {
            titles: rects('.quadrant-title, .quadrant-hint'),
            cards: rects('.actor-card'),
          }
        })
      // every title and hint is apart from every card, once the cards have their places
      await expect
        .poll(async () => {
          const { titles, cards } = await sight()
          return titles.length === 8 && titles.every((t) => cards.every((c) => apart(t, c)))
        })
        .toBe(true)
      await screenshot(page, `legibility-grid-${name}`)
    }
  })

  it('shows five lines of a long problem card over the cause below it on a laptop, all of it when selected; every word on the projector', async () => {
    // each on a board of its own: the facilitator's selection would be the projector's spotlight
    for (const [name, role, size] of [
      ['Alice', 'facilitator', LAPTOP],
      ['Proiettore', 'viewer', PROJECTOR],
    ] as const) {
      const board = await workshop.createBoard('Patto Valle Seriana')
      const room = await workshop.stock(board)
      const long = LONG_PROBLEM
      // the cause below one layer pitch (150) lower, where «Aggiungi causa» puts it
      room.doc.transact(() => {
        putCard(room.doc, 'problems', 'long', {
          kind: 'problem',
          label: long,
          role: 'cause',
          x: 0,
          y: 0,
        })
        putCard(room.doc, 'problems', 'below', {
          kind: 'problem',
          label: 'Scarso orientamento scolastico',
          role: 'cause',
          x: 0,
          y: 150,
        })
      })
      const link = board.links[role]
      const { page } = await workshop.participant(name)
      await page.setViewportSize(size)
      await openTab(page, link, 'problems')
      const card = (id: string) => page.locator(`.react-flow__node[data-id=${id}] .problem-card`)
      await card('below').getByText('Scarso orientamento scolastico').waitFor()
      const sight = () =>
        page.evaluate(() => {
          const box = (id: string) =>
            document
              .querySelector(`.react-flow__node[data-id=${id}] .problem-card`)!
              .getBoundingClientRect()
              .toJSON() as Rect
          const label = document.querySelector('.react-flow__node[data-id=long] .card-label')!
          return {
            long: box('long'),
            below: box('below'),
            cut: label.scrollHeight > label.clientHeight + 1,
          }
        })
      if (role === 'viewer') {
        // the projector shows every word, and lays the card below clear of it
        await expect
          .poll(async () => {
            const s = await sight()
            return { cut: s.cut, apart: apart(s.long, s.below) }
          })
          .toEqual({ cut: false, apart: true })
        await screenshot(page, `legibility-problem-long-${name}`)
        continue
      }
      // five lines and «…»: the card below stays in sight
      await expect
        .poll(async () => {
          const s = await sight()
          return { cut: s.cut, apart: apart(s.long, s.below) }
        })
        .toEqual({ cut: true, apart: true })
      await screenshot(page, `legibility-problem-long-${name}`)
      // selected, it shows its whole text, over the card below
      await card('long').click()
      await expect.poll(async () => (await sight()).cut).toBe(false)
      const { long: l, below: b } = await sight()
      expect(apart(l, b)).toBe(false)
      const onTop = await page.evaluate(
        ([x, y]) => !!document.elementFromPoint(x!, y!)?.closest('[data-id=long]'),
        [Math.max(l.left, b.left) + 10, (b.top + Math.min(l.bottom, b.bottom)) / 2],
      )
      expect(onTop).toBe(true)
      await screenshot(page, `legibility-problem-long-selected-${name}`)
    }
  })

  it('shows five lines of a long objective and three of its long problem over the objective below on a laptop, all of them when selected; every word on the projector', async () => {
    const board = await workshop.createBoard('Patto Valle Seriana')
    const room = await workshop.stock(board)
    // reworded from the long problem, at length; its means one row below, where the generation
    // puts it (problem rows 150 apart, objective rows half as much again)
    room.doc.transact(() => {
      putCard(room.doc, 'problems', 'long', {
        kind: 'problem',
        label: LONG_PROBLEM,
        role: 'core',
        x: 0,
        y: 0,
      })
      putCard(room.doc, 'problems', 'cause', {
        kind: 'problem',
        label: 'Scarso orientamento scolastico',
        role: 'cause',
        x: 0,
        y: 150,
      })
      putCard(room.doc, 'objectives', 'obj-long', {
        kind: 'objective',
        label: LONG_OBJECTIVE,
        status: 'reworded',
        derivedFrom: 'long',
        x: 0,
        y: 0,
      })
      putCard(room.doc, 'objectives', 'obj-below', {
        kind: 'objective',
        label: 'Orientamento scolastico efficace',
        status: 'reworded',
        derivedFrom: 'cause',
        x: 0,
        y: 225,
      })
    })
    // a participant's laptop (the projector shows no problems under the objectives)
    const { page } = await workshop.participant('Bruno')
    await page.setViewportSize(PARTICIPANT)
    await openTab(page, board.links.participant, 'objectives')
    const card = (id: string) => page.locator(`.react-flow__node[data-id=${id}] .objective-card`)
    await card('obj-below').getByText('Orientamento scolastico efficace').waitFor()
    const sight = () =>
      page.evaluate(() => {
        const box = (id: string) =>
          document
            .querySelector(`.react-flow__node[data-id=${id}] .objective-card`)!
            .getBoundingClientRect()
            .toJSON() as Rect
        const cut = (selector: string) => {
          const el = document.querySelector(`[data-id=obj-long] ${selector}`)
          return !!el && el.scrollHeight > el.clientHeight + 1
        }
        return {
          long: box('obj-long'),
          below: box('obj-below'),
          cut: cut('.objective-origin'),
          textCut: cut('.objective-label'),
        }
      })
    // five lines of the objective and three of the problem, each with «…», the whole problem in
    // its tooltip: the objective below stays in sight
    await expect
      .poll(async () => {
        const s = await sight()
        return { cut: s.cut, textCut: s.textCut, apart: apart(s.long, s.below) }
      })
      .toEqual({ cut: true, textCut: true, apart: true })
    const origin = card('obj-long').locator('.objective-origin')
    expect(await origin.getAttribute('title')).toBe(LONG_PROBLEM)
    await screenshot(page, 'legibility-objective-origin-laptop')
    // selected, it shows the whole objective and problem, over the objective below
    await card('obj-long').click()
    await expect
      .poll(async () => {
        const s = await sight()
        return s.cut || s.textCut
      })
      .toBe(false)
    const { long: l, below: b } = await sight()
    expect(apart(l, b)).toBe(false)
    const onTop = await page.evaluate(
      ([x, y]) => !!document.elementFromPoint(x!, y!)?.closest('[data-id=obj-long]'),
      [Math.max(l.left, b.left) + 10, (b.top + Math.min(l.bottom, b.bottom)) / 2],
    )
    expect(onTop).toBe(true)
    await screenshot(page, 'legibility-objective-origin-selected-laptop')
    // the projector shows every word of the objective (it lays the tree out with its height)
    const { page: screen } = await workshop.participant('Proiettore')
    await screen.setViewportSize(PROJECTOR)
    await openTab(screen, board.links.viewer, 'objectives')
    const text = screen.locator('[data-id=obj-long] .objective-label')
    await text.waitFor()
    expect(await text.evaluate((el) => el.scrollHeight > el.clientHeight + 1)).toBe(false)
    expect(await text.innerText()).toBe(LONG_OBJECTIVE)
    await screenshot(screen, 'legibility-objective-long-projector')
  })
})
