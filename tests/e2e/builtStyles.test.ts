import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CLIENT_DIST } from '../helpers/browser.ts'

/** Splits `text` at `separator` where it is outside brackets and quotes. */
function splitTop(text: string, separator: RegExp): string[] {
  const parts: string[] = []
  let depth = 0
  let quote = ''
  let start = 0
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!
    if (quote) {
      if (c === quote) quote = ''
    } else if (c === '"' || c === "'") quote = c
    else if (c === '(' || c === '[') depth++
    else if (c === ')' || c === ']') depth--
    else if (depth === 0 && separator.test(c)) {
      parts.push(text.slice(start, i))
      start = i + 1
    }
  }
  parts.push(text.slice(start))
  return parts.map((p) => p.trim()).filter(Boolean)
}

/** Every selector of a built (minified) style sheet, at-rules' own headers left out. */
function selectorsOf(css: string): string[] {
  const out: string[] = []
  for (const m of css.replace(/\/\*[\s\S]*?\*\//g, '').matchAll(/([^{};]+)\{/g)) {
    const prelude = m[1]!.trim()
    if (prelude.startsWith('@') || /^(from|to|[\d.]+%)$/.test(prelude)) continue
    out.push(...splitTop(prelude, /,/))
  }
  return out
}

/**
 * The part of a selector the browser files a rule under (its last compound: `.card` in
 * `.board .card:hover`). When that part names no element type, class, id or attribute — only
 * pseudo-classes such as `:is(…)` —, the rule is tried on every element of the page.
 */
const lastCompound = (selector: string) => splitTop(selector, /[\s>+~]/).at(-1) ?? ''
const keyless = (selector: string) => /^:(?!:)/.test(lastCompound(selector))

describe('the built styles', () => {
  it('file every rule that holds :has() under a class, an id, a type or an attribute, never under a bare :is()', () => {
    const dir = join(CLIENT_DIST, 'assets')
    const sheets = readdirSync(dir).filter((f) => f.endsWith('.css'))
    expect(sheets.length).toBeGreaterThan(0)
    const selectors = sheets.flatMap((f) => selectorsOf(readFileSync(join(dir, f), 'utf8')))
    expect(selectors.length).toBeGreaterThan(100)
    // The minifier wraps a list of selectors in :is() when one holds :has() (so that a browser
    // without :has() keeps the others); Chromium then evaluates the list, :has() and all, on
    // every element at every style pass: 3–30 ms each on a 2,000-card board. Such rules are
    // written one selector each in the sources.
    expect(selectors.filter((s) => s.includes(':has(') && keyless(s))).toEqual([])
  })
})
