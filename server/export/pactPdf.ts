/**
 * The pact document: an A4 PDF for the people who were not in the room. A title page, then one
 * section per part of the workshop, each drawn by one function of SECTIONS — a new part of the
 * method (the pact phase's vision, governance, commitments…) is one more entry there.
 */
import { reachedPhase, type BoardExport } from '../../shared/export/format.ts'
import { DOCUMENT_LABELS } from '../../shared/document/labels.ts'
import { PACT_LABELS } from '../../shared/document/pactLabels.ts'
import { pactFrame } from '../../shared/document/pactTables.ts'
import { dotVoteTable, revealedDotVotes } from '../../shared/document/dotVotes.ts'
import type { VoteCanvas } from '../../shared/schema/vocabulary.ts'
import {
  coreProblems,
  coverageOf,
  gridTable,
  logframeTable,
  peopleOf,
  registerTable,
  scoresTable,
  strategyOf,
} from '../../shared/document/tables.ts'
import { longDate, slugify, type ImageLang } from '../../shared/render/labels.ts'
import { renderCanvas, type ImageCanvas } from '../../shared/render/index.ts'
import { PACT_SECTIONS } from './pactSections.ts'
import type { PactSection, SectionContext } from './section.ts'
import {
  area,
  clean,
  createPdf,
  ensureSpace,
  field,
  finish,
  heading,
  MARGIN,
  numberPages,
  paragraph,
} from './pdfLayout.ts'
import { table } from './pdfTable.ts'
import { opensSideways, vectorImage, type Svg } from './pdfPicture.ts'
import { treePicture } from './pdfTree.ts'

/** Room an empty section needs to follow the one before on its page (title, a line, air). */
const EMPTY_SECTION_ROOM = 160
/** Room a table's heading needs with the table's header and first rows under it. */
const TABLE_WITH_HEADING = 120

/** The canvases' pictures of one document, drawn once (the page's orientation reads them). */
const pictures = new WeakMap<SectionContext, Map<ImageCanvas, Svg>>()

function pictureOf(ctx: SectionContext, canvas: ImageCanvas): Svg {
  let drawn = pictures.get(ctx)
  if (!drawn) pictures.set(ctx, (drawn = new Map()))
  let svg = drawn.get(canvas)
  if (!svg)
    drawn.set(canvas, (svg = renderCanvas(ctx.board, canvas, { lang: ctx.lang, day: ctx.day })))
  return svg
}

/** A canvas's picture right under its section's title (see PactSection.sideways). */
function canvasPicture(ctx: SectionContext, canvas: ImageCanvas): void {
  vectorImage(ctx.doc, pictureOf(ctx, canvas), { piece: ctx.labels.piece, underTitle: true })
}

/**
 * The revealed dot votes on a canvas, under its picture: what the room chose to tackle first
 * (the page's ranking, «Risultati»), newest vote first.
 */
function dotVotes(ctx: SectionContext, canvas: VoteCanvas): void {
  const l = ctx.labels.dotVotes
  for (const vote of revealedDotVotes(ctx.board, canvas)) {
    heading(ctx.doc, vote.question ? l.title(vote.question) : l.untitled, 2)
    paragraph(ctx.doc, l.turnout(vote.voters, vote.total), { muted: true })
    if (vote.ranking.length) table(ctx.doc, dotVoteTable(vote, ctx.lang), [0.9, 5, 0.8])
    else paragraph(ctx.doc, l.none, { muted: true, italic: true })
  }
}

function tableOrEmpty(ctx: SectionContext, data: ReturnType<typeof logframeTable>, w: number[]) {
  if (data.rows.length === 0) paragraph(ctx.doc, ctx.labels.empty, { muted: true, italic: true })
  else table(ctx.doc, data, w)
}

/** No actor on the board yet: the register, the grid, the map and the coverage say only that. */
const noActors = (ctx: SectionContext) => ctx.board.canvases.stakeholders.nodes.length === 0
const noCards = (ctx: SectionContext, canvas: 'problems' | 'objectives') =>
  ctx.board.canvases[canvas].nodes.length === 0

/** The words for nothing yet, where an empty section would draw an empty picture or table. */
const nothingYet = (ctx: SectionContext) =>
  paragraph(ctx.doc, ctx.labels.empty, { muted: true, italic: true })

const problems: PactSection = {
  id: 'problems',
  title: (l) => l.sections.problems,
  isEmpty: (ctx) => noCards(ctx, 'problems'),
  draw: (ctx) => {
    if (noCards(ctx, 'problems')) return nothingYet(ctx)
    const core = coreProblems(ctx.board)
    if (core.length) field(ctx.doc, ctx.labels.coreProblem, core.join(' · '))
    else paragraph(ctx.doc, ctx.labels.noCoreProblem, { muted: true, italic: true })
    treePicture(ctx, 'problems')
    dotVotes(ctx, 'problems')
  },
}

const objectives: PactSection = {
  id: 'objectives',
  title: (l) => l.sections.objectives,
  isEmpty: (ctx) => noCards(ctx, 'objectives'),
  draw: (ctx) => {
    if (noCards(ctx, 'objectives')) return nothingYet(ctx)
    treePicture(ctx, 'objectives')
    dotVotes(ctx, 'objectives')
  },
}

const strategy: PactSection = {
  id: 'strategy',
  title: (l) => l.sections.strategy,
  isEmpty: (ctx) => ctx.board.strategy.candidates.length === 0,
  draw: (ctx) => {
    // nothing to rank yet: one line, not the headings of empty lists (it split across pages)
    if (!ctx.board.strategy.candidates.length) return nothingYet(ctx)
    const { doc, labels } = ctx
    const s = labels.strategy
    const view = strategyOf(ctx.board)
    const chosen = view.candidates.find((c) => c.id === view.chosen)
    if (chosen) field(doc, s.chosen, chosen.label)
    else paragraph(doc, s.noChoice, { muted: true, italic: true })
    field(doc, s.criteria, view.criteria.map((c) => c.label).join(' · ') || '—')
    heading(doc, s.candidates, 2)
    if (!view.candidates.length) paragraph(doc, labels.empty, { muted: true, italic: true })
    for (const c of view.candidates) field(doc, c.label || '—', c.objectives.join(' → ') || '—')
    heading(doc, s.ranking, 2)
    const scores = scoresTable(ctx.board, ctx.lang)
    tableOrEmpty(ctx, scores, [1.1, 3, ...view.criteria.map(() => 1), 1.1, 1.1, 1])
  },
}

const logframe: PactSection = {
  id: 'logframe',
  title: (l) => l.sections.logframe,
  isEmpty: (ctx) => ctx.board.logframe.length === 0,
  draw: (ctx) => tableOrEmpty(ctx, logframeTable(ctx.board, ctx.lang), [1.2, 2.6, 2, 1.6, 1.6]),
}

const register: PactSection = {
  id: 'register',
  title: (l) => l.sections.register,
  isEmpty: noActors,
  draw: (ctx) =>
    tableOrEmpty(ctx, registerTable(ctx.board, ctx.lang), [1.8, 1.6, 1.4, 0.8, 0.9, 1.5, 2.2]),
}

const grid: PactSection = {
  id: 'grid',
  title: (l) => l.sections.grid,
  isEmpty: noActors,
  sideways: (ctx) => opensSideways(pictureOf(ctx, 'grid')),
  draw: (ctx) => {
    if (noActors(ctx)) return nothingYet(ctx)
    canvasPicture(ctx, 'grid')
    // named, and with its first rows: after the grid's page it stood on a page of its own with
    // nothing saying what it was
    ensureSpace(ctx.doc, TABLE_WITH_HEADING)
    heading(ctx.doc, ctx.labels.grid.table, 2)
    tableOrEmpty(ctx, gridTable(ctx.board, ctx.lang), [1, 3])
    dotVotes(ctx, 'stakeholders')
  },
}

const map: PactSection = {
  id: 'map',
  title: (l) => l.sections.map,
  isEmpty: noActors,
  sideways: (ctx) => opensSideways(pictureOf(ctx, 'map')),
  draw: (ctx) => (noActors(ctx) ? nothingYet(ctx) : canvasPicture(ctx, 'map')),
}

const coverage: PactSection = {
  id: 'coverage',
  title: (l) => l.sections.coverage,
  isEmpty: (ctx) => noActors(ctx) && noCards(ctx, 'objectives'),
  draw: (ctx) => {
    if (noActors(ctx) && noCards(ctx, 'objectives')) return nothingYet(ctx)
    const c = ctx.labels.coverage
    const view = coverageOf(ctx.board, ctx.lang)
    tableOrEmpty(ctx, view.table, [3, 3.4, 0.5])
    field(ctx.doc, c.uncovered, view.uncovered.join(' · ') || c.none)
    field(ctx.doc, c.withoutObjective, view.withoutObjective.join(' · ') || c.none)
  },
}

/**
 * The sections in document order: the method's (problems to stakeholders), then the pact's
 * (pactSections.ts). A new section is one PactSection in this list.
 */
export const SECTIONS: readonly PactSection[] = [
  problems,
  objectives,
  strategy,
  logframe,
  register,
  grid,
  map,
  coverage,
  ...PACT_SECTIONS,
]

export type { PactSection, SectionContext }

/** Title page: title, kind of document, date, phase, core problem, who wrote, contents. */
function titlePage(
  ctx: SectionContext & { people: readonly string[] },
  contents: { title: string; page: number }[],
): void {
  const { doc, labels, board } = ctx
  const { left, width } = area(doc)
  doc.y = 150
  doc
    .font('Sans-Bold')
    .fontSize(26)
    .text(clean(board.title) || '—', left, doc.y, { width })
  doc.moveDown(0.3)
  paragraph(doc, labels.documentKind, { size: 14, muted: true })
  doc.moveDown(1)
  const frame = pactFrame(board)
  if (frame.territory) field(doc, PACT_LABELS[ctx.lang].territory, frame.territory)
  if (frame.horizon) field(doc, PACT_LABELS[ctx.lang].horizon, frame.horizon)
  field(doc, labels.date, longDate(ctx.day, labels.image))
  field(doc, labels.phase, labels.phases[reachedPhase(board)])
  const core = coreProblems(board)
  if (core.length) field(doc, labels.coreProblem, core.join(' · '))
  const people = [...new Set([...peopleOf(board), ...ctx.people])].sort((a, b) =>
    a.localeCompare(b, 'it'),
  )
  field(doc, labels.people, people.length ? people.join(', ') : labels.noPeople)
  doc.moveDown(1)
  heading(doc, labels.contents, 2)
  for (const entry of contents) {
    const y = doc.y
    doc
      .font('Sans')
      .fontSize(10.5)
      .text(clean(entry.title), left, y, { width: width - 40 })
    doc.text(String(entry.page), left + width - 40, y, { width: 40, align: 'right' })
    doc.moveDown(0.2)
  }
}

export interface PactPdfOptions {
  lang?: ImageLang
  /** The day the document is dated, `YYYY-MM-DD`; default: the day of the export. */
  day?: string
  /** More names of people who wrote on the board (the server's activity log). */
  people?: readonly string[]
  /** Sections to draw (tests and future callers); default: all. */
  sections?: readonly PactSection[]
}

/** The pact document of a board (its JSON export) as PDF bytes. */
export async function buildPactPdf(board: BoardExport, options: PactPdfOptions = {}) {
  const lang = options.lang ?? 'it'
  const labels = DOCUMENT_LABELS[lang]
  const day = options.day ?? board.exportedAt.slice(0, 10)
  const doc = createPdf({
    title: `${board.title} — ${labels.documentKind}`,
    lang: lang === 'it' ? 'it-IT' : 'en-GB',
  })
  const ctx: SectionContext = { doc, board, labels, lang, day }
  const contents: { title: string; page: number }[] = []
  for (const [i, section] of (options.sections ?? SECTIONS).entries()) {
    const empty = section.isEmpty?.(ctx) ?? false
    // an empty section goes on under the one before when its title and line fit there
    if (i > 0 && empty && doc.y + EMPTY_SECTION_ROOM <= area(doc).bottom) doc.moveDown(2)
    else if (!empty && section.sideways?.(ctx))
      doc.addPage({ size: 'A4', layout: 'landscape', margin: MARGIN })
    else doc.addPage()
    const title = section.title(labels, lang)
    contents.push({ title, page: doc.bufferedPageRange().count })
    doc.outline.addItem(title)
    heading(doc, title)
    section.draw(ctx)
  }
  // the title page is written last, when every section's page is known
  doc.switchToPage(0)
  titlePage(
    { ...ctx, people: (options.people ?? []).map((n) => n.trim()).filter(Boolean) },
    contents,
  )
  numberPages(doc, labels.page)
  return finish(doc)
}

export { pactFileName } from './fileName.ts'
