import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { initBoard } from '../../shared/schema/index.ts'
import { createBoardStore } from '../../client/store/boardStore.ts'
import { createBoardActions } from '../../client/store/actions.ts'
import { bindDocToStore } from '../../client/sync/binding.ts'
import { PhaseUndo } from '../../client/store/origin.ts'
import { Awareness } from 'y-protocols/awareness'

/** One person on a board with a core problem «Pochi trasporti» written and left. */
function board() {
  const doc = new Y.Doc()
  initBoard(doc, 'Patto', '2026-01-01T00:00:00.000Z')
  const awareness = new Awareness(doc)
  const store = createBoardStore({ boardId: 'b', role: 'participant', userName: 'Giulia' })
  const undo = new PhaseUndo(doc)
  bindDocToStore(doc, store, awareness)
  const actions = createBoardActions(doc, store, awareness, undo)
  const id = actions.addProblem({ x: 0, y: 0 }, 'core', 'Pochi trasporti')!
  actions.endTextEdit()
  undo.stopCapturing()
  const label = () =>
    store.getState().canvases.problems.nodes.find((n) => n.id === id)?.data.label as
      string | undefined
  const type = (next: string) => actions.editText('problems.nodes', id, 'label', next)
  return { store, actions, id, label, type }
}

describe('Escape gives up an edit and says so, with the words offered back', () => {
  it('words typed and given up: the notice shows, «Ripristina» brings them back', () => {
    const { store, actions, id, label, type } = board()
    type('Pochi trasporti la')
    type('Pochi trasporti la sera')
    actions.cancelTextEdit('problems.nodes', id, 'label')
    expect(label()).toBe('Pochi trasporti')
    expect(store.getState().givenUp).not.toBeNull()
    actions.restoreGivenUp()
    expect(label()).toBe('Pochi trasporti la sera')
    expect(store.getState().givenUp).toBeNull()
  })

  it('a new card left empty goes without a notice', () => {
    const { store, actions } = board()
    const fresh = actions.addProblem({ x: 0, y: 200 }, 'cause', '')!
    actions.cancelTextEdit('problems.nodes', fresh, 'label')
    expect(store.getState().canvases.problems.nodes.some((n) => n.id === fresh)).toBe(false)
    expect(store.getState().givenUp).toBeNull()
  })

  it('nothing typed since entering the field: no notice', () => {
    const { store, actions, id, label } = board()
    actions.cancelTextEdit('problems.nodes', id, 'label')
    expect(label()).toBe('Pochi trasporti')
    expect(store.getState().givenUp).toBeNull()
  })

  it('a new edit closes the notice, and «Ripristina» after it changes nothing', () => {
    const { store, actions, id, label, type } = board()
    type('Pochi trasporti la sera')
    actions.cancelTextEdit('problems.nodes', id, 'label')
    type('Pochi bus')
    actions.endTextEdit()
    expect(store.getState().givenUp).toBeNull()
    actions.restoreGivenUp()
    expect(label()).toBe('Pochi bus')
  })

  it('Ctrl+Y (redo) brings the words back and closes the notice too', () => {
    const { store, actions, id, label, type } = board()
    type('Pochi trasporti la sera')
    actions.cancelTextEdit('problems.nodes', id, 'label')
    actions.redo()
    expect(label()).toBe('Pochi trasporti la sera')
    expect(store.getState().givenUp).toBeNull()
  })
})
