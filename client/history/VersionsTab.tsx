import { useCallback, useState, type FormEvent, Suspense, lazy } from 'react'
import { ViewLoadBoundary } from '../board/ViewLoadBoundary.tsx'
import { useTranslation } from 'react-i18next'
import type { Role } from '../../shared/protocol.ts'
import { HistoryApiError, type HistoryApi, type Version } from './api.ts'
import { canvasCounts } from './groups.ts'
import { formatBytes, formatWhen } from './format.ts'
import { useLoad } from './useLoad.ts'
import { Who } from './Who.tsx'
import { VersionChanges } from './VersionChanges.tsx'

// the renderer comes with the first version opened, not with the panel
const VersionView = lazy(() => import('./VersionView.tsx'))

const errorKey = (err: unknown) =>
  `errors.${err instanceof HistoryApiError && err.code !== 'other' ? err.code : 'other'}`

/** The versions of the board, newest first; the facilitator saves and restores them. */
export function VersionsTab({
  api,
  role,
  author,
}: {
  api: HistoryApi
  role: Role
  author: string | null
}) {
  const { t, i18n } = useTranslation('history')
  const load = useCallback(() => api.versions(), [api])
  const { data, error, loading, reload } = useLoad(load)
  const [name, setName] = useState('')
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null)
  const [busy, setBusy] = useState(false)
  const facilitator = role === 'facilitator'

  const save = async (e: FormEvent) => {
    e.preventDefault()
    if (!name.trim() || busy) return
    setBusy(true)
    try {
      const saved = await api.save(name.trim(), author)
      setName('')
      setStatus({ ok: true, text: t('save.saved', { name: saved.name }) })
      reload()
    } catch (err) {
      setStatus({ ok: false, text: t(errorKey(err)) })
    } finally {
      setBusy(false)
    }
  }

  const restore = async (v: Version) => {
    setBusy(true)
    try {
      await api.restore(v.id, author)
      setStatus({ ok: true, text: t('restored') })
      reload()
    } catch (err) {
      setStatus({ ok: false, text: t(errorKey(err)) })
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="history-versions">
      {facilitator && (
        <form className="history-save" onSubmit={save}>
          <label htmlFor="history-version-name">{t('save.label')}</label>
          <div className="history-row">
            <input
              id="history-version-name"
              value={name}
              maxLength={100}
              placeholder={t('save.placeholder')}
              onChange={(e) => setName(e.target.value)}
            />
            <button type="submit" disabled={busy || !name.trim()}>
              {t('save.button')}
            </button>
          </div>
        </form>
      )}
      {status && (
        <p className={status.ok ? 'history-status' : 'history-status error'} role="status">
          {status.text}
        </p>
      )}
      <div className="history-toolbar">
        {data && (
          <span className="muted">
            {t('storage', {
              count: data.storage.versions,
              size: formatBytes(data.storage.bytes, i18n.resolvedLanguage ?? 'it'),
              max: formatBytes(data.storage.maxBytes, i18n.resolvedLanguage ?? 'it'),
            })}
          </span>
        )}
        <button type="button" className="link" onClick={reload} disabled={loading}>
          {t('refresh')}
        </button>
      </div>
      {error && <p className="history-status error">{t('failed')}</p>}
      {!data && loading && <p className="muted">{t('loading')}</p>}
      {data && !data.versions.length && <p className="muted">{t('noVersions')}</p>}
      <ol className="history-list">
        {data?.versions.map((v) => (
          <VersionItem
            key={v.id}
            version={v}
            lang={i18n.resolvedLanguage ?? 'it'}
            api={api}
            canRestore={facilitator}
            busy={busy}
            onRestore={() => void restore(v)}
          />
        ))}
      </ol>
    </div>
  )
}

function VersionItem({
  version: v,
  lang,
  api,
  canRestore,
  busy,
  onRestore,
}: {
  version: Version
  lang: string
  api: HistoryApi
  canRestore: boolean
  busy: boolean
  onRestore(): void
}) {
  const { t } = useTranslation('history')
  const [showChanges, setShowChanges] = useState(false)
  const [confirming, setConfirming] = useState(false)
  const [viewing, setViewing] = useState(false)
  const title = v.name ?? t(`reasons.${v.reason}`, { defaultValue: v.reason })
  return (
    <li className={v.name ? 'history-version named' : 'history-version'} data-version={v.id}>
      <div className="history-version-head">
        <strong className="history-version-name">{title}</strong>
        <span className="muted">
          {formatWhen(v.at, lang)} · <Who name={v.author} role={v.role} />
        </span>
      </div>
      <ul className="history-counts">
        {canvasCounts(v.counts).map(([phase, n]) => (
          <li key={phase}>{t(`counts.${phase}`, { count: n })}</li>
        ))}
      </ul>
      <div className="history-row">
        <button
          type="button"
          className="link"
          aria-expanded={showChanges}
          onClick={() => setShowChanges((s) => !s)}
        >
          {showChanges ? t('hideChanges') : t('showChanges')}
        </button>
        <button type="button" className="link" onClick={() => setViewing(true)}>
          {t('view.open')}
        </button>
        {/* a plain link: the browser saves the file under the name the server gives it */}
        <a
          className="history-download"
          href={api.fileOf(v.id)}
          download
          aria-label={t('download.label', { name: title, when: formatWhen(v.at, lang) })}
        >
          {t('download.open')}
        </a>
        {canRestore && !confirming && (
          <button type="button" disabled={busy} onClick={() => setConfirming(true)}>
            {t('restore')}
          </button>
        )}
      </div>
      {confirming && (
        <div className="history-confirm" role="group" aria-label={t('restoreConfirm')}>
          <span>{t('restoreConfirm')}</span>
          <button
            type="button"
            className="danger"
            disabled={busy}
            onClick={() => {
              setConfirming(false)
              onRestore()
            }}
          >
            {t('restoreYes')}
          </button>
          <button type="button" onClick={() => setConfirming(false)}>
            {t('restoreNo')}
          </button>
        </div>
      )}
      {showChanges && <VersionChanges api={api} version={v.id} />}
      {viewing && (
        <ViewLoadBoundary view={String(v.id)} floating>
          <Suspense fallback={null}>
            <VersionView
              api={api}
              version={v.id}
              title={title}
              when={formatWhen(v.at, lang)}
              onClose={() => setViewing(false)}
            />
          </Suspense>
        </ViewLoadBoundary>
      )}
    </li>
  )
}
