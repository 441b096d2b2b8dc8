import type { FastifyInstance } from 'fastify'

/** How long answers being sent when the server stops may take before their sockets are cut. */
export const CLOSE_GRACE_MS = 5_000
/** How often, while stopping, connections that went quiet are ended. */
const SWEEP_MS = 50

/**
 * Stops the HTTP server within a bound. Node's close ends the connections that are quiet at
 * that moment only: a keep-alive connection still sending an answer (a browser prefetching the
 * client's files) stayed open once the answer was sent, until the browser dropped it about a
 * minute later, and the server's stop waited for it. While stopping, a connection is ended as
 * soon as it goes quiet, and whatever is still open after `graceMs` (an answer that does not
 * finish, a request whose headers never come) is cut.
 */
export async function closeHttp(app: FastifyInstance, graceMs = CLOSE_GRACE_MS): Promise<void> {
  const closing = app.close()
  const sweep = setInterval(() => app.server.closeIdleConnections(), SWEEP_MS)
  const cut = setTimeout(() => app.server.closeAllConnections(), graceMs)
  try {
    await closing
  } finally {
    clearInterval(sweep)
    clearTimeout(cut)
  }
}
