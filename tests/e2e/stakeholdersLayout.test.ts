import { describe, expect, it } from 'vitest'
import { putCard } from '../../shared/schema/index.ts'
import { ACTOR_CATEGORIES } from '../../shared/schema/vocabulary.ts'
import { newActorFields } from '../../shared/stakeholders/actors.ts'
import { screenshot } from '../helpers/browser.ts'
import { seedObjectives, stakeholdersWorkshop } from '../helpers/stakeholdersPage.ts'

const workshop = stakeholdersWorkshop()

/** Names of a Lombard pact's actors, long as people write them in the register. */
const NAMES = [
  'Comune di Lecco – Settore Politiche Sociali, Abitative e del Lavoro',
  'Centro per l’impiego di Seriate',
  'Cooperativa sociale Il Sentiero Onlus',
  'Confartigianato Imprese Bergamo',
  'Istituto di istruzione superiore Valle Seriana',
  'Associazione genitori',
  'Caritas parrocchiale di San Giovanni',
  'ATS Bergamo',
  'Consorzio Intercomunale Servizi Socioassistenziali',
  'Ufficio di Piano dell’Ambito territoriale di Seriate',
]

describe('the Stakeholder phase laid out for the room', () => {
  it('keeps long actor names in the first column of the coverage matrix on a laptop', async () => {
    const board = await workshop.createBoard('Patto Lecco')
    const room = await workshop.stock(board)
    seedObjectives(room.doc)
    // every other actor contributes to an objective; the rest are marked «Nessun obiettivo»
    room.doc.transact(() =>
      NAMES.forEach((label, i) =>
        putCard(room.doc, 'stakeholders', `actor-${i}`, {
          ...newActorFields(ACTOR_CATEGORIES[i % 4]!, {
            label,
            objectives: i % 2 ? ['obj-1'] : [],
          }),
          x: i * 280,
          y: 0,
        }),
      ),
    )
    const p = await workshop.participant('Bruno')
    await p.page.setViewportSize({ width: 1366, height: 768 })
    await p.open(board.links.participant)
    await p.view('coverage')
    await expect.poll(() => p.page.locator('.coverage-table tbody th').count()).toBe(NAMES.length)
    await screenshot(p.page, 'stakeholders-coverage-laptop')

    const rows = await p.page.locator('.coverage-table').evaluate((table, names) => {
      // the lines a text is drawn on: the distinct tops of its words' boxes
      const linesOf = (el: Element) => {
        const range = document.createRange()
        range.selectNodeContents(el)
        return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size
      }
      const corner = table.querySelector('.coverage-corner')!.getBoundingClientRect()
      return [...table.querySelectorAll('tbody tr')].map((tr) => {
        const th = tr.querySelector('th')!
        const box = th.getBoundingClientRect()
        const name = [...th.querySelectorAll('span')].find(
          (s) => !s.children.length && names.includes(s.textContent!),
        )!
        const parts = [...th.querySelectorAll('*')].map((el) => el.getBoundingClientRect())
        return {
          name: name.textContent,
          // nothing of the row's header reaches past its column, into the objectives' cells
          spills: parts.filter((r) => r.right > box.right + 0.5 || r.left < box.left - 0.5).length,
          clear: box.right <= tr.querySelector('td')!.getBoundingClientRect().left + 0.5,
          // the column lines up with the header's corner
          aligned: Math.abs(box.left - corner.left) < 1 && Math.abs(box.width - corner.width) < 1,
          lines: linesOf(name),
        }
      })
    }, NAMES)
    // a long name reads in a few lines, not a word a line
    const unreadable = rows.filter((r) => r.spills > 0 || !r.clear || !r.aligned || r.lines > 4)
    expect(unreadable).toEqual([])
  })
})
