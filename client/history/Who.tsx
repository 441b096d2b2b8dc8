import { useTranslation } from 'react-i18next'
import type { Role } from '../../shared/protocol.ts'

/** Who did something: the name their presence declared, else their role. */
export function Who({ name, role }: { name: string | null; role: Role | null }) {
  const { t } = useTranslation('history')
  if (name) return <span className="history-who">{name}</span>
  return <span className="history-who muted">{role ? t(`roles.${role}`) : t('server')}</span>
}
