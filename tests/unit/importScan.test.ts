import { describe, expect, it } from 'vitest'
import { DepthScanner } from '../../server/http/importBody.ts'

const bytes = (s: string) => new TextEncoder().encode(s)

/** Feeds `text` in chunks of `size` bytes; the first refusal, or null. */
function scan(text: string, maxDepth: number, size = 3, maxValues = Infinity) {
  const scanner = new DepthScanner(maxDepth, maxValues)
  const all = bytes(text)
  for (let at = 0; at < all.length; at += size) {
    const refused = scanner.feed(all.subarray(at, at + size))
    if (refused) return refused
  }
  return null
}

describe('import depth and value scan', () => {
  it('counts nesting of arrays and objects, not brackets inside strings', () => {
    expect(scan('{"a":[[1]]}', 3)).toBe(null)
    expect(scan('{"a":[[[1]]]}', 3)).toBe('depth')
    expect(scan('{"a":"[[[[[[{{{{"}', 2)).toBe(null)
    // escaped quotes and backslashes do not end a string early, even across chunk borders
    expect(scan('{"a":"\\"[[[[","b":"\\\\"}', 2, 1)).toBe(null)
    expect(scan('{"a":"\\\\","b":[[[1]]]}', 3, 1)).toBe('depth')
    // depth comes back down: siblings do not add up
    expect(scan('[[[1]],[[2]],[[3]]]', 3)).toBe(null)
  })

  it('refuses more values than allowed', () => {
    expect(scan(`[${'1,'.repeat(99)}1]`, 5, 7, 200)).toBe(null)
    expect(scan(`[${'1,'.repeat(300)}1]`, 5, 7, 200)).toBe('values')
    expect(scan(`[${'"a,b,c",'.repeat(10)}1]`, 5, 7, 20)).toBe(null) // commas in strings
  })

  it('refuses 30 MiB of brackets at the first too-deep one', () => {
    const scanner = new DepthScanner(32)
    expect(scanner.feed(bytes('{"format":"trama.board","x":' + '['.repeat(64 * 1024)))).toBe(
      'depth',
    )
  })
})
