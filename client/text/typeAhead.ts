import { isTyping } from '../lib/dom.ts'

/**
 * Keys typed while a text editor is opening. A new card's editor appears a frame or two after
 * the key that made it (React renders it, React Flow measures it, then it can take focus): what
 * the person types meanwhile must land in the editor, not trigger the canvas's shortcuts
 * ("n" would make another card, "l" would re-lay the tree) nor vanish.
 */
export type TypedKey = { char: string } | { key: 'Backspace' | 'Enter' | 'Escape' }

/** How long keys are held for an editor that does not appear (then they are dropped). */
const HOLD_MS = 3_000

let held: TypedKey[] | null = null
/** Whose editor the keys are held for (the record being edited). */
let heldFor: string | null = null
let timer: ReturnType<typeof setTimeout> | undefined

function onKeyDown(e: KeyboardEvent): void {
  if (!held || isTyping(e.target) || e.isComposing) return
  let key: TypedKey | null = null
  if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) key = { char: e.key }
  else if (e.key === 'Backspace' || e.key === 'Escape') key = { key: e.key }
  else if (e.key === 'Enter' && !e.shiftKey) key = { key: 'Enter' }
  if (!key) return
  held.push(key)
  e.preventDefault()
  e.stopImmediatePropagation()
}

function stop(): void {
  held = null
  heldFor = null
  clearTimeout(timer)
  window.removeEventListener('keydown', onKeyDown, true)
}

/** The editor of `owner` is about to open: hold the keys typed until it takes them. */
export function holdKeysForEditor(owner: string): void {
  if (typeof window === 'undefined') return
  if (!held) window.addEventListener('keydown', onKeyDown, true)
  held = []
  heldFor = owner
  clearTimeout(timer)
  timer = setTimeout(stop, HOLD_MS)
}

/** A key that opened the editor and belongs in it (Backspace on a selected card). */
export function holdKey(key: TypedKey): void {
  held?.push(key)
}

/**
 * The editor of `owner` has the focus: the keys typed before, in order (and no more holding).
 * Keys held for another editor stay held.
 */
export function takeHeldKeys(owner: string): TypedKey[] {
  if (!held || heldFor !== owner) return []
  const keys = held
  stop()
  return keys
}

/**
 * The editor of `owner` closed without ever taking focus. Only its own keys go: the editor of
 * the card just left (Enter, then N at once) is removed after the next card's editor started
 * holding, and dropping those lost what was typed into the new card.
 */
export function dropHeldKeys(owner: string): void {
  if (held && heldFor === owner) stop()
}
