import { CANVASES, parsePreview, type BoardPreview } from '../../shared/schema/index.ts'
import { openingTab } from '../follow/openingTab.ts'
import {
  LIST_NAMES,
  type BoardState,
  type BoardStore,
  type CanvasProjection,
} from '../store/boardStore.ts'
import { EDGE_TYPES, inListOrder, toCardNode, toItem, toLinkEdge } from '../store/projection.ts'

/** The longest the document waits for the preview to be drawn before it is applied anyway. */
export const PREVIEW_WAIT_MS = 2_000

/**
 * The store as it shows a preview: every canvas and list projected as the binding projects the
 * document (client/sync/binding.ts, the same functions, so the document's first projection
 * finds the same fields and keeps every object: nothing is drawn twice), the board's meta, and
 * the phase the room works on, the room's state. Read-only (`preview`) until the document has
 * synced.
 */
export function previewState(s: BoardState, p: BoardPreview): Partial<BoardState> {
  const canvases = { ...s.canvases }
  for (const canvas of CANVASES) {
    const edges: CanvasProjection['edges'] = []
    for (const [id, fields] of p.collections[`${canvas}.edges`]) {
      const edge = toLinkEdge(id, fields, undefined, EDGE_TYPES[canvas])
      if (edge) edges.push(edge)
    }
    canvases[canvas] = {
      nodes: p.collections[`${canvas}.nodes`].map(([id, fields]) => toCardNode(id, fields)),
      edges,
    }
  }
  const lists = { ...s.lists }
  for (const name of LIST_NAMES) {
    lists[name] = inListOrder(
      name,
      p.collections[name].map(([id, fields]) => toItem(id, fields)),
    )
  }
  const shown = {
    title: p.meta.title,
    phase: p.meta.phase,
    chosenStrategy: p.meta.chosenStrategy,
    canvases,
    lists,
    // the facilitator's control as bindRoomControl reads it, and the rest of the room for useRoom
    frozen: p.room.frozen,
    locks: p.room.locks,
    timer: p.room.timer,
    preview: true,
    previewRoom: p.room,
  }
  return { ...shown, ...openingTab({ ...s, ...shown }) }
}

/** Whether the store still shows nothing of the board (no document applied, no local copy). */
function blank(s: BoardState): boolean {
  if (s.synced || s.preview) return false
  return (
    CANVASES.every((c) => !s.canvases[c].nodes.length && !s.canvases[c].edges.length) &&
    LIST_NAMES.every((l) => !s.lists[l].length)
  )
}

/** After the next frame has been painted. */
function afterPaint(fn: () => void): () => void {
  if (typeof requestAnimationFrame !== 'function') {
    const timer = setTimeout(fn, 0)
    return () => clearTimeout(timer)
  }
  let timer: ReturnType<typeof setTimeout> | undefined
  const frame = requestAnimationFrame(() => (timer = setTimeout(fn, 0)))
  return () => {
    cancelAnimationFrame(frame)
    clearTimeout(timer)
  }
}

export interface PreviewGate {
  /** The board's view is on screen: once the preview is drawn, the document may come. */
  shown(): void
  cancel(): void
}

/**
 * What comes first on a board's page. Applying a large document takes the main thread for a
 * while (Yjs, then the normaliser): ~100 ms at 2,000 cards, before anything could be drawn.
 * With a preview (the early start asked for it, client/boot/early.ts), the page draws the board
 * from it first, and lets the document in (`connect`: the provider takes the socket and what
 * already arrived on it) once that is painted, or as soon as the person presses a key or a
 * pointer. Without one (it failed, the server sends none for a small board, it is not one this
 * code reads, or the store already shows a local copy), the document comes at once. Either way
 * it comes within {@link PREVIEW_WAIT_MS}.
 */
export function gateOnPreview(
  body: Promise<unknown> | null,
  store: BoardStore,
  connect: () => void,
): PreviewGate {
  let done = false
  let drawn = false
  let onScreen = false
  let cancelPaint = () => {}
  const go = () => {
    if (done) return
    done = true
    clearTimeout(fallback)
    cancelPaint()
    listen(false)
    connect()
  }
  const goAfterPaint = () => {
    cancelPaint()
    cancelPaint = afterPaint(go)
  }
  // A person who starts to act on the preview gets the document first: it is applied as their
  // key or pointer goes down (the socket's messages are replayed in the microtask after this
  // listener, before the page's own listeners), so the click or the key acts on the document.
  const onInput = () => go()
  const listen = (on: boolean) => {
    if (typeof window === 'undefined') return
    for (const type of ['pointerdown', 'keydown'] as const)
      if (on) window.addEventListener(type, onInput, { capture: true })
      else window.removeEventListener(type, onInput, { capture: true })
  }
  const fallback = setTimeout(go, body ? PREVIEW_WAIT_MS : 0)
  if (!body) go()
  else
    void body.then((raw) => {
      if (done) return
      const preview = parsePreview(raw)
      if (!preview || !blank(store.getState())) return go()
      store.setState((s) => previewState(s, preview))
      drawn = true
      listen(true)
      if (onScreen) goAfterPaint()
    })
  return {
    shown() {
      onScreen = true
      if (drawn) goAfterPaint()
    },
    cancel() {
      done = true
      clearTimeout(fallback)
      cancelPaint()
      listen(false)
    },
  }
}
