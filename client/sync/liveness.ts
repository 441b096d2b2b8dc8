import type { WebsocketProvider } from 'y-websocket'

/** y-websocket's «send me everyone's presence» message: the server always answers it. */
const QUERY_AWARENESS = new Uint8Array([3])

/** This long after an edit, the page asks the server to answer. */
const ASK_AFTER_MS = 1_500
/** Still no answer: the badge stops saying «tutto salvato». */
const QUIET_AFTER_MS = 3_500
/** Still no answer: the socket is given up, and the page reconnects and sends again. */
const DEAD_AFTER_MS = 10_000
/** Unanswered, the question is asked again this often (the server answers one a second). */
const ASK_AGAIN_MS = 1_200
const CHECK_EVERY_MS = 500

/**
 * A socket a Wi-Fi drop left half-open takes the page's edits and answers nothing: the
 * provider noticed only after 30 s without a message, and all that time the badge said
 * «tutto salvato» while nobody received the edits (walkthrough). After an edit of this person
 * the page asks the server for the room's presence, which it always answers: unanswered, the
 * badge says the changes are still on their way (`onQuiet`), and after DEAD_AFTER_MS the
 * socket is closed so that the provider reconnects.
 *
 * Only a message received after the question counts as an answer. A message received after
 * the edit does not: a frame the server sent before the Wi-Fi went silent can still be
 * handled after the edit (input is handled first on a busy page), and it had made the page
 * believe a dead socket alive (a flake in CI).
 */
export function watchLiveness(
  provider: WebsocketProvider,
  onQuiet: (quiet: boolean) => void,
): { edited(): void; reset(): void } {
  let since: number | null = null
  let timer: ReturnType<typeof setTimeout> | undefined
  let quiet = false
  /** When the first question went out, and the latest one. */
  let askedFirst: number | null = null
  let askedLast = 0
  const setQuiet = (next: boolean) => {
    if (quiet !== next) onQuiet((quiet = next))
  }
  // strictly after: a message handled in the same millisecond as the question may predate it
  // (a later question's answer always comes after it)
  const answered = () => askedFirst !== null && provider.wsLastMessageReceived > askedFirst
  const ask = (now: number) => {
    if (provider.ws?.readyState !== 1 /* open */) return
    provider.ws.send(QUERY_AWARENESS)
    askedLast = now
    askedFirst ??= now
  }
  const reset = () => {
    clearTimeout(timer)
    since = null
    askedFirst = null
    setQuiet(false)
  }
  const check = () => {
    if (since === null) return
    if (answered() || !provider.wsconnected) return reset()
    const now = Date.now()
    const waited = now - since
    if (waited >= DEAD_AFTER_MS) {
      reset()
      // not ws.close(): on a dead socket the browser waits for the closing handshake (the
      // provider's own 30 s check did too); this drops the socket at once and opens another
      provider.disconnect()
      provider.connect()
      return
    }
    if (waited >= QUIET_AFTER_MS) setQuiet(true)
    if (askedFirst === null || now - askedLast >= ASK_AGAIN_MS) ask(now)
    timer = setTimeout(check, CHECK_EVERY_MS)
  }
  return {
    edited() {
      if (since !== null || !provider.wsconnected) return
      since = Date.now()
      timer = setTimeout(check, ASK_AFTER_MS)
    },
    reset,
  }
}
