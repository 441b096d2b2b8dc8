/** A unit that is money: the euro, however it was typed. */
export const isMoney = (unit: string): boolean => /^(€|eur|euro)$/i.test(unit.trim())

/**
 * An amount as a reader reads it, on the page and in the documents: `15.000`, `1.200`, `12,5`
 * in Italian. The thousands are grouped in four-digit numbers too (Italian's default leaves
 * them alone, so «1200 ore» stood beside «15.000 €»); money with cents has two decimals
 * (`25.000,50`, not `25.000,5`).
 */
export function formatAmount(value: number, lang: string, money = false): string {
  const cents = money && !Number.isInteger(value)
  return value.toLocaleString(lang.startsWith('en') ? 'en-GB' : 'it-IT', {
    minimumFractionDigits: cents ? 2 : 0,
    maximumFractionDigits: cents ? 2 : 4,
    useGrouping: 'always',
  })
}
