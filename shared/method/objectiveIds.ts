/** Ids are at most 200 characters (see the export format): room left for a prefix and a hash. */
const MAX_ID = 200

/** FNV-1a, 52 bits: enough to keep two long ids apart, computed the same on every client. */
function fnv1a(text: string): string {
  let h1 = 0x811c9dc5
  let h2 = 0x01000193
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0
    h2 = Math.imul(h2 ^ c, 0x01000193 + 2 * i + 1) >>> 0
  }
  return h1.toString(36) + h2.toString(36)
}

/**
 * The id of a record derived from another one: `prefix + id`, so every client derives the same
 * id; an id too long for that keeps its start and adds a hash of the whole.
 */
export function derivedId(prefix: string, from: string): string {
  const plain = prefix + from
  if (plain.length <= MAX_ID) return plain
  const hash = fnv1a(from)
  return `${prefix}${from.slice(0, MAX_ID - prefix.length - hash.length - 1)}.${hash}`
}
