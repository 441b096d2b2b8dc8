/** Ids unique across clients without coordination: 12 random url-safe characters (72 bits). */
export function newId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(9))
  let s = ''
  for (const b of bytes) s += String.fromCharCode(b)
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_')
}
