import { useTranslation } from 'react-i18next'
import { boardPath } from '../app/route.ts'
import { forgetBoard, useRecentBoards, type RecentBoard } from './recentBoards.ts'
import './recent.css'

interface Props {
  /** For the page's status region. */
  onStatus(message: string): void
}

function formatDate(iso: string, lang: string): string {
  try {
    return new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' }).format(
      new Date(iso),
    )
  } catch {
    return iso
  }
}

/** "Le tue lavagne": the boards this browser created or joined, newest first. */
export function RecentBoards({ onStatus }: Props) {
  const { t, i18n } = useTranslation('home')
  const boards = useRecentBoards()
  const lang = i18n.resolvedLanguage ?? i18n.language

  const remove = (board: RecentBoard, title: string, index: number) => {
    forgetBoard(board.id)
    onStatus(t('recent.removed', { title }))
    // Keep the keyboard in the list: focus the next entry's Open link, or the heading.
    requestAnimationFrame(() => {
      const links = document.querySelectorAll<HTMLElement>('.recent__open')
      const next = links[Math.min(index, links.length - 1)]
      ;(next ?? document.getElementById('recent-heading'))?.focus()
    })
  }

  return (
    <section className="card recent" aria-labelledby="recent-heading">
      <h2 id="recent-heading" tabIndex={-1}>
        {t('recent.heading')}
      </h2>
      <p className="muted">{t('recent.note')}</p>
      {boards.length === 0 ? (
        <p className="recent__empty">{t('recent.empty')}</p>
      ) : (
        <ul className="recent__list">
          {boards.map((board, index) => {
            const title = board.title.trim() || t('recent.untitled')
            // a board imported from an export has its original's title: the note tells them
            // apart, on the screen and to who hears «Apri»
            const copyNote = board.importedAt ? `recent-copy-${board.id}` : undefined
            return (
              <li key={board.id} className="recent__item" data-board-id={board.id}>
                <div className="recent__main">
                  <h3 className="recent__title">{title}</h3>
                  <div className="recent__meta">
                    <span className={`role-badge role-badge--${board.role}`}>
                      {t(`recent.roles.${board.role}`)}
                    </span>
                    {board.importedAt && (
                      <span id={copyNote} className="recent__copy">
                        {t('recent.importedCopy', { date: formatDate(board.importedAt, lang) })}
                      </span>
                    )}
                    <span>{t('recent.openedAt', { date: formatDate(board.openedAt, lang) })}</span>
                  </div>
                </div>
                <div className="recent__actions">
                  <a
                    className="button primary recent__open"
                    href={boardPath(board.id, board.key)}
                    aria-label={t('recent.openLabel', { title })}
                    aria-describedby={copyNote}
                  >
                    {t('recent.open')}
                  </a>
                  <button
                    type="button"
                    className="quiet"
                    aria-label={t('recent.removeLabel', { title })}
                    onClick={() => remove(board, title, index)}
                  >
                    {t('recent.remove')}
                  </button>
                </div>
              </li>
            )
          })}
        </ul>
      )}
    </section>
  )
}
