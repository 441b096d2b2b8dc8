import { describe, expect, it } from 'vitest'
import { screenshot } from '../helpers/browser.ts'
import { browserSuite } from '../helpers/suite.ts'
import { importWithLinks, pactPage, workshopBoard, type Json } from '../helpers/pactPage.ts'

const suite = browserSuite()

describe('the ledger of commitments on a laptop', () => {
  it('shows each row’s actor by its whole name on a 1366 px screen, and the name still chooses the actor', async () => {
    // a cooperative by its whole name, as registers hold them
    const LONG = 'Cooperativa sociale Il Ponte di Valle Seriana onlus'
    const board = workshopBoard('Patto Val Seriana')
    const coop = (board.canvases.stakeholders.nodes as Json[]).find((a) => a.id === 'a2')!
    coop.label = LONG
    const { links } = await importWithLinks(suite, board)
    const alice = pactPage((await suite.open(links.participant, 'Alice')).page)
    const bruno = pactPage((await suite.open(links.participant, 'Bruno')).page)
    await alice.page.setViewportSize({ width: 1366, height: 768 })
    await alice.openView('commitments')
    await bruno.openView('commitments')
    await alice.commit(LONG, '120', 'ore')
    await alice.commit('Comune di Clusone', '3', 'sale')
    const names = () =>
      alice.ledger.locator('.ledger-actor-pick').evaluateAll((picks) =>
        picks.map((pick) => {
          const name = pick.querySelector('.ledger-actor-name') as HTMLElement
          const box = pick.getBoundingClientRect()
          const text = name.getBoundingClientRect()
          return {
            name: name.innerText.replace(/\s+/g, ' '),
            whole: text.right <= box.right + 0.5 && text.bottom <= box.bottom + 0.5,
          }
        }),
      )
    await expect.poll(names).toEqual([
      { name: LONG, whole: true },
      { name: 'Comune di Clusone', whole: true },
    ])
    await screenshot(alice.page, 'pact-ledger-names-1366')
    // the select over the name: chosen from the keyboard, another actor's, for everyone
    const second = alice.ledger.locator('tbody tr').nth(1)
    await second.locator('select[data-field=actor]').focus()
    await second.locator('select[data-field=actor]').selectOption({ label: 'Impresa Rossi' })
    await expect
      .poll(() => bruno.ledger.locator('tbody tr').nth(1).locator('.ledger-actor-name').innerText())
      .toBe('Impresa Rossi')
    await expect
      .poll(() => names().then((n) => n[1]))
      .toEqual({
        name: 'Impresa Rossi',
        whole: true,
      })
  })
})
