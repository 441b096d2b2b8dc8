/**
 * Every view's code and styles but the first view's: the build lists them in the page under
 * this meta name (vite.config.ts, `laterViews`). Once a board is open and the page is idle, they
 * are fetched into the browser's cache (`rel=prefetch`, neither run nor applied), so a view first
 * opened while the venue's Wi-Fi is down loads from the cache. Without them, opening the pact's
 * «Indicatori» offline blanked the whole page (its code could not be fetched), and it stayed
 * blank when the Wi-Fi came back. The assets are named by their content and kept a year.
 */
export const LATER_VIEWS = 'trama-later-views'

let fetched = false

/** Asks the browser to fetch the listed files into its cache (once per page). */
export function prefetchLaterViews(doc: Document): void {
  if (fetched) return
  fetched = true
  const list = doc.querySelector(`meta[name="${LATER_VIEWS}"]`)?.getAttribute('content')
  for (const href of list?.split(' ') ?? []) {
    const kind = /^\/assets\/[\w.-]+\.(js|css)$/.exec(href)?.[1]
    if (!kind) continue
    if (doc.querySelector(`link[href="${href}"], script[src="${href}"]`)) continue
    const link = doc.createElement('link')
    link.rel = 'prefetch'
    link.as = kind === 'js' ? 'script' : 'style'
    link.href = href
    doc.head.appendChild(link)
  }
}
