import { afterAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { canvasRoots, putCard, putLink } from '../../shared/schema/index.ts'
import { connectSynced, type Client } from '../helpers/clients.ts'
import { browserSuite } from '../helpers/suite.ts'
import { createBoard } from '../helpers/server.ts'
import { buildProblemTree } from '../helpers/objectivesPage.ts'
import { putRelation, seedActors } from '../helpers/stakeholdersPage.ts'

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

/** What every card and link of a canvas tells a screen reader it is, and is called. */
const announced = (page: Page, canvas: string) =>
  page.evaluate((canvas) => {
    const read = (el: Element) =>
      `${el.getAttribute('aria-roledescription')} | ${el.getAttribute('aria-label')}`
    const root = document.querySelector(canvas)!
    return {
      cards: [...root.querySelectorAll('.react-flow__node')].map(read).sort(),
      links: [...root.querySelectorAll('.react-flow__edge')].map(read).sort(),
    }
  }, canvas)

describe('the canvases’ cards, as a screen reader announces them', () => {
  it('names every card by its kind and text, and calls cards and links by Italian names', async () => {
    const board = await seededBoard((c) => buildProblemTree(c.doc))
    const { page } = await suite.open(board.links.facilitator, 'Anna')
    await expect.poll(() => page.locator('.react-flow__node').count()).toBe(4)
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(3)
    expect(await announced(page, '.canvas')).toEqual({
      cards: [
        'carta | Causa: «Scarso orientamento al lavoro»',
        'carta | Causa: «Servizi frammentati»',
        'carta | Effetto: «Esclusione sociale dei NEET»',
        'carta | Problema centrale: «Alta disoccupazione giovanile»',
      ],
      links: [
        'legame | Legame da «Alta disoccupazione giovanile» a «Esclusione sociale dei NEET»',
        'legame | Legame da «Scarso orientamento al lavoro» a «Alta disoccupazione giovanile»',
        'legame | Legame da «Servizi frammentati» a «Alta disoccupazione giovanile»',
      ],
    })
  }, 60_000)

  it('names the objectives by their place in the tree, and again when that place changes', async () => {
    let seeder: Client | undefined
    const board = await seededBoard((c) =>
      (seeder = c).doc.transact(() => {
        putCard(c.doc, 'problems', 'core', {
          kind: 'problem',
          label: 'Disoccupazione',
          role: 'core',
          x: 0,
          y: 0,
        })
        putCard(c.doc, 'objectives', 'o1', {
          kind: 'objective',
          label: 'Occupazione giovanile',
          status: 'reworded',
          derivedFrom: 'core',
          x: 0,
          y: 0,
        })
        putCard(c.doc, 'objectives', 'o2', {
          kind: 'objective',
          label: 'Rete dei servizi',
          status: 'added',
          derivedFrom: null,
          x: 0,
          y: 200,
        })
        putLink(c.doc, 'objectives', 'm1', { kind: 'means-end', source: 'o2', target: 'o1' })
      }),
    )
    const { page } = await suite.open(board.links.facilitator, 'Anna')
    await page.locator('#tab-objectives').click()
    await expect.poll(() => page.locator('.objective-canvas .react-flow__node').count()).toBe(2)
    await expect.poll(() => page.locator('.objective-canvas .react-flow__edge').count()).toBe(1)
    expect(await announced(page, '.objective-canvas')).toEqual({
      cards: [
        'carta | Obiettivo centrale: «Occupazione giovanile»',
        'carta | Obiettivo: «Rete dei servizi»',
      ],
      links: ['legame | Legame da «Rete dei servizi» a «Occupazione giovanile»'],
    })
    // the problem it came from becomes a cause: the objective is a means now, and is called so
    const objectiveName = page.locator('.objective-canvas .react-flow__node[data-id="o1"]')
    seeder!.doc.transact(() =>
      canvasRoots(seeder!.doc, 'problems').nodes.get('core')!.set('role', 'cause'),
    )
    await expect
      .poll(() => objectiveName.getAttribute('aria-label'))
      .toBe('Mezzo: «Occupazione giovanile»')
  }, 60_000)

  it('names the actors of the map and of the grid, and its relations by their kind, in English for an English reader', async () => {
    const board = await seededBoard((c) => {
      seedActors(c.doc)
      putRelation(c.doc, 'r1', { kind: 'conflict', source: 'actor-0', target: 'actor-2' })
      putRelation(c.doc, 'r2', { kind: 'funding', source: 'actor-1', target: 'actor-3' })
    })
    const { page } = await suite.open(board.links.facilitator, 'Anna', 'en')
    await page.locator('#tab-stakeholders').click()
    await page.locator('.sh-phase').waitFor()
    const grid = page.locator('.grid-canvas .react-flow__node[aria-label]')
    await expect.poll(() => grid.count()).toBe(4)
    expect(await grid.first().getAttribute('aria-roledescription')).toBe('card')
    await page.locator('.view-switch button[data-view=map]').click()
    await expect.poll(() => page.locator('.map-canvas .react-flow__edge').count()).toBe(2)
    expect(await announced(page, '.map-canvas')).toEqual({
      cards: [
        'card | Actor: “Associazione genitori”',
        'card | Actor: “Comune di Bergamo”',
        'card | Actor: “Confindustria Bergamo”',
        'card | Actor: “Cooperativa Il Ponte”',
      ],
      // a relation's kind, as its line's colour says it, and a direction only where it has one
      links: [
        'link | Conflict between “Comune di Bergamo” and “Confindustria Bergamo”',
        'link | Funding from “Cooperativa Il Ponte” to “Associazione genitori”',
      ],
    })
    const italian = (await suite.open(board.links.participant, 'Bea')).page
    await italian.locator('#tab-stakeholders').click()
    await italian.locator('.view-switch button[data-view=map]').click()
    await expect.poll(() => italian.locator('.map-canvas .react-flow__edge').count()).toBe(2)
    expect((await announced(italian, '.map-canvas')).links).toEqual([
      'legame | Conflitto tra «Comune di Bergamo» e «Confindustria Bergamo»',
      'legame | Finanziamento da «Cooperativa Il Ponte» a «Associazione genitori»',
    ])
  }, 60_000)
})
