import { describe, expect, it } from 'vitest'
import { exportBoard } from '../../shared/export/index.ts'
import { openPostgresHistory } from '../../server/history/postgres.ts'
import { addCard, cardIds, clusterSuite } from '../helpers/cluster.ts'
import { addTree, api, declareName, problemCards, problemLinks } from '../helpers/history.ts'
import { createBoard } from '../helpers/server.ts'
import { waitFor } from '../helpers/wait.ts'

const suite = clusterSuite()

describe('history shared by several instances (PostgreSQL)', () => {
  it('a version saved through one instance is listed and restored through the other; a card deleted on one is in the other’s bin', async () => {
    const db = await suite.database()
    const [a, b] = [await suite.instance(db), await suite.instance(db)]
    const board = await createBoard(a.url)
    const path = `/api/boards/${board.id}`
    const anna = await suite.client(a.url, board.id, board.keys.facilitator)
    const bruno = await suite.client(b.url, board.id, board.keys.participant)
    declareName(anna, 'Anna')
    await waitFor(
      () => [...bruno.provider.awareness.getStates().values()].some((s) => s.user?.name === 'Anna'),
      'Anna’s name known on both instances',
    )
    addTree(anna.doc, 'p', 3)
    await waitFor(() => problemLinks(bruno.doc).size === 2, 'the tree reached B')
    const named = await api(a.url, 'POST', `${path}/versions`, board.keys.facilitator, {
      name: 'Prima sessione',
      author: 'Anna',
    })
    expect(named.status).toBe(201)
    const tree = exportBoard(anna.doc, 'now')

    // listed by the other instance, with what it held
    const listed = await api(b.url, 'GET', `${path}/versions`, board.keys.viewer)
    expect(listed.status).toBe(200)
    const onB = listed.body.versions.find((v: any) => v.id === named.body.id)
    expect(onB).toMatchObject({ name: 'Prima sessione', author: 'Anna', reason: 'named' })
    expect(onB.counts).toMatchObject({ 'problems.nodes': 3, 'problems.edges': 2 })
    // A's client's work is in B's activity record
    const activity = await api(b.url, 'GET', `${path}/activity`, board.keys.viewer)
    const created = activity.body.activity.find(
      (e: any) => e.changes['problems.nodes']?.created.length === 3,
    )
    expect(created).toMatchObject({ role: 'facilitator', name: 'Anna' })

    // a card and its link deleted by A's client, as the page deletes one
    anna.doc.transact(() => {
      problemCards(anna.doc).delete('p2')
      problemLinks(anna.doc).delete('pl2')
    })
    await waitFor(() => problemCards(bruno.doc).size === 2, 'the deletion reached B')
    const binned = await waitFor(async () => {
      const bin = await api(b.url, 'GET', `${path}/bin`, board.keys.participant)
      return bin.body.bin.find((e: any) => e.recordId === 'p2')
    }, 'the card in B’s bin')
    expect(binned).toMatchObject({
      collection: 'problems.nodes',
      label: 'Problema p2',
      role: 'facilitator',
      name: 'Anna',
    })
    const back = await api(
      b.url,
      'POST',
      `${path}/bin/${binned.id}/restore`,
      board.keys.participant,
    )
    expect(back.status).toBe(200)
    expect(back.body.restored).toHaveLength(2)
    await waitFor(
      () => problemCards(anna.doc).size === 3 && problemLinks(anna.doc).size === 2,
      'the card and its link back on A’s client',
    )

    // B's client changes the board; B restores the version A saved
    addCard(bruno.doc, 'extra')
    bruno.doc.transact(() => problemLinks(bruno.doc).delete('pl1'))
    await waitFor(() => problemCards(anna.doc).has('extra'), 'B’s change reached A')
    const restored = await api(
      b.url,
      'POST',
      `${path}/versions/${named.body.id}/restore`,
      board.keys.facilitator,
    )
    expect(restored.status).toBe(200)
    expect(restored.body).toMatchObject({ restored: named.body.id, added: 1, removed: 1 })
    for (const c of [anna, bruno])
      await waitFor(
        () => !problemCards(c.doc).has('extra') && problemLinks(c.doc).size === 2,
        'the version is back on both instances’ clients',
      )
    expect(exportBoard(anna.doc, 'now')).toEqual(tree)
    expect(cardIds(bruno.doc)).toEqual(['p0', 'p1', 'p2'])
    // the state before the restore is a version, seen from A
    const after = await api(a.url, 'GET', `${path}/versions`, board.keys.viewer)
    expect(after.body.versions[0]).toMatchObject({ reason: 'before-restore' })
    expect(after.body.versions[0].counts['problems.nodes']).toBe(4)
  })

  it('the automatic versions of a board both instances serve are taken once each', async () => {
    const db = await suite.database()
    let clock = Date.now()
    const options = { limits: { unloadDelayMs: 200 }, history: { now: () => clock } }
    const [a, b] = [await suite.instance(db, options), await suite.instance(db, options)]
    const board = await createBoard(a.url)
    // both instances hold the board before anyone writes: neither knows a version yet
    const onA = await suite.client(a.url, board.id, board.keys.participant)
    const onB = await suite.client(b.url, board.id, board.keys.participant)
    const both = async (what: string, card: string) => {
      for (const c of [onA, onB]) await waitFor(() => problemCards(c.doc).has(card), what)
    }
    // the first change seen by each instance
    addCard(onA.doc, 'a1')
    await both('A’s first card everywhere', 'a1')
    addCard(onB.doc, 'b1')
    await both('B’s first card everywhere', 'b1')
    // ten minutes of work later (11 on the clock), on each
    clock += 11 * 60_000
    addCard(onA.doc, 'a2')
    await both('A’s card after 11 minutes', 'a2')
    clock += 1_000
    addCard(onB.doc, 'b2')
    await both('B’s card after 11 minutes', 'b2')
    // each writes once more, then everybody leaves and both instances unload the board
    clock += 1_000
    addCard(onA.doc, 'a3')
    await both('A’s last card', 'a3')
    clock += 1_000
    addCard(onB.doc, 'b3')
    await both('B’s last card', 'b3')
    clock += 1_000
    onA.destroy()
    onB.destroy()
    await waitFor(
      () => !a.registry.isLoaded(board.id) && !b.registry.isLoaded(board.id),
      'unloaded by both',
    )
    // closed, every write of both is committed
    await Promise.all([a.close(), b.close()])
    const history = await openPostgresHistory(db)
    try {
      const versions = await history.listVersions(board.id)
      expect(versions.map((v) => v.reason)).toEqual(['unload', 'activity', 'initial'])
      // the last version holds every card, whichever instance took it
      expect(versions[0]!.counts['problems.nodes']).toBe(6)
      expect(versions[2]!.counts['problems.nodes']).toBeUndefined()
    } finally {
      await history.close()
    }
  })
})
