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

/** Bytes as KB/MB. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`
}
