import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  SCHEMA_VERSION,
  canvasRoots,
  putCard,
  putLink,
  textValue,
} from '../../shared/schema/index.ts'
import { connectSynced, type Client } from '../helpers/clients.ts'
import { createBoard, exportJson, startServer } from '../helpers/server.ts'
import { waitFor } from '../helpers/wait.ts'

let server: Awaited<ReturnType<typeof startServer>>
const clients: Client[] = []
const load = (name: string) =>
  JSON.parse(readFileSync(join(import.meta.dirname, '..', 'fixtures', name), 'utf8'))
const fixture = load(`board-v${SCHEMA_VERSION}.json`)

beforeAll(async () => {
  server = await startServer()
})
afterAll(async () => {
  for (const c of clients) c.destroy()
  await server.close()
})

const post = (path: string, body: string, type = 'application/json') =>
  fetch(`${server.url}${path}`, { method: 'POST', headers: { 'content-type': type }, body })

const boardCount = () => server.store.countBoards()

describe('HTTP API', () => {
  it('answers health', async () => {
    const res = await fetch(`${server.url}/healthz`)
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({ status: 'ok' })
  })

  it('creates a board with three distinct random keys and links', async () => {
    const board = await createBoard(server.url, '  Patto Val Seriana  ')
    expect(board.id).toMatch(/^[A-Za-z0-9_-]{8,64}$/)
    const keys = Object.values(board.keys)
    expect(new Set(keys).size).toBe(3)
    for (const key of keys) expect(Buffer.from(key, 'base64url').length).toBeGreaterThanOrEqual(16)
    for (const role of ['facilitator', 'participant', 'viewer'] as const) {
      expect(board.links[role]).toContain(`/b/${board.id}`)
      expect(board.links[role]).toContain(board.keys[role])
      expect(new URL(board.links[role]).origin).toBe(server.url)
    }
    const info = await fetch(`${server.url}/api/boards/${board.id}?key=${board.keys.viewer}`)
    expect(await info.json()).toEqual({ id: board.id, title: 'Patto Val Seriana', role: 'viewer' })
  })

  it('gives links with the network address when the facilitator opened Trama at localhost', async () => {
    // 192.0.2.10 is a documentation address: it only appears in the links, nothing connects to it.
    const lan = await startServer({ lanHost: '192.0.2.10' })
    const withUrl = await startServer({ publicUrl: 'https://trama.example.org/' })
    try {
      const board = await createBoard(lan.url)
      expect(new URL(board.links.participant).origin).toBe(`http://192.0.2.10:${lan.port}`)
      const pub = await createBoard(withUrl.url)
      expect(pub.links.viewer.startsWith(`https://trama.example.org/b/${pub.id}#key=`)).toBe(true)
    } finally {
      await lan.close()
      await withUrl.close()
    }
  })

  it('stores keys only as hashes', async () => {
    const board = await createBoard(server.url)
    const record = (await server.store.getBoard(board.id))!
    const raw = JSON.stringify(record)
    for (const key of Object.values(board.keys)) expect(raw).not.toContain(key)
    expect(record.keyHashes.facilitator.length).toBe(32)
  })

  it('rejects bad board bodies with a message', async () => {
    const before = await boardCount()
    for (const [body, type, status, code] of [
      ['{"title": ""}', 'application/json', 400, 'BAD_REQUEST'],
      ['{"title": 5}', 'application/json', 400, 'BAD_REQUEST'],
      ['{"nope": true}', 'application/json', 400, 'BAD_REQUEST'],
      ['{"title": "x"', 'application/json', 400, 'BAD_JSON'],
      // valid JSON the parser does not build: told why, not "not valid JSON"
      ['{"title": "x", "__proto__": {"a": 1}}', 'application/json', 400, 'BAD_REQUEST'],
      ['title=x', 'text/plain', 415, 'UNSUPPORTED_MEDIA_TYPE'],
      [JSON.stringify({ title: 'x'.repeat(20_000) }), 'application/json', 413, 'BODY_TOO_LARGE'],
    ] as const) {
      const res = await post('/api/boards', body, type)
      expect(res.status, body.slice(0, 30)).toBe(status)
      const json = (await res.json()) as { error: { code: string; message: string } }
      expect(json.error.code).toBe(code)
      expect(json.error.message.length).toBeGreaterThan(5)
      if (body.includes('__proto__'))
        expect(json.error).toMatchObject({ details: [expect.stringContaining('__proto__')] })
    }
    expect(await boardCount()).toBe(before)
  })

  it('export needs a valid key of the board', async () => {
    const board = await createBoard(server.url)
    const other = await createBoard(server.url)
    const url = (id: string, key?: string) =>
      `${server.url}/api/boards/${id}/export.json${key === undefined ? '' : `?key=${key}`}`
    expect((await fetch(url(board.id))).status).toBe(401)
    expect((await fetch(url(board.id, other.keys.facilitator))).status).toBe(403)
    expect((await fetch(url('doesnotexist1', board.keys.viewer))).status).toBe(404)
    for (const key of Object.values(board.keys))
      expect((await fetch(url(board.id, key))).status).toBe(200)
  })

  it('names the files it gives by the board’s title and day, as the images and the pact are; a version by its name, else its date and time', async () => {
    const board = await createBoard(server.url, 'Patto Città più inclusiva')
    const res = await fetch(
      `${server.url}/api/boards/${board.id}/export.json?key=${board.keys.viewer}`,
    )
    expect(res.headers.get('content-disposition')).toMatch(
      /^attachment; filename="patto-citta-piu-inclusiva-lavagna-\d{4}-\d{2}-\d{2}\.json"$/,
    )
    const versions = `${server.url}/api/boards/${board.id}/versions`
    const save = async (name: string) => {
      const saved = await fetch(`${versions}?key=${board.keys.facilitator}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name }),
      })
      expect(saved.status).toBe(201)
      return (await saved.json()) as { id: number; at: number }
    }
    const fileName = async (id: number, tz = 'Europe/Rome') => {
      const version = await fetch(
        `${versions}/${id}/export.json?key=${board.keys.viewer}&tz=${encodeURIComponent(tz)}`,
      )
      expect(version.status).toBe(200)
      return /^attachment; filename="([^"]+)"$/.exec(
        version.headers.get('content-disposition') ?? '',
      )?.[1]
    }
    /** The moment as a reader in Rome reads it, to the minute or the second: 2026-12-04-1130. */
    const inRome = (at: number, seconds = false) =>
      new Date(at)
        .toLocaleString('sv-SE', { timeZone: 'Europe/Rome' })
        .replace(' ', '-')
        .replace(/:/g, '')
        .slice(0, seconds ? 17 : 15)

    // an automatic version (the state before the first change) has no name: its date and time
    const writer = await connectSynced(server.url, board.id, board.keys.participant)
    clients.push(writer)
    writer.doc.getMap('meta').set('title', 'Patto Città più inclusiva')
    let automatic: { id: number; at: number; name: string | null } | undefined
    await waitFor(async () => {
      const list = (await (await fetch(`${versions}?key=${board.keys.viewer}`)).json()) as {
        versions: { id: number; at: number; name: string | null }[]
      }
      automatic = list.versions.find((v) => v.name === null)
      return !!automatic
    }, 'automatic version')
    expect(await fileName(automatic!.id)).toBe(
      `patto-citta-piu-inclusiva-versione-${inRome(automatic!.at)}.json`,
    )
    const named = await save('Fine laboratorio!')
    expect(await fileName(named.id)).toBe('patto-citta-piu-inclusiva-fine-laboratorio.json')

    // the time is the reader's: a zone unknown to the server is ignored, not an error
    expect(await fileName(automatic!.id, 'Nowhere/Atlantis')).toMatch(
      /^patto-citta-piu-inclusiva-versione-\d{4}-\d{2}-\d{2}-\d{4}\.json$/,
    )

    // a name given twice: each file takes its time too, so neither overwrites the other
    const again = await save('Fine laboratorio')
    const first = await fileName(named.id)
    const second = await fileName(again.id)
    expect(first).toMatch(/^patto-citta-piu-inclusiva-fine-laboratorio-\d{4}-\d{2}-\d{2}-\d{4,6}/)
    expect(second).toMatch(/^patto-citta-piu-inclusiva-fine-laboratorio-\d{4}-\d{2}-\d{2}-\d{4,6}/)
    expect(first).not.toBe(second)
    const base = 'patto-citta-piu-inclusiva-fine-laboratorio'
    expect([
      `${base}-${inRome(again.at)}.json`,
      `${base}-${inRome(again.at, true)}.json`,
      // saved in the same second: its number too
      `${base}-${inRome(again.at, true)}-${again.id}.json`,
    ]).toContain(second)
  })

  it('exports what clients wrote, and import → export gives the same JSON but exportedAt', async () => {
    const board = await createBoard(server.url, 'Round trip')
    const c = await connectSynced(server.url, board.id, board.keys.participant)
    clients.push(c)
    c.doc.transact(() => {
      putCard(c.doc, 'problems', 'core', {
        kind: 'problem',
        label: 'Disoccupazione giovanile',
        x: 0,
        y: 0,
        role: 'core',
      })
      putCard(c.doc, 'problems', 'cause1', {
        kind: 'problem',
        label: 'Scarso orientamento',
        x: -120,
        y: 160,
        role: 'cause',
        note: 'dati CPI 2025',
      })
      putLink(c.doc, 'problems', 'l1', { source: 'cause1', target: 'core', kind: 'cause-effect' })
    })
    await waitFor(async () => {
      const json = (await exportJson(server.url, board.id, board.keys.viewer)) as typeof fixture
      return json.canvases.problems.edges.length === 1
    }, 'export has the link')
    const first = await exportJson(server.url, board.id, board.keys.viewer)
    expect(first).toMatchObject({
      format: 'trama.board',
      schemaVersion: SCHEMA_VERSION,
      title: 'Round trip',
    })

    const imported = await post('/api/boards/import', JSON.stringify(first))
    expect(imported.status).toBe(201)
    const copy = (await imported.json()) as { id: string; keys: { viewer: string } }
    expect(copy.id).not.toBe(board.id)
    const second = await exportJson(server.url, copy.id, copy.keys.viewer)
    expect({ ...second, exportedAt: 'x' }).toEqual({ ...first, exportedAt: 'x' })

    const live = await connectSynced(server.url, copy.id, copy.keys.viewer)
    clients.push(live)
    expect(textValue(canvasRoots(live.doc, 'problems').nodes.get('cause1')?.get('note'))).toBe(
      'dati CPI 2025',
    )
  })

  it('imports exports of every schema version, migrated to the current one', async () => {
    for (const [file, expectedFile] of [
      ['board-v1.json', 'board-v1.migrated.json'],
      ['board-v2.json', 'board-v2.migrated.json'],
      ['board-v3.json', 'board-v3.migrated.json'],
      ['board-v4.json', 'board-v4.migrated.json'],
      ['board-v5.json', 'board-v5.migrated.json'],
      ['board-v6.json', 'board-v6.migrated.json'],
      ['board-v7.json', 'board-v7.json'],
    ] as const) {
      const res = await post('/api/boards/import', JSON.stringify(load(file)))
      expect(res.status, file).toBe(201)
      const board = (await res.json()) as { id: string; keys: { viewer: string } }
      const out = await exportJson(server.url, board.id, board.keys.viewer)
      expect({ ...out, exportedAt: 'x' }, file).toEqual({ ...load(expectedFile), exportedAt: 'x' })
    }
  })

  it('refuses bad imports with a message and creates nothing', async () => {
    const before = await boardCount()
    const withLink = (edge: object) => ({
      ...fixture,
      canvases: { ...fixture.canvases, problems: { ...fixture.canvases.problems, edges: [edge] } },
    })
    const cases: [string, number, string, RegExp][] = [
      ['{ not json', 400, 'BAD_JSON', /./],
      [JSON.stringify({ hello: 1 }), 400, 'INVALID_EXPORT', /format/],
      [JSON.stringify({ ...fixture, format: 'miro' }), 400, 'INVALID_EXPORT', /format/],
      [JSON.stringify({ ...fixture, schemaVersion: 99 }), 422, 'NEWER_SCHEMA', /99/],
      [JSON.stringify({ ...fixture, title: 42 }), 400, 'INVALID_EXPORT', /title/],
      [
        JSON.stringify(
          withLink({ id: 'x', source: 'ghost', target: 'core', kind: 'cause-effect' }),
        ),
        400,
        'INVALID_EXPORT',
        /unknown card ghost/,
      ],
      [
        JSON.stringify({
          ...fixture,
          canvases: {
            problems: {
              nodes: [{ id: 'a', kind: 'problem', label: 'x', x: 'left', y: 0, role: 'core' }],
              edges: [],
            },
          },
        }),
        400,
        'INVALID_EXPORT',
        /canvases\.problems\.nodes\.0\.x/,
      ],
    ]
    for (const [body, status, code, detail] of cases) {
      const res = await post('/api/boards/import', body)
      expect(res.status, body.slice(0, 40)).toBe(status)
      const json = (await res.json()) as { error: { code: string; details?: string[] } }
      expect(json.error.code).toBe(code)
      if (json.error.details) expect(json.error.details.join('\n')).toMatch(detail)
    }
    // described in the language the page asks for first (Italian), English otherwise
    const wrongType = JSON.stringify({
      ...fixture,
      canvases: {
        ...fixture.canvases,
        problems: { ...fixture.canvases.problems, nodes: [{ id: 'n', label: 3 }] },
      },
    })
    for (const [language, message] of [
      ['it-IT,it;q=0.9,en;q=0.8', /nodes\.0\.label \(id «n»\): dovrebbe essere un testo/],
      ['en-GB,it;q=0.5', /nodes\.0\.label \(id "n"\): Invalid input: expected string/],
    ] as const) {
      const res = await fetch(`${server.url}/api/boards/import`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'accept-language': language },
        body: wrongType,
      })
      expect(res.status).toBe(400)
      const json = (await res.json()) as { error: { details: string[] } }
      expect(json.error.details.join('\n'), language).toMatch(message)
    }
    const huge = await startServer({ maxImportBytes: 200 })
    try {
      const res = await fetch(`${huge.url}/api/boards/import`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(fixture),
      })
      expect(res.status).toBe(413)
    } finally {
      await huge.close()
    }
    expect(await boardCount()).toBe(before)
  })
})
