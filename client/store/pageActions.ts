import type { BoardStore, LostEdit } from './boardStore.ts'

/**
 * What the page shows of itself and changes nothing of the board: which part of a phase is in
 * view, and the notices (a text someone deleted, what an undo kept, a paste cut short). Part
 * of the board's actions (actions.ts), kept apart from the writes and their undo steps.
 */
export function createPageActions(store: BoardStore) {
  let textCuts = 0
  return {
    /** Whether the phase on screen shows its canvas rather than its tables. */
    setCanvasInView(inView: boolean): void {
      if (store.getState().canvasInView !== inView) store.setState({ canvasInView: inView })
    },
    /** The phase showed the canvas asked for: the request is done. */
    canvasShown(): void {
      store.setState({ showCanvas: null })
    },
    /** Keeps aside what this user was writing when someone else deleted it (or forgets it). */
    noteLostEdit(lost: LostEdit | null): void {
      store.setState({ lostEdit: lost })
    },
    /** Forgets the notice of what an undo kept (UndoKeptNotice). */
    dismissUndoKept(): void {
      store.setState({ undoKept: null })
    },
    /** Text pasted into a field went past its limit: the rest was left out (TextCutNotice). */
    noteTextCut(limit: number): void {
      store.setState({ textCut: { n: ++textCuts, limit } })
    },
    dismissTextCut(): void {
      store.setState({ textCut: null })
    },
  }
}
