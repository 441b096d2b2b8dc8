import { useEffect, useRef, useState, type ReactNode, type SyntheticEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { usePhone } from '../kit/phone.ts'
import './headerMore.css'

/**
 * The header's secondary controls (the room's, the language, «Esporta», «Cronologia»). On a wide
 * screen they sit in the header's row as ever (the wrapper is `display: contents`); on a phone
 * they fold behind one «Altro» button, a panel under it, so the header keeps two short rows and
 * the board the rest of the screen; `crowded` folds them on a wide screen too (the header's row
 * crowded: useCrowdedRow). Escape or a press elsewhere folds them and gives the focus
 * back to the button. A canvas's toolbar folds its secondary tools the same way: `name` makes
 * its classes (`toolbar-more`…) and the panel's id, `open` and `title` the button's text and
 * hint.
 */
export function HeaderMore({
  children,
  name = 'header',
  open: openText,
  title,
  foldOnUse = false,
  crowded = false,
}: {
  children: ReactNode
  name?: string
  open?: string
  title?: string
  /**
   * Whether a tool used folds the panel (a button pressed, other than one that opens a menu of
   * its own, or a choice in a list): the toolbar's panel lies over the tree, and the card a
   * tool adds, or the tree a layout moves, would be under it.
   */
  foldOnUse?: boolean
  /** Folded on a wide screen too, the row being crowded (on a phone they always are). */
  crowded?: boolean
}) {
  const { t } = useTranslation('board')
  const folded = usePhone() || crowded
  const [open, setOpen] = useState(false)
  // back in the row once there is room: folded again, the panel starts closed
  useEffect(() => {
    if (!crowded) setOpen(false)
  }, [crowded])
  const root = useRef<HTMLDivElement>(null)
  const button = useRef<HTMLButtonElement>(null)
  const fold = () => {
    setOpen(false)
    // the focus on a tool now hidden goes back to the button (a card's editor keeps it)
    requestAnimationFrame(() => {
      const at = document.activeElement
      if (!at || at === document.body || root.current?.contains(at)) button.current?.focus()
    })
  }
  const onUse = (e: SyntheticEvent) => {
    const target = e.target as Element
    const used =
      e.type === 'change'
        ? target instanceof HTMLSelectElement
        : !!target.closest('button:not([aria-haspopup])')
    if (open && used) fold()
  }
  useEffect(() => {
    if (!open) return
    const onDown = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false)
    }
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return
      // the Escape that folds the panel does only that: the tree's own (on the window) would
      // also drop the card chosen for the panel's tools
      e.stopPropagation()
      setOpen(false)
      button.current?.focus()
    }
    document.addEventListener('pointerdown', onDown)
    document.addEventListener('keydown', onKey)
    return () => {
      document.removeEventListener('pointerdown', onDown)
      document.removeEventListener('keydown', onKey)
    }
  }, [open])
  return (
    <div
      className={`fold-more ${name}-more${folded ? ' folded' : ''}${open ? ' open' : ''}`}
      ref={root}
    >
      <button
        ref={button}
        type="button"
        className={`fold-more-toggle ${name}-more-toggle`}
        aria-expanded={open}
        aria-controls={`${name}-more-panel`}
        title={title ?? t('more.label')}
        onClick={() => setOpen(!open)}
      >
        {openText ?? t('more.open')}
      </button>
      <div
        id={`${name}-more-panel`}
        className={`fold-more-panel ${name}-more-panel`}
        onClick={foldOnUse ? onUse : undefined}
        onChange={foldOnUse ? onUse : undefined}
      >
        {children}
      </div>
    </div>
  )
}
