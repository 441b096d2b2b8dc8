import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'
import type { ActivityEntry, HistoryApi } from './api.ts'
import { byCanvas, kindKey } from './groups.ts'
import { formatWhen } from './format.ts'
import { useLoad, useReloadOnChange } from './useLoad.ts'
import { useBoardSession } from '../store/context.tsx'
import { Who } from './Who.tsx'

const ACTIONS = ['created', 'edited', 'deleted'] as const

/** Who changed what, newest first, per canvas. */
export function ActivityTab({ api }: { api: HistoryApi }) {
  const { t, i18n } = useTranslation('history')
  const load = useCallback(() => api.activity(), [api])
  const { data, error, loading, reload } = useLoad(load)
  useReloadOnChange(useBoardSession().doc, reload)
  const lang = i18n.resolvedLanguage ?? 'it'
  return (
    <div className="history-activity">
      <div className="history-toolbar">
        <span />
        <button type="button" className="link" onClick={reload} disabled={loading}>
          {t('refresh')}
        </button>
      </div>
      {error && <p className="history-status error">{t('failed')}</p>}
      {data && !data.activity.length && <p className="muted">{t('noActivity')}</p>}
      <ol className="history-list">
        {data?.activity.map((entry) => (
          <li key={entry.id} className="history-entry">
            <div className="history-version-head">
              <Who name={entry.name} role={entry.role} />
              <span className="muted">{formatWhen(entry.until, lang)}</span>
            </div>
            <EntryChanges entry={entry} />
          </li>
        ))}
      </ol>
    </div>
  )
}

function EntryChanges({ entry }: { entry: ActivityEntry }) {
  const { t } = useTranslation('history')
  // a restore's records came back or went with it: nobody wrote or deleted them by hand
  const verbs = entry.restore ? 'restoreActions' : 'actions'
  return (
    <>
      {entry.restore && <p className="history-restore">{t(`restoreOf.${entry.restore}`)}</p>}
      {byCanvas(entry.changes).map(({ canvas, items }) => (
        <div key={canvas} className="history-change-block">
          <span className="history-kind">{t(`canvases.${canvas}`)}</span>
          {items.flatMap(([collection, c]) =>
            ACTIONS.filter((a) => c[a].length).map((action) => (
              <p key={`${collection}-${action}`} className={action}>
                {t(`${verbs}.${action}`)} {t(kindKey(collection))}:{' '}
                {c[action].map((r) => r.label || t('untitled')).join(' · ')}
                {c.more?.[action] ? ` ${t('more', { count: c.more[action] })}` : ''}
              </p>
            )),
          )}
        </div>
      ))}
    </>
  )
}
