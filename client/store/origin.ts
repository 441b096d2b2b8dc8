import * as Y from 'yjs'
import { PHASES, allRoots, type Phase } from '../../shared/schema/index.ts'
import { othersWork, recordEntryOf, type OthersWork } from './othersWork.ts'

/**
 * The transaction origin of this user's own edits, one per phase: the edits made while that
 * phase was on screen. Each phase's undo history tracks only its own, so nobody undoes someone
 * else's work, and remote updates never enter the local history.
 */
export class LocalEdit {
  constructor(readonly phase: Phase) {}
}

/**
 * This user's undo histories, one per phase. Ctrl+Z (or ↶) on a phase undoes the last change
 * this user made on that phase, never one made on another phase that the screen does not show
 * (the problem tree's layout undone from the objectives, a logframe cell from the stakeholder
 * grid, with nothing to see). A change belongs to the phase it was made on, whatever it writes
 * (the board's title, say).
 */
export class PhaseUndo {
  private readonly phases = new Map<Phase, { origin: LocalEdit; manager: Y.UndoManager }>()
  /** While an undo or redo runs: the records it must not delete (others worked on them). */
  private keeping: Set<Y.Item> | null = null
  private readonly listeners = new Set<() => void>()

  constructor(
    private readonly doc: Y.Doc,
    options: { captureTimeout?: number } = {},
  ) {
    const roots = allRoots(doc)
    const deleteFilter = (item: Y.Item) => {
      const entry = this.keeping && recordEntryOf(item)
      return !entry || !this.keeping!.has(entry)
    }
    for (const phase of PHASES) {
      const origin = new LocalEdit(phase)
      const manager = new Y.UndoManager(roots, {
        trackedOrigins: new Set([origin]),
        captureTimeout: options.captureTimeout,
        deleteFilter,
      })
      this.phases.set(phase, { origin, manager })
    }
  }

  /** The origin of this user's edits made on `phase`. */
  origin(phase: Phase): LocalEdit {
    return this.phases.get(phase)!.origin
  }

  /** The undo history of `phase`. */
  of(phase: Phase): Y.UndoManager {
    return this.phases.get(phase)!.manager
  }

  /**
   * Undoes this user's last step on `phase`. A record the step created that someone else has
   * worked on since (written in it, tagged it, linked it; moving it is not working on it) stays,
   * with what the step made along with it (its link to the card it was added to): undo takes
   * back this user's own change, never others' words. Returns what stayed, if anything.
   */
  undo(phase: Phase): OthersWork | null {
    return this.pop(phase, 'undo')
  }

  /** Redoes the last step undone on `phase`, keeping what others have worked on (as undo). */
  redo(phase: Phase): OthersWork | null {
    return this.pop(phase, 'redo')
  }

  private pop(phase: Phase, kind: 'undo' | 'redo'): OthersWork | null {
    const manager = this.of(phase)
    const stack = kind === 'undo' ? manager.undoStack : manager.redoStack
    const step = stack.at(-1)
    const kept = step ? othersWork(this.doc, step) : null
    if (!kept) {
      manager[kind]()
      return null
    }
    // This step only: when nothing of it is left to take back, Yjs would go on to the one
    // before it, which the person did not ask for. Then it is simply gone from the history.
    const before = stack.splice(0, stack.length - 1)
    this.keeping = kept.entries
    try {
      manager[kind]()
    } finally {
      this.keeping = null
      stack.unshift(...before)
    }
    for (const fn of this.listeners) fn()
    return kept
  }

  /** Whether a transaction is this user's own: an edit, or the undo or redo of one. */
  isOwn(origin: unknown): boolean {
    if (origin instanceof LocalEdit) return true
    for (const { manager } of this.phases.values()) if (origin === manager) return true
    return false
  }

  /** The next edit starts a new step, whichever phase it is made on. */
  stopCapturing(): void {
    for (const { manager } of this.phases.values()) manager.stopCapturing()
  }

  /** Calls `fn` whenever a history gains or loses a step; returns the unsubscribe. */
  onChange(fn: () => void): () => void {
    const events = ['stack-item-added', 'stack-item-popped', 'stack-cleared'] as const
    for (const { manager } of this.phases.values()) for (const e of events) manager.on(e, fn)
    this.listeners.add(fn)
    return () => {
      this.listeners.delete(fn)
      for (const { manager } of this.phases.values()) for (const e of events) manager.off(e, fn)
    }
  }

  destroy(): void {
    for (const { manager } of this.phases.values()) manager.destroy()
  }
}
