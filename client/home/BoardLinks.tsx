import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { boardPath } from '../app/route.ts'
import { ROLES } from '../../shared/protocol.ts'
import type { CreatedBoard } from './api.ts'
import { CopyField } from './CopyField.tsx'
import { QrCode } from './QrCode.tsx'
import './links.css'

interface Props {
  board: CreatedBoard
  title: string
  onStatus(message: string): void
}

/** After creation: the three role links, the way in as facilitator and the participants' QR. */
export function BoardLinks({ board, title, onStatus }: Props) {
  const { t } = useTranslation('home')
  const heading = useRef<HTMLHeadingElement>(null)

  useEffect(() => {
    // Take keyboard and screen-reader users to the result.
    heading.current?.focus()
    heading.current?.scrollIntoView({ block: 'start', behavior: 'smooth' })
  }, [board.id])

  // the warning names the address the links use («localhost», «127.0.0.1»)
  const loopback = new URL(board.links.participant).host

  return (
    <section className="card result" aria-labelledby="result-heading" data-board-id={board.id}>
      <h2 id="result-heading" ref={heading} tabIndex={-1}>
        {t('links.heading', { title })}
      </h2>
      <p className="muted">{t('links.intro')}</p>
      {/^(localhost|127\.|\[::1\])/.test(loopback) && (
        <p className="links-warning" role="note">
          {t('links.localhostWarning', { host: loopback.replace(/:\d+$/, '') })}
        </p>
      )}
      <div className="result__grid">
        <div className="result__links">
          {ROLES.map((role) => {
            const label = t(`links.roles.${role}`)
            return (
              <CopyField
                key={role}
                label={label}
                hint={t(`links.hints.${role}`)}
                value={board.links[role]}
                emphasis={role === 'participant'}
                onCopied={(ok) =>
                  onStatus(ok ? t('links.copiedStatus', { role: label }) : t('links.copyFailed'))
                }
              />
            )
          })}
          <a
            className="button primary result__open"
            href={boardPath(board.id, board.keys.facilitator)}
          >
            {t('links.open')} <span aria-hidden="true">→</span>
          </a>
        </div>
        <aside className="result__qr" aria-labelledby="qr-heading">
          <h3 id="qr-heading">{t('qr.heading')}</h3>
          <QrCode text={board.links.participant} boardTitle={title} />
        </aside>
      </div>
    </section>
  )
}
