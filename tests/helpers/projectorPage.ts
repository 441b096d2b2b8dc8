import type { Page } from 'playwright-core'

export interface CardText {
  /** The smallest card text on screen, in CSS px: the label's font size × the canvas zoom. */
  minPx: number
  /** Cards drawn, and how many of them lie wholly inside the canvas. */
  cards: number
  inView: number
  /** Share of the canvas's height and width the cards span (0–1). */
  heightUsed: number
  widthUsed: number
}

/**
 * What a person at the back of the room sees of the tree on `page`: the card text's rendered
 * size (computed font size × the scale of React Flow's viewport transform) and how much of the
 * canvas the tree uses.
 */
export function measureCardText(page: Page, canvasSelector = '.react-flow'): Promise<CardText> {
  return page.evaluate((selector) => {
    const flow = document.querySelector(selector)!
    const viewport = flow.querySelector('.react-flow__viewport') as HTMLElement
    const zoom = new DOMMatrixReadOnly(getComputedStyle(viewport).transform).a
    const area = flow.getBoundingClientRect()
    const nodes = [...flow.querySelectorAll<HTMLElement>('.react-flow__node')].filter(
      (n) => n.offsetParent !== null && getComputedStyle(n).visibility !== 'hidden',
    )
    let minPx = Infinity
    let inView = 0
    let top = Infinity
    let bottom = -Infinity
    let left = Infinity
    let right = -Infinity
    for (const node of nodes) {
      const label = node.querySelector('.card-label')
      if (label) minPx = Math.min(minPx, parseFloat(getComputedStyle(label).fontSize) * zoom)
      const box = node.getBoundingClientRect()
      if (
        box.left >= area.left - 1 &&
        box.right <= area.right + 1 &&
        box.top >= area.top - 1 &&
        box.bottom <= area.bottom + 1
      )
        inView++
      top = Math.min(top, box.top)
      bottom = Math.max(bottom, box.bottom)
      left = Math.min(left, box.left)
      right = Math.max(right, box.right)
    }
    return {
      minPx: Math.round(minPx * 10) / 10,
      cards: nodes.length,
      inView,
      heightUsed: Math.round(((bottom - top) / area.height) * 100) / 100,
      widthUsed: Math.round(((right - left) / area.width) * 100) / 100,
    }
  }, canvasSelector)
}

/** The card ids (React Flow's data-id) that are drawn and not faded out, in view. */
export function shownCardIds(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const flow = document.querySelector('.react-flow')!.getBoundingClientRect()
    return [...document.querySelectorAll<HTMLElement>('.react-flow__node')]
      .filter((n) => {
        if (n.offsetParent === null || Number(getComputedStyle(n).opacity) < 0.5) return false
        const b = n.getBoundingClientRect()
        return (
          b.right > flow.left && b.left < flow.right && b.bottom > flow.top && b.top < flow.bottom
        )
      })
      .map((n) => n.dataset.id!)
      .sort()
  })
}

export interface TableBox {
  /** The zoom the scrolling element is drawn at. */
  zoom: number
  /** The table's size and edges on screen, in CSS px. */
  width: number
  height: number
  right: number
  bottom: number
  /** The window, and its height below the top of the scrolling element. */
  windowWidth: number
  windowHeight: number
  freeHeight: number
  /** The element scrolls sideways (part of the table is out of view). */
  scrollsAcross: boolean
}

/** Where the table inside the zoomed, scrolling element `selector` is drawn on screen. */
export function measureTable(page: Page, selector: string): Promise<TableBox> {
  return page.evaluate((selector) => {
    const scroll = document.querySelector<HTMLElement>(selector)!
    const table = scroll.querySelector('table')!.getBoundingClientRect()
    const frame = scroll.getBoundingClientRect()
    return {
      zoom: parseFloat(getComputedStyle(scroll).zoom),
      width: table.width,
      height: table.height,
      right: table.right,
      bottom: table.bottom,
      windowWidth: window.innerWidth,
      windowHeight: window.innerHeight,
      freeHeight: window.innerHeight - frame.top,
      scrollsAcross: scroll.scrollWidth > scroll.clientWidth + 1,
    }
  }, selector)
}

export interface HeaderText {
  /** The smallest text in the header, in CSS px, and what it says. */
  minPx: number
  smallest: string
  /** Texts drawn over one another, out of the window, or cut by their box. */
  overlapping: string[]
  outside: string[]
  cut: string[]
  /** The header's bottom edge and the canvas's top edge, in CSS px. */
  bottom: number
  canvasTop: number
}

/**
 * What the room reads of the page's header (or of another bar, `selector`): every piece of text
 * shown in it (its computed font size), whether any two are drawn over one another, lie out of
 * the window or are cut by an element that hides its overflow.
 */
export function measureHeaderText(page: Page, selector = '.board-header'): Promise<HeaderText> {
  return page.evaluate((selector) => {
    const header = document.querySelector<HTMLElement>(selector)!
    const walker = document.createTreeWalker(header, NodeFilter.SHOW_TEXT)
    const texts: { text: string; el: Element; box: DOMRect }[] = []
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement!
      const text = node.textContent!.trim()
      if (!text || !el.checkVisibility({ visibilityProperty: true, opacityProperty: true }))
        continue
      // a name only for screen readers (.visually-hidden: a box of 1 px)
      const own = el.getBoundingClientRect()
      if (own.width <= 1 && own.height <= 1) continue
      const range = document.createRange()
      range.selectNodeContents(node)
      const box = range.getBoundingClientRect()
      if (box.width > 0 && box.height > 0) texts.push({ text, el, box })
    }
    let minPx = Infinity
    let smallest = ''
    const overlapping: string[] = []
    const outside: string[] = []
    const cut: string[] = []
    texts.forEach(({ text, el, box }, i) => {
      const px = parseFloat(getComputedStyle(el).fontSize)
      if (px < minPx) [minPx, smallest] = [px, text]
      if (box.left < -1 || box.right > innerWidth + 1 || box.top < -1) outside.push(text)
      const style = getComputedStyle(el)
      const hides = style.overflowX !== 'visible' || style.overflowY !== 'visible'
      const over = el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1
      if (hides && over) cut.push(text)
      for (const other of texts.slice(i + 1)) {
        const b = other.box
        const apart =
          b.left >= box.right - 1 ||
          b.right <= box.left + 1 ||
          b.top >= box.bottom - 1 ||
          b.bottom <= box.top + 1
        if (!apart) overlapping.push(`${text} / ${other.text}`)
      }
    })
    return {
      minPx: Math.round(minPx * 10) / 10,
      smallest,
      overlapping,
      outside,
      cut,
      bottom: header.getBoundingClientRect().bottom,
      canvasTop: document.querySelector('.react-flow')!.getBoundingClientRect().top,
    }
  }, selector)
}
