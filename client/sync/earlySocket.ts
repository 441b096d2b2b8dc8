import { takeEarlySocket, type EarlySocket } from '../boot/early.ts'

/** Sync step 1 (y-protocols): a frame `[messageSync = 0, messageYjsSyncStep1 = 0, …]`. */
function isSyncStep1(data: unknown): boolean {
  const bytes =
    data instanceof Uint8Array ? data : data instanceof ArrayBuffer ? new Uint8Array(data) : null
  return !!bytes && bytes.length >= 2 && bytes[0] === 0 && bytes[1] === 0
}

/**
 * The socket the page opened as it started (client/boot/early.ts), seen by y-websocket's
 * provider as if it had opened it: the events that came before are replayed in order once the
 * provider has set its handlers (a microtask after it made the socket, as it does right away),
 * then passed on as they come. The provider's own "send me what I lack" (sync step 1) is not
 * sent again when the early start has asked for the whole board on this socket: that answer
 * holds everything a second one would.
 */
export class TakenSocket {
  readonly CONNECTING = 0
  readonly OPEN = 1
  readonly CLOSING = 2
  readonly CLOSED = 3
  binaryType: BinaryType = 'arraybuffer'
  onopen: ((event: Event) => void) | null = null
  onmessage: ((event: MessageEvent) => void) | null = null
  onerror: ((event: Event) => void) | null = null
  onclose: ((event: CloseEvent) => void) | null = null
  private askSkipped = false

  constructor(private readonly early: EarlySocket) {
    queueMicrotask(() => {
      for (const event of early.events.splice(0)) this.dispatch(event)
      early.forward = (event) => this.dispatch(event)
    })
  }

  get url(): string {
    return this.early.url
  }

  get readyState(): number {
    return this.early.socket.readyState
  }

  send(data: Uint8Array | ArrayBuffer): void {
    if (!this.askSkipped && this.early.askedWholeBoard && isSyncStep1(data)) {
      this.askSkipped = true
      return
    }
    this.early.socket.send(data)
  }

  close(code?: number, reason?: string): void {
    this.early.socket.close(code, reason)
  }

  private dispatch(event: Event): void {
    if (event.type === 'open') this.onopen?.(event)
    else if (event.type === 'message') this.onmessage?.(event as MessageEvent)
    else if (event.type === 'error') this.onerror?.(event)
    else if (event.type === 'close') this.onclose?.(event as CloseEvent)
  }
}

/**
 * A WebSocket class for y-websocket's `WebSocketPolyfill` option: the provider's first socket
 * is the early one when that was opened for the same address; any other (a reconnection, an
 * early socket already taken or dropped) is a new WebSocket.
 */
export const SocketTakingEarly = function (url: string | URL, protocols?: string | string[]) {
  const early = takeEarlySocket(String(url))
  return early ? new TakenSocket(early) : new WebSocket(url, protocols)
} as unknown as typeof WebSocket
