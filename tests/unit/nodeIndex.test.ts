import { describe, expect, it } from 'vitest'
import { nodeById } from '../../client/store/nodeIndex.ts'

describe('nodeById', () => {
  it('finds a card of the list it is given, and follows the list when the store replaces it', () => {
    const first = [
      { id: 'a', label: 'uno' },
      { id: 'b', label: 'due' },
    ]
    expect(nodeById(first, 'b')).toBe(first[1])
    expect(nodeById(first, 'z')).toBeUndefined()
    // a card changed: the store holds a new list, with a new object for it
    const second = [first[0]!, { id: 'b', label: 'due, riscritto' }, { id: 'c', label: 'tre' }]
    expect(nodeById(second, 'b')?.label).toBe('due, riscritto')
    expect(nodeById(second, 'c')?.label).toBe('tre')
    // the old list still answers as it was
    expect(nodeById(first, 'b')?.label).toBe('due')
    expect(nodeById(first, 'c')).toBeUndefined()
  })
})
