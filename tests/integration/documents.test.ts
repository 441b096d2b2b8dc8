import { describe, expect, it } from 'vitest'
import { extractText, getDocumentProxy } from 'unpdf'
import { readCsv } from '../../shared/stakeholders/csvCore.ts'
import { CSV_TABLES } from '../../shared/document/csv.ts'
import type { NewBoardAnswer } from '../../server/http/routes.ts'
import { integrationSuite } from '../helpers/teardown.ts'
import { CORE, MARKUP, pactBoard } from '../helpers/pactBoard.ts'
import { waitFor } from '../helpers/wait.ts'
import { putCard } from '../../shared/schema/index.ts'
import type { BoardExport } from '../../shared/export/format.ts'

const suite = integrationSuite()

/**
 * The pact board with two dot votes on its problems: one revealed (Zoë and Aurora put 3 dots on
 * the core problem and 1 on a cause between them; a third person's dot is on a card deleted
 * since), one still open, whose tally nobody has been shown.
 */
function votedBoard(): BoardExport {
  const board = pactBoard(12)
  board.votes = {
    votes: [
      {
        id: 'v-open',
        canvas: 'problems',
        label: 'Voto in corso',
        dots: 3,
        state: 'open',
        createdAt: '2026-12-02T11:00:00.000Z',
      },
      {
        id: 'v-causes',
        canvas: 'problems',
        label: 'Cause prioritarie',
        dots: 3,
        state: 'revealed',
        createdAt: '2026-12-02T10:00:00.000Z',
      },
    ],
    dots: [
      { id: 'd1', vote: 'v-causes', card: 'core', voter: 'p-zoe', voterName: 'Zoë' },
      { id: 'd2', vote: 'v-causes', card: 'core', voter: 'p-zoe', voterName: 'Zoë' },
      { id: 'd3', vote: 'v-causes', card: 'c1', voter: 'p-zoe', voterName: 'Zoë' },
      { id: 'd4', vote: 'v-causes', card: 'core', voter: 'p-aurora', voterName: 'Aurora' },
      { id: 'd5', vote: 'v-causes', card: 'gone', voter: 'p-ugo', voterName: 'Ugo' },
      { id: 'd6', vote: 'v-open', card: 'e1', voter: 'p-zoe', voterName: 'Zoë' },
    ],
  }
  return board
}

async function importBoard(
  url: string,
  board: BoardExport = pactBoard(12),
): Promise<NewBoardAnswer> {
  const res = await fetch(`${url}/api/boards/import`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(board),
  })
  expect(res.status).toBe(201)
  return (await res.json()) as NewBoardAnswer
}

const get = (url: string, id: string, file: string, query: string) =>
  fetch(`${url}/api/boards/${id}/export/${file}${query}`)
const key = (k: string, extra = '') => `?key=${encodeURIComponent(k)}${extra}`

describe('documents from the API', () => {
  it('pact.pdf: any role’s key gets the A4 document of the board as it is now', async () => {
    const server = await suite.server()
    const board = await importBoard(server.url)
    const res = await get(server.url, board.id, 'pact.pdf', key(board.keys.viewer))
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/pdf')
    expect(res.headers.get('content-disposition')).toMatch(
      /^attachment; filename="patto-val-seriana-2027-citta-piu-inclusiva-documento-patto-\d{4}-\d{2}-\d{2}\.pdf"$/,
    )
    const bytes = new Uint8Array(await res.arrayBuffer())
    const text = (await extractText(await getDocumentProxy(bytes), { mergePages: true })).text
    expect(text.replace(/\s+/g, ' ')).toContain(CORE)
    expect(text).toContain('Quadro logico')

    const english = await get(
      server.url,
      board.id,
      'pact.pdf',
      key(board.keys.participant, '&lang=en'),
    )
    expect(english.status).toBe(200)
    const en = await extractText(
      await getDocumentProxy(new Uint8Array(await english.arrayBuffer())),
      { mergePages: true },
    )
    expect(en.text).toContain('Logical framework')
  }, 60_000)

  it('pact.pdf names the people the activity log recorded, beside those on the cards', async () => {
    const server = await suite.server()
    const board = await importBoard(server.url)
    const client = await suite.client(server.url, board.id, board.keys.participant)
    client.provider.awareness.setLocalStateField('user', { name: 'Wanda Ferrò', color: '#335' })
    // a change made once the server has heard the presence is recorded under its name
    await waitFor(async () => {
      const res = await fetch(
        `${server.url}/api/boards/${board.id}/activity${key(board.keys.viewer)}`,
      )
      client.doc.transact(() =>
        putCard(client.doc, 'problems', `w-${Date.now()}`, {
          kind: 'problem',
          role: 'cause',
          label: 'Trasporti scarsi',
          x: 0,
          y: 400,
        }),
      )
      const { activity } = (await res.json()) as { activity: { name: string | null }[] }
      return activity.some((e) => e.name === 'Wanda Ferrò')
    })
    const res = await get(server.url, board.id, 'pact.pdf', key(board.keys.viewer))
    const bytes = new Uint8Array(await res.arrayBuffer())
    const [first] = (await extractText(await getDocumentProxy(bytes), { mergePages: false })).text
    expect(first!.replace(/\s+/g, ' ')).toContain('Aurora, Niccolò, Wanda Ferrò, Zoë')
  }, 60_000)

  it('every table as an Italian CSV: BOM, semicolons, a header and the rows', async () => {
    const server = await suite.server()
    const board = await importBoard(server.url, votedBoard())
    for (const table of CSV_TABLES) {
      const res = await get(server.url, board.id, `${table}.csv`, key(board.keys.viewer))
      expect(res.status, table).toBe(200)
      expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8')
      expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename=".+\.csv"$/)
      const bytes = new Uint8Array(await res.arrayBuffer())
      expect([...bytes.subarray(0, 3)], table).toEqual([0xef, 0xbb, 0xbf])
      const read = readCsv(new TextDecoder().decode(bytes), ';')
      expect(read.ok && read.records.length > 1, table).toBe(true)
    }
    const logframe = await get(server.url, board.id, 'logframe.csv', key(board.keys.facilitator))
    const text = await logframe.text()
    expect(text).toContain('Livello;Descrizione;Indicatori oggettivamente verificabili')
    expect(text.split('Attività numero').length - 1).toBe(11)
  })

  it('a revealed dot vote’s ranking is in the document under its canvas and in its spreadsheet; an open one in neither', async () => {
    const server = await suite.server()
    const board = await importBoard(server.url, votedBoard())
    const res = await get(server.url, board.id, 'pact.pdf', key(board.keys.viewer))
    const bytes = new Uint8Array(await res.arrayBuffer())
    const pages = (await extractText(await getDocumentProxy(bytes), { mergePages: false })).text
    const flat = pages.map((p) => p.replace(/\s+/g, ' '))
    const at = flat.findIndex((p) => p.includes('Votazione a punti: «Cause prioritarie»'))
    expect(at).toBeGreaterThan(0)
    // after the problem tree, before the objectives
    expect(flat.slice(0, at + 1).some((p) => p.includes('Albero dei problemi'))).toBe(true)
    const page = flat[at]!
    expect(page).toContain('3 persone hanno votato, 5 punti in tutto')
    expect(page).toContain(`Posizione Carta Punti 1 ${CORE} 3 2 ${MARKUP} 1`)
    expect(flat.join(' ')).not.toContain('Voto in corso')

    const csv = await get(server.url, board.id, 'dots.csv', key(board.keys.viewer))
    expect(csv.headers.get('content-disposition')).toMatch(
      /filename="patto-val-seriana-2027-citta-piu-inclusiva-votazioni-a-punti-\d{4}-\d{2}-\d{2}\.csv"/,
    )
    const read = readCsv((await csv.text()).replace(/^\uFEFF/, ''), ';')
    expect(read.ok && read.records.map((r) => r.fields)).toEqual([
      ['Votazione', 'Su', 'Posizione', 'Carta', 'Punti'],
      ['Cause prioritarie', 'Problemi', '1', CORE, '3'],
      ['Cause prioritarie', 'Problemi', '2', MARKUP, '1'],
    ])
  }, 60_000)

  it('answers 401 without a key, 403 with a wrong key, 404 for an unknown board or document', async () => {
    const server = await suite.server()
    const board = await importBoard(server.url)
    for (const file of ['pact.pdf', 'logframe.csv', 'scores.csv']) {
      expect((await get(server.url, board.id, file, '')).status, file).toBe(401)
      const wrong = await get(server.url, board.id, file, key('x'.repeat(32)))
      expect(wrong.status, file).toBe(403)
      expect(((await wrong.json()) as { error: { code: string } }).error.code).toBe('WRONG_KEY')
      const unknown = await get(server.url, 'AAAAAAAAAAAAAAAA', file, key(board.keys.viewer))
      expect(unknown.status, file).toBe(404)
      const badLang = await get(server.url, board.id, file, key(board.keys.viewer, '&lang=fr'))
      expect(badLang.status, file).toBe(400)
    }
    for (const file of ['pact.docx', 'budget.csv', 'pact.csv', 'logframe.pdf'])
      expect((await get(server.url, board.id, file, key(board.keys.viewer))).status, file).toBe(404)
  })
})
