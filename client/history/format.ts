/** A moment as people read it, in the page's language. */
export function formatWhen(at: number, lang: string): string {
  try {
    return new Intl.DateTimeFormat(lang.startsWith('en') ? 'en-GB' : 'it-IT', {
      dateStyle: 'medium',
      timeStyle: 'short',
    }).format(new Date(at))
  } catch {
    return new Date(at).toISOString()
  }
}

/** Bytes as KB/MB, with the page language's decimal mark (64,0 MB in Italian). */
export function formatBytes(bytes: number, lang = 'it'): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`
  const mb = new Intl.NumberFormat(lang.startsWith('en') ? 'en-GB' : 'it-IT', {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(bytes / (1024 * 1024))
  return `${mb} MB`
}
