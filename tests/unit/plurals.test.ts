import { describe, expect, it as test } from 'vitest'
import i18next from 'i18next'
import { it } from '../../client/i18n/it.ts'
import { en } from '../../client/i18n/en.ts'
import { formatBytes } from '../../client/history/format.ts'

/** The page's texts as i18next reads them, in one language. */
async function texts(lng: 'it' | 'en') {
  const i18n = i18next.createInstance()
  await i18n.init({
    resources: { it, en },
    lng,
    fallbackLng: 'it',
    interpolation: { escapeValue: false },
  })
  return i18n.t.bind(i18n)
}

describe('counts read as people write them', () => {
  test('Italian: one of a thing is singular, with its verb', async () => {
    const t = await texts('it')
    expect(t('facilitation:vote.chipOpen', { count: 1, total: 3 })).toBe(
      'Votazione aperta: ti resta 1 punto su 3',
    )
    expect(t('facilitation:vote.chipOpen', { count: 2, total: 3 })).toBe(
      'Votazione aperta: ti restano 2 punti su 3',
    )
    const progress = (voters: number, dots: number) =>
      t('facilitation:vote.progress', {
        who: t('facilitation:vote.progressWho', { count: voters }),
        what: t('facilitation:vote.progressDots', { count: dots }),
      })
    expect(progress(1, 2)).toBe('1 persona ha messo 2 punti')
    expect(progress(3, 1)).toBe('3 persone hanno messo 1 punto')
    expect(t('history:counts.pact', { count: 1 })).toBe('1 voce del patto')
    expect(t('history:counts.problems', { count: 1 })).toBe('1 problema')
    expect(t('history:counts.stakeholders', { count: 4 })).toBe('4 attori')
    expect(t('history:storage', { count: 1, size: '1 KB', max: '64,0 MB' })).toBe(
      '1 versione, 1 KB su 64,0 MB',
    )
  })

  test('English too', async () => {
    const t = await texts('en')
    expect(t('facilitation:vote.chipOpen', { count: 1, total: 3 })).toBe(
      'Vote open: 1 of 3 dots left',
    )
    expect(t('history:counts.pact', { count: 1 })).toBe('1 pact item')
    expect(t('history:storage', { count: 2, size: '1 KB', max: '64.0 MB' })).toBe(
      '2 versions, 1 KB of 64.0 MB',
    )
  })

  test('sizes take the language’s decimal mark', () => {
    expect(formatBytes(64 * 1024 * 1024, 'it')).toBe('64,0 MB')
    expect(formatBytes(64 * 1024 * 1024, 'en')).toBe('64.0 MB')
    expect(formatBytes(3 * 1024, 'it')).toBe('3 KB')
  })
})
