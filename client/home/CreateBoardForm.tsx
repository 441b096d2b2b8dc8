import { useId, useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { createBoard, type ApiError, type CreatedBoard } from './api.ts'
import { ServerError } from './ServerError.tsx'

export const MAX_TITLE = 200

/** The title check the server does too: trimmed, not empty, at most 200 characters. */
export function validateTitle(
  raw: string,
): { ok: true; title: string } | { ok: false; error: string } {
  const title = raw.trim()
  if (!title) return { ok: false, error: 'titleRequired' }
  if (title.length > MAX_TITLE) return { ok: false, error: 'titleTooLong' }
  return { ok: true, title }
}

interface Props {
  onCreated(board: CreatedBoard, title: string): void
  onStatus(message: string): void
}

export function CreateBoardForm({ onCreated, onStatus }: Props) {
  const { t } = useTranslation('home')
  const id = useId()
  const input = useRef<HTMLInputElement>(null)
  const [value, setValue] = useState('')
  const [tried, setTried] = useState(false)
  const [busy, setBusy] = useState(false)
  const [serverError, setServerError] = useState<ApiError | null>(null)

  const check = validateTitle(value)
  const invalid = tried && !check.ok
  const count = value.trim().length

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    if (busy) return
    setTried(true)
    setServerError(null)
    if (!check.ok) {
      input.current?.focus()
      return
    }
    setBusy(true)
    onStatus(t('create.submitting'))
    const result = await createBoard(check.title)
    setBusy(false)
    if (!result.ok) {
      onStatus('')
      setServerError(result.error)
      return
    }
    setValue('')
    setTried(false)
    onCreated(result.board, check.title)
  }

  const describedBy = [`${id}-hint`, invalid && `${id}-error`].filter(Boolean).join(' ')

  return (
    <section className="card create" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('create.heading')}</h2>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <label htmlFor={`${id}-title`} className="field-label">
          {t('create.titleLabel')}
        </label>
        <p id={`${id}-hint`} className="muted field-hint">
          {t('create.titleHint', { max: MAX_TITLE })}
        </p>
        <div className="create__row">
          <input
            ref={input}
            id={`${id}-title`}
            name="title"
            type="text"
            autoComplete="off"
            value={value}
            aria-required="true"
            aria-invalid={invalid || undefined}
            aria-describedby={describedBy}
            onChange={(e) => setValue(e.target.value)}
          />
          <button type="submit" className="primary" disabled={busy}>
            {busy ? t('create.submitting') : t('create.submit')}
          </button>
        </div>
        <div className="field-foot">
          {invalid && !check.ok ? (
            <p id={`${id}-error`} className="field-error" role="alert">
              {t(`create.errors.${check.error}`, { max: MAX_TITLE, count })}
            </p>
          ) : (
            <span />
          )}
          <p className={`field-count${count > MAX_TITLE ? ' is-over' : ''}`} aria-hidden="true">
            {count}/{MAX_TITLE}
          </p>
        </div>
      </form>
      {serverError && (
        <ServerError
          heading={t('create.errors.heading')}
          reason={t(`create.errors.${serverError.code}`, { defaultValue: serverError.message })}
          error={serverError}
        />
      )}
    </section>
  )
}
