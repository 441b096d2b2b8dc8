/**
 * Copies `text`: the async Clipboard API where there is one (secure contexts), else the old
 * select-and-execCommand way on the given input (plain http on a LAN, older browsers).
 */
export async function copyText(text: string, input: HTMLInputElement | null): Promise<boolean> {
  try {
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text)
      return true
    }
  } catch {
    // permission denied or not focused: try the fallback
  }
  if (!input) return false
  const active = document.activeElement
  input.focus()
  input.select()
  let ok = false
  try {
    ok = document.execCommand('copy')
  } catch {
    ok = false
  }
  if (active instanceof HTMLElement) active.focus()
  return ok
}
