import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { Phase } from '../../shared/schema/index.ts'
import type { ImageCanvas } from '../../shared/render/labels.ts'
import { CSV_TABLES, type CsvTable } from '../../shared/document/files.ts'
import './exportMenu.css'

const ALL_CANVASES: readonly ImageCanvas[] = ['problems', 'objectives', 'grid', 'map']
/** The canvases of each tab, offered first; the pact tab has none of its own. */
const CANVASES_OF: Record<Phase, readonly ImageCanvas[]> = {
  problems: ['problems'],
  objectives: ['objectives'],
  stakeholders: ['grid', 'map'],
  pact: [],
}
/**
 * Every canvas, the tab's own first: a facilitator exporting another phase's picture need not
 * take the room there (a tab change of the facilitator's moves everyone).
 */
const canvasesFor = (tab: Phase): ImageCanvas[] => [
  ...CANVASES_OF[tab],
  ...ALL_CANVASES.filter((c) => !CANVASES_OF[tab].includes(c)),
]
const FORMATS = ['png', 'svg'] as const
type Format = (typeof FORMATS)[number]

/** The file name the server chose (Content-Disposition), else a plain one. */
function fileNameOf(res: Response, fallback: string): string {
  const match = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')
  return match?.[1] ?? fallback
}

/** What one menu entry downloads: a file of the export API (`problems.png`, `pact.pdf`…). */
type ExportFile = `${ImageCanvas}.${Format}` | 'pact.pdf' | `${CsvTable}.csv`

/** Room left between the open menu and the window's foot (px). */
const FOOT_GAP = 8

/**
 * The open menu's height and whether more of it lies below: the list reaches from its own top
 * (under a header of one, two or three rows) down to the window's foot, no further, and says
 * while some of its items are below its edge (a fade there). On a 1366×768 laptop with the clock
 * and a vote on, the last items (the tables, the JSON) were below the edge with nothing showing it.
 */
function useListFit(open: boolean) {
  const list = useRef<HTMLDivElement>(null)
  const [maxHeight, setMaxHeight] = useState<number | undefined>(undefined)
  const [more, setMore] = useState(false)
  useLayoutEffect(() => {
    const el = list.current
    if (!open || !el) return
    const fit = () => {
      const top = el.getBoundingClientRect().top
      setMaxHeight(Math.max(120, Math.floor(window.innerHeight - top - FOOT_GAP)))
    }
    const look = () => setMore(el.scrollTop + el.clientHeight < el.scrollHeight - 1)
    fit()
    look()
    const resized = new ResizeObserver(look)
    resized.observe(el)
    el.addEventListener('scroll', look, { passive: true })
    window.addEventListener('resize', fit)
    return () => {
      resized.disconnect()
      el.removeEventListener('scroll', look)
      window.removeEventListener('resize', fit)
    }
  }, [open])
  return { list, maxHeight, more }
}

/**
 * "Esporta": the canvases as PNG or SVG (the one in view first), the pact document as PDF, every table as CSV and,
 * for whoever may edit, the whole board as JSON (what the import reads back).
 * Each file comes from the export API (pictures drawn by the renderer the server shares with
 * the page, so the download and the API's image are the same); it is fetched first (busy state
 * naming what is being prepared, error message) and then saved as a file.
 */
export function ExportMenu({
  boardId,
  boardKey,
  tab,
  json,
}: {
  boardId: string
  boardKey: string
  tab: Phase
  /** Whether the whole board's JSON is offered (not to the projector). */
  json: boolean
}) {
  const { t, i18n } = useTranslation('board')
  const { t: tf } = useTranslation('exportFiles')
  const [open, setOpen] = useState(false)
  const [busy, setBusy] = useState<string | null>(null)
  const [error, setError] = useState(false)
  const root = useRef<HTMLDivElement>(null)
  const button = useRef<HTMLButtonElement>(null)
  const { list, maxHeight, more } = useListFit(open)
  /**
   * Closing from inside the menu gives the focus back to «Esporta»: the item that had it goes
   * away with the list, and a keyboard user was left on the page's body, back at its top.
   */
  const closeToButton = () => {
    setOpen(false)
    button.current?.focus()
  }

  useEffect(() => {
    if (!open) return
    // as every menu of the board (ToolbarMenu): the keyboard goes into it as it opens
    root.current?.querySelector<HTMLElement>('[role=menuitem]')?.focus()
    const close = (e: Event) => {
      if (
        e instanceof KeyboardEvent ? e.key === 'Escape' : !root.current?.contains(e.target as Node)
      )
        setOpen(false)
    }
    document.addEventListener('pointerdown', close)
    document.addEventListener('keydown', close)
    return () => {
      document.removeEventListener('pointerdown', close)
      document.removeEventListener('keydown', close)
    }
  }, [open])

  /** ↑ ↓ Home End move between the items; Escape closes; no key reaches the canvas shortcuts. */
  const onMenuKey = (e: KeyboardEvent) => {
    e.stopPropagation()
    if (e.key === 'Escape') {
      e.preventDefault()
      closeToButton()
      return
    }
    const items = [...(root.current?.querySelectorAll<HTMLElement>('[role=menuitem]') ?? [])]
    const at = items.indexOf(document.activeElement as HTMLElement)
    const next =
      e.key === 'ArrowDown'
        ? at + 1
        : e.key === 'ArrowUp'
          ? at - 1
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? items.length - 1
              : null
    if (next === null || !items.length) return
    e.preventDefault()
    const to = items[(next + items.length) % items.length]!
    to.focus({ preventScroll: true })
    const el = list.current
    // the first and the last item: the list at its top (its first group's name in sight too) or
    // its foot; any other wholly in sight, with its group's name if it is the group's first,
    // clear of the fade at the foot (the list's scroll-padding)
    if (el && to === items[0]) el.scrollTop = 0
    else if (el && to === items.at(-1)) el.scrollTop = el.scrollHeight
    else {
      const head = to.previousElementSibling
      if (head?.classList.contains('export-menu-group')) head.scrollIntoView({ block: 'nearest' })
      to.scrollIntoView({ block: 'nearest' })
    }
  }

  const download = async (file: ExportFile, what: string) => {
    closeToButton()
    setError(false)
    setBusy(what)
    try {
      const lang = (i18n.resolvedLanguage ?? 'it').startsWith('en') ? 'en' : 'it'
      const res = await fetch(
        `/api/boards/${encodeURIComponent(boardId)}/export/${file}?key=${encodeURIComponent(boardKey)}&lang=${lang}`,
      )
      if (!res.ok) throw new Error(`HTTP ${res.status}`)
      const blob = await res.blob()
      const href = URL.createObjectURL(blob)
      const a = document.createElement('a')
      a.href = href
      a.download = fileNameOf(res, file)
      document.body.append(a)
      a.click()
      a.remove()
      // the browser has taken the file once click() returns; the URL can go a moment later
      setTimeout(() => URL.revokeObjectURL(href), 10_000)
    } catch {
      setError(true)
    } finally {
      setBusy(null)
    }
  }

  const item = (file: ExportFile, label: string) => (
    <button
      key={file}
      type="button"
      role="menuitem"
      data-testid={`export-${file.replace('.', '-')}`}
      onClick={() => void download(file, label)}
    >
      {label}
    </button>
  )

  return (
    <div className="export-menu" ref={root}>
      <button
        ref={button}
        type="button"
        className="button-link"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-busy={busy !== null}
        // not `disabled`: a disabled button loses the focus, which the export just gave it
        aria-disabled={busy !== null}
        onClick={() => busy === null && setOpen((o) => !o)}
        data-testid="export-menu"
      >
        {/* the same word while busy (aria-busy and the status under it say so): a wider
            «Esportazione…» moved the header's buttons, and on a 1366 px laptop wrapped it */}
        {t('exportMenu.open')}
      </button>
      {open && (
        <div
          ref={list}
          className="export-menu-list"
          role="menu"
          aria-label={t('exportMenu.label')}
          onKeyDown={onMenuKey}
          data-more={more || undefined}
          style={{ maxHeight }}
        >
          <div className="export-menu-group" role="presentation">
            {tf('images')}
          </div>
          {canvasesFor(tab).map((canvas) =>
            FORMATS.map((format) =>
              item(
                `${canvas}.${format}`,
                t('exportMenu.item', {
                  canvas: t(`exportMenu.canvases.${canvas}`),
                  format: format.toUpperCase(),
                }),
              ),
            ),
          )}
          <div className="export-menu-group" role="presentation">
            {tf('document')}
          </div>
          {item('pact.pdf', tf('pact'))}
          <div className="export-menu-group" role="presentation">
            {tf('tables')}
          </div>
          {CSV_TABLES.map((table) => item(`${table}.csv`, tf(`tableNames.${table}`)))}
          {json && (
            <>
              <div className="export-menu-group" role="presentation">
                {tf('data')}
              </div>
              <a
                role="menuitem"
                data-testid="export-json"
                href={`/api/boards/${encodeURIComponent(boardId)}/export.json?key=${encodeURIComponent(boardKey)}`}
                download
                onClick={closeToButton}
              >
                {tf('json')}
              </a>
            </>
          )}
          {/* more below: a fade along the foot, kept there as the list scrolls */}
          {more && (
            <div className="export-menu-more" aria-hidden="true" data-testid="export-menu-more" />
          )}
        </div>
      )}
      {busy && (
        <span className="export-menu-status" role="status">
          {tf('preparing', { what: busy })}
        </span>
      )}
      {error && (
        <span className="export-menu-error" role="alert">
          {t('exportMenu.failed')}
        </span>
      )}
    </div>
  )
}
