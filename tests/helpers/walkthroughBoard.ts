import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { extractText, getDocumentProxy } from 'unpdf'
import { buildPactPdf, SECTIONS } from '../../server/export/pactPdf.ts'
import { parseBoardExport } from '../../shared/export/restore.ts'

const fold = (s: string) => s.replace(/\s+/g, ' ').trim()

/**
 * The pages of the pact document's `ids` sections for the board a walkthrough of the app wrote
 * (tests/fixtures/workshop-lecco.json: a workshop in Lecco, six actors, a branch of the problem
 * tree never linked to the core problem), each page's text with its blanks made single spaces,
 * the title page left out.
 */
export async function walkthroughPdfPages(
  ids: readonly string[],
): Promise<{ text: string; sideways: boolean }[]> {
  const parsed = parseBoardExport(
    JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures/workshop-lecco.json'), 'utf8')),
  )
  if (!parsed.ok) throw new Error('the fixture does not import')
  const sections = SECTIONS.filter((s) => ids.includes(s.id))
  const doc = await getDocumentProxy(new Uint8Array(await buildPactPdf(parsed.board, { sections })))
  const text = (await extractText(doc, { mergePages: false })).text.map(fold)
  const pages = await Promise.all(
    text.map(async (t, i) => {
      const [, , width, height] = (await doc.getPage(i + 1)).view as number[]
      return { text: t, sideways: width! > height! }
    }),
  )
  return pages.slice(1)
}
