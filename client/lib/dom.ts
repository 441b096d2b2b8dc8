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

/** Roles whose element moves among its own items with the arrow keys. */
const ARROW_ROLES = new Set([
  'tab',
  'menuitem',
  'menuitemradio',
  'menuitemcheckbox',
  'option',
  'radio',
  'slider',
  'treeitem',
])
const CONTROL_TAGS = new Set(['BUTTON', 'A', 'SUMMARY'])
const CONTROL_ROLES = new Set([...ARROW_ROLES, 'button', 'link', 'checkbox', 'switch'])

/**
 * True when the focused element uses this key itself, so a board shortcut must leave it alone:
 * a field takes every key ({@link isTyping}); a control (a button, a link, a tab, a menu item)
 * takes Tab (the focus moves on), Enter and Space (it is pressed), Backspace (nothing to fix
 * in a card's text from there), and, for tabs, menus and
 * options, the arrows. A card is no control: its keys are the board's.
 */
export function controlKeepsKey(target: EventTarget | null, key: string): boolean {
  if (isTyping(target)) return true
  const el = target as HTMLElement | null
  if (!el?.tagName) return false
  const role = el.getAttribute('role') ?? ''
  if (!CONTROL_TAGS.has(el.tagName) && !CONTROL_ROLES.has(role)) return false
  if (key === 'Tab' || key === 'Enter' || key === ' ' || key === 'Backspace') return true
  return key.startsWith('Arrow') && ARROW_ROLES.has(role)
}

const FIELDS =
  'input:not([type=hidden]):not([disabled]):not([readonly]), textarea:not([disabled]):not([readonly]), select:not([disabled])'

/** Elements being given the focus by the page, not by the person (see focusQuietly). */
const quietlyFocused = new WeakSet<Element>()

/**
 * Gives `el` the focus on the page's own initiative (after Enter, the next field; a field taking
 * its own back): a text field taking it so does not tell the others that the person writes there
 * until they type (SharedTextField asks `focusedQuietly` as it takes it).
 */
export function focusQuietly(el: HTMLElement): void {
  quietlyFocused.add(el)
  try {
    el.focus()
  } finally {
    quietlyFocused.delete(el)
  }
}

/** Whether the focus `el` is taking now was given by focusQuietly. */
export function focusedQuietly(el: Element): boolean {
  return quietlyFocused.has(el)
}

// A Tab moves the focus while its key is down: between its keydown and the next key event.
let tabDown = false
if (typeof document !== 'undefined') {
  document.addEventListener('keydown', (e) => (tabDown = e.key === 'Tab'), true)
  document.addEventListener('keyup', () => (tabDown = false), true)
  document.addEventListener('pointerdown', () => (tabDown = false), true)
}

/**
 * Whether the focus being taken now comes from Tab: a person going through the fields of a form
 * is not writing in each, and a text field taking the focus so tells nobody until they type.
 */
export function focusedByTab(): boolean {
  return tabDown
}

/**
 * Moves the focus to the field that follows `from` in the document, skipping what is hidden:
 * after Enter in a form's field the keyboard goes on from there (the next rule, the next
 * cell), not from the top of the page. Fields only: a row's buttons (remove ✕) would take the
 * next Enter. Nobody is told the person writes there until they do.
 */
export function focusAfter(from: Element | null): void {
  if (!from) return
  const all = [...document.querySelectorAll<HTMLElement>(FIELDS)].filter(
    (el) => el.getClientRects().length > 0 && !el.closest('[inert]'),
  )
  const next = all.find(
    (el) =>
      !from.contains(el) && !!(from.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING),
  )
  if (next) focusQuietly(next)
}

/**
 * Enter in a field that writes when it is left (an amount, an indicator's value): it is left for
 * the next field, as Enter does in the pact's other fields; only the page's last field is left
 * for nothing. Blurred, the keyboard was on the page's body and the next words typed (the unit,
 * after an amount) went nowhere.
 */
export function leaveForNext(field: HTMLElement): void {
  focusAfter(field)
  if (document.activeElement === field) field.blur()
}

/**
 * Before a row (a list's item, a table's row) goes with its own button, `same` in it (✕): the
 * same button of the next row takes the focus, of the previous one for the last row, else
 * `fallback` (the list's «+» button). The keyboard stays in the list, not on the page's body,
 * where the next Tab starts again from the top.
 */
export function focusInNextRow(button: Element, same: string, fallback: HTMLElement | null): void {
  const row = button.closest('li, tr')
  const rows = [...(row?.parentElement?.children ?? [])]
  const at = row ? rows.indexOf(row) : -1
  const pick = (list: Element[]) =>
    list
      .map((r) => r.querySelector<HTMLElement>(`${same}:not([disabled])`))
      .find((el) => !!el && el.getClientRects().length > 0)
  const next = at < 0 ? undefined : (pick(rows.slice(at + 1)) ?? pick(rows.slice(0, at).reverse()))
  ;(next ?? fallback)?.focus()
}

const TABBABLE =
  'a[href], button:not([disabled]), input:not([disabled]):not([type=hidden]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])'

/**
 * Keeps Tab and Shift+Tab inside a modal dialog: from its last control Tab goes round to its
 * first, and Shift+Tab from the first to the last. `aria-modal` tells a screen reader that
 * nothing else is on the page; without this the keyboard walked out of the dialog into the
 * board behind it, still live under the backdrop.
 */
export function keepTabInside(
  e: { key: string; shiftKey: boolean; preventDefault(): void },
  dialog: HTMLElement,
): void {
  if (e.key !== 'Tab') return
  const inside = [...dialog.querySelectorAll<HTMLElement>(TABBABLE)].filter(
    (el) => el.getClientRects().length > 0,
  )
  const first = inside[0]
  const last = inside[inside.length - 1]
  if (!first || !last) return
  const at = document.activeElement
  if (e.shiftKey ? at === first || !dialog.contains(at) : at === last) {
    e.preventDefault()
    ;(e.shiftKey ? last : first).focus()
  }
}
