import { createStore, type StoreApi } from 'zustand/vanilla'
import {
  CANVASES,
  COLLECTIONS,
  type CanvasName,
  type CollectionName,
  type Phase,
  type RoomState,
  type RoomTimer,
} from '../../shared/schema/index.ts'
import type { Role } from '../../shared/protocol.ts'
import type { Peer } from './peers.ts'
import type { CardNode, Item, LinkEdge } from './projection.ts'

export type ConnectionState = 'connecting' | 'connected' | 'offline'

export interface CanvasProjection {
  nodes: CardNode[]
  edges: LinkEdge[]
}

/** Collections that are not the cards or links of a canvas. */
export type ListName = Exclude<CollectionName, `${CanvasName}.nodes` | `${CanvasName}.edges`>
export const LIST_NAMES = COLLECTIONS.filter((c) => !/\.(nodes|edges)$/.test(c)) as ListName[]

export interface BoardState {
  boardId: string
  role: Role
  /** This browser's stable participant id (scores are per participant) and name. */
  participantId: string
  userName: string
  /** Projection of the document (rebuilt from Yjs events only). */
  title: string
  phase: Phase
  chosenStrategy: string
  /** The board was written by a newer Trama: reload before writing. */
  schemaTooNew: boolean
  /**
   * The server refused this client for good: a newer board, input it cannot accept, a change
   * of what only the facilitator decides, an edit while the board is paused or a phase locked.
   */
  refused: 'newer-schema' | 'rejected' | 'facilitator' | 'frozen' | 'locked' | null
  /** The room as the facilitator set it: paused board, locked phases, timer (from `room`). */
  frozen: boolean
  locks: Phase[]
  timer: RoomTimer | null
  canvases: Record<CanvasName, CanvasProjection>
  lists: Record<ListName, Item[]>
  /** Local state. */
  tab: Phase
  connection: ConnectionState
  /** The server has sent its state at least once since the page opened. */
  synced: boolean
  /**
   * The page shows the board's preview (client/sync/preview.ts), not yet the document: the
   * page looks as it will (canEdit does not change), but nothing is written and no editor
   * opens until the document has synced (the actions refuse: mayWrite, mayRunRoom).
   */
  preview: boolean
  /** The room as the preview read it, while it shows (useRoom reads it then). */
  previewRoom: RoomState | null
  /** Local changes not yet known to have reached the server. */
  unsent: number
  /**
   * The server said it could not store (it closed with 1011) and has not yet kept a connection
   * for a while since: this user's latest edits may not be saved.
   */
  storageTrouble: boolean
  /** The server has said nothing since this user's latest edit, for a while (liveness.ts). */
  serverSilent: boolean
  peers: Peer[]
  canUndo: boolean
  canRedo: boolean
  /** The card this user is editing the text of. */
  editingId: string | null
  /**
   * Whether the phase on screen shows its canvas (the Obiettivi phase may show its strategy or
   * logframe instead): what belongs to the canvas, a dot vote's ranking, shows only then.
   */
  canvasInView: boolean
  /**
   * The canvas someone asked for (a dot vote's «vai a votare»): its phase shows it rather than
   * its tables, once mounted, and clears the request.
   */
  showCanvas: CanvasName | null
  /** What this user was writing when someone else (or a restore) took it (LostEditNotice). */
  lostEdit: LostEdit | null
  /**
   * This user's last undo (or redo) kept records that others worked on after them: how many,
   * and the names of those on the board now (UndoKeptNotice says so).
   */
  undoKept: { n: number; count: number; names: string[] } | null
  /**
   * This user gave up an edit with Escape and words of theirs went with it: «Ripristina» (or
   * Ctrl+Y) brings them back (GivenUpNotice).
   */
  givenUp: { n: number } | null
  /** Text pasted into a field was longer than the field holds: its limit (TextCutNotice). */
  textCut: { n: number; limit: number } | null
  error: string | null
}

/**
 * Text a person was writing into a record that someone else deleted meanwhile (`deleted`), or
 * whose text a version restored meanwhile replaced (`replaced`).
 */
export interface LostEdit {
  collection: CollectionName
  id: string
  field: string
  text: string
  kind: 'deleted' | 'replaced'
  /** Which loss of this page it is (each one gets a notice of its own). */
  n: number
  /** Set when a version restored did it: by whom (null when the restore named nobody). */
  restoredBy?: string | null
  /** A replaced text: what the version put in its place (others may write on after it). */
  restored?: string
  /** Written while the server could not hear this page (offline), deleted meanwhile. */
  whileAway?: boolean
}

/** Numbers each set-aside edit: a second one of the same text gets a notice of its own. */
let losses = 0
export const nextLoss = (): number => ++losses

export type BoardStore = StoreApi<BoardState>

export function createBoardStore(init: {
  boardId: string
  role: Role
  title?: string
  participantId?: string
  userName?: string
}): BoardStore {
  return createStore<BoardState>()(() => ({
    boardId: init.boardId,
    role: init.role,
    participantId: init.participantId ?? 'local',
    userName: init.userName ?? '',
    title: init.title ?? '',
    phase: 'problems',
    chosenStrategy: '',
    schemaTooNew: false,
    refused: null,
    frozen: false,
    locks: [],
    timer: null,
    canvases: Object.fromEntries(
      CANVASES.map((c) => [c, { nodes: [], edges: [] }]),
    ) as unknown as Record<CanvasName, CanvasProjection>,
    lists: Object.fromEntries(LIST_NAMES.map((l) => [l, []])) as unknown as Record<
      ListName,
      Item[]
    >,
    tab: 'problems',
    connection: 'connecting',
    synced: false,
    preview: false,
    previewRoom: null,
    unsent: 0,
    storageTrouble: false,
    serverSilent: false,
    peers: [],
    canUndo: false,
    canRedo: false,
    editingId: null,
    canvasInView: true,
    showCanvas: null,
    lostEdit: null,
    undoKept: null,
    givenUp: null,
    textCut: null,
    error: null,
  }))
}

/** What decides whether this user may edit (the whole state, or a card's inputs). */
export type EditInputs = Pick<
  BoardState,
  'role' | 'schemaTooNew' | 'refused' | 'frozen' | 'locks' | 'tab'
>

/**
 * Whether this user may change the document right now: the facilitator's pause and the lock of
 * the phase in view bind everyone but the facilitator (the server enforces both).
 */
/** Whether this page is the room's projector (the viewer link): it shows, nobody works it. */
export const isViewer = (s: BoardState): boolean => s.role === 'viewer'

export function canEdit(s: EditInputs): boolean {
  if (s.role === 'viewer' || s.schemaTooNew || s.refused) return false
  return s.role === 'facilitator' || (!s.frozen && !s.locks.includes(s.tab))
}

/** The text of a record's field as the page holds it ('' when there is none). */
export function fieldText(
  s: BoardState,
  collection: CollectionName,
  id: string,
  field: string,
): string {
  const [canvas, part] = collection.split('.') as [string, string | undefined]
  type Drawn = { id: string; data?: object }
  const drawn = (s.canvases as Record<string, { nodes: Drawn[]; edges: Drawn[] }>)[canvas]
  // a card or a link: its fields are its data; any other record: the list's item itself
  const item =
    drawn && (part === 'nodes' || part === 'edges')
      ? drawn[part].find((n) => n.id === id)?.data
      : (s.lists as Record<string, { id: string }[]>)[collection]?.find((i) => i.id === id)
  const value = (item as Record<string, unknown> | undefined)?.[field]
  return typeof value === 'string' ? value : ''
}

export function isFacilitator(s: BoardState): boolean {
  return s.role === 'facilitator' && canEdit(s)
}

/**
 * Whether this page may write into the document now: it may edit ({@link canEdit}), and the
 * document is here (not a preview: what the page shows is not in the document yet).
 */
export function mayWrite(s: BoardState): boolean {
  return canEdit(s) && !s.preview
}

/** Whether the facilitator's controls of the room may be written now (see {@link mayWrite}). */
export function mayRunRoom(s: BoardState): boolean {
  return isFacilitator(s) && !s.preview
}
