/**
 * Which pages may open a sync socket. Browsers always send `Origin` on a WebSocket upgrade and
 * never let a page forge it, so checking it stops another site from using a key it obtained (or a
 * visitor's network position) to write to a board. Programs (the stock Node client, scripts)
 * send no Origin: they are not a browser page, and the key still authenticates them.
 */

export type OriginListResult = { ok: true; origins: string[] } | { ok: false; message: string }

/** `ALLOWED_ORIGINS`: comma-separated origins, e.g. `https://trama.example.org,http://10.0.0.5:1234`. */
export function parseOriginList(value: string): OriginListResult {
  const origins: string[] = []
  for (const raw of value.split(',')) {
    const item = raw.trim()
    if (!item) continue
    let url: URL
    try {
      url = new URL(item)
    } catch {
      return { ok: false, message: `"${item}" is not an origin (scheme://host[:port])` }
    }
    const bare = url.pathname === '/' && !url.search && !url.hash && !url.username
    if ((url.protocol !== 'http:' && url.protocol !== 'https:') || !bare)
      return {
        ok: false,
        message: `"${item}" is not an origin: http(s)://host[:port] with no path, e.g. ${url.origin}`,
      }
    origins.push(url.origin)
  }
  return { ok: true, origins }
}

export interface OriginPolicy {
  /** Origins allowed besides the server's own (ALLOWED_ORIGINS, PUBLIC_URL). */
  allowed: readonly string[]
}

/**
 * True when an upgrade may proceed: no Origin (not a browser), the page's origin is the host the
 * request was sent to (the app itself, whatever name or address people used), or it is listed.
 */
export function originAllowed(
  origin: string | undefined,
  host: string | undefined,
  policy: OriginPolicy,
): boolean {
  if (origin === undefined) return true
  let url: URL
  try {
    url = new URL(origin)
  } catch {
    return false // includes "null": sandboxed frames and file:// pages
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false
  if (host && url.host.toLowerCase() === host.toLowerCase()) return true
  return policy.allowed.includes(url.origin)
}
