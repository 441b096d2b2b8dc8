import type * as Y from 'yjs'
import type { WebsocketProvider } from 'y-websocket'
import type { Role } from '../../shared/protocol.ts'
import type { BoardStore } from './boardStore.ts'
import type { BoardActions } from './actions.ts'
import type { PhaseUndo } from './origin.ts'

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
  undo: PhaseUndo
  /**
   * The role the link's key grants, once the server has said it: the session starts before
   * (so the board's data arrives while the page asks), read-only unless the browser remembers.
   */
  setRole(role: Role): void
  /**
   * The board's view is on screen: a preview drawn there, the document may come now
   * (client/sync/preview.ts).
   */
  boardShown(): void
  setUser(user: { name: string; color: string }): void
  destroy(): void
}
