/**
 * The first view's styles (the problem tree's: its React Flow and card CSS). The build lists
 * them in the page under this meta name (vite.config.ts, `firstViewPreload`); on a board's page
 * the early start links them as it starts. Otherwise they are asked for only once the app's
 * JavaScript has run and imports the view, and the view waits for them: on a 2,000-card board
 * the tree's first render waited 15–20 ms after the rest was there. The view's import then finds
 * them in the page and does not wait again (Vite's preload skips a stylesheet already linked).
 */
export const FIRST_VIEW_STYLES = 'trama-first-view-styles'

/** Links the listed styles (each once); in development the list is not there and nothing is. */
export function linkFirstViewStyles(doc: Document): void {
  const list = doc.querySelector(`meta[name="${FIRST_VIEW_STYLES}"]`)?.getAttribute('content')
  for (const href of list?.split(' ') ?? []) {
    if (!/^\/assets\/[\w.-]+\.css$/.test(href)) continue
    if (doc.querySelector(`link[rel="stylesheet"][href="${href}"]`)) continue
    const link = doc.createElement('link')
    link.rel = 'stylesheet'
    link.href = href
    doc.head.appendChild(link)
  }
}
