/**
 * The stakeholder grid and map in the pact document: under their section's title, on one page.
 * The board is a workshop's, written in a walkthrough of the app (six actors, a few relations).
 */
import { describe, expect, it } from 'vitest'
import { extractText, getDocumentProxy } from 'unpdf'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { buildPactPdf, SECTIONS } from '../../server/export/pactPdf.ts'
import { parseBoardExport } from '../../shared/export/restore.ts'

const fold = (s: string) => s.replace(/\s+/g, ' ').trim()

async function pictureSections() {
  const parsed = parseBoardExport(
    JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures/workshop-lecco.json'), 'utf8')),
  )
  if (!parsed.ok) throw new Error('the fixture does not import')
  const sections = SECTIONS.filter((s) => s.id === 'grid' || s.id === 'map')
  const doc = await getDocumentProxy(new Uint8Array(await buildPactPdf(parsed.board, { sections })))
  const text = (await extractText(doc, { mergePages: false })).text.map(fold)
  const pages = await Promise.all(
    text.map(async (t, i) => {
      const [, , width, height] = (await doc.getPage(i + 1)).view as number[]
      return { text: t, sideways: width! > height! }
    }),
  )
  return pages.slice(1) // the title page
}

describe('the stakeholder pictures in the pact document', () => {
  it('draws the grid and the map under their titles, each on one sideways page', async () => {
    const pages = await pictureSections()
    // before: each title alone on an upright page, the picture on the next (sideways) one, and
    // the map in two pieces that each showed nearly all of it
    expect(pages).toHaveLength(3) // the grid, its engagement table, the map
    const grid = pages.find((p) => p.text.startsWith('Griglia potere/interesse'))!
    expect(grid.sideways).toBe(true)
    expect(grid.text).toContain('Gestire da vicino')
    expect(grid.text).toContain('Legenda')
    const map = pages.find((p) => p.text.startsWith('Mappa delle relazioni'))!
    expect(map.sideways).toBe(true)
    expect(map.text).toContain('Confartigianato Lecco')
    expect(map.text).toContain('Legenda')
    expect(pages.some((p) => /Parte \d di/.test(p.text))).toBe(false)
  }, 30_000)
})
