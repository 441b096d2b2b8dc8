import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'

/** Averages with one decimal, in the reader's language (3,5 in Italian, 3.5 in English). */
export function useAverageFormat(): (value: number) => string {
  const { i18n } = useTranslation()
  return useMemo(() => {
    const format = new Intl.NumberFormat(i18n.language, {
      minimumFractionDigits: 1,
      maximumFractionDigits: 1,
    })
    return (value: number) => format.format(value)
  }, [i18n.language])
}
