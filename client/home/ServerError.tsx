import { useTranslation } from 'react-i18next'
import type { ApiError } from './api.ts'

/** What the server refused and why: a heading, the reason in the page's language, its details. */
export function ServerError({
  heading,
  reason,
  error,
}: {
  heading: string
  reason: string
  error: ApiError
}) {
  const { t } = useTranslation('home')
  return (
    <div className="alert" role="alert">
      <p className="alert__heading">{heading}</p>
      <p>{reason}</p>
      {error.details.length > 0 && (
        <>
          <p className="alert__details-label">{t('create.errors.details')}:</p>
          <ul>
            {error.details.map((d, i) => (
              <li key={i}>{d}</li>
            ))}
          </ul>
        </>
      )}
    </div>
  )
}
