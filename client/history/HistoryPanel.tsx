import { useEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useBoard, useBoardSession } from '../store/context.tsx'
import { storedName } from '../sync/identity.ts'
import { historyApi } from './api.ts'
import { VersionsTab } from './VersionsTab.tsx'
import { ActivityTab } from './ActivityTab.tsx'
import { BinTab } from './BinTab.tsx'
import { useBelowHeader } from '../kit/useBelowHeader.ts'

const TABS = ['versions', 'activity', 'bin'] as const
type Tab = (typeof TABS)[number]

/**
 * The board's history beside it: versions (what changed since each, save and restore for the
 * facilitator), who changed what, and the bin. Everything comes from the history API with this
 * page's key; the server decides what each role may do.
 */
export default function HistoryPanel({ onClose }: { onClose(): void }) {
  const { t } = useTranslation('history')
  const { boardId, key } = useBoardSession()
  const role = useBoard((s) => s.role)
  const api = useMemo(() => historyApi(boardId, key), [boardId, key])
  const [tab, setTab] = useState<Tab>('versions')
  const author = storedName()

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose()
    }
    document.addEventListener('keydown', onKey)
    return () => document.removeEventListener('keydown', onKey)
  }, [onClose])

  // below the board's header, however many rows it takes (two on a laptop with the timer and a
  // vote): over it, the panel hid «Esporta» until it was closed
  const panel = useRef<HTMLElement>(null)
  useBelowHeader(panel, true)
  // opened from «Cronologia» (the focus on it, or nowhere): its view takes the focus, as the
  // panel is at the page's end, where Tab from the header reached it only after the canvas
  useEffect(() => {
    const at = document.activeElement
    if (at && at !== document.body && !at.classList.contains('history-button')) return
    panel.current?.querySelector<HTMLElement>('[role=tab][aria-selected=true]')?.focus()
  }, [])

  return (
    <aside ref={panel} className="history-panel" role="dialog" aria-label={t('title')}>
      <header className="history-head">
        <h2>{t('title')}</h2>
        <button type="button" className="history-close" aria-label={t('close')} onClick={onClose}>
          ×
        </button>
      </header>
      <div className="history-tabs" role="tablist">
        {TABS.map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            id={`history-tab-${name}`}
            aria-selected={tab === name}
            aria-controls={`history-panel-${name}`}
            className={tab === name ? 'active' : ''}
            onClick={() => setTab(name)}
          >
            {t(`tabs.${name}`)}
          </button>
        ))}
      </div>
      <div
        className="history-body"
        role="tabpanel"
        id={`history-panel-${tab}`}
        aria-labelledby={`history-tab-${tab}`}
      >
        {tab === 'versions' && <VersionsTab api={api} role={role} author={author} />}
        {tab === 'activity' && <ActivityTab api={api} />}
        {tab === 'bin' && <BinTab api={api} role={role} author={author} />}
      </div>
    </aside>
  )
}
