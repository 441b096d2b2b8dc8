/**
 * The early start of a board page, a script of its own that the page runs as soon as it has it,
 * long before the app's JavaScript has loaded: it opens the board's sync socket, asks the server
 * for the whole board on it, asks which role the link's key grants and asks for the board's
 * preview (what the page draws while the document is applied), so the answers are on their way
 * (or here) when the session starts. The session takes them over (client/sync/earlySocket.ts,
 * useBoardInfo, client/sync/preview.ts); what it does not take within a while is closed.
 *
 * It sends nothing the session would not send: the same socket address and info request (the
 * key where it was before, nowhere else) and, on the socket, y-websocket's sync step 1 with an
 * empty state vector, whose answer holds everything the server has. Board links only.
 */
import { MESSAGE_SYNC } from '../../shared/protocol.ts'
import {
  boardInfoUrl,
  boardLinkOf,
  boardPreviewUrl,
  boardSyncUrl,
  pageWsOrigin,
  type BoardLink,
} from '../app/boardLink.ts'
import { linkFirstViewStyles } from './firstViewStyles.ts'

/** y-protocols' sync step 1 with an empty state vector: "send me everything you have". */
export const ASK_WHOLE_BOARD = Uint8Array.of(MESSAGE_SYNC, 0, 1, 0)

/** How long an early socket or answer waits for the session before it is dropped. */
export const UNCLAIMED_MS = 20_000

/** A socket opened before the app loaded, and what happened on it since. */
export interface EarlySocket {
  readonly url: string
  readonly socket: WebSocket
  /** open, message, error and close events, in order, until the session forwards them. */
  readonly events: Event[]
  /** Once the session has the socket, its events go here instead. */
  forward: ((event: Event) => void) | null
  /** ASK_WHOLE_BOARD went out when the socket opened. */
  askedWholeBoard: boolean
}

let early: EarlySocket | null = null
let info: { url: string; answer: Promise<Response> } | null = null
let preview: { url: string; body: Promise<unknown> } | null = null

/** The early socket, if it was opened for `url` and nobody took it yet. */
export function takeEarlySocket(url: string): EarlySocket | null {
  if (!early || early.url !== url) return null
  const taken = early
  early = null
  return taken
}

/** The answer to the early info request, if it was for `url` and nobody took it yet. */
export function takeEarlyInfo(url: string): Promise<Response> | null {
  if (!info || info.url !== url) return null
  const { answer } = info
  info = null
  return answer
}

/**
 * The early preview's body (parsed JSON, not yet checked), if it was asked for `url` and nobody
 * took it yet; it resolves to null when the request failed.
 */
export function takeEarlyPreview(url: string): Promise<unknown> | null {
  if (!preview || preview.url !== url) return null
  const { body } = preview
  preview = null
  return body
}

function openSocket(link: BoardLink): EarlySocket {
  const url = boardSyncUrl(pageWsOrigin(location), link)
  const socket = new WebSocket(url)
  socket.binaryType = 'arraybuffer'
  const opened: EarlySocket = { url, socket, events: [], forward: null, askedWholeBoard: false }
  const record = (event: Event) => {
    if (event.type === 'open') {
      socket.send(ASK_WHOLE_BOARD)
      opened.askedWholeBoard = true
    }
    if (opened.forward) opened.forward(event)
    else opened.events.push(event)
  }
  for (const type of ['open', 'message', 'error', 'close']) socket.addEventListener(type, record)
  return opened
}

function start(): void {
  const link = boardLinkOf(location)
  if (!link || link === 'invalid' || typeof WebSocket !== 'function') return
  const url = boardInfoUrl(link)
  const answer = fetch(url)
  answer.catch(() => {}) // offline: the session's own handling says so, if it takes it
  info = { url, answer }
  early = openSocket(link)
  linkFirstViewStyles(document)
  // parsed as soon as it is here, while the app's JavaScript still loads
  const previewUrl = boardPreviewUrl(link)
  const body = fetch(previewUrl)
    .then((res) => (res.status === 200 ? (res.json() as Promise<unknown>) : null))
    .catch(() => null)
  preview = { url: previewUrl, body }
  setTimeout(() => {
    info = null
    preview = null
    early?.socket.close(1000)
    early = null
  }, UNCLAIMED_MS)
}

if (typeof window !== 'undefined') start()
