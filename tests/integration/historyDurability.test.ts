import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { textValue } from '../../shared/schema/index.ts'
import { connectSynced } from '../helpers/clients.ts'
import { killHard, startServerProcess } from '../helpers/child.ts'
import { createBoard, tempDataDir } from '../helpers/server.ts'
import { integrationSuite } from '../helpers/teardown.ts'
import { waitFor } from '../helpers/wait.ts'
import { addTree, api, declareName, deleteEverything, problemCards } from '../helpers/history.ts'

const suite = integrationSuite()

describe('history: durability and concurrency', () => {
  it(
    'versions, the activity record and the bin survive kill -9 and restart',
    { timeout: 120_000 },
    async () => {
      const data = tempDataDir()
      suite.later(() => data.remove())
      const first = await startServerProcess(data.dir)
      suite.later(() => killHard(first.child))
      const board = await createBoard(first.url)
      const writer = await connectSynced(first.url, board.id, board.keys.participant)
      const watcher = await connectSynced(first.url, board.id, board.keys.viewer)
      suite.later(() => writer.destroy())
      suite.later(() => watcher.destroy())
      declareName(writer, 'Anna')
      await waitFor(
        () =>
          [...watcher.provider.awareness.getStates().values()].some((s) => s.user?.name === 'Anna'),
        'presence name known',
      )
      addTree(writer.doc, 'k', 12)
      // the tree reaches the server before the named version is asked for (the request could
      // otherwise overtake it, and the version before the first change would be the named one)
      await waitFor(() => problemCards(watcher.doc).size === 12, 'tree arrived')
      const named = await api(
        first.url,
        'POST',
        `/api/boards/${board.id}/versions`,
        board.keys.facilitator,
        {
          name: 'Fine primo incontro',
        },
      )
      expect(named.status).toBe(201)
      deleteEverything(writer.doc)
      // the moment the deletion is seen, the version before it is on disk: kill now
      await waitFor(() => problemCards(watcher.doc).size === 0, 'deletion relayed')
      await killHard(first.child)
      writer.provider.disconnect()
      watcher.provider.disconnect()

      const second = await startServerProcess(data.dir)
      suite.later(() => killHard(second.child))
      const versions = (
        await api(second.url, 'GET', `/api/boards/${board.id}/versions`, board.keys.viewer)
      ).body.versions
      const reasons = versions.map((v: { reason: string }) => v.reason)
      expect(reasons).toContain('initial')
      expect(reasons).toContain('named')
      const bulk = versions.find((v: { reason: string }) => v.reason === 'bulk')
      expect(bulk.counts['problems.nodes']).toBe(12)
      const activity = (
        await api(second.url, 'GET', `/api/boards/${board.id}/activity`, board.keys.viewer)
      ).body.activity
      expect(activity.length).toBeGreaterThanOrEqual(2)
      expect(activity[0]).toMatchObject({ role: 'participant', name: 'Anna' })
      expect(activity[0].changes['problems.nodes'].deleted).toHaveLength(12)
      const bin = (await api(second.url, 'GET', `/api/boards/${board.id}/bin`, board.keys.viewer))
        .body.bin
      expect(
        bin.filter((e: { collection: string }) => e.collection === 'problems.nodes'),
      ).toHaveLength(12)

      const restored = await api(
        second.url,
        'POST',
        `/api/boards/${board.id}/versions/${bulk.id}/restore`,
        board.keys.facilitator,
      )
      expect(restored.status).toBe(200)
      const fresh = await connectSynced(second.url, board.id, board.keys.viewer)
      suite.later(() => fresh.destroy())
      expect(problemCards(fresh.doc).size).toBe(12)
    },
  )

  it('a restore while another participant types loses neither the restore nor the typing', async () => {
    const server = await suite.server()
    const board = await createBoard(server.url)
    const facilitator = await suite.client(server.url, board.id, board.keys.facilitator)
    const typist = await suite.client(server.url, board.id, board.keys.participant)
    const vandal = await suite.client(server.url, board.id, board.keys.participant)
    addTree(facilitator.doc, 'c', 14)
    await waitFor(
      () => problemCards(vandal.doc).size === 14 && problemCards(typist.doc).size === 14,
      'tree',
    )
    const saved = await api(
      server.url,
      'POST',
      `/api/boards/${board.id}/versions`,
      board.keys.facilitator,
      {
        name: 'Prima',
      },
    )
    // everyone but the typist's card goes
    vandal.doc.transact(() => {
      for (const id of [...problemCards(vandal.doc).keys()])
        if (id !== 'c0') problemCards(vandal.doc).delete(id)
    })
    await waitFor(() => problemCards(typist.doc).size === 1, 'deletion arrived')

    let closed = false
    typist.provider.on('status', ({ status }: { status: string }) => {
      if (status !== 'connected') closed = true
    })
    const label = () => problemCards(typist.doc).get('c0')!.get('label') as Y.Text
    let typing = true
    let typed = 0
    const typeLoop = (async () => {
      while (typing) {
        label().insert(label().length, String.fromCharCode(97 + (typed++ % 26)))
        await new Promise((r) => setTimeout(r, 5))
      }
    })()
    await waitFor(() => typed > 20, 'typing started')
    const restored = await api(
      server.url,
      'POST',
      `/api/boards/${board.id}/versions/${saved.body.id}/restore`,
      board.keys.facilitator,
    )
    expect(restored.status).toBe(200)
    // what the typist writes from now on must all stay
    await waitFor(() => problemCards(typist.doc).size === 14, 'restore reached the typist')
    const mark = ' FINE'
    typing = false
    await typeLoop
    label().insert(label().length, mark)
    const finalText = () => textValue(problemCards(typist.doc).get('c0')!.get('label'))
    for (const c of [facilitator, vandal])
      await waitFor(
        () =>
          problemCards(c.doc).size === 14 &&
          textValue(problemCards(c.doc).get('c0')!.get('label')) === finalText(),
        'everyone converged on the typist’s text and the restored cards',
      )
    expect(finalText().startsWith('Problema c0')).toBe(true)
    expect(finalText().endsWith(mark)).toBe(true)
    expect(closed).toBe(false)
    const fresh = await suite.client(server.url, board.id, board.keys.viewer)
    expect(problemCards(fresh.doc).size).toBe(14)
    expect(textValue(problemCards(fresh.doc).get('c0')!.get('label'))).toBe(finalText())
  })
})
