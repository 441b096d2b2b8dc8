import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PNG } from 'pngjs'
import { putCard, putLink } from '../../shared/schema/index.ts'
import { IMAGE_CANVASES, renderCanvas, type RenderSource } from '../../shared/render/index.ts'
import { connectSynced, type Client } from '../helpers/clients.ts'
import { createBoard, exportJson, startServer } from '../helpers/server.ts'
import { waitFor } from '../helpers/wait.ts'
import type { NewBoardAnswer } from '../../server/http/routes.ts'

let server: Awaited<ReturnType<typeof startServer>>
let board: NewBoardAnswer
let client: Client

const url = (canvas: string, ext: string, query: string) =>
  `${server.url}/api/boards/${board.id}/export/${canvas}.${ext}${query}`
const withKey = (key: string, extra = '') => `?key=${encodeURIComponent(key)}${extra}`

/** Width and height from a PNG's IHDR chunk. */
const pngSize = (bytes: Buffer) => ({
  width: bytes.readUInt32BE(16),
  height: bytes.readUInt32BE(20),
})

beforeAll(async () => {
  server = await startServer()
  board = await createBoard(server.url, 'Patto Val Seriana 2027')
  client = await connectSynced(server.url, board.id, board.keys.participant)
  const doc = client.doc
  doc.transact(() => {
    putCard(doc, 'problems', 'core', {
      kind: 'problem',
      role: 'core',
      label: 'Troppi giovani NEET in valle',
      x: 300,
      y: 250,
    })
    putCard(doc, 'problems', 'c1', {
      kind: 'problem',
      role: 'cause',
      label: 'Orientamento scolastico debole: più attività',
      x: 100,
      y: 480,
    })
    putCard(doc, 'problems', 'e1', {
      kind: 'problem',
      role: 'effect',
      label: 'Città più povera <b>&</b>',
      x: 320,
      y: 20,
    })
    putLink(doc, 'problems', 'l1', { kind: 'cause-effect', source: 'c1', target: 'core' })
    putLink(doc, 'problems', 'l2', { kind: 'cause-effect', source: 'core', target: 'e1' })
    putCard(doc, 'objectives', 'o1', {
      kind: 'objective',
      derivedFrom: null,
      status: 'added',
      label: 'Un’alleanza scuola–lavoro',
      x: 0,
      y: 0,
    })
    putCard(doc, 'stakeholders', 'a1', {
      kind: 'actor',
      category: 'public',
      label: 'Comune di Albino',
      power: 0.8,
      interest: 0.7,
      x: 0,
      y: 0,
    })
    putCard(doc, 'stakeholders', 'a2', {
      kind: 'actor',
      category: 'community',
      label: 'Oratorio San Giuseppe',
      power: 0.2,
      interest: 0.6,
      x: 400,
      y: 200,
    })
    putLink(doc, 'stakeholders', 'r1', { kind: 'cooperation', source: 'a1', target: 'a2' })
  })
  // the cards have reached the server once its export holds them
  await waitFor(async () => {
    const json = (await exportJson(
      server.url,
      board.id,
      board.keys.viewer,
    )) as unknown as RenderSource
    return (
      json.canvases.stakeholders.edges.length === 1 && json.canvases.problems.nodes.length === 3
    )
  }, 'cards stored')
})
afterAll(async () => {
  client.destroy()
  await server.close()
})

describe('images of the canvases from the API', () => {
  for (const canvas of IMAGE_CANVASES) {
    it(`${canvas}: SVG is the shared renderer's picture of the exported board`, async () => {
      const res = await fetch(url(canvas, 'svg', withKey(board.keys.viewer)))
      expect(res.status).toBe(200)
      expect(res.headers.get('content-type')).toMatch(/^image\/svg\+xml/)
      const day = new Date().toISOString().slice(0, 10)
      const names = {
        problems: 'albero-problemi',
        objectives: 'albero-obiettivi',
        grid: 'griglia-stakeholder',
        map: 'mappa-stakeholder',
      }
      expect(res.headers.get('content-disposition')).toBe(
        `attachment; filename="patto-val-seriana-2027-${names[canvas]}-${day}.svg"`,
      )
      const svg = await res.text()
      const exported = (await exportJson(
        server.url,
        board.id,
        board.keys.viewer,
      )) as unknown as RenderSource
      expect(svg).toBe(renderCanvas(exported, canvas).svg)
    })

    it(`${canvas}: PNG at 2× by default and 3× on request, white, not blank`, async () => {
      const { width, height } = renderCanvas(
        (await exportJson(server.url, board.id, board.keys.facilitator)) as unknown as RenderSource,
        canvas,
      )
      const res = await fetch(url(canvas, 'png', withKey(board.keys.participant)))
      expect(res.status).toBe(200)
      expect(res.headers.get('content-type')).toBe('image/png')
      expect(res.headers.get('content-disposition')).toMatch(/\.png"$/)
      const bytes = Buffer.from(await res.arrayBuffer())
      expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
      const two = pngSize(bytes)
      expect(two.width).toBe(Math.ceil(width * 2))
      expect(Math.abs(two.height - height * 2)).toBeLessThanOrEqual(1)

      const png = PNG.sync.read(bytes)
      const pixel = (x: number, y: number) => png.data.readUInt32BE((y * png.width + x) * 4)
      expect(pixel(1, 1)).toBe(0xffffffff) // white background, opaque
      let inked = 0
      for (let i = 0; i < png.data.length; i += 4) if (png.data[i]! < 200) inked++
      expect(inked).toBeGreaterThan(1000)

      const three = await fetch(url(canvas, 'png', withKey(board.keys.participant, '&scale=3')))
      const size3 = pngSize(Buffer.from(await three.arrayBuffer()))
      expect(Math.abs(size3.width - width * 3)).toBeLessThanOrEqual(1)
      expect(Math.abs(size3.height - height * 3)).toBeLessThanOrEqual(1)
    })
  }

  it('answers 401 without a key, 403 with a wrong key, 404 for an unknown board or canvas', async () => {
    for (const ext of ['svg', 'png']) {
      expect((await fetch(url('problems', ext, ''))).status).toBe(401)
      const wrong = await fetch(url('grid', ext, withKey('not-the-key')))
      expect(wrong.status).toBe(403)
      expect(await wrong.json()).toMatchObject({ error: { code: 'WRONG_KEY' } })
      const unknown = await fetch(
        `${server.url}/api/boards/doesNotExist123/export/map.${ext}${withKey(board.keys.viewer)}`,
      )
      expect(unknown.status).toBe(404)
      expect((await fetch(url('strategy', ext, withKey(board.keys.viewer)))).status).toBe(404)
    }
    expect((await fetch(url('problems', 'gif', withKey(board.keys.viewer)))).status).toBe(404)
    expect(
      (await fetch(url('problems', 'png', withKey(board.keys.viewer, '&scale=9')))).status,
    ).toBe(400)
  })

  it('a burst of PNG downloads is drawn a few at a time, the rest asked to retry', async () => {
    const answers = await Promise.all(
      Array.from({ length: 8 }, () =>
        fetch(url('grid', 'png', withKey(board.keys.viewer, '&scale=3'))),
      ),
    )
    for (const res of answers) {
      expect([200, 503]).toContain(res.status)
      if (res.status === 503) {
        expect(res.headers.get('retry-after')).toBe('2')
        expect(await res.json()).toMatchObject({ error: { code: 'SERVER_BUSY' } })
      } else expect(PNG.sync.read(Buffer.from(await res.arrayBuffer())).width).toBeGreaterThan(0)
    }
    expect(answers.some((r) => r.status === 200)).toBe(true)
  })
})
