import { useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { renderCanvas } from '../../shared/render/index.ts'
import { IMAGE_CANVASES, type ImageCanvas } from '../../shared/render/labels.ts'
import type { BoardExport } from '../../shared/export/format.ts'
import { parseBoardExport } from '../../shared/export/restore.ts'
import type { HistoryApi } from './api.ts'
import { VersionPact } from './VersionPact.tsx'

/** What a version shows: a canvas drawn, or the pact's texts and tables. */
type Shown = ImageCanvas | 'pact'
const SHOWN: readonly Shown[] = [...IMAGE_CANVASES, 'pact']

/**
 * One version of the board, read-only, beside the live one: each canvas drawn by the same
 * renderer as the image exports (shared/render) from the version's export, and its pact as the
 * pact document reads it. Nothing here can write to the board; restoring is the panel's own
 * button.
 */
export default function VersionView({
  api,
  version,
  title,
  when,
  onClose,
}: {
  api: HistoryApi
  version: number
  title: string
  /** When it was taken: two versions may have the same name («Cambio di fase»). */
  when: string
  onClose(): void
}) {
  const { t, i18n } = useTranslation('history')
  const [board, setBoard] = useState<BoardExport | null>(null)
  /** Why the version cannot be shown: it did not load, or this page is older than its schema. */
  const [failed, setFailed] = useState<'failed' | 'newer' | null>(null)
  const [canvas, setCanvas] = useState<Shown>('problems')
  const lang = i18n.resolvedLanguage === 'en' ? 'en' : 'it'

  useEffect(() => {
    let live = true
    api.exportOf(version).then(
      (b) => {
        if (!live) return
        // read as an import is: what the server answers is drawn only when it is a board, and a
        // version of a schema newer than this page (a tab open across an update) says so
        const parsed = parseBoardExport(b)
        if (parsed.ok) setBoard(parsed.board)
        else setFailed(parsed.code === 'NEWER_SCHEMA' ? 'newer' : 'failed')
      },
      () => live && setFailed('failed'),
    )
    return () => {
      live = false
    }
  }, [api, version])

  const picture = useMemo(() => {
    if (!board || canvas === 'pact') return null
    const { svg, width, height } = renderCanvas(board, canvas, { lang })
    return { src: `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`, width, height }
  }, [board, canvas, lang])

  return (
    <section
      className="version-view"
      role="dialog"
      aria-label={t('view.title', { name: title, when })}
    >
      <header className="version-view-head">
        <h2>
          {t('view.title', { name: title, when })}{' '}
          <span className="muted">· {t('view.readOnly')}</span>
        </h2>
        <button
          type="button"
          className="history-close"
          aria-label={t('view.close')}
          onClick={onClose}
        >
          ×
        </button>
      </header>
      <div className="history-tabs" role="tablist" aria-label={t('view.canvases')}>
        {SHOWN.map((c) => (
          <button
            key={c}
            type="button"
            role="tab"
            aria-selected={canvas === c}
            className={canvas === c ? 'active' : ''}
            onClick={() => setCanvas(c)}
          >
            {t(`view.canvas.${c}`)}
          </button>
        ))}
      </div>
      <div className="version-view-body">
        {failed && (
          <p className="history-status error" role="alert">
            {failed === 'newer' ? t('view.newer') : t('failed')}
          </p>
        )}
        {!board && !failed && <p className="muted">{t('loading')}</p>}
        {board && canvas === 'pact' && <VersionPact board={board} lang={lang} />}
        {picture && (
          <img
            src={picture.src}
            width={picture.width}
            height={picture.height}
            alt={t('view.alt', { name: title, canvas: t(`view.canvas.${canvas}`) })}
            data-testid="version-picture"
          />
        )}
      </div>
    </section>
  )
}
