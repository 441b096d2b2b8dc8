import { useEffect, useRef, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

/**
 * The header's secondary controls (the room's, the language, «Esporta», «Cronologia»). On a wide
 * screen they sit in the header's row as ever (the wrapper is `display: contents`); on a phone
 * they fold behind one «Altro» button, a panel under it, so the header keeps two short rows and
 * the board the rest of the screen. Escape or a press elsewhere folds them and gives the focus
 * back to the button.
 */
export function HeaderMore({ children }: { children: ReactNode }) {
  const { t } = useTranslation('board')
  const [open, setOpen] = useState(false)
  const root = useRef<HTMLDivElement>(null)
  const button = useRef<HTMLButtonElement>(null)
  useEffect(() => {
    if (!open) return
    const onDown = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false)
    }
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return
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
    <div className={`header-more${open ? ' open' : ''}`} ref={root}>
      <button
        ref={button}
        type="button"
        className="header-more-toggle"
        aria-expanded={open}
        aria-controls="header-more-panel"
        title={t('more.label')}
        onClick={() => setOpen(!open)}
      >
        {t('more.open')}
      </button>
      <div id="header-more-panel" className="header-more-panel">
        {children}
      </div>
    </div>
  )
}
