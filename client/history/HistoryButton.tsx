import { lazy, Suspense, useState } from 'react'
import { createPortal } from 'react-dom'
import { useTranslation } from 'react-i18next'
import './history.css'

const HistoryPanel = lazy(() => import('./HistoryPanel.tsx'))

/** The header's «Cronologia» button: opens the history panel beside the board. */
export function HistoryButton() {
  const { t } = useTranslation('history')
  const [open, setOpen] = useState(false)
  return (
    <>
      <button
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
          <Suspense fallback={null}>
            <HistoryPanel onClose={() => setOpen(false)} />
          </Suspense>,
          document.body,
        )}
    </>
  )
}
