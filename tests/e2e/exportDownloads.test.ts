import { describe, expect, it } from 'vitest'
import { readFile } from 'node:fs/promises'
import { PNG } from 'pngjs'
import { extractText, getDocumentProxy } from 'unpdf'
import { IMAGE_CANVASES } from '../../shared/render/labels.ts'
import { importBoard } from '../helpers/server.ts'
import { browserSuite } from '../helpers/suite.ts'
import { ACTOR, CORE, MARKUP, pactBoard } from '../helpers/pactBoard.ts'

const suite = browserSuite()

const importPactBoard = () => importBoard(suite.server.url, pactBoard(12))

/** The text of an SVG as a reader sees it: every line (tspan) unescaped, joined by spaces. */
function svgText(svg: string): string {
  const lines = [...svg.matchAll(/<tspan[^>]*>([^<]*)<\/tspan>/g)].map((m) =>
    m[1]!
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, '&'),
  )
  return lines.join(' ')
}

/** The labels each canvas must show, as typed (a wrapped label is its lines joined). */
const LABELS: Record<(typeof IMAGE_CANVASES)[number], string[]> = {
  problems: [CORE, MARKUP, 'Emigrazione dei giovani'],
  objectives: ['Più giovani trovano un lavoro stabile', 'Orientamento scolastico efficace'],
  grid: [ACTOR, 'Comune di Albino'],
  map: [ACTOR, 'Comune di Albino'],
}

describe('everything the Esporta menu offers, downloaded as a person would', () => {
  it('every canvas as PNG and SVG, the pact document as PDF and the logframe as CSV', async () => {
    const board = await importPactBoard()
    const p = await suite.open(board.links.participant, 'Paola')
    // the pact tab offers every canvas
    await p.page.locator('#tab-pact').click()
    const menu = p.page.getByTestId('export-menu')

    const fetchFromMenu = async (testId: string) => {
      await expect.poll(() => menu.isEnabled()).toBe(true)
      await menu.click()
      const downloading = p.page.waitForEvent('download')
      await p.page.getByTestId(testId).click()
      const download = await downloading
      return { name: download.suggestedFilename(), bytes: await readFile((await download.path())!) }
    }

    for (const canvas of IMAGE_CANVASES) {
      const png = await fetchFromMenu(`export-${canvas}-png`)
      expect(png.name).toMatch(/^patto-val-seriana-2027-citta-piu-inclusiva-.+\.png$/)
      const image = PNG.sync.read(png.bytes)
      expect(image.width, canvas).toBeGreaterThan(1200)
      let inked = 0
      for (let i = 0; i < image.data.length; i += 4)
        if (image.data[i]! < 200 || image.data[i + 1]! < 200 || image.data[i + 2]! < 200) inked++
      expect(inked, `${canvas}: dark pixels`).toBeGreaterThan(1000)

      const svg = (await fetchFromMenu(`export-${canvas}-svg`)).bytes.toString('utf8')
      // a label may wrap anywhere (a long word is cut between letters): compare without spaces
      const text = svgText(svg).replace(/\s+/g, '')
      for (const label of LABELS[canvas])
        expect(text, `${canvas}: ${label}`).toContain(label.replace(/\s+/g, ''))
      expect(svg).not.toMatch(/<script|<img|\son\w+=/i)
    }

    const pdf = await fetchFromMenu('export-pact-pdf')
    expect(pdf.name).toMatch(/-documento-patto-\d{4}-\d{2}-\d{2}\.pdf$/)
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf.bytes)), {
      mergePages: true,
    })
    const folded = text.replace(/\s+/g, ' ')
    expect(folded).toContain(CORE)
    expect(folded).toContain('Quadro logico')
    expect(folded).toContain(ACTOR)

    const csv = await fetchFromMenu('export-logframe-csv')
    expect(csv.name).toMatch(/-quadro-logico-\d{4}-\d{2}-\d{2}\.csv$/)
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    expect(csv.bytes.toString('utf8')).toContain('Livello;Descrizione;')
    await expect.poll(() => menu.getAttribute('aria-busy')).toBe('false')

    // the whole board as JSON, from the same menu, in the format the import reads
    const json = JSON.parse((await fetchFromMenu('export-json')).bytes.toString('utf8'))
    expect(json).toMatchObject({ format: 'trama.board', title: pactBoard(12).title })
    expect(json.canvases.stakeholders.nodes.map((n: { label: string }) => n.label)).toContain(ACTOR)
  }, 180_000)

  it('names what it is preparing while the document is drawn', async () => {
    const board = await importPactBoard()
    const p = await suite.open(board.links.viewer, 'Vera')
    let release: () => void = () => {}
    const held = new Promise<void>((resolve) => (release = resolve))
    await p.page.route('**/export/pact.pdf*', async (route) => {
      await held
      await route.continue()
    })
    const menu = p.page.getByTestId('export-menu')
    // what stands beside the menu in the header stays where it is while a file is prepared
    const badge = p.page.getByTestId('connection')
    const before = await badge.boundingBox()
    await menu.click()
    const downloading = p.page.waitForEvent('download')
    await p.page.getByTestId('export-pact-pdf').click()
    await p.page
      .getByRole('status')
      .filter({ hasText: 'Preparazione di «Documento del patto (PDF)»…' })
      .waitFor()
    expect(await menu.isDisabled()).toBe(true)
    expect(await badge.boundingBox()).toEqual(before)
    release()
    await downloading
    await expect
      .poll(() => p.page.getByRole('status').filter({ hasText: 'Preparazione' }).count())
      .toBe(0)
  }, 120_000)
})
