import { describe, expect, it } from 'vitest'
import { initBoard } from '../../shared/schema/index.ts'
import { createBoardStore } from '../../client/store/boardStore.ts'
import { createBoardActions } from '../../client/store/actions.ts'
import { bindDocToStore } from '../../client/sync/binding.ts'
import { PhaseUndo } from '../../client/store/origin.ts'
import { linkedDocs } from '../helpers/linkedDocs.ts'

/** A frame clock run by hand: the frames asked for, and the one still to come. */
function frames() {
  const asked: { run: () => void; cancelled: boolean }[] = []
  return {
    batch: (fn: () => void) => {
      const frame = { run: fn, cancelled: false }
      asked.push(frame)
      return () => {
        frame.cancelled = true
      }
    },
    waiting: () => asked.filter((f) => !f.cancelled),
    draw() {
      for (const f of asked.splice(0)) if (!f.cancelled) f.run()
    },
  }
}

function setup() {
  const link = linkedDocs()
  initBoard(link.a, 'Patto', '2026-01-01T00:00:00.000Z')
  const alice = createBoardStore({ boardId: 'b', role: 'participant' })
  bindDocToStore(link.a, alice, link.awarenessA)
  const aliceActions = createBoardActions(link.a, alice, link.awarenessA, new PhaseUndo(link.a))
  const clock = frames()
  const bob = createBoardStore({ boardId: 'b', role: 'participant' })
  bindDocToStore(link.b, bob, link.awarenessB, undefined, clock.batch)
  const bobActions = createBoardActions(link.b, bob, link.awarenessB, new PhaseUndo(link.b))
  let updates = 0
  bob.subscribe(() => updates++)
  return { link, alice: aliceActions, bob, bobActions, clock, updates: () => updates }
}

const labels = (store: ReturnType<typeof createBoardStore>) =>
  store.getState().canvases.problems.nodes.map((n) => n.data.label)

describe('others’ changes reach the store once a frame', () => {
  it('the board as first loaded is there at once, before the page knows it is in sync', () => {
    const { link, bob, clock } = setup()
    link.flush()
    expect(bob.getState().title).toBe('Patto')
    expect(bob.getState().lists.targetGroups.length).toBeGreaterThan(0)
    expect(clock.waiting()).toEqual([])
  })

  it('many messages in one frame: one store update with all of them, on the frame', () => {
    const { link, alice, bob, clock, updates } = setup()
    link.flush()
    bob.setState({ synced: true })
    const before = updates()
    const one = alice.addProblem({ x: 0, y: 0 }, 'core', 'Disoccupazione')!
    link.flush()
    alice.addProblem({ x: 0, y: 200 }, 'cause', 'Pochi corsi')
    link.flush()
    alice.setLabel(one, 'Disoccupazione giovanile')
    link.flush()
    expect(labels(bob)).toEqual([])
    expect(clock.waiting()).toHaveLength(1)
    clock.draw()
    expect(labels(bob)).toEqual(['Disoccupazione giovanile', 'Pochi corsi'])
    expect(updates() - before).toBe(1)
  })

  it('one’s own change shows at once, after the others’ that came before it', () => {
    const { link, alice, bob, bobActions, clock, updates } = setup()
    link.flush()
    bob.setState({ synced: true })
    alice.addProblem({ x: 0, y: 0 }, 'core', 'Disoccupazione')
    link.flush()
    expect(labels(bob)).toEqual([])
    bobActions.addProblem({ x: 0, y: 200 }, 'cause', 'Pochi corsi')
    expect(labels(bob)).toEqual(['Disoccupazione', 'Pochi corsi'])
    expect(clock.waiting()).toEqual([])
    const before = updates()
    clock.draw()
    expect(updates()).toBe(before)
  })
})
