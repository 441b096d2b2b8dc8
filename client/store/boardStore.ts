import { createStore, type StoreApi } from 'zustand/vanilla'
import type { Phase } from '../../shared/schema/index.ts'
import type { Role } from '../../shared/protocol.ts'
import type { Peer } from '../sync/awareness.ts'
import type { CauseEffectEdge, ProblemNode } from './projection.ts'

export type ConnectionState = 'connecting' | 'connected' | 'offline'

export interface BoardState {
  boardId: string
  role: Role
  /** Projection of the document (rebuilt from Yjs events only). */
  title: string
  phase: Phase
  /** The board was written by a newer Trama: reload before writing. */
  schemaTooNew: boolean
  nodes: ProblemNode[]
  edges: CauseEffectEdge[]
  /** Local state. */
  tab: Phase
  connection: ConnectionState
  /** The server has sent its state at least once since the page opened. */
  synced: boolean
  /** Local changes not yet known to have reached the server. */
  unsent: number
  peers: Peer[]
  canUndo: boolean
  canRedo: boolean
  /** The card this user is editing the text of. */
  editingId: string | null
  error: string | null
}

export type BoardStore = StoreApi<BoardState>

export function createBoardStore(init: {
  boardId: string
  role: Role
  title?: string
}): BoardStore {
  return createStore<BoardState>()(() => ({
    boardId: init.boardId,
    role: init.role,
    title: init.title ?? '',
    phase: 'problems',
    schemaTooNew: false,
    nodes: [],
    edges: [],
    tab: 'problems',
    connection: 'connecting',
    synced: false,
    unsent: 0,
    peers: [],
    canUndo: false,
    canRedo: false,
    editingId: null,
    error: null,
  }))
}

/** Whether this user may change the document right now. */
export function canEdit(s: BoardState): boolean {
  return s.role !== 'viewer' && !s.schemaTooNew
}
