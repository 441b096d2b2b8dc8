import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { initBoard } from '../../shared/schema/index.ts'
import { createBoardStore } from '../../client/store/boardStore.ts'
import { createBoardActions } from '../../client/store/actions.ts'
import { bindDocToStore } from '../../client/sync/binding.ts'
import { PhaseUndo } from '../../client/store/origin.ts'
import type { Awareness } from 'y-protocols/awareness'
import { linkedDocs } from '../helpers/linkedDocs.ts'

function person(doc: Y.Doc, awareness: Awareness, name: string) {
  const store = createBoardStore({ boardId: 'b', role: 'participant', userName: name })
  awareness.setLocalStateField('user', { name, color: '#336699' })
  const undo = new PhaseUndo(doc)
  bindDocToStore(doc, store, awareness)
  const actions = createBoardActions(doc, store, awareness, undo)
  const cards = () =>
    Object.fromEntries(
      store.getState().canvases.problems.nodes.map((n) => [n.id, n.data.label as string]),
    )
  const links = () => store.getState().canvases.problems.edges.length
  return { store, undo, actions, cards, links }
}

/** Giulia and Bruno on one board; Giulia has written a core problem, which both see. */
function room() {
  const link = linkedDocs()
  initBoard(link.a, 'Patto', '2026-01-01T00:00:00.000Z')
  link.flush()
  const giulia = person(link.a, link.awarenessA, 'Giulia')
  const bruno = person(link.b, link.awarenessB, 'Bruno')
  // a step of its own for each action (the tests run faster than a person)
  const step = () => {
    giulia.undo.stopCapturing()
    bruno.undo.stopCapturing()
    link.flush()
  }
  return { link, giulia, bruno, step }
}

describe('undo takes back my own change, never what others did with it', () => {
  it('a card I created that someone else rewrote stays, with their words, and I am told', () => {
    const { giulia, bruno, step } = room()
    const id = giulia.actions.addProblem({ x: 0, y: 0 }, 'cause', 'Pochi trasporti')!
    step()
    bruno.actions.setLabel(id, 'Pochi trasporti pubblici la sera')
    step()
    giulia.actions.undo()
    step()
    for (const p of [giulia, bruno])
      expect(p.cards()).toEqual({ [id]: 'Pochi trasporti pubblici la sera' })
    expect(giulia.store.getState().undoKept).toMatchObject({ count: 1, names: ['Bruno'] })
    // nothing of that step is left to take back, nor to redo
    expect(giulia.undo.of('problems').canUndo()).toBe(false)
    expect(giulia.undo.of('problems').canRedo()).toBe(false)
  })

  it('a note, a tag or a link by someone else keeps the card too', () => {
    const { giulia, bruno, step } = room()
    const [noted, tagged, linked, other] = ['a', 'b', 'c', 'd'].map((label) => {
      const id = giulia.actions.addProblem({ x: 0, y: 0 }, 'cause', label)!
      step()
      return id!
    })
    bruno.actions.updateCard('problems', noted!, { note: 'Lo dice il rapporto ISTAT' })
    step()
    bruno.actions.editIdSet('problems.nodes', tagged!, 'tags', { add: ['neet'] })
    step()
    bruno.actions.linkCauseToEffect(linked!, other!)
    step()
    for (let i = 0; i < 4; i++) {
      giulia.actions.undo()
      step()
    }
    // «d» was linked to, but by someone else's link: it stays too
    expect(Object.keys(bruno.cards()).sort()).toEqual([noted, tagged, linked, other].sort())
    expect(bruno.links()).toBe(1)
  })

  it('a card nobody else touched, or only moved, is undone as before', () => {
    const { giulia, bruno, step } = room()
    const alone = giulia.actions.addProblem({ x: 0, y: 0 }, 'cause', 'sola')!
    step()
    const moved = giulia.actions.addProblem({ x: 0, y: 200 }, 'cause', 'spostata')!
    step()
    bruno.actions.moveCards('problems', new Map([[moved, { x: 400, y: 300 }]]))
    step()
    giulia.actions.undo()
    step()
    expect(bruno.cards()).toEqual({ [alone]: 'sola' })
    giulia.actions.undo()
    step()
    expect(bruno.cards()).toEqual({})
    expect(giulia.store.getState().undoKept).toBeNull()
  })

  it('the link my card was added with stays with it; one press undoes one step, not the one before', () => {
    const { giulia, bruno, step } = room()
    const core = giulia.actions.addProblem({ x: 0, y: 0 }, 'core', 'Disoccupazione')!
    step()
    // a cause added to the core: the card and its link in one step
    const cause = giulia.actions.transact(() => {
      const id = giulia.actions.addProblem({ x: 0, y: 200 }, 'cause', 'Orientamento debole')!
      giulia.actions.linkCauseToEffect(id, core)
    })
    expect(cause).toBe(true)
    step()
    const [id] = Object.keys(bruno.cards()).filter((k) => k !== core)
    bruno.actions.setLabel(id!, 'Orientamento debole nelle scuole')
    step()
    giulia.actions.undo()
    step()
    expect(bruno.cards()).toEqual({
      [core]: 'Disoccupazione',
      [id!]: 'Orientamento debole nelle scuole',
    })
    expect(bruno.links()).toBe(1)
    // the next press takes back the step before it, not together with it: the core problem,
    // which nobody else touched, goes as before
    giulia.actions.undo()
    step()
    expect(Object.keys(bruno.cards())).toEqual([id])
  })

  it('what someone wrote and took back is not theirs any more: the card goes', () => {
    const { giulia, bruno, step } = room()
    const id = giulia.actions.addProblem({ x: 0, y: 0 }, 'cause', 'Pochi nidi')!
    step()
    bruno.actions.setLabel(id, 'Pochi nidi pubblici')
    step()
    bruno.actions.undo()
    step()
    giulia.actions.undo()
    step()
    expect(bruno.cards()).toEqual({})
    expect(giulia.store.getState().undoKept).toBeNull()
  })

  it('only the records others worked on stay, not all that the step made with them', () => {
    const { link, giulia, bruno, step } = room()
    giulia.actions.transact(() => {
      const cause = giulia.actions.addProblem({ x: 0, y: 200 }, 'cause', 'causa')!
      const effect = giulia.actions.addProblem({ x: 0, y: 0 }, 'effect', 'effetto')!
      giulia.actions.linkCauseToEffect(cause, effect)
    })
    step()
    const byLabel = (label: string) =>
      Object.keys(bruno.cards()).find((k) => bruno.cards()[k] === label)!
    const cause = byLabel('causa')
    bruno.actions.setLabel(cause, 'causa vera')
    step()
    giulia.actions.undo()
    step()
    // the link would join a card that is gone: it goes with it
    expect(bruno.cards()).toEqual({ [cause]: 'causa vera' })
    expect(link.b.getMap('problems.edges').size).toBe(0)
  })

  it('redo does not delete again a card someone worked on after I brought it back', () => {
    const { giulia, bruno, step } = room()
    const id = giulia.actions.addProblem({ x: 0, y: 0 }, 'cause', 'Pochi nidi')!
    step()
    giulia.actions.removeCards('problems', [id])
    step()
    giulia.actions.undo()
    step()
    expect(bruno.cards()).toEqual({ [id]: 'Pochi nidi' })
    bruno.actions.setLabel(id, 'Pochi nidi comunali')
    step()
    giulia.actions.redo()
    step()
    for (const p of [giulia, bruno]) expect(p.cards()).toEqual({ [id]: 'Pochi nidi comunali' })
    expect(giulia.store.getState().undoKept).toMatchObject({ names: ['Bruno'] })
    // the card brought back keeps Bruno's words when Giulia undoes its creation, too
    giulia.actions.undo()
    step()
    expect(bruno.cards()).toEqual({ [id]: 'Pochi nidi comunali' })
  })
})
