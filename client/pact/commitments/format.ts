import type { LedgerTotal } from '../../../shared/pact/ledger.ts'
import { formatAmount, isMoney } from '../../../shared/pact/amounts.ts'

/**
 * An amount as people of this language write it, as the pact's document writes it (1.500,5 in
 * Italian; money with its cents, 25.000,50).
 */
export function formatNumber(value: number, lang: string, unit = ''): string {
  return formatAmount(value, lang, isMoney(unit))
}

/** "120 ore · 5.000 €": one sum per unit, never one across units. */
export function formatAmounts(total: LedgerTotal, lang: string, noUnit: string): string[] {
  return total.amounts.map((a) => `${formatNumber(a.amount, lang, a.unit)} ${a.unit || noUnit}`)
}

/** An amount as a field shows it: no grouping, the language's decimal mark. */
export function editableNumber(value: number, lang: string): string {
  return lang.startsWith('en') ? String(value) : String(value).replace('.', ',')
}

/**
 * A typed amount, undefined when it is not one; empty is none. Italian first: "1.500,5",
 * "1500,5" and "1.500" are read as an Italian writes them, "1,500.5" and "1500.5" as well.
 */
export function parseAmount(raw: string): number | null | undefined {
  const s = raw.trim().replace(/[\s\u00a0']/g, '')
  if (!s) return null
  const comma = s.lastIndexOf(',')
  const dot = s.lastIndexOf('.')
  let plain: string
  if (comma >= 0 && dot >= 0)
    plain = comma > dot ? s.replace(/\./g, '').replace(',', '.') : s.replace(/,/g, '')
  else if (comma >= 0) plain = s.replace(',', '.')
  else if (/^-?\d{1,3}(\.\d{3})+$/.test(s)) plain = s.replace(/\./g, '')
  else plain = s
  if (!/^-?\d+(\.\d+)?$/.test(plain)) return undefined
  const n = Number(plain)
  return Number.isFinite(n) && Math.abs(n) <= 1e12 ? n : undefined
}
