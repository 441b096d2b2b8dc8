import { useTranslation } from 'react-i18next'

export function GovernanceView() {
  const { t } = useTranslation('pact')
  return <p className="pact-empty">{t('notYet')}</p>
}
