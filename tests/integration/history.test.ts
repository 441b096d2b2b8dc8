import { describe, expect, it } from 'vitest'
import { exportBoard } from '../../shared/export/index.ts'
import { createBoard } from '../helpers/server.ts'
import { integrationSuite } from '../helpers/teardown.ts'
import { waitFor } from '../helpers/wait.ts'
import {
  addTree,
  api,
  declareName,
  deleteEverything,
  problemCards,
  problemLinks,
} from '../helpers/history.ts'

const suite = integrationSuite()

describe('history: versions and restore', () => {
  it('a participant deletes every card at once; the facilitator restores the last version; every client, and a fresh one, sees every card', async () => {
    const server = await suite.server()
    const board = await createBoard(server.url)
    const facilitator = await suite.client(server.url, board.id, board.keys.facilitator)
    const vandal = await suite.client(server.url, board.id, board.keys.participant)
    const other = await suite.client(server.url, board.id, board.keys.participant)
    declareName(vandal, 'Marco')
    addTree(other.doc, 'c', 15)
    for (const c of [facilitator, vandal])
      await waitFor(() => problemCards(c.doc).size === 15, 'every client has the tree')
    const before = exportBoard(facilitator.doc, 'now')
    // the name travels with presence; wait until the server knows it
    await waitFor(
      () =>
        [...facilitator.provider.awareness.getStates().values()].some(
          (s) => s.user?.name === 'Marco',
        ),
      'presence name known',
    )

    deleteEverything(vandal.doc)
    for (const c of [facilitator, other])
      await waitFor(() => problemCards(c.doc).size === 0, 'the deletion reached everyone')

    const list = await api(server.url, 'GET', `/api/boards/${board.id}/versions`, board.keys.viewer)
    expect(list.status).toBe(200)
    const [last] = list.body.versions
    // taken before the bulk deletion was applied
    expect(last.reason).toBe('bulk')
    expect(last.counts['problems.nodes']).toBe(15)
    expect(list.body.storage.bytes).toBeGreaterThan(0)

    const restored = await api(
      server.url,
      'POST',
      `/api/boards/${board.id}/versions/${last.id}/restore`,
      board.keys.facilitator,
    )
    expect(restored.status).toBe(200)
    expect(restored.body.added).toBe(29)
    for (const c of [facilitator, vandal, other])
      await waitFor(
        () => problemCards(c.doc).size === 15 && problemLinks(c.doc).size === 14,
        'the restore reached every connected client',
      )
    const fresh = await suite.client(server.url, board.id, board.keys.viewer)
    expect(problemCards(fresh.doc).size).toBe(15)
    expect(exportBoard(fresh.doc, 'now')).toEqual(before)
    expect(exportBoard(vandal.doc, 'now')).toEqual(before)

    // the state just before the restore is itself a version
    const after = await api(
      server.url,
      'GET',
      `/api/boards/${board.id}/versions`,
      board.keys.participant,
    )
    expect(after.body.versions[0].reason).toBe('before-restore')
    expect(after.body.versions[0].counts['problems.nodes']).toBeUndefined()

    // who changed what
    const activity = await api(
      server.url,
      'GET',
      `/api/boards/${board.id}/activity`,
      board.keys.viewer,
    )
    const deletion = activity.body.activity.find(
      (e: any) => e.changes['problems.nodes']?.deleted.length,
    )
    expect(deletion).toMatchObject({ role: 'participant', name: 'Marco', restore: null })
    expect(deletion.changes['problems.nodes'].deleted).toHaveLength(15)
    expect(deletion.changes['problems.edges'].deleted).toHaveLength(14)
    expect(deletion.changes['problems.nodes'].deleted.map((r: any) => r.label)).toContain(
      'Problema c3',
    )
    const restoreEntry = activity.body.activity[0]
    expect(restoreEntry.role).toBe('facilitator')
    // the cards came back with a restore: its entry says so, not that someone created them
    expect(restoreEntry.restore).toBe('version')
    expect(restoreEntry.changes['problems.nodes'].created).toHaveLength(15)
  })

  it('a named version is saved by the facilitator, exported in the export format, and compared with the board now', async () => {
    const server = await suite.server()
    const board = await createBoard(server.url)
    const writer = await suite.client(server.url, board.id, board.keys.participant)
    addTree(writer.doc, 'a', 4)
    await waitFor(async () => {
      const e = await api(
        server.url,
        'GET',
        `/api/boards/${board.id}/export.json`,
        board.keys.viewer,
      )
      return e.body.canvases.problems.nodes.length === 4
    }, 'stored')
    const saved = await api(
      server.url,
      'POST',
      `/api/boards/${board.id}/versions`,
      board.keys.facilitator,
      {
        name: '  Fine primo incontro ',
        author: 'Giulia',
      },
    )
    expect(saved.status).toBe(201)
    expect(saved.body).toMatchObject({
      name: 'Fine primo incontro',
      reason: 'named',
      role: 'facilitator',
      author: 'Giulia',
    })

    writer.doc.transact(() => {
      problemCards(writer.doc).delete('a3')
      problemLinks(writer.doc).delete('al3')
      const label = problemCards(writer.doc).get('a1')!.get('label') as import('yjs').Text
      label.insert(label.length, ' (riformulato)')
    })
    addTree(writer.doc, 'b', 1)
    const path = `/api/boards/${board.id}/versions/${saved.body.id}`
    await waitFor(async () => {
      const c = await api(server.url, 'GET', `${path}/changes`, board.keys.viewer)
      return c.body.changes['problems.nodes']?.added.length === 1
    }, 'the change is on the server')
    const changes = (await api(server.url, 'GET', `${path}/changes`, board.keys.viewer)).body
      .changes
    expect(changes['problems.nodes'].added).toEqual([{ id: 'b0', label: 'Problema b0' }])
    expect(changes['problems.nodes'].removed).toEqual([{ id: 'a3', label: 'Problema a3' }])
    expect(changes['problems.nodes'].reworded).toEqual([
      { id: 'a1', label: 'Problema a1 (riformulato)', before: 'Problema a1' },
    ])
    expect(changes['problems.edges'].removed).toEqual([
      { id: 'al3', label: 'Problema a3 → Problema a2' },
    ])

    const exported = await api(server.url, 'GET', `${path}/export.json`, board.keys.participant)
    expect(exported.status).toBe(200)
    expect(exported.body.format).toBe('trama.board')
    expect(exported.body.canvases.problems.nodes.map((n: any) => n.id)).toEqual([
      'a0',
      'a1',
      'a2',
      'a3',
    ])
    expect(exported.body.canvases.problems.nodes[1].label).toBe('Problema a1')
    const imported = await fetch(`${server.url}/api/boards/import`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(exported.body),
    })
    expect(imported.status).toBe(201)

    // restored: the activity names the reworded card as it reads now, not by the words removed
    const restored = await api(server.url, 'POST', `${path}/restore`, board.keys.facilitator, {
      author: 'Giulia',
    })
    expect(restored.status).toBe(200)
    const entry = async () =>
      (await api(server.url, 'GET', `/api/boards/${board.id}/activity`, board.keys.viewer)).body
        .activity[0]
    await waitFor(async () => (await entry())?.name === 'Giulia', 'the restore in the activity')
    expect((await entry()).changes['problems.nodes'].edited).toEqual([
      { id: 'a1', label: 'Problema a1' },
    ])
  })

  it('only the facilitator saves and restores; bad keys, ids and bodies are refused as elsewhere', async () => {
    const server = await suite.server()
    const board = await createBoard(server.url)
    const base = `/api/boards/${board.id}`
    const saved = await api(server.url, 'POST', `${base}/versions`, board.keys.facilitator, {
      name: 'Uno',
    })
    expect(saved.status).toBe(201)
    const v = saved.body.id
    for (const key of [board.keys.participant, board.keys.viewer]) {
      const save = await api(server.url, 'POST', `${base}/versions`, key, { name: 'Mio' })
      expect(save.status).toBe(403)
      expect(save.body.error.code).toBe('FACILITATOR_ONLY')
      const restore = await api(server.url, 'POST', `${base}/versions/${v}/restore`, key)
      expect(restore.status).toBe(403)
    }
    expect(
      (await api(server.url, 'GET', `${base}/versions`, board.keys.facilitator)).body.versions,
    ).toHaveLength(1)
    expect((await api(server.url, 'GET', `${base}/versions`, null)).status).toBe(401)
    expect((await api(server.url, 'POST', `${base}/versions`, null, { name: 'x' })).status).toBe(
      401,
    )
    expect((await api(server.url, 'GET', `${base}/versions`, 'nope')).status).toBe(403)
    expect(
      (await api(server.url, 'GET', `/api/boards/AAAAAAAAAAAAAAAA/versions`, 'k')).status,
    ).toBe(404)
    for (const bad of [
      {},
      { name: '' },
      { name: '   ' },
      { name: 'x'.repeat(101) },
      { name: 3 },
      [1],
    ]) {
      const r = await api(server.url, 'POST', `${base}/versions`, board.keys.facilitator, bad)
      expect(r.status, JSON.stringify(bad)).toBe(400)
    }
    expect(
      (await api(server.url, 'POST', `${base}/versions`, board.keys.facilitator, '{"name":'))
        .status,
    ).toBe(400)
    for (const id of ['999999', '0', 'abc', '-1', '1.5'])
      for (const suffix of ['/export.json', '/changes'])
        expect(
          (await api(server.url, 'GET', `${base}/versions/${id}${suffix}`, board.keys.viewer))
            .status,
        ).toBe(404)
    expect(
      (await api(server.url, 'POST', `${base}/versions/999999/restore`, board.keys.facilitator))
        .status,
    ).toBe(404)
    // another board's version is not this board's
    const other = await createBoard(server.url)
    const theirs = await api(
      server.url,
      'POST',
      `/api/boards/${other.id}/versions`,
      other.keys.facilitator,
      { name: 'B' },
    )
    expect(
      (
        await api(
          server.url,
          'GET',
          `${base}/versions/${theirs.body.id}/export.json`,
          board.keys.viewer,
        )
      ).status,
    ).toBe(404)
    expect((await api(server.url, 'POST', `${base}/bin/1/restore`, board.keys.viewer)).status).toBe(
      403,
    )
    expect(
      (await api(server.url, 'POST', `${base}/bin/1/restore`, board.keys.participant)).status,
    ).toBe(404)
    expect(
      (await api(server.url, 'POST', `${base}/bin/x/restore`, board.keys.participant)).status,
    ).toBe(404)
  })
})

describe('history: automatic versions', () => {
  it('a version at a phase change, after a stretch of activity and when the board is unloaded', async () => {
    let clock = Date.now()
    const server = await suite.server({
      limits: { unloadDelayMs: 200 },
      history: { now: () => clock },
    })
    const board = await createBoard(server.url)
    const versions = async () =>
      (await api(server.url, 'GET', `/api/boards/${board.id}/versions`, board.keys.viewer)).body
        .versions as { reason: string; counts: Record<string, number> }[]
    const facilitator = await suite.client(server.url, board.id, board.keys.facilitator)
    addTree(facilitator.doc, 'p', 3)
    // the first change: the state before it is the first version
    await waitFor(async () => (await versions()).some((v) => v.reason === 'initial'), 'initial')
    facilitator.doc.getMap('meta').set('phase', 'objectives')
    await waitFor(async () => (await versions())[0]?.reason === 'phase', 'phase version')
    expect((await versions())[0]!.counts['problems.nodes']).toBe(3)
    // moving the room from phase to phase without changing anything takes no further version
    const taken = (await versions()).length
    const watcher = await suite.client(server.url, board.id, board.keys.viewer)
    facilitator.doc.getMap('meta').set('phase', 'stakeholders')
    facilitator.doc.getMap('meta').set('phase', 'problems')
    await waitFor(() => watcher.doc.getMap('meta').get('phase') === 'problems', 'phases relayed')
    watcher.destroy()
    expect((await versions()).length).toBe(taken)
    // eleven minutes of work later (10 by default), the next change brings a version
    clock += 11 * 60_000
    addTree(facilitator.doc, 'q', 2)
    await waitFor(async () => (await versions())[0]?.reason === 'activity', 'activity version')
    expect((await versions())[0]!.counts['problems.nodes']).toBe(5)
    addTree(facilitator.doc, 'r', 1)
    await waitFor(async () => {
      const a = await api(server.url, 'GET', `/api/boards/${board.id}/activity`, board.keys.viewer)
      return a.body.activity.length >= 3
    }, 'last change recorded')
    facilitator.destroy()
    await waitFor(async () => (await versions())[0]?.reason === 'unload', 'unload version')
    expect((await versions())[0]!.counts['problems.nodes']).toBe(6)
    // an untouched board is not versioned again on its next unload
    const count = (await versions()).length
    const looker = await suite.client(server.url, board.id, board.keys.viewer)
    looker.destroy()
    await waitFor(() => !server.registry.isLoaded(board.id), 'unloaded again')
    expect(await versions()).toHaveLength(count)
  })

  it('clicking through the phases as the facilitator’s screen does (the phase, then the view in it) takes a version only when the board changed', async () => {
    const server = await suite.server()
    const board = await createBoard(server.url)
    const versions = async () =>
      (await api(server.url, 'GET', `/api/boards/${board.id}/versions`, board.keys.viewer)).body
        .versions as { reason: string; name: string | null }[]
    const facilitator = await suite.client(server.url, board.id, board.keys.facilitator)
    const watcher = await suite.client(server.url, board.id, board.keys.viewer)
    /** The facilitator's tab, as client/store/actions.ts and the phase's view write it. */
    const goTo = async (phase: string, view: string) => {
      facilitator.doc.getMap('meta').set('phase', phase)
      facilitator.doc.getMap('room').set('view', view)
      await waitFor(() => watcher.doc.getMap('room').get('view') === view, `${phase} relayed`)
    }
    addTree(facilitator.doc, 'p', 3)
    await waitFor(async () => (await versions()).some((v) => v.reason === 'initial'), 'initial')
    await goTo('objectives', 'tree')
    await waitFor(async () => (await versions())[0]?.reason === 'phase', 'phase version')
    await goTo('stakeholders', 'grid')
    const named = await api(
      server.url,
      'POST',
      `/api/boards/${board.id}/versions`,
      board.keys.facilitator,
      { name: 'Fine laboratorio' },
    )
    expect(named.status).toBe(201)
    for (const [phase, view] of [
      ['pact', 'vision'],
      ['problems', 'tree'],
      ['objectives', 'tree'],
      ['stakeholders', 'grid'],
      ['pact', 'vision'],
    ] as const)
      await goTo(phase, view)
    // nothing changed since the named version: the phases took none after it
    expect((await versions()).map((v) => v.name ?? v.reason)).toEqual([
      'Fine laboratorio',
      'phase',
      'initial',
    ])
    // a change of the board, then a phase change: one version, and only one
    addTree(facilitator.doc, 'q', 1)
    await goTo('problems', 'tree')
    await goTo('objectives', 'tree')
    expect((await versions()).map((v) => v.name ?? v.reason)).toEqual([
      'phase',
      'Fine laboratorio',
      'phase',
      'initial',
    ])
    // a card added and removed again: the board is its last version, which is not taken twice
    addTree(facilitator.doc, 'z', 1)
    facilitator.doc.getMap('problems.nodes').delete('z0')
    await goTo('stakeholders', 'grid')
    expect(await versions()).toHaveLength(4)
  })
})
