import { describe, expect, it } from 'vitest'
import { collectionRoot, putRecord, textValue } from '../../shared/schema/index.ts'
import { createBoard } from '../helpers/server.ts'
import { integrationSuite } from '../helpers/teardown.ts'
import { waitFor } from '../helpers/wait.ts'
import { addTree, api, problemCards, problemLinks } from '../helpers/history.ts'

const suite = integrationSuite()

describe('history: the bin', () => {
  it('a deleted card comes back from the bin with its links, by a participant', async () => {
    const server = await suite.server()
    const board = await createBoard(server.url)
    const writer = await suite.client(server.url, board.id, board.keys.participant)
    const watcher = await suite.client(server.url, board.id, board.keys.viewer)
    addTree(writer.doc, 'c', 4)
    await waitFor(() => problemLinks(watcher.doc).size === 3, 'tree arrived')
    // c2 and both its links, as the page deletes a card
    writer.doc.transact(() => {
      problemCards(writer.doc).delete('c2')
      problemLinks(writer.doc).delete('cl2')
      problemLinks(writer.doc).delete('cl3')
    })
    await waitFor(() => problemCards(watcher.doc).size === 3, 'deletion arrived')
    const bin = await api(server.url, 'GET', `/api/boards/${board.id}/bin`, board.keys.viewer)
    expect(bin.status).toBe(200)
    const card = bin.body.bin.find((e: any) => e.recordId === 'c2')
    expect(card).toMatchObject({
      collection: 'problems.nodes',
      label: 'Problema c2',
      role: 'participant',
    })
    expect(card.fields).toMatchObject({ kind: 'problem', label: 'Problema c2', role: 'cause' })
    // its links went in the same change: they come back with it, and are not listed apart
    expect(bin.body.bin.map((e: any) => e.recordId)).toEqual(['c2'])

    const back = await api(
      server.url,
      'POST',
      `/api/boards/${board.id}/bin/${card.id}/restore`,
      board.keys.participant,
    )
    expect(back.status).toBe(200)
    expect(back.body.restored).toHaveLength(3)
    await waitFor(
      () => problemCards(watcher.doc).size === 4 && problemLinks(watcher.doc).size === 3,
      'the card and its links are back for everyone',
    )
    expect(textValue(problemCards(watcher.doc).get('c2')!.get('label'))).toBe('Problema c2')
    expect(problemLinks(watcher.doc).get('cl3')!.get('target')).toBe('c2')
    expect(
      (await api(server.url, 'GET', `/api/boards/${board.id}/bin`, board.keys.viewer)).body.bin,
    ).toEqual([])
    // the activity says the card came back from the bin, not that someone wrote it again
    const activity = await api(
      server.url,
      'GET',
      `/api/boards/${board.id}/activity`,
      board.keys.viewer,
    )
    const [restored, deleted] = activity.body.activity
    expect(restored).toMatchObject({ restore: 'bin', role: 'participant' })
    expect(restored.changes['problems.nodes'].created.map((r: any) => r.label)).toEqual([
      'Problema c2',
    ])
    expect(deleted.restore).toBeNull()
    // twice is refused: it is on the board
    const again = await api(
      server.url,
      'POST',
      `/api/boards/${board.id}/bin/${card.id}/restore`,
      board.keys.facilitator,
    )
    expect(again.status).toBe(409)
  })

  it('scores taken back are not listed in the bin; a deleted candidate is, and comes back with its scores', async () => {
    const server = await suite.server()
    const board = await createBoard(server.url)
    const writer = await suite.client(server.url, board.id, board.keys.participant)
    const watcher = await suite.client(server.url, board.id, board.keys.viewer)
    const scores = () => collectionRoot(watcher.doc, 'strategy.scores')
    writer.doc.transact(() => {
      putRecord(writer.doc, 'strategy.candidates', 'k1', { label: 'Rete dei servizi' })
      putRecord(writer.doc, 'strategy.criteria', 'cr1', { label: 'Costo', order: 0 })
      for (const [id, participant] of [
        ['s1', 'anna'],
        ['s2', 'bruno'],
      ] as const)
        putRecord(writer.doc, 'strategy.scores', id, {
          candidate: 'k1',
          criterion: 'cr1',
          participant,
          score: 3,
        })
    })
    await waitFor(() => scores().size === 2, 'scores arrived')
    const listed = async () =>
      (await api(server.url, 'GET', `/api/boards/${board.id}/bin`, board.keys.viewer)).body.bin
    // a participant takes back her score: nothing to restore in the bin
    collectionRoot(writer.doc, 'strategy.scores').delete('s1')
    await waitFor(() => scores().size === 1, 'score taken back')
    expect(await listed()).toEqual([])
    // the candidate goes, with the score left on it: the candidate is listed, alone
    writer.doc.transact(() => {
      collectionRoot(writer.doc, 'strategy.candidates').delete('k1')
      collectionRoot(writer.doc, 'strategy.scores').delete('s2')
    })
    await waitFor(() => scores().size === 0, 'candidate deleted')
    const bin = await listed()
    expect(bin.map((e: { recordId: string }) => e.recordId)).toEqual(['k1'])
    const back = await api(
      server.url,
      'POST',
      `/api/boards/${board.id}/bin/${bin[0].id}/restore`,
      board.keys.participant,
    )
    expect(back.status).toBe(200)
    await waitFor(
      () => collectionRoot(watcher.doc, 'strategy.candidates').has('k1') && scores().has('s2'),
      'the candidate is back with its score',
    )
    // the score Anna had taken back a moment before stays taken back
    expect(scores().has('s1')).toBe(false)
  })

  it('lists an indicator without the measurements deleted with it, and no card nobody wrote in', async () => {
    const server = await suite.server()
    const board = await createBoard(server.url)
    const writer = await suite.client(server.url, board.id, board.keys.facilitator)
    const watcher = await suite.client(server.url, board.id, board.keys.viewer)
    const measurements = () => collectionRoot(watcher.doc, 'pact.measurements')
    writer.doc.transact(() => {
      putRecord(writer.doc, 'pact.rounds', 'r1', {
        label: 'Primo monitoraggio',
        date: '2027-07-01',
        feedback: '',
      })
      putRecord(writer.doc, 'pact.indicators', 'i1', {
        label: 'Percorsi avviati',
        unit: 'percorsi',
        direction: 'increase',
        frequency: 'quarterly',
        source: '',
        order: 0,
      })
      putRecord(writer.doc, 'pact.measurements', 'm1', { round: 'r1', indicator: 'i1', value: 80 })
      putRecord(writer.doc, 'problems.nodes', 'blank', {
        kind: 'problem',
        label: '',
        role: 'cause',
        x: 0,
        y: 0,
      })
    })
    await waitFor(() => measurements().size === 1, 'records arrived')
    const listed = async () =>
      (await api(server.url, 'GET', `/api/boards/${board.id}/bin`, board.keys.viewer)).body.bin
    // the indicator goes with its measurement, as the page deletes it
    writer.doc.transact(() => {
      collectionRoot(writer.doc, 'pact.indicators').delete('i1')
      collectionRoot(writer.doc, 'pact.measurements').delete('m1')
    })
    // a card made and dismissed before a word was typed
    collectionRoot(writer.doc, 'problems.nodes').delete('blank')
    await waitFor(() => measurements().size === 0, 'deletions arrived')
    const bin = await listed()
    expect(bin.map((e: { recordId: string }) => e.recordId)).toEqual(['i1'])
    const back = await api(
      server.url,
      'POST',
      `/api/boards/${board.id}/bin/${bin[0].id}/restore`,
      board.keys.facilitator,
    )
    expect(back.status).toBe(200)
    await waitFor(
      () => collectionRoot(watcher.doc, 'pact.indicators').has('i1') && measurements().has('m1'),
      'the indicator is back with its measurement',
    )
  })

  it('the bin keeps the facilitator’s lock: a participant cannot bring a card back into a locked phase', async () => {
    const server = await suite.server()
    const board = await createBoard(server.url)
    const facilitator = await suite.client(server.url, board.id, board.keys.facilitator)
    addTree(facilitator.doc, 'c', 2)
    await waitFor(async () => {
      const e = await api(
        server.url,
        'GET',
        `/api/boards/${board.id}/export.json`,
        board.keys.viewer,
      )
      return e.body.canvases.problems.nodes.length === 2
    }, 'stored')
    facilitator.doc.transact(() => {
      problemCards(facilitator.doc).delete('c1')
      problemLinks(facilitator.doc).delete('cl1')
    })
    facilitator.doc.getMap('room').set('locks', ['problems'])
    const entry = await waitFor(async () => {
      const bin = await api(server.url, 'GET', `/api/boards/${board.id}/bin`, board.keys.viewer)
      return bin.body.bin.find((e: any) => e.recordId === 'c1')
    }, 'in the bin')
    await waitFor(async () => {
      const e = await api(
        server.url,
        'GET',
        `/api/boards/${board.id}/export.json`,
        board.keys.viewer,
      )
      return e.body.canvases.problems.nodes.length === 1
    }, 'lock stored')
    const path = `/api/boards/${board.id}/bin/${entry.id}/restore`
    const refused = await api(server.url, 'POST', path, board.keys.participant)
    expect(refused.status).toBe(409)
    expect(refused.body.error.code).toBe('CANNOT_RESTORE')
    expect(refused.body.error.details[0]).toMatch(/lock/i)
    expect((await api(server.url, 'POST', path, board.keys.facilitator)).status).toBe(200)
    await waitFor(
      () => problemCards(facilitator.doc).size === 2 && problemLinks(facilitator.doc).size === 1,
      'back',
    )
  })

  it('viewer connections leave no trace', async () => {
    const server = await suite.server()
    const board = await createBoard(server.url)
    const viewer = await suite.client(server.url, board.id, board.keys.viewer)
    const writer = await suite.client(server.url, board.id, board.keys.participant)
    addTree(viewer.doc, 'v', 3) // dropped by the server
    addTree(writer.doc, 'w', 2)
    await waitFor(async () => {
      const a = await api(server.url, 'GET', `/api/boards/${board.id}/activity`, board.keys.viewer)
      return a.body.activity.length > 0
    }, 'activity recorded')
    const a = await api(server.url, 'GET', `/api/boards/${board.id}/activity`, board.keys.viewer)
    expect(a.body.activity.every((e: any) => e.role === 'participant')).toBe(true)
    expect(a.body.activity).toHaveLength(1)
    expect(a.body.activity[0].changes['problems.nodes'].created.map((r: any) => r.id)).toEqual([
      'w0',
      'w1',
    ])
  })
})
