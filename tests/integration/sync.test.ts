import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { canvasRoots, putCard, readFields, textValue } from '../../shared/schema/index.ts'
import { connectSynced, tryUpgrade, type Client } from '../helpers/clients.ts'
import { createBoard, exportJson, startServer } from '../helpers/server.ts'
import { waitFor } from '../helpers/wait.ts'

let server: Awaited<ReturnType<typeof startServer>>
const clients: Client[] = []
const connect = async (id: string, key: string) => {
  const c = await connectSynced(server.url, id, key)
  clients.push(c)
  return c
}

beforeAll(async () => {
  server = await startServer()
})
afterAll(async () => {
  for (const c of clients) c.destroy()
  await server.close()
})

const problems = (doc: Y.Doc) => canvasRoots(doc, 'problems').nodes

describe('sync', () => {
  it('two clients converge on cards written by either', async () => {
    const board = await createBoard(server.url)
    const a = await connect(board.id, board.keys.facilitator)
    const b = await connect(board.id, board.keys.participant)
    expect(a.doc.getMap('meta').get('title')).toBe('Patto Territoriale Test')

    a.doc.transact(() =>
      putCard(a.doc, 'problems', 'p1', {
        kind: 'problem',
        label: 'Pochi tirocini',
        x: 0,
        y: 0,
        role: 'core',
      }),
    )
    b.doc.transact(() =>
      putCard(b.doc, 'problems', 'p2', {
        kind: 'problem',
        label: 'Trasporti scarsi',
        x: 10,
        y: 90,
        role: 'cause',
      }),
    )
    await waitFor(
      () => problems(a.doc).size === 2 && problems(b.doc).size === 2,
      'both cards on both clients',
    )

    // concurrent edits of different fields of one card both survive
    problems(a.doc).get('p1')!.set('x', 300)
    problems(b.doc).get('p1')!.set('label', 'Pochi tirocini per NEET')
    await waitFor(
      () =>
        textValue(problems(a.doc).get('p1')?.get('label')) === 'Pochi tirocini per NEET' &&
        problems(b.doc).get('p1')?.get('x') === 300,
      'field edits merged',
    )
    expect(readFields(problems(a.doc).get('p1')!)).toEqual(readFields(problems(b.doc).get('p1')!))
    expect(Y.encodeStateVector(a.doc)).toEqual(Y.encodeStateVector(b.doc))
  })

  it('a viewer cannot write, but sees changes and its presence flows', async () => {
    const board = await createBoard(server.url)
    const editor = await connect(board.id, board.keys.participant)
    const viewer = await connect(board.id, board.keys.viewer)

    viewer.doc.transact(() =>
      putCard(viewer.doc, 'problems', 'v1', {
        kind: 'problem',
        label: 'da viewer',
        x: 0,
        y: 0,
        role: 'cause',
      }),
    )
    editor.doc.transact(() =>
      putCard(editor.doc, 'problems', 'e1', {
        kind: 'problem',
        label: 'da editor',
        x: 0,
        y: 0,
        role: 'core',
      }),
    )
    await waitFor(() => problems(viewer.doc).has('e1'), 'viewer sees the editor card')

    viewer.provider.awareness.setLocalStateField('user', { name: 'Proiettore' })
    await waitFor(
      () =>
        [...editor.provider.awareness.getStates().values()].some(
          (s) => s.user?.name === 'Proiettore',
        ),
      'viewer presence reaches the editor',
    )
    // A fresh client and the export prove the viewer's card was neither relayed nor stored.
    const third = await connect(board.id, board.keys.facilitator)
    expect(problems(third.doc).has('e1')).toBe(true)
    expect(problems(third.doc).has('v1')).toBe(false)
    expect(problems(editor.doc).has('v1')).toBe(false)
    const json = (await exportJson(server.url, board.id, board.keys.viewer)) as {
      canvases: { problems: { nodes: { id: string }[] } }
    }
    expect(json.canvases.problems.nodes.map((n) => n.id)).toEqual(['e1'])
  })

  it('refuses wrong or missing keys and unknown boards before the upgrade', async () => {
    const board = await createBoard(server.url)
    const ws = server.url.replace(/^http/, 'ws')
    expect(await tryUpgrade(`${ws}/sync/${board.id}`)).toBe(401)
    expect(await tryUpgrade(`${ws}/sync/${board.id}?key=`)).toBe(401)
    expect(await tryUpgrade(`${ws}/sync/${board.id}?key=not-a-key`)).toBe(403)
    expect(await tryUpgrade(`${ws}/sync/${board.id}?key=${board.keys.participant}x`)).toBe(403)
    expect(await tryUpgrade(`${ws}/sync/unknownboard00?key=${board.keys.participant}`)).toBe(404)
    expect(await tryUpgrade(`${ws}/elsewhere/${board.id}?key=${board.keys.participant}`)).toBe(404)
    expect(await tryUpgrade(`${ws}/sync/${board.id}?key=${board.keys.viewer}`)).toBe(101)
  })

  it('a closed connection takes its presence with it', async () => {
    const board = await createBoard(server.url)
    const a = await connect(board.id, board.keys.participant)
    const b = await connect(board.id, board.keys.participant)
    b.provider.awareness.setLocalStateField('user', { name: 'Bruna' })
    const bId = b.doc.clientID
    await waitFor(() => a.provider.awareness.getStates().has(bId), 'presence arrives')
    b.provider.disconnect()
    await waitFor(() => !a.provider.awareness.getStates().has(bId), 'presence removed')
  })
})
