import { gunzipSync } from 'node:zlib'
import { request } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  PREVIEW_FORMAT,
  parsePreview,
  putCard,
  type BoardPreview,
} from '../../shared/schema/index.ts'
import { generateBoard } from '../../bench/client-board.ts'
import { connectSynced, type Client } from '../helpers/clients.ts'
import { createBoard, importBoard, startServer } from '../helpers/server.ts'
import { waitFor } from '../helpers/wait.ts'

let server: Awaited<ReturnType<typeof startServer>>
const clients: Client[] = []

beforeAll(async () => {
  server = await startServer()
})
afterAll(async () => {
  for (const c of clients) c.destroy()
  await server.close()
})

/** A GET as it goes on the wire (fetch would undo the compression before the test sees it). */
function get(
  path: string,
  acceptEncoding = 'gzip, deflate, br',
): Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${server.url}${path}`,
      { headers: { 'accept-encoding': acceptEncoding } },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () =>
          resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }),
        )
      },
    )
    req.on('error', reject)
    req.end()
  })
}

const previewPath = (id: string, key: string) => `/api/boards/${id}/preview?key=${key}`

function read(answer: { headers: Record<string, unknown>; body: Buffer }): BoardPreview {
  const text = answer.headers['content-encoding'] === 'gzip' ? gunzipSync(answer.body) : answer.body
  const preview = parsePreview(JSON.parse(text.toString('utf8')))
  expect(preview).not.toBeNull()
  return preview!
}

describe('the board preview (GET /api/boards/:id/preview)', () => {
  it('is the board as pages first draw it, gzipped for those who take it', async () => {
    const { board: exported } = generateBoard(200)
    const board = await importBoard(server.url, exported)
    const zipped = await get(previewPath(board.id, board.keys.viewer))
    expect(zipped.status).toBe(200)
    expect(zipped.headers['content-encoding']).toBe('gzip')
    expect(zipped.headers['cache-control']).toBe('no-store')
    const preview = read(zipped)
    expect(preview.format).toBe(PREVIEW_FORMAT)
    expect(preview.meta.title).toBe(exported.title)
    const cards = new Map(preview.collections['problems.nodes'])
    expect(cards.size).toBe(200)
    expect(preview.collections['problems.edges']).toHaveLength(199)
    expect(cards.get('core')).toMatchObject({ label: exported.canvases.problems.nodes[0]!.label })

    const plain = await get(previewPath(board.id, board.keys.participant), 'identity')
    expect(plain.status).toBe(200)
    expect(plain.headers['content-encoding']).toBeUndefined()
    expect(read(plain)).toEqual(preview)
  })

  it('follows the board: an edit made since is in the next one', async () => {
    const board = await importBoard(server.url, generateBoard(200).board)
    const before = read(await get(previewPath(board.id, board.keys.viewer)))
    expect(new Map(before.collections['problems.nodes']).has('late')).toBe(false)
    const writer = await connectSynced(server.url, board.id, board.keys.participant)
    clients.push(writer)
    putCard(writer.doc, 'problems', 'late', {
      kind: 'problem',
      role: 'cause',
      label: 'Arrivata dopo',
      x: 0,
      y: 900,
    })
    await waitFor(async () => {
      const after = read(await get(previewPath(board.id, board.keys.viewer)))
      return new Map(after.collections['problems.nodes']).get('late')?.label === 'Arrivata dopo'
    })
  })

  it('is not sent for a small board: its page waits for the document, in at once', async () => {
    const board = await createBoard(server.url, 'Piccola')
    const answer = await get(previewPath(board.id, board.keys.participant))
    expect(answer.status).toBe(204)
    expect(answer.body.length).toBe(0)
  })

  it('asks for the board’s key, as its socket does', async () => {
    const board = await importBoard(server.url, generateBoard(200).board)
    const wrongKey = await get(previewPath(board.id, 'x'.repeat(24)))
    expect(wrongKey.status).toBe(403)
    expect(wrongKey.body.toString()).not.toContain('problem')
    expect((await get(`/api/boards/${board.id}/preview`)).status).toBe(401)
    expect((await get(previewPath('nessuna_lavagna', board.keys.viewer))).status).toBe(404)
    expect((await get(previewPath('bad id!', board.keys.viewer))).status).toBe(404)
  })
})
