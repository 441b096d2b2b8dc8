import { useTranslation } from 'react-i18next'

/** Placeholder until this view is built; PactPhase loads the named export `HealthView`. */
export function HealthView() {
  const { t } = useTranslation('pact')
  return <p className="pact-empty">{t('notYet')}</p>
}
