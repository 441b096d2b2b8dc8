import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { nameSchema, storeName } from '../sync/identity.ts'
import { keepTabInside } from '../lib/dom.ts'

/** Asks once for the name others will see; it is remembered in this browser. */
export function NamePrompt({ onDone }: { onDone: (name: string) => void }) {
  const { t } = useTranslation('board')
  const [value, setValue] = useState('')
  const [invalid, setInvalid] = useState(false)
  const submit = (e: FormEvent) => {
    e.preventDefault()
    if (!nameSchema.safeParse(value).success) {
      setInvalid(true)
      return
    }
    onDone(storeName(value))
  }
  return (
    <div className="modal-backdrop">
      <form
        className="modal"
        role="dialog"
        aria-modal="true"
        aria-labelledby="name-title"
        onSubmit={submit}
        onKeyDown={(e) => keepTabInside(e, e.currentTarget)}
      >
        <h2 id="name-title">{t('name.title')}</h2>
        <p>{t('name.body')}</p>
        <label htmlFor="name-input">{t('name.label')}</label>
        <input
          id="name-input"
          autoFocus
          maxLength={40}
          value={value}
          placeholder={t('name.placeholder')}
          aria-invalid={invalid}
          aria-describedby={invalid ? 'name-error' : undefined}
          onChange={(e) => {
            setValue(e.target.value)
            setInvalid(false)
          }}
        />
        {invalid && (
          <p id="name-error" className="field-error" role="alert">
            {t('name.invalid')}
          </p>
        )}
        <button type="submit" className="primary">
          {t('name.submit')}
        </button>
      </form>
    </div>
  )
}
