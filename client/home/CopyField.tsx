import { useEffect, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { copyText } from './clipboard.ts'

interface Props {
  label: string
  hint: string
  value: string
  /** Called with the outcome, for the page's status region. */
  onCopied(ok: boolean): void
  emphasis?: boolean
}

/** A labelled read-only link with a Copy button that says "Copiato" for a moment. */
export function CopyField({ label, hint, value, onCopied, emphasis }: Props) {
  const { t } = useTranslation('home')
  const id = useId()
  const input = useRef<HTMLInputElement>(null)
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle')

  useEffect(() => {
    if (state === 'idle') return
    const timer = setTimeout(() => setState('idle'), 2500)
    return () => clearTimeout(timer)
  }, [state])

  const copy = async () => {
    const ok = await copyText(value, input.current)
    setState(ok ? 'copied' : 'failed')
    if (!ok) input.current?.select()
    onCopied(ok)
  }

  return (
    <div className={`copy-field${emphasis ? ' copy-field--emphasis' : ''}`}>
      <label htmlFor={`${id}-input`} className="copy-field__label">
        {label}
      </label>
      <p id={`${id}-hint`} className="copy-field__hint">
        {hint}
      </p>
      <div className="copy-field__row">
        <input
          ref={input}
          id={`${id}-input`}
          type="text"
          readOnly
          value={value}
          aria-describedby={`${id}-hint`}
          spellCheck={false}
          onFocus={(e) => e.currentTarget.select()}
        />
        <button
          type="button"
          className={state === 'copied' ? 'is-copied' : undefined}
          onClick={() => void copy()}
        >
          {state === 'copied' && <span aria-hidden="true">✓ </span>}
          {state === 'copied' ? t('links.copied') : t('links.copy')}
          <span className="visually-hidden"> — {label}</span>
        </button>
      </div>
    </div>
  )
}
