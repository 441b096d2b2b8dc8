import { useTranslation } from 'react-i18next'

export function ComingNext({ phase }: { phase: string }) {
  const { t } = useTranslation('board')
  return (
    <section className="coming-next">
      <h2>{t('comingNext.title')}</h2>
      <p>{t('comingNext.body', { phase: t(`phases.${phase}`) })}</p>
    </section>
  )
}

/** The Patto phase until it is built. */
export function PactPlaceholder() {
  return <ComingNext phase="pact" />
}
