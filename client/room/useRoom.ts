import { useCallback, useSyncExternalStore } from 'react'
import type * as Y from 'yjs'
import { ROOM_ROOT, normaliseRoom, type RoomState } from '../../shared/schema/index.ts'
import { useBoard, useBoardSession } from '../store/context.tsx'
import type { BoardState } from '../store/boardStore.ts'

interface RoomSource {
  get(): RoomState
  subscribe(onChange: () => void): () => void
}

const sources = new WeakMap<Y.Doc, RoomSource>()

/**
 * The room's state (what the facilitator set: view, spotlight, reveal…) read from the board's
 * `room` root through the one normaliser, recomputed when the root changes. One source per
 * document, shared by every component that reads it.
 */
export function roomSource(doc: Y.Doc): RoomSource {
  let source = sources.get(doc)
  if (source) return source
  let state = normaliseRoom(doc)
  const listeners = new Set<() => void>()
  const root = doc.getMap(ROOM_ROOT)
  const onChange = () => {
    state = normaliseRoom(doc)
    listeners.forEach((l) => l())
  }
  source = {
    get: () => state,
    subscribe(listener) {
      if (!listeners.size) {
        state = normaliseRoom(doc)
        root.observe(onChange)
      }
      listeners.add(listener)
      return () => {
        listeners.delete(listener)
        if (!listeners.size) root.unobserve(onChange)
      }
    },
  }
  sources.set(doc, source)
  return source
}

/**
 * A slice of the room's state; re-renders when the slice changes. A selector that builds a new
 * object each time would re-render on every room change: select primitives, or values of the
 * state as they are (they are kept until the room changes).
 */
export function useRoom<T>(select: (room: RoomState) => T): T {
  const { doc } = useBoardSession()
  const source = roomSource(doc)
  // the board drawn from its preview: the room as the preview read it, until the document is in
  const previewed = useBoard(previewRoomSelector)
  const get = useCallback(() => select(previewed ?? source.get()), [select, source, previewed])
  return useSyncExternalStore(source.subscribe, get, get)
}

const previewRoomSelector = (s: BoardState) => (s.preview ? s.previewRoom : null)
