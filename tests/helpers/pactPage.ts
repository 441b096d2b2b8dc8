import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect } from 'vitest'
import type { Locator, Page } from 'playwright-core'
import { importBoard } from './server.ts'
import type { browserSuite } from './suite.ts'
import { emptyPact } from '../../shared/export/format.ts'

export type Json = Record<string, any>
export interface Links {
  id: string
  keys: { facilitator: string; participant: string; viewer: string }
  links: { facilitator: string; participant: string; viewer: string }
}

const ACTORS = [
  ['a1', 'Comune di Clusone', 'public'],
  ['a2', 'Cooperativa Il Ponte', 'third-sector'],
  ['a3', 'Impresa Rossi', 'economic'],
] as const

/**
 * A board that reached the Patto phase: three actors in the register, a chosen strategy with
 * two objectives, a logframe with an activity; the pact itself still empty.
 */
export function workshopBoard(title: string): Json {
  const board = fixtureWithActors(title, ACTORS)
  board.logframe.push({
    id: 'lf-2',
    level: 'activity',
    objective: 'obj-1',
    text: 'Sportello di orientamento settimanale',
    indicators: '',
    sources: '',
    assumptions: '',
    order: 0,
  })
  board.pact = emptyPact().pact
  return board
}

/** A board made from an export, with absolute links (as the home page shows them). */
export async function importWithLinks(
  suite: ReturnType<typeof browserSuite>,
  board: Json,
): Promise<Links> {
  const answer = await importBoard(suite.server.url, board)
  const abs = (l: string) => new URL(l, suite.server.url).href
  return {
    ...answer,
    links: {
      facilitator: abs(answer.links.facilitator),
      participant: abs(answer.links.participant),
      viewer: abs(answer.links.viewer),
    },
  }
}

/** What a participant does in the Patto phase. */
export function pactPage(page: Page) {
  const ledger = page.locator('[data-testid=ledger]')
  return {
    page,
    ledger,
    async openView(view: 'vision' | 'governance' | 'commitments') {
      await page.locator('#tab-pact').click()
      await page.locator(`#pact-tab-${view}`).click()
      await page.locator(`#pact-tab-${view}[aria-selected=true]`).waitFor()
      await page.locator(`[data-testid=pact-${view}]`).waitFor()
    },
    rows: () => ledger.locator('tbody tr'),
    /** Adds a commitment for an actor, then fills amount, unit and type in its new row. */
    async commit(actor: string, amount: string, unit: string, type?: string) {
      const before = await ledger.locator('tbody tr').count()
      await page.locator('button.ledger-add').click()
      await page.getByRole('menuitem', { name: actor, exact: true }).click()
      await expect.poll(() => ledger.locator('tbody tr').count()).toBe(before + 1)
      const row = ledger.locator('tbody tr').nth(before)
      // the new row's «Che cosa» has the focus: what is typed next lands there
      await expect
        .poll(() =>
          row.evaluate(
            (tr) =>
              !!document.activeElement?.closest('.ledger-what') &&
              tr.contains(document.activeElement),
          ),
        )
        .toBe(true)
      if (type) await row.locator('select[data-field=type]').selectOption(type)
      await row.locator('input[data-field=amount]').fill(amount)
      await row.locator('input[data-field=amount]').press('Enter')
      await row.locator('textarea[data-field=unit]').fill(unit)
      await row.locator('textarea[data-field=unit]').press('Enter')
      return row
    },
    /** The sums shown for one actor in the totals per actor, one per unit. */
    actorTotal: async (actorId: string) =>
      (
        await page
          .locator(`[data-testid=totals-actor] tr[data-total-key=${actorId}] .totals-amount`)
          .allInnerTexts()
      ).join(' · '),
    gaps: (kind: 'objectives' | 'activities' | 'actors') =>
      page.locator(`[data-testid=gaps-${kind}]`).innerText(),
  }
}

/** Makes `actor` a member of a governance body (its card) with its «+ Aggiungi un membro» menu. */
export async function addMember(body: Locator, actor: string) {
  await body.locator('button.gov-add-member').click()
  await body.getByRole('menuitem', { name: actor, exact: true }).click()
  await body.locator('.gov-members li[data-actor-id]').getByText(actor, { exact: true }).waitFor()
}

/** Alice and Bruno, participants at 1366 × 768, on a workshop board that reached the pact. */
export async function participants(suite: ReturnType<typeof browserSuite>, title: string) {
  const board = await importWithLinks(suite, workshopBoard(title))
  const alice = pactPage((await suite.open(board.links.participant, 'Alice')).page)
  const bruno = pactPage((await suite.open(board.links.participant, 'Bruno')).page)
  await alice.page.setViewportSize({ width: 1366, height: 768 })
  await bruno.page.setViewportSize({ width: 1366, height: 768 })
  return { board, alice, bruno }
}

/**
 * The stored board of a workshop at the pact (tests/fixtures/board-v5.json) under `title`, its
 * register holding these actors ([id, name, category]), neutral, at the middle of the grid.
 */
export function fixtureWithActors(
  title: string,
  actors: readonly (readonly [string, string, string])[],
): Json {
  const board = JSON.parse(
    readFileSync(join(import.meta.dirname, '..', 'fixtures', 'board-v5.json'), 'utf8'),
  ) as Json
  board.title = title
  board.canvases.stakeholders.nodes = actors.map(([id, label, category], i) => ({
    id,
    kind: 'actor',
    label,
    category,
    power: 0.5,
    interest: 0.5,
    stance: 'neutral',
    desiredStance: 'supports',
    x: i * 200,
    y: 0,
  }))
  return board
}
