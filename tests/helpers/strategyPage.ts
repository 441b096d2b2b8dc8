import type { Page } from 'playwright-core'
import type * as Y from 'yjs'
import { DEFAULT_CRITERIA, putCard, putLink } from '../../shared/schema/index.ts'
import { boardPage } from './boardPage.ts'

export const criteria: string[] = DEFAULT_CRITERIA.map((c) => c.id)
export const GUIDANCE = 'Orientamento al lavoro efficace'
export const TRAINING = 'Formazione adeguata al mercato'

/**
 * An objective tree written by a stock Yjs client: one goal, two branches that can become
 * strategies, and a discarded objective that must stay out of everything.
 */
export function buildObjectiveTree(doc: Y.Doc) {
  doc.transact(() => {
    const objective = (id: string, label: string, x: number, y: number, status = 'reworded') =>
      putCard(doc, 'objectives', id, { kind: 'objective', label, x, y, derivedFrom: null, status })
    const meansEnd = (means: string, end: string) =>
      putLink(doc, 'objectives', `${means}>${end}`, {
        kind: 'means-end',
        source: means,
        target: end,
        checked: true,
      })
    objective('inclusion', 'Maggiore inclusione sociale dei NEET', 400, 0)
    objective('work', 'Più giovani trovano un lavoro stabile', 400, 150)
    objective('guidance', GUIDANCE, 200, 300)
    objective('training', TRAINING, 600, 300)
    objective('desks', 'Sportelli di orientamento attivi in ogni ambito', 100, 450)
    objective('tutors', 'Un tutor per ogni giovane preso in carico', 300, 450)
    // still worded as its problem: the logframe view warns before generating from it
    objective('mapping', 'Mappa condivisa dei servizi', 100, 600, 'to-reword')
    objective('courses', 'Corsi professionalizzanti co-progettati con le imprese', 600, 450)
    objective('utopia', 'Piena occupazione in sei mesi', 800, 450, 'discarded')
    meansEnd('work', 'inclusion')
    meansEnd('guidance', 'work')
    meansEnd('training', 'work')
    meansEnd('desks', 'guidance')
    meansEnd('tutors', 'guidance')
    meansEnd('mapping', 'desks')
    meansEnd('courses', 'training')
    meansEnd('utopia', 'guidance')
  })
}

/** What a participant does in the strategy and logframe views. */
export function strategyPage(page: Page) {
  return {
    page,
    async open(link: string) {
      await boardPage(page).open(link)
      await page.locator('#tab-objectives').click()
      await this.view('strategy')
    },
    async view(name: 'strategy' | 'logframe') {
      await page.locator(`#objectives-tab-${name}`).click()
      await page.locator(`[data-testid=${name}-view]`).waitFor()
    },
    async markCandidate(top: string) {
      const select = page.getByLabel('Obiettivo in cima al ramo')
      const value = await select
        .locator('option', { hasText: top })
        .evaluate((o) => (o as HTMLOptionElement).value)
      await select.selectOption(value)
      await page.getByRole('button', { name: 'Aggiungi come strategia candidata' }).click()
      await page.locator(`[data-testid=candidate][data-label="${top}"]`).waitFor()
    },
    cell: (candidate: string, criterion: string) =>
      page.locator(`td[data-candidate="${candidate}"][data-criterion="${criterion}"]`),
    /** The scores this participant has highlighted as their own, in criteria order. */
    async myScores(candidate: string): Promise<(number | null)[]> {
      return page.locator(`td[data-candidate="${candidate}"]`).evaluateAll((cells) =>
        cells.map((td) => {
          const mine = td.querySelector('[aria-checked=true]')
          return mine ? Number(mine.getAttribute('data-score')) : null
        }),
      )
    },
    /** Scores a candidate by clicking, one value per criterion in order. */
    async scoreByClicking(candidate: string, values: number[]) {
      for (const [i, value] of values.entries())
        await this.cell(candidate, criteria[i]!)
          .getByRole('radio', { name: `Voto ${value}` })
          .click()
    },
    /** Scores a candidate from the keyboard: a digit scores, ↓ goes to the next criterion. */
    async scoreByKeyboard(candidate: string, values: number[]) {
      await this.cell(candidate, criteria[0]!).locator('[tabindex="0"]').focus()
      for (const value of values) {
        await page.keyboard.press(String(value))
        await page.keyboard.press('ArrowDown')
      }
    },
    async scrollTo(where: 'top' | 'bottom') {
      await page
        .locator('.strategy-main')
        .evaluate((el, w) => el.scrollTo(0, w === 'top' ? 0 : el.scrollHeight), where)
    },
    /** The logframe's rows as "level: intervention logic". */
    logframeLevels: () =>
      page
        .locator('[data-testid=logframe-row]')
        .evaluateAll((rows) =>
          rows.map(
            (r) =>
              `${r.getAttribute('data-level')}: ${r.querySelector<HTMLTextAreaElement>('.col-text textarea')!.value}`,
          ),
        ),
    /** The activities' texts, in the order shown. */
    activities: () =>
      page
        .locator('[data-testid=logframe-row][data-level=activity] .col-text textarea')
        .evaluateAll((t) => t.map((a) => (a as HTMLTextAreaElement).value)),
    /** The criteria's names as shown in the score table's header. */
    criterionNames: () =>
      page
        .locator('[data-testid=criterion]')
        .evaluateAll((th) => th.map((h) => h.getAttribute('data-label'))),
    async ranking() {
      return page.locator('[data-testid=ranking-item]').evaluateAll((items) =>
        items.map((li) => ({
          label: li.getAttribute('data-label'),
          rank: li.getAttribute('data-rank'),
          average: li.querySelector('[data-testid=ranking-average]')?.textContent ?? null,
        })),
      )
    },
  }
}

/** Each participant's scores, in criteria order (social … covered). */
export const SCORES: Record<'alice' | 'bruno', Record<string, number[]>> = {
  alice: { [GUIDANCE]: [5, 4, 5, 4, 5, 4], [TRAINING]: [2, 3, 2, 3, 2, 3] },
  bruno: { [GUIDANCE]: [3, 3, 3, 3, 3, 3], [TRAINING]: [4, 4, 4, 4, 4, 4] },
}
export const italian = (n: number) =>
  new Intl.NumberFormat('it', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(n)

export type Exported = {
  chosenStrategy: string
  strategy: {
    candidates: { id: string; label: string; objectives: string[] }[]
    criteria: { id: string }[]
    scores: {
      id: string
      candidate: string
      criterion: string
      participant: string
      participantName?: string
      score: number
    }[]
  }
  logframe: {
    id: string
    level: string
    objective?: string | null
    text: string
    indicators: string
  }[]
}
