/** Marks the field that holds text for an editor still opening (see `text/typeAhead.ts`). */
export const TYPE_AHEAD_ATTRIBUTE = 'data-type-ahead'

/**
 * True while the user types in a field: board shortcuts must leave those keys alone. That
 * field is not one: it stands in for the page.
 */
export function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null
  return (
    !!el &&
    !el.hasAttribute?.(TYPE_AHEAD_ATTRIBUTE) &&
    (el.tagName === 'INPUT' ||
      el.tagName === 'TEXTAREA' ||
      el.tagName === 'SELECT' ||
      el.isContentEditable)
  )
}

/**
 * Focuses the field `selector` finds as soon as it is drawn (a few frames at most), so what is
 * typed next lands there: after a button that adds a record, the keys typed next would press the
 * button again (a space, Enter) and the words would be lost.
 */
export function focusWhenDrawn(selector: string, tries = 30): void {
  const field = document.querySelector<HTMLElement>(selector)
  if (field) field.focus()
  else if (tries > 0) requestAnimationFrame(() => focusWhenDrawn(selector, tries - 1))
}
