import { describe, expect, it } from 'vitest'
import { extractText, getDocumentProxy } from 'unpdf'
import { buildPactPdf, SECTIONS } from '../../server/export/pactPdf.ts'
import { DOCUMENT_LABELS } from '../../shared/document/labels.ts'
import { IMAGE_LABELS } from '../../shared/render/labels.ts'
import { boardExportSchema, type BoardExport } from '../../shared/export/format.ts'
import { ACTOR, pactBoard } from '../helpers/pactBoard.ts'

const fold = (s: string) => s.replace(/\s+/g, ' ').trim()
const TITLES = SECTIONS.map((s) => s.title(DOCUMENT_LABELS.it, 'it'))

/** The pact board cut back to its problem tree (and, with `actors`, its stakeholders). */
function earlyBoard({ actors = false } = {}): BoardExport {
  const full = pactBoard(5)
  return boardExportSchema.parse({
    ...full,
    phase: actors ? 'stakeholders' : 'problems',
    chosenStrategy: '',
    canvases: {
      problems: full.canvases.problems,
      objectives: { nodes: [], edges: [] },
      stakeholders: actors
        ? { nodes: full.canvases.stakeholders.nodes, edges: [] }
        : { nodes: [], edges: [] },
    },
    clusters: [],
    strategy: { candidates: [], criteria: full.strategy.criteria, scores: [] },
    logframe: [],
    pact: Object.fromEntries(Object.keys(full.pact).map((k) => [k, []])),
    votes: { votes: [], dots: [] },
  })
}

async function pagesOf(board: BoardExport): Promise<string[]> {
  const doc = await getDocumentProxy(new Uint8Array(await buildPactPdf(board)))
  return (await extractText(doc, { mergePages: false })).text.map(fold)
}

/** The (1-based) page whose text holds a section's title, the contents page left out. */
const pageOf = (pages: string[], title: string) =>
  pages.findIndex((p, i) => i > 0 && p.includes(title)) + 1

describe('the pact document of a board with sections still empty', () => {
  it('sets the empty sections one under the other, not a page each, and the contents say where', async () => {
    const pages = await pagesOf(earlyBoard())
    // the title page, the problem tree, and the thirteen empty sections on two more pages
    expect(pages.length).toBeLessThanOrEqual(4)
    expect(pages[1]!.startsWith(TITLES[0]!)).toBe(true)
    for (const title of TITLES) {
      const page = pageOf(pages, title)
      expect(page, title).toBeGreaterThan(1)
      expect(pages[0], `contents: ${title}`).toContain(`${title} ${page}`)
    }
    // the small tree leaves room on its page: the empty objectives' tree says so under it
    const objectives = pageOf(pages, TITLES[1]!)
    expect(objectives).toBe(2)
    expect(pages[1]!.split(TITLES[1]!)[1]).toContain(DOCUMENT_LABELS.it.empty)
    // no empty picture of a canvas with no card
    expect(pages.join(' ')).not.toContain(IMAGE_LABELS.it.emptyCanvas)
  }, 30_000)

  it('still opens a page for a section with something in it, after empty ones', async () => {
    const pages = await pagesOf(earlyBoard({ actors: true }))
    const register = TITLES[SECTIONS.findIndex((s) => s.id === 'register')]!
    const logframe = TITLES[SECTIONS.findIndex((s) => s.id === 'logframe')]!
    const page = pageOf(pages, register)
    expect(page).toBeGreaterThan(pageOf(pages, logframe))
    expect(pages[page - 1]!.startsWith(register)).toBe(true)
    expect(pages[page - 1]).toContain(ACTOR)
  }, 30_000)
})
