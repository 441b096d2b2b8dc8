import type * as Y from 'yjs'
import type { WebsocketProvider } from 'y-websocket'
import type { BoardStore } from './boardStore.ts'
import type { BoardActions } from './actions.ts'

/**
 * One open board as the page uses it: the document, its store and the actions that write it.
 * `client/sync/session.ts` makes one (provider, binding, persistence); the store and the views
 * only know this shape.
 */
export interface BoardSession {
  boardId: string
  key: string
  doc: Y.Doc
  provider: WebsocketProvider
  store: BoardStore
  actions: BoardActions
  undo: Y.UndoManager
  setUser(user: { name: string; color: string }): void
  destroy(): void
}
