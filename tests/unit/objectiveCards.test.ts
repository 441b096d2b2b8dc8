import { describe, expect, it } from 'vitest'
import { derivedId } from '../../shared/method/objectiveIds.ts'
import { restoredStatus, rewordPatch } from '../../shared/method/objectiveCards.ts'

describe('objective cards', () => {
  it('rewording an objective to reword marks it reworded; the same text changes nothing', () => {
    const card = { label: 'Scarso orientamento', status: 'to-reword' as const, derivedFrom: 'guid' }
    expect(rewordPatch(card, ' Orientamento efficace ')).toEqual({
      label: 'Orientamento efficace',
      status: 'reworded',
    })
    expect(rewordPatch(card, 'Scarso orientamento')).toBeNull()
    expect(rewordPatch({ ...card, status: 'added' }, 'Nuovo')).toEqual({ label: 'Nuovo' })
  })

  it('a restored objective gets back the status its text says', () => {
    expect(restoredStatus({ label: 'a', status: 'discarded', derivedFrom: null }, undefined)).toBe(
      'added',
    )
    expect(restoredStatus({ label: 'a', status: 'discarded', derivedFrom: 'p' }, 'a')).toBe(
      'to-reword',
    )
    expect(restoredStatus({ label: 'b', status: 'discarded', derivedFrom: 'p' }, 'a')).toBe(
      'reworded',
    )
  })

  it('derived ids stay within the id limit and apart', () => {
    const long = 'p'.repeat(200)
    const a = derivedId('obj:', long)
    const b = derivedId('obj:', long.slice(0, 199) + 'q')
    expect(a.length).toBeLessThanOrEqual(200)
    expect(a).not.toBe(b)
    expect(derivedId('obj:', 'abc')).toBe('obj:abc')
  })
})
