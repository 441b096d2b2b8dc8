import { lazy, Suspense, useCallback, useRef, useState } from 'react'
import { ViewLoadBoundary } from '../board/ViewLoadBoundary.tsx'
import { createPortal } from 'react-dom'
import { useTranslation } from 'react-i18next'
import './history.css'

const HistoryPanel = lazy(() => import('./HistoryPanel.tsx'))

/**
 * The header's «Cronologia» button: opens the history panel beside the board. The panel, at the
 * page's end, takes the focus as it opens; closed from inside it (Escape, ×), the focus comes
 * back here, not to the page's body.
 */
export function HistoryButton() {
  const { t } = useTranslation('history')
  const [open, setOpen] = useState(false)
  const opener = useRef<HTMLButtonElement>(null)
  const close = useCallback(() => {
    const at = document.activeElement
    if (!at || at === document.body || at.closest('.history-panel')) opener.current?.focus()
    setOpen(false)
  }, [])
  return (
    <>
      <button
        ref={opener}
        type="button"
        className="history-button"
        aria-expanded={open}
        aria-label={t('openLabel')}
        onClick={() => setOpen((o) => !o)}
      >
        {t('open')}
      </button>
      {/* in the page's body, not under the button: on a phone the button is in the header's
          «Altro» panel, which folds (display: none) as soon as one presses elsewhere */}
      {open &&
        createPortal(
          <ViewLoadBoundary view="history" floating>
            <Suspense fallback={null}>
              <HistoryPanel onClose={close} />
            </Suspense>
          </ViewLoadBoundary>,
          document.body,
        )}
    </>
  )
}
