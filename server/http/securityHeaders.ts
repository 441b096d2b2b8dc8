import type { FastifyInstance } from 'fastify'

/**
 * The built client is one `index.html` that loads its module scripts and styles from /assets
 * (Vite emits no inline script), so the policy allows scripts from this origin only. Styles
 * allow 'unsafe-inline' because React Flow positions every card through inline styles and the
 * QR code is inline SVG markup; a style cannot run code. Images may be data: or blob: URLs
 * (QR codes, exported pictures). WebSocket sync goes to this same host.
 */
function contentSecurityPolicy(connect: string): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src ${connect}`,
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ')
}

/** Headers every answer carries, the refused WebSocket upgrades included. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': contentSecurityPolicy("'self'"),
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
}

/** Loopback names and addresses: a page there is on a trustworthy origin over plain HTTP. */
const LOOPBACK = /^(?:localhost|[\w.-]+\.localhost|127(?:\.\d{1,3}){3}|\[::1\])(?::\d{1,5})?$/i

/**
 * Whether a page asked for at `host` over `protocol` is on a potentially trustworthy origin:
 * HTTPS, or loopback. Browsers ignore Cross-Origin-Opener-Policy anywhere else (a workshop's
 * laptops opening `http://192.168.1.20:1234` on the venue's network), and Chromium says so in
 * every page's console as an error.
 */
export function trustworthyOrigin(protocol: string | undefined, host: string | undefined): boolean {
  return protocol === 'https' || (!!host && LOOPBACK.test(host))
}

/** A host name or address with an optional port: nothing else goes into the header. */
const PLAIN_HOST = /^(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/

/**
 * `'self'` covers same-origin ws:/wss: in current browsers (CSP level 3); older ones need the
 * socket's origin spelled out, so the host the page was asked from is added when it is plain.
 */
export function connectSources(host: string | undefined): string {
  if (!host || !PLAIN_HOST.test(host)) return "'self'"
  return `'self' ws://${host} wss://${host}`
}

/** Adds the security headers to every HTTP answer: pages, API, static files and errors. */
export function registerSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (req, reply, payload) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) reply.header(name, value)
    reply.header('Content-Security-Policy', contentSecurityPolicy(connectSources(req.headers.host)))
    // behind a proxy that ends TLS, the page's scheme is the proxy's (X-Forwarded-Proto)
    const forwarded = req.headers['x-forwarded-proto']
    const protocol = typeof forwarded === 'string' ? forwarded.split(',')[0]!.trim() : req.protocol
    if (trustworthyOrigin(protocol, req.headers.host))
      reply.header('Cross-Origin-Opener-Policy', 'same-origin')
    return payload
  })
}
