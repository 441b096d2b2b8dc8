import { describe, expect, it } from 'vitest'
import { extractText, getDocumentProxy } from 'unpdf'
import { buildPactPdf } from '../../server/export/pactPdf.ts'
import { DOCUMENT_LABELS } from '../../shared/document/labels.ts'
import { pactBoard } from '../helpers/pactBoard.ts'

const fold = (s: string) => s.replace(/\s+/g, ' ').trim()

describe('the pact document: the grid’s table', () => {
  it('comes under a heading of its own, on the page it starts on', async () => {
    const labels = DOCUMENT_LABELS.it
    const doc = await getDocumentProxy(new Uint8Array(await buildPactPdf(pactBoard(5))))
    const pages = (await extractText(doc, { mergePages: false })).text.map(fold)
    // the table's header row names its first column
    const at = pages.findIndex((text) => text.includes(labels.grid.quadrant))
    expect(at).toBeGreaterThan(0)
    const page = pages[at]!
    // on the page it starts on, its heading comes before its header row
    expect(page).toContain(labels.grid.table)
    expect(page.indexOf(labels.grid.table)).toBeLessThan(page.indexOf(labels.grid.quadrant))
  })
})
