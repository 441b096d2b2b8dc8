import * as Y from 'yjs'
import type { Awareness } from 'y-protocols/awareness'
import {
  CAUSE_EFFECT,
  canvasRoots,
  collectionRoot,
  deleteCard,
  forEachRecord,
  metaRoot,
  editRecordIdSet,
  patchRecord,
  putRecord,
  sharedText,
  textLimit,
  type CanvasName,
  type CollectionName,
  type Fields,
  type Phase,
  type ProblemRole,
} from '../../shared/schema/index.ts'
import { replaceText, textValue, trimOwnBlanks } from '../../shared/schema/text.ts'
import { textStepKey } from './textSteps.ts'
import { newId } from './ids.ts'
import type { PhaseUndo } from './origin.ts'
import type { OthersWork } from './othersWork.ts'
import { mayRunRoom, mayWrite, type BoardStore } from './boardStore.ts'
import { createPageActions } from './pageActions.ts'

const PHASE_ORIGIN = Symbol('trama.phase')

export interface XY {
  x: number
  y: number
}

/**
 * Everything the UI can do to the board. Writes go to the document inside one transaction whose
 * origin is this user's edit on the phase on screen (origin.ts), which is that phase's undo
 * history; the store then changes through the binding, never directly.
 */
/** The origin of a card moved off another placed at the same moment (nudgeCards). */
const NUDGED = Symbol('nudged')

export function createBoardActions(
  doc: Y.Doc,
  store: BoardStore,
  awareness: Awareness,
  undo: PhaseUndo,
) {
  /**
   * The undo step being written: writes with the same key join it (the keystrokes of one
   * edit, a card and its first text); any other write starts a new one. One step is one action
   * of a person, however quickly the next one follows.
   */
  let step: { key: string; created: boolean; phase: Phase } | null = null
  let depth = 0
  let adopted: { key: string; created: boolean } | null = null
  /** The phase on screen: its undo history takes the edit. */
  const phaseNow = (): Phase => store.getState().tab

  /** Runs `fn` as (part of) one undoable step of this user; refused (false) for viewers. */
  const write = (fn: () => void, key: string | null = null): boolean => {
    if (!mayWrite(store.getState())) return false
    // Inside another write: part of that one's transaction and step.
    if (depth > 0) {
      fn()
      return true
    }
    // a new edit: what Escape gave up can no longer be redone
    if (givenUp) actions.dismissGivenUp()
    const phase = phaseNow()
    const joins = key !== null && key === step?.key && phase === step.phase
    if (!joins) undo.stopCapturing()
    adopted = null
    depth++
    try {
      doc.transact(fn, undo.origin(phase))
    } finally {
      depth--
    }
    // set by `fn` (TypeScript cannot see it change inside the transaction)
    const taken = adopted as { key: string; created: boolean } | null
    step = taken
      ? { ...taken, phase }
      : key === null
        ? null
        : joins
          ? step
          : { key, created: false, phase }
    return true
  }

  /**
   * A change of a record's shared text (`change` gets it and its limit), with whatever
   * `alongside` writes, in the step of that field's edits.
   */
  const changeText = (
    name: CollectionName,
    id: string,
    field: string,
    alongside: ((doc: Y.Doc) => void) | undefined,
    change: (text: Y.Text, max: number) => void,
  ): boolean => {
    const map = collectionRoot(doc, name).get(id)
    if (!(map instanceof Y.Map)) return false
    const max = textLimit(name, field) ?? Infinity
    return write(
      () => {
        change(sharedText(map, field, max), max)
        alongside?.(doc)
      },
      textStepKey(name, id, field),
    )
  }

  /** An undo or redo kept records others worked on: this user is told why, and by whom. */
  let kept = 0
  /** The step an Escape took back, while its notice offers it again. */
  let givenUp: { phase: Phase; undone: unknown } | null = null
  let givenUpCount = 0
  const noteKept = (work: OthersWork | null) => {
    if (!work) return
    const peers = store.getState().peers
    const names = [...work.by].flatMap((c) => peers.find((p) => p.clientId === c)?.user.name ?? [])
    store.setState({ undoKept: { n: ++kept, count: work.count, names: [...new Set(names)] } })
  }

  const actions = {
    ...createPageActions(store),
    /** Any multi-record change (e.g. deriving the objective tree) as one undoable step. */
    transact: (fn: (doc: Y.Doc) => void): boolean => write(() => fn(doc)),

    /** A card: it and the first text written into it are one step (putRecordFor). */
    addCard(canvas: CanvasName, fields: Fields & { kind: string }, position: XY): string | null {
      return actions.putRecordFor(`${canvas}.nodes`, 'label', {
        label: '',
        ...fields,
        x: Math.round(position.x),
        y: Math.round(position.y),
      })
    },
    updateCard(canvas: CanvasName, id: string, patch: Fields): void {
      write(() => patchRecord(doc, `${canvas}.nodes`, id, patch))
    },
    /** The final position of a drag: all moved cards in one transaction. */
    moveCards(canvas: CanvasName, positions: Map<string, XY>): void {
      write(() => {
        for (const [id, pos] of positions)
          patchRecord(doc, `${canvas}.nodes`, id, { x: Math.round(pos.x), y: Math.round(pos.y) })
      })
    },
    /**
     * Moves cards this page just placed off cards placed elsewhere at the same moment
     * (kit/freshPlacements.ts): not a step of this person's undo (undoing the card takes it
     * away, wherever it went).
     */
    nudgeCards(canvas: CanvasName, positions: Map<string, XY>): void {
      if (!positions.size || !mayWrite(store.getState())) return
      doc.transact(() => {
        for (const [id, { x, y }] of positions) patchRecord(doc, `${canvas}.nodes`, id, { x, y })
      }, NUDGED)
    },
    /** Removes cards (with their links) and links, in one transaction. */
    removeCards(canvas: CanvasName, cardIds: string[], linkIds: string[] = []): void {
      if (!cardIds.length && !linkIds.length) return
      const { edges } = canvasRoots(doc, canvas)
      write(() => {
        for (const id of cardIds) deleteCard(doc, canvas, id)
        for (const id of linkIds) edges.delete(id)
      })
    },
    /**
     * Links two cards; refuses self-links and a second link of the same kind between the same
     * cards (two actors may both cooperate and fund each other).
     */
    link(
      canvas: CanvasName,
      source: string,
      target: string,
      fields: Fields & { kind: string },
    ): string | null {
      const { nodes, edges } = canvasRoots(doc, canvas)
      if (source === target || !nodes.has(source) || !nodes.has(target)) return null
      let exists = false
      forEachRecord(edges, (e) => {
        if (
          e.get('source') === source &&
          e.get('target') === target &&
          e.get('kind') === fields.kind
        )
          exists = true
      })
      if (exists) return null
      const id = newId()
      return write(() => putRecord(doc, `${canvas}.edges`, id, { ...fields, source, target }))
        ? id
        : null
    },
    updateLink(canvas: CanvasName, id: string, patch: Fields): void {
      write(() => patchRecord(doc, `${canvas}.edges`, id, patch))
    },

    putRecord(name: CollectionName, fields: Fields, id = newId()): string | null {
      return write(() => putRecord(doc, name, id, fields)) ? id : null
    },
    /**
     * A record made to be written in, its `field` taking the focus: the record and the first
     * text typed there are one step, so Escape in that text gives up both, as with a new card
     * (a new rule or commitment given up stayed, empty, on the page and in the export).
     */
    putRecordFor(name: CollectionName, field: string, fields: Fields): string | null {
      const id = newId()
      const ok = write(() => {
        putRecord(doc, name, id, fields)
        adopted = { key: textStepKey(name, id, field), created: true }
      })
      return ok ? id : null
    },
    updateRecord(name: CollectionName, id: string, patch: Fields): void {
      write(() => patchRecord(doc, name, id, patch))
    },
    deleteRecord(name: CollectionName, id: string): void {
      write(() => collectionRoot(doc, name).delete(id))
    },
    /**
     * Adds ids to or removes ids from a record's id set (a body's members, a card's tags): only
     * these, so what others add or remove at the same moment is kept too. `alongside` writes
     * more of the same change in the same transaction.
     */
    editIdSet(
      name: CollectionName,
      id: string,
      field: string,
      edit: { add?: string[]; remove?: string[] },
      alongside?: Fields,
    ): void {
      write(() => {
        editRecordIdSet(doc, name, id, field, edit)
        if (alongside) patchRecord(doc, name, id, alongside)
      })
    },
    /**
     * Types into a text field: the change from its current text to `next`, by character, so
     * what others type meanwhile stays. Consecutive edits of one field are one undo step;
     * `alongside` writes more of the same change in the same transaction (a status, say);
     * `caret`: where the writer's caret is in `next` (see replaceText).
     */
    editText(
      name: CollectionName,
      id: string,
      field: string,
      next: string,
      alongside?: (doc: Y.Doc) => void,
      caret?: number,
    ): boolean {
      return changeText(name, id, field, alongside, (text, max) =>
        replaceText(text, next, max, caret),
      )
    },
    /**
     * Leaving a field: the blanks this person typed at either end of its text go, nobody
     * else's (trimOwnBlanks), as part of their edit's step.
     */
    trimText(
      name: CollectionName,
      id: string,
      field: string,
      alongside?: (doc: Y.Doc) => void,
    ): boolean {
      return changeText(name, id, field, alongside, (text) => trimOwnBlanks(text, doc.clientID))
    },
    /** To a canvas: its phase, and there the canvas rather than its tables («vai a votare»). */
    goToCanvas(canvas: CanvasName): void {
      actions.setTab(canvas)
      // the problem tree has no tables to leave
      if (canvas !== 'problems') store.setState({ showCanvas: canvas })
    },
    /** The edit of a field is over: the next write, even to the same field, is a new step. */
    endTextEdit(): void {
      step = null
    },
    /**
     * Gives up this person's edit of a field (Escape): undoes it if it is the step in
     * progress; a card created for it goes too. Others' typing stays.
     */
    cancelTextEdit(name: CollectionName, id: string, field: string): void {
      const phase = step?.key === textStepKey(name, id, field) ? step.phase : null
      step = null
      if (!phase) return
      const words = () => textValue(collectionRoot(doc, name).get(id)?.get(field))
      const before = words()
      const others = undo.undo(phase)
      noteKept(others)
      // words typed and taken back: one line says so and offers them again (a card created
      // and left empty goes without a word; what an undo kept has a notice of its own)
      const undone = undo.of(phase).redoStack.at(-1)
      if (others || !undone || before.trim() === '' || words() === before) return
      givenUp = { phase, undone }
      store.setState({ givenUp: { n: ++givenUpCount } })
    },
    /** Brings back the words given up with Escape (GivenUpNotice), if still the last undone. */
    restoreGivenUp(): void {
      const was = givenUp
      givenUp = null
      store.setState({ givenUp: null })
      if (!was || !mayWrite(store.getState())) return
      if (undo.of(was.phase).redoStack.at(-1) !== was.undone) return
      step = null
      noteKept(undo.redo(was.phase))
      undo.stopCapturing()
    },
    /** Forgets the notice of words given up (GivenUpNotice). */
    dismissGivenUp(): void {
      givenUp = null
      store.setState({ givenUp: null })
    },
    /** Whether the current step created the record whose field `key` is being written. */
    isNewRecord(name: CollectionName, id: string, field: string): boolean {
      return step?.key === textStepKey(name, id, field) && step.created
    },
    setMeta(key: 'title' | 'phase' | 'chosenStrategy', value: string): void {
      write(() => metaRoot(doc).set(key, value))
    },

    // The problem tree's own words, on top of the generic actions.
    addProblem(position: XY, role: ProblemRole = 'cause', label = ''): string | null {
      const author = store.getState().userName
      return actions.addCard(
        'problems',
        { kind: 'problem', label, role, ...(author ? { author } : {}) },
        position,
      )
    },
    setLabel: (id: string, label: string) => actions.updateCard('problems', id, { label }),
    setRole: (id: string, role: ProblemRole) => actions.updateCard('problems', id, { role }),
    linkCauseToEffect: (cause: string, effect: string) =>
      actions.link('problems', cause, effect, { kind: CAUSE_EFFECT }),

    /** Undoes this user's last change on the phase on screen (never one made elsewhere). */
    undo(): void {
      if (!mayWrite(store.getState())) return
      if (givenUp) actions.dismissGivenUp()
      step = null
      noteKept(undo.undo(phaseNow()))
      undo.stopCapturing()
    },
    redo(): void {
      if (!mayWrite(store.getState())) return
      if (givenUp) actions.dismissGivenUp()
      step = null
      noteKept(undo.redo(phaseNow()))
      undo.stopCapturing()
    },
    /** A drag starts a new undo step, so it never merges with the edit before it. */
    beginGesture: () => undo.stopCapturing(),
    /** Live drag positions travel through awareness only. */
    broadcastDrag(canvas: CanvasName, positions: Map<string, XY> | null): void {
      awareness.setLocalStateField(
        'drag',
        positions ? { canvas, nodes: Object.fromEntries(positions) } : null,
      )
    },
    broadcastCursor(canvas: CanvasName, pos: XY | null): void {
      // The projector's mouse is nobody's cursor.
      if (store.getState().role === 'viewer') return
      awareness.setLocalStateField('cursor', pos ? { canvas, x: pos.x, y: pos.y } : null)
    },
    /** Who is writing where, for the others: the record and, if not its label, the field. */
    setEditing(id: string | null, field: string | null = null): void {
      // a preview's cards are not in the document yet: nothing to write into
      if (id !== null && store.getState().preview) return
      store.setState({ editingId: id })
      awareness.setLocalStateField('editing', id)
      awareness.setLocalStateField('field', id ? field : null)
    },
    /** The facilitator's tab is the room's phase: the projector follows it. */
    setTab(tab: Phase): void {
      // what Escape gave up is on the phase left behind
      if (givenUp && tab !== givenUp.phase) actions.dismissGivenUp()
      store.setState({ tab })
      awareness.setLocalStateField('tab', tab)
      // Not an edit of the board: outside the undo history.
      if (mayRunRoom(store.getState()) && metaRoot(doc).get('phase') !== tab)
        doc.transact(() => metaRoot(doc).set('phase', tab), PHASE_ORIGIN)
    },
  }
  return actions
}

export type BoardActions = ReturnType<typeof createBoardActions>
