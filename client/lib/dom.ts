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
