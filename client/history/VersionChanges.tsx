import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'
import type { HistoryApi, Touched } from './api.ts'
import { byCanvas, kindKey } from './groups.ts'
import { useLoad, useReloadOnChange } from './useLoad.ts'
import { useBoardSession } from '../store/context.tsx'

/**
 * What changed since a version, per canvas: added, removed, reworded. Read again as the board
 * changes while it is open: after a restore of that version it says nothing changed, not the
 * changes the restore just took back.
 */
export function VersionChanges({ api, version }: { api: HistoryApi; version: number }) {
  const { t } = useTranslation('history')
  const load = useCallback(() => api.changes(version), [api, version])
  const { data, error, reload } = useLoad(load)
  useReloadOnChange(useBoardSession().doc, reload)
  if (error) return <p className="history-status error">{t('failed')}</p>
  if (!data) return <p className="muted">{t('loading')}</p>
  const groups = byCanvas(data.changes)
  if (!groups.length) return <p className="muted history-changes">{t('noChanges')}</p>
  const label = (r: Touched) => r.label || t('untitled')
  return (
    <div className="history-changes" data-testid="version-changes">
      {groups.map(({ canvas, items }) => (
        <section key={canvas}>
          <h4>{t(`canvases.${canvas}`)}</h4>
          {items.map(([collection, c]) => (
            <div key={collection} className="history-change-block">
              <span className="history-kind">{t(kindKey(collection))}</span>
              {c.added.length > 0 && (
                <p className="added">
                  <b>{t('added')}:</b> {c.added.map(label).join(' · ')}
                </p>
              )}
              {c.removed.length > 0 && (
                <p className="removed">
                  <b>{t('removed')}:</b> {c.removed.map(label).join(' · ')}
                </p>
              )}
              {c.reworded.length > 0 && (
                <p className="reworded">
                  <b>{t('reworded')}:</b>{' '}
                  {c.reworded.map((r) => `${r.before || t('untitled')} → ${label(r)}`).join(' · ')}
                </p>
              )}
              {c.changed > 0 && <p className="muted">{t('otherChanges', { count: c.changed })}</p>}
            </div>
          ))}
        </section>
      ))}
    </div>
  )
}
