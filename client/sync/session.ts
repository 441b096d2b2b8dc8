import * as Y from 'yjs'
import { WebsocketProvider } from 'y-websocket'
import { refusalOfClose } from '../../shared/schema/index.ts'
import { dropPending } from '../../shared/schema/integrable.ts'
import { CLOSE, SYNC_PATH, type Role } from '../../shared/protocol.ts'
import { canEdit, createBoardStore, nextLoss } from '../store/boardStore.ts'
import type { BoardSession } from '../store/session.ts'

export type { BoardSession } from '../store/session.ts'
import { createBoardActions } from '../store/actions.ts'
import { bindDocToStore } from './binding.ts'
import { PhaseUndo } from '../store/origin.ts'
import { storedParticipantId } from './identity.ts'
import { editStarted } from '../text/typeAhead.ts'
import { bindRoomControl } from '../facilitation/roomBinding.ts'
import { SocketTakingEarly } from './earlySocket.ts'
import { applyServerUpdatesQuietly } from './quietApply.ts'
import { LocalCopy } from './localCopy.ts'
import { openingTab } from '../follow/openingTab.ts'
import { boardPreviewUrl, pageWsOrigin } from '../app/boardLink.ts'
import { takeEarlyPreview } from '../boot/early.ts'
import { gateOnPreview } from './preview.ts'
import { watchOfflineTexts } from './offlineTexts.ts'
import { watchLiveness } from './liveness.ts'

export interface SessionOptions {
  boardId: string
  key: string
  role: Role
  title?: string
  /** ws(s)://host of the server; defaults to this page's origin. */
  wsOrigin?: string
}

/** The id of the record a nested type belongs to (a card's map, or a text inside it). */
function recordKey(type: Y.AbstractType<any>): string | null {
  let item = type._item
  while (item && (item.parent as Y.AbstractType<any>)._item)
    item = (item.parent as Y.AbstractType<any>)._item
  return item?.parentSub ?? null
}

/** How long a connection must hold after a storage failure before the page trusts it again. */
const STORAGE_CALM_MS = 5_000

/**
 * Changes refused because the board was paused or a phase locked are sent again by themselves,
 * after these waits (the last repeats): each try also brings the room as it is now. A try the
 * server keeps for REFUSAL_CALM_MS means the facilitator reopened, and the changes went in.
 */
const REFUSED_RETRY_MS = [2_000, 4_000, 8_000, 15_000]
const REFUSAL_CALM_MS = 2_000

/** The longest a writer's local store waits for the board's first sync before it opens. */
const LOCAL_STORE_FALLBACK_MS = 3_000

/** Runs `fn` when the page is idle (soon in any case); returns the cancel. */
function requestIdle(fn: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(fn, { timeout: 1_000 })
    return () => cancelIdleCallback(id)
  }
  const id = setTimeout(fn, 0)
  return () => clearTimeout(id)
}

/**
 * One open board: the Y.Doc (kept in IndexedDB too, so edits made offline survive a reload),
 * the y-websocket provider, the store bound to the doc, per-user undo, and the actions.
 */
export function createBoardSession(options: SessionOptions): BoardSession {
  const { boardId, key, role } = options
  const doc = new Y.Doc()
  const store = createBoardStore({
    boardId,
    role,
    title: options.title,
    participantId: storedParticipantId(),
  })
  // Edits kept in this browser (offline work) are for those who write; a role learnt later
  // (see setRole) starts it then.
  let local: LocalCopy | null = null
  let unquiet = () => {}
  let destroyed = false
  const openLocal = () => {
    if (local || destroyed) return
    // others' changes are the server's messages: batched, and stored as the server sent them
    local = new LocalCopy(`trama:${boardId}`, doc, (origin) => origin === provider)
    unquiet = quiet.add(local)
  }
  let cancelLater = () => {}
  const keepLocally = (r: Role) => {
    if (r === 'viewer' || local) return
    if (r === role) return openLocal()
    // A role learnt from the server: this browser did not know the board as a writer. Opening
    // the store writes the whole document into it, which on a large board took tens of ms
    // before the first render: it opens once the board is shown (the first sync, then an idle
    // moment), or after a while without a sync. Edits made before are in that first write.
    cancelLater()
    const onSynced = (synced: boolean) => synced && later()
    const later = () => {
      cancelLater()
      cancelLater = requestIdle(openLocal)
    }
    const fallback = setTimeout(later, LOCAL_STORE_FALLBACK_MS)
    provider.on('sync', onSynced)
    cancelLater = () => {
      provider.off('sync', onSynced)
      clearTimeout(fallback)
    }
    if (provider.synced) later()
  }
  // The socket the page opened as it started is this one's if it is for the same board and key.
  const provider = new WebsocketProvider(
    (options.wsOrigin ?? pageWsOrigin(location)) + SYNC_PATH,
    boardId,
    doc,
    {
      params: { key },
      WebSocketPolyfill: SocketTakingEarly,
      // the document comes once the board's preview is drawn (gateOnPreview, below)
      connect: false,
    },
  )
  const quiet = applyServerUpdatesQuietly(doc, provider)
  keepLocally(role)
  const awareness = provider.awareness
  const undo = new PhaseUndo(doc, {
    // Steps are cut by the actions (one action of a person, one step), not by the clock: a
    // person who pauses while writing a card still undoes the card with its text at once.
    captureTimeout: 10 * 60_000,
  })
  const unbind = bindDocToStore(doc, store, awareness)
  const gate = gateOnPreview(
    takeEarlyPreview(boardPreviewUrl({ boardId, key })),
    store,
    () => !destroyed && !store.getState().refused && provider.connect(),
  )
  const unbindRoom = bindRoomControl(doc, store)
  const actions = createBoardActions(doc, store, awareness, undo)

  // The keys typed between "edit this card" and its editor taking focus belong to the editor.
  const unwatchEditing = store.subscribe((s, prev) => {
    if (s.editingId && s.editingId !== prev.editingId) editStarted(s.editingId)
    // The board paused (or the phase locked) while this person wrote a card: its editor closes
    // on what was typed, which is stored; open, it took keys that went nowhere, and the others
    // kept seeing them write (walkthrough).
    else if (s.editingId && canEdit(prev) && !canEdit(s)) actions.setEditing(null)
  })

  // The undo and redo buttons are the phase on screen's.
  const onStack = () => {
    const history = undo.of(store.getState().tab)
    const canUndo = history.canUndo()
    const canRedo = history.canRedo()
    const s = store.getState()
    if (s.canUndo !== canUndo || s.canRedo !== canRedo) store.setState({ canUndo, canRedo })
  }
  const stopStack = undo.onChange(onStack)
  const unwatchTab = store.subscribe((s, prev) => {
    if (s.tab !== prev.tab) onStack()
  })

  provider.on('status', ({ status }: { status: 'connected' | 'connecting' | 'disconnected' }) => {
    store.setState({
      connection:
        status === 'connected' ? 'connected' : status === 'connecting' ? 'connecting' : 'offline',
    })
  })
  // The server closes with 1011 when it cannot store: until a connection has lasted a while
  // after that, the page must not say "tutto salvato".
  let storageTimer: ReturnType<typeof setTimeout> | undefined
  // Refused while the board was paused (or a phase locked): the page was left cut off from the
  // room for good, still showing the pause after the facilitator had resumed, its changes kept
  // but sent only on «Riprova», which nothing told the person to press (walkthrough).
  let refusedTries = 0
  let refusedTimer: ReturnType<typeof setTimeout> | undefined
  const retryRefused = () => {
    clearTimeout(refusedTimer)
    const wait = REFUSED_RETRY_MS[Math.min(refusedTries, REFUSED_RETRY_MS.length - 1)]!
    refusedTries += 1
    refusedTimer = setTimeout(() => {
      if (!destroyed && navigator.onLine) provider.connect()
      else retryRefused()
    }, wait)
  }
  let opened = false
  provider.on('sync', (synced: boolean) => {
    if (synced && store.getState().storageTrouble) {
      clearTimeout(storageTimer)
      storageTimer = setTimeout(() => store.setState({ storageTrouble: false }), STORAGE_CALM_MS)
    }
    const refused = store.getState().refused
    if (synced && (refused === 'frozen' || refused === 'locked')) {
      clearTimeout(refusedTimer)
      refusedTimer = setTimeout(() => {
        refusedTries = 0
        store.setState({ refused: null })
      }, REFUSAL_CALM_MS)
    }
    // The client answers the server's sync step 1 with everything the server lacks before it
    // reads the server's step 2: once synced, this user's changes are on their way.
    if (synced && provider.wsconnected) {
      // the server's answer is in: what is still pending here, nothing can complete
      dropPending(doc)
      unsentItems.clear()
      offlineTexts.sent()
      // the first time, the page opens on the room's phase (with the board, not after it)
      const first = !opened
      opened = true
      // what the preview showed gives way to the document: records deleted since it was read go
      if (store.getState().preview) unbind.dropStale()
      store.setState((s) => ({
        synced: true,
        preview: false,
        previewRoom: null,
        unsent: 0,
        ...(first ? openingTab(s) : {}),
      }))
    }
  })
  provider.on('connection-close', (event: CloseEvent | null) => {
    store.setState({ connection: 'offline' })
    // a try that did not last: the changes are not in yet (a try cut by the Wi-Fi or a restart
    // reconnects by itself, and is timed again from its next sync)
    clearTimeout(refusedTimer)
    liveness.reset()
    if (event?.code === CLOSE.STORAGE_FAILED.code) {
      clearTimeout(storageTimer)
      store.setState({ storageTrouble: true })
    }
    // These two are final: the stock provider does not retry 4400–4499, so say so and stop.
    if (event?.code === CLOSE.NEWER_SCHEMA.code) store.setState({ refused: 'newer-schema' })
    else if (event?.code === CLOSE.MALFORMED.code) store.setState({ refused: 'rejected' })
    else {
      // refused by the facilitator's control (paused, locked): final too, and the page says why
      const kind = refusalOfClose(event?.code)
      if (kind && kind !== 'malformed') store.setState({ refused: kind })
      if (kind === 'frozen' || kind === 'locked') retryRefused()
    }
  })
  // What the user sees as "changes": the cards and links touched while the server is out of
  // reach (a card created and then written is one change, not two transactions).
  const unsentItems = new Set<string>()
  // a socket left half-open by the Wi-Fi takes edits and answers nothing: it is found out
  const liveness = watchLiveness(provider, (serverSilent) => store.setState({ serverSilent }))
  const onTransaction = (tr: Y.Transaction) => {
    const mine = undo.isOwn(tr.origin)
    if (!mine) return
    if (provider.wsconnected && provider.synced) return liveness.edited()
    for (const [type, keys] of tr.changed) {
      const record = recordKey(type)
      if (record) unsentItems.add(record)
      else for (const key of keys) if (key) unsentItems.add(key)
    }
    store.setState({ unsent: unsentItems.size })
  }
  doc.on('afterTransaction', onTransaction)
  // words written offline into a card someone deleted meanwhile are offered back, not lost
  const offlineTexts = watchOfflineTexts(doc, {
    mine: (origin) => undo.isOwn(origin),
    unheard: () => !(provider.wsconnected && provider.synced),
    onLost: (lost) => {
      // the open editor set them aside already (SharedTextField)
      if (store.getState().lostEdit?.id === lost.id) return
      actions.noteLostEdit({ ...lost, n: nextLoss() })
    },
  })

  // The browser knows at once when the Wi-Fi drops; the socket could take 30 s to notice.
  const onOffline = () => {
    provider.disconnect()
    store.setState({ connection: 'offline' })
  }
  // A refused client stays away: the same changes would be refused again.
  const onOnline = () => {
    if (!store.getState().refused) provider.connect()
  }
  // If the browser never says it is back online, ask it every few seconds rather than waiting
  // for an event that may not come.
  const onlineCheck = setInterval(() => {
    if (!provider.shouldConnect && navigator.onLine && !store.getState().refused) provider.connect()
  }, 5_000)
  window.addEventListener('offline', onOffline)
  window.addEventListener('online', onOnline)

  awareness.setLocalState({ cursor: null, editing: null, drag: null, tab: 'problems', role })

  return {
    boardId,
    key,
    doc,
    provider,
    store,
    actions,
    undo,
    setRole(next) {
      if (store.getState().role === next) return
      store.setState({ role: next })
      awareness.setLocalStateField('role', next)
      keepLocally(next)
    },
    boardShown: () => gate.shown(),
    setUser(user) {
      store.setState({ userName: user.name })
      awareness.setLocalStateField('user', user)
    },
    destroy() {
      destroyed = true
      gate.cancel()
      cancelLater()
      window.removeEventListener('offline', onOffline)
      window.removeEventListener('online', onOnline)
      clearInterval(onlineCheck)
      clearTimeout(storageTimer)
      clearTimeout(refusedTimer)
      liveness.reset()
      doc.off('afterTransaction', onTransaction)
      offlineTexts.destroy()
      unwatchEditing()
      unwatchTab()
      stopStack()
      unbind()
      unbindRoom()
      undo.destroy()
      provider.destroy()
      unquiet()
      void (local as LocalCopy | null)?.destroy()
      doc.destroy()
    },
  }
}
