import type { WebsocketProvider } from 'y-websocket'

/** y-websocket's «send me everyone's presence» message: the server always answers it. */
const QUERY_AWARENESS = new Uint8Array([3])

/** Without word from the server this long after an edit, the page asks for some. */
const ASK_AFTER_MS = 1_500
/** Still without word: the badge stops saying «tutto salvato». */
const QUIET_AFTER_MS = 3_500
/** Still without word: the socket is given up, and the page reconnects and sends again. */
const DEAD_AFTER_MS = 10_000
const CHECK_EVERY_MS = 500

/**
 * A socket a Wi-Fi drop left half-open takes the page's edits and answers nothing: the
 * provider noticed only after 30 s without a message, and all that time the badge said
 * «tutto salvato» while nobody received the edits (walkthrough). After an edit of this person
 * the page checks that the server still speaks (any message; if none comes, it asks for the
 * room's presence): silent, the badge says the changes are still on their way (`onQuiet`),
 * and after DEAD_AFTER_MS the socket is closed so that the provider reconnects.
 */
export function watchLiveness(
  provider: WebsocketProvider,
  onQuiet: (quiet: boolean) => void,
): { edited(): void; reset(): void } {
  let since: number | null = null
  let timer: ReturnType<typeof setTimeout> | undefined
  let quiet = false
  let asked = false
  const setQuiet = (next: boolean) => {
    if (quiet !== next) onQuiet((quiet = next))
  }
  const heard = () => since !== null && provider.wsLastMessageReceived >= since
  const reset = () => {
    clearTimeout(timer)
    since = null
    asked = false
    setQuiet(false)
  }
  const check = () => {
    if (since === null) return
    if (heard() || !provider.wsconnected) return reset()
    const waited = Date.now() - since
    if (waited >= DEAD_AFTER_MS) {
      reset()
      // not ws.close(): on a dead socket the browser waits for the closing handshake (the
      // provider's own 30 s check did too); this drops the socket at once and opens another
      provider.disconnect()
      provider.connect()
      return
    }
    if (waited >= QUIET_AFTER_MS) setQuiet(true)
    else if (!asked && provider.ws?.readyState === 1 /* open */) {
      asked = true
      provider.ws.send(QUERY_AWARENESS)
    }
    timer = setTimeout(check, waited < ASK_AFTER_MS ? ASK_AFTER_MS - waited : CHECK_EVERY_MS)
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
