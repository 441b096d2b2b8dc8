import { useTranslation } from 'react-i18next'
import type { ApiError } from './api.ts'

/**
 * What the server refused and why: a heading, the reason in the page's language and, unless
 * `details` is false, the server's own details (English, for whoever reports the problem).
 */
export function ServerError({
  heading,
  reason,
  error,
  details = true,
}: {
  heading: string
  reason: string
  error: ApiError
  details?: boolean
}) {
  const { t } = useTranslation('home')
  return (
    <div className="alert" role="alert">
      <p className="alert__heading">{heading}</p>
      <p>{reason}</p>
      {details && error.details.length > 0 && (
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
