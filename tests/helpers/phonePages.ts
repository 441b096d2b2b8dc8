/**
 * A participant on a phone (tests/e2e/phonePages.test.ts, phonePact.test.ts): the device, a
 * workshop's board at the pact, and what those tests measure of a page on a narrow screen.
 */
import type { Browser, Locator, Page } from 'playwright-core'
import { DEFAULT_CRITERIA } from '../../shared/schema/index.ts'
import { newParticipant } from './browser.ts'
import { boardPage } from './boardPage.ts'
import { fixtureWithActors, type Json } from './pactPage.ts'

/** A phone as participants hold one: 390 × 844 CSS px, touch, a 3× screen. */
export const PHONE = {
  viewport: { width: 390, height: 844 },
  isMobile: true,
  hasTouch: true,
  deviceScaleFactor: 3,
}
export const WIDTH = PHONE.viewport.width
/** What touch guidelines ask of a target a finger presses, in CSS px. */
export const THUMB = 44

/** Strategies as a workshop names them: long, several lines each at a column's width. */
export const CANDIDATES = [
  'Rafforzamento della rete territoriale per l’orientamento e l’accompagnamento',
  'Percorsi di professionalizzazione co-progettati con le imprese del territorio',
  'Sportelli di prossimità nei comuni montani',
]

/**
 * The stored board of a workshop at the pact (tests/fixtures/board-v5.json: a vision, a body,
 * a commitment, an indicator, a monitoring round with its value and an adaptation), with what a
 * real one has more of: four actors, three candidate strategies with long names scored on the
 * six criteria, and a logframe at every level.
 */
export function workshopAtThePact(title: string): Json {
  const board = fixtureWithActors(title, [
    ['a1', 'Comune di Clusone', 'public'],
    ['a2', 'Cooperativa sociale Il Ponte', 'third-sector'],
    ['a3', 'Confartigianato Bergamo', 'economic'],
    ['a4', 'Centro per l’impiego di Seriate', 'public'],
  ])
  board.strategy.criteria = DEFAULT_CRITERIA.map((c, i) => ({ ...c, order: i }))
  board.strategy.candidates = CANDIDATES.map((label, i) => ({
    id: `cand-${i + 1}`,
    label,
    objectives: i === 1 ? ['obj-core'] : ['obj-1', 'obj-core'],
  }))
  board.strategy.scores = []
  const row = (id: string, level: string, text: string, more: Partial<Record<string, string>>) => ({
    id,
    level,
    objective: null,
    text,
    indicators: '',
    sources: '',
    assumptions: '',
    order: 0,
    ...more,
  })
  board.logframe.push(
    row(
      'lf-overall',
      'overall',
      'Maggiore inclusione sociale e lavorativa dei giovani della valle',
      {
        indicators: 'Tasso di NEET tra i 15 e i 29 anni (ISTAT)',
        sources: 'ISTAT, rilevazione sulle forze di lavoro',
        assumptions: 'La congiuntura economica resta stabile',
      },
    ),
    row('lf-result', 'result', 'Sportelli di orientamento attivi in ogni ambito', {
      indicators: 'Sportelli aperti; ore di apertura a settimana',
      sources: 'Registri dei comuni',
    }),
    row('lf-activity', 'activity', 'Sportello di orientamento settimanale a Clusone', {}),
  )
  return board
}

/** A participant on a phone, on the board at `link`. */
export async function onPhone(browser: Browser, link: string, name = 'Lucia') {
  const { page } = await newParticipant(browser, name, 'it', PHONE)
  await boardPage(page).open(link)
  return page
}

/** A participant on a phone, in one of the Patto phase's views. */
export async function onPactView(browser: Browser, link: string, view: string) {
  const page = await onPhone(browser, link)
  await page.locator('#tab-pact').tap()
  await page.locator(`#pact-tab-${view}`).tap()
  await page.locator(`#pact-tab-${view}[aria-selected=true]`).waitFor()
  return page
}

/** Whether what a finger pressing the middle of `target` reaches is `target` (or inside it). */
export const onTop = (target: Locator) =>
  target.evaluate((el) => {
    const r = el.getBoundingClientRect()
    const hit = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2)
    return hit !== null && el.contains(hit)
  })

/** A control a finger presses: a thumb's size, on the screen, not under something else. */
export const reachable = async (control: Locator) => {
  const box = (await control.boundingBox())!
  return (
    box.height >= THUMB &&
    box.width >= THUMB &&
    box.x >= 0 &&
    box.x + box.width <= WIDTH &&
    (await onTop(control))
  )
}

/**
 * What inside `root` runs past the screen's left or right edge, other than what lies in a box
 * that scrolls sideways and is itself on the screen (a table one swipes along): each as its tag
 * and classes.
 */
export const offScreen = (page: Page, root: string) =>
  page.locator(root).evaluate((top) => {
    const width = document.documentElement.clientWidth
    const outside = (r: DOMRect) => r.left < -1 || r.right > width + 1
    const swiped = (el: Element) => {
      for (let box = el.parentElement; box && box !== top; box = box.parentElement)
        if (/auto|scroll/.test(getComputedStyle(box).overflowX))
          return !outside(box.getBoundingClientRect())
      return false
    }
    const found: Element[] = []
    for (const el of top.querySelectorAll('*')) {
      const r = el.getBoundingClientRect()
      if (!r.width || !r.height || !outside(r) || swiped(el)) continue
      if (!found.some((f) => f.contains(el))) found.push(el)
    }
    return found.map((el) => [el.tagName.toLowerCase(), ...el.classList].join('.'))
  })

/**
 * Which of `fields` (dates, selects) have no room for what they show: a day's ten digits and the
 * calendar's button, the chosen option and the arrow, measured in the field's own font. Each as
 * its label and text.
 */
export const tooNarrow = (fields: Locator) =>
  fields.evaluateAll((all) => {
    const context = document.createElement('canvas').getContext('2d')!
    return all.flatMap((el) => {
      const field = el as HTMLInputElement | HTMLSelectElement
      const style = getComputedStyle(field)
      context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`
      const shown =
        field instanceof HTMLSelectElement
          ? field.selectedOptions[0]!.text
          : (field.value && '00/00/0000') || ''
      const room =
        field.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 24
      return context.measureText(shown).width > room ? [`${field.ariaLabel}: ${shown}`] : []
    })
  })

/**
 * The controls inside `scope` (a selector) that a finger misses: less than 44 px tall (or wide,
 * for one of `icons`), or a box to tick less than 24 px; each as its name and size. Text areas
 * count too, at their least (what is written in them makes them taller).
 */
export const smallControls = (page: Page, scope: string, icons = '') =>
  page.evaluate(
    ([scope, icons, thumb]) => {
      const controls = document.querySelectorAll(
        `:is(${scope}) :is(button, select, input, textarea, a[href])`,
      )
      return [...controls].flatMap((el) => {
        const r = el.getBoundingClientRect()
        if (!r.width) return []
        const tick = el instanceof HTMLInputElement && el.type === 'checkbox'
        const least = tick ? 24 : thumb
        const wide = tick || (!!icons && el.matches(icons))
        if (r.height >= least && (!wide || r.width >= least)) return []
        const name = el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 30)
        return [`${name}: ${Math.round(r.width)}×${Math.round(r.height)}`]
      })
    },
    [scope, icons, THUMB] as const,
  )
