import * as Y from 'yjs'
import { PHASES, allRoots, type Phase } from '../../shared/schema/index.ts'

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

  constructor(doc: Y.Doc, options: { captureTimeout?: number } = {}) {
    const roots = allRoots(doc)
    for (const phase of PHASES) {
      const origin = new LocalEdit(phase)
      const manager = new Y.UndoManager(roots, {
        trackedOrigins: new Set([origin]),
        captureTimeout: options.captureTimeout,
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
    return () => {
      for (const { manager } of this.phases.values()) for (const e of events) manager.off(e, fn)
    }
  }

  destroy(): void {
    for (const { manager } of this.phases.values()) manager.destroy()
  }
}
