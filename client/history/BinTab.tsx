import { useCallback, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Role } from '../../shared/protocol.ts'
import { HistoryApiError, type BinEntry, type HistoryApi } from './api.ts'
import { kindKey } from './groups.ts'
import { formatWhen } from './format.ts'
import { useLoad, useReloadOnChange } from './useLoad.ts'
import { useBoardSession } from '../store/context.tsx'
import { Who } from './Who.tsx'

/** Records deleted from the board, latest first; anyone who writes brings one back. */
export function BinTab({
  api,
  role,
  author,
}: {
  api: HistoryApi
  role: Role
  author: string | null
}) {
  const { t, i18n } = useTranslation('history')
  const load = useCallback(() => api.bin(), [api])
  const { data, error, loading, reload } = useLoad(load)
  useReloadOnChange(useBoardSession().doc, reload)
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null)
  const [busy, setBusy] = useState(false)
  const lang = i18n.resolvedLanguage ?? 'it'
  // a language whose words agree with the kind (Italian: «regola eliminata») says so
  const contextOf = (collection: string) =>
    t(`kindContext.${collection.replace(/\./g, '_')}`, { defaultValue: '' }) || undefined

  const restore = async (entry: BinEntry) => {
    setBusy(true)
    try {
      await api.restoreFromBin(entry.id, author)
      setStatus({
        ok: true,
        text: t('bin.restored', {
          label: entry.label || t('untitled'),
          context: contextOf(entry.collection),
        }),
      })
      reload()
    } catch (err) {
      const code = err instanceof HistoryApiError ? err.code : 'other'
      setStatus({ ok: false, text: t(`errors.${code}`, { defaultValue: t('errors.other') }) })
      reload()
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="history-bin">
      <div className="history-toolbar">
        {role === 'viewer' ? <span className="muted">{t('bin.readOnly')}</span> : <span />}
        <button type="button" className="link" onClick={reload} disabled={loading}>
          {t('refresh')}
        </button>
      </div>
      {status && (
        <p className={status.ok ? 'history-status' : 'history-status error'} role="status">
          {status.text}
        </p>
      )}
      {error && <p className="history-status error">{t('failed')}</p>}
      {data && !data.bin.length && <p className="muted">{t('bin.empty')}</p>}
      <ol className="history-list">
        {data?.bin.map((entry) => (
          <li key={entry.id} className="history-bin-entry" data-record={entry.recordId}>
            <div className="history-version-head">
              <strong>{entry.label || t('untitled')}</strong>
              <span className="history-kind">{t(kindKey(entry.collection))}</span>
            </div>
            <div className="history-row">
              <span className="muted">
                {t('bin.deleted', {
                  when: formatWhen(entry.at, lang),
                  context: contextOf(entry.collection),
                })}{' '}
                · <Who name={entry.name} role={entry.role} />
              </span>
              {role !== 'viewer' && (
                <button
                  type="button"
                  disabled={busy}
                  aria-label={`${t('bin.restore')}: ${entry.label || t('untitled')}`}
                  onClick={() => void restore(entry)}
                >
                  {t('bin.restore')}
                </button>
              )}
            </div>
          </li>
        ))}
      </ol>
    </div>
  )
}
