import i18next from 'i18next'
import { TYPE_AHEAD_ATTRIBUTE, focusAfter, isTyping } from '../lib/dom.ts'

/**
 * Keys typed while a text editor is opening. A new card's editor appears a frame or two after
 * the key that made it (React renders it, React Flow measures it, then it can take focus): what
 * the person types meanwhile must land in the editor, not trigger the canvas's shortcuts
 * ("n" would make another card, "l" would re-lay the tree) nor vanish.
 *
 * Not all text comes as key presses: a dead key or an input method («à», «ü», kana), a paste or
 * a dictation tool hands the page text to insert, which only a focused text field receives.
 * So while keys are held an invisible field (the catcher) has the focus: what is inserted into
 * it is held like a typed key, in order, and the editor takes it all when it opens.
 */
export type TypedKey =
  | { char: string }
  | { key: 'Backspace' | 'Enter' | 'Escape' }
  /**
   * Tab after a card's text (a cause of it, Shift: an effect): held too, or it would make the
   * next card at once and the text typed for this one would be lost with its held keys.
   */
  | { key: 'Tab'; shift: boolean }

/** How long keys are held for an editor that does not appear (then they are dropped)… */
const HOLD_MS = 3_000
/**
 * …counted in frames the page drew, too: a page too busy to draw (a slow laptop taking a large
 * board's update, 30 people's edits at once) is still opening the editor, and what the person
 * types meanwhile waits for it. Counted in time alone, the hold ended during such a stall: the
 * keys already typed were dropped and the next ones went to the canvas ("n" of «Francesco» made
 * a card of the rest; crowd workshop simulation).
 */
const HOLD_FRAMES = 30

let held: TypedKey[] | null = null
/** Whose editor the keys are held for (the record being edited). */
let heldFor: string | null = null
let timer: ReturnType<typeof setTimeout> | undefined
/** Frames drawn since the keys were held for the present editor. */
let framesDrawn = 0
let frameCounter = 0
let catcher: HTMLTextAreaElement | null = null
/** What had the focus before the catcher took it: it gets it back if no editor comes. */
let focusedBefore: HTMLElement | null = null
/** A letter is being composed in the catcher (a dead key, an input method). */
let composing = false

function onKeyDown(e: KeyboardEvent): void {
  // the catcher is not a field that types (isTyping): its keys are held like the page's
  // 229: a key an input method handles (Safari sends the Enter that confirms a word as one)
  if (!held || isTyping(e.target) || e.isComposing || e.keyCode === 229) return
  let key: TypedKey | null = null
  if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) key = { char: e.key }
  else if (e.key === 'Backspace' || e.key === 'Escape') key = { key: e.key }
  else if (e.key === 'Enter' && !e.shiftKey) key = { key: 'Enter' }
  else if (e.key === 'Tab' && !e.ctrlKey && !e.metaKey && !e.altKey)
    key = { key: 'Tab', shift: e.shiftKey }
  if (!key) return
  held.push(key)
  // prevented, a key inserts nothing into the catcher: each key is held once
  e.preventDefault()
  e.stopImmediatePropagation()
}

/**
 * Text that reached the catcher without a key press of its own (a paste, dictation, a letter
 * composed with a dead key or an input method) is held as typed, once: read off the field's
 * value (the events that bring it differ between browsers and input methods), which is then
 * emptied. A composition is read when it ends.
 */
function takeInserted(): void {
  if (!catcher?.value) return
  // letter by letter, as typed keys: what came after an Enter is typed again as keys
  for (const char of catcher.value) held?.push({ char })
  catcher.value = ''
}

function onInput(e: Event): void {
  if (!(e as InputEvent).isComposing) takeInserted()
}

function onCompositionStart(): void {
  composing = true
}

function onCompositionEnd(): void {
  composing = false
  takeInserted()
}

/**
 * Whether a letter is being composed for the editor still opening: the editor waits a little
 * for it to end before it takes the focus (which could end it half-way: «e» for «è»).
 */
export function composingAhead(): boolean {
  return composing && held !== null
}

function catcherField(): HTMLTextAreaElement {
  if (!catcher) {
    catcher = document.createElement('textarea')
    catcher.setAttribute(TYPE_AHEAD_ATTRIBUTE, '')
    catcher.tabIndex = -1
    catcher.style.cssText =
      'position:fixed;left:0;top:0;width:1px;height:1px;padding:0;border:0;opacity:0;' +
      'pointer-events:none;resize:none;overflow:hidden'
    catcher.addEventListener('input', onInput)
    catcher.addEventListener('compositionstart', onCompositionStart)
    catcher.addEventListener('compositionend', onCompositionEnd)
  }
  catcher.setAttribute('aria-label', i18next.t('openingEditor', { defaultValue: '' }))
  if (!catcher.isConnected) document.body.append(catcher)
  return catcher
}

function countFrame(): void {
  framesDrawn += 1
  frameCounter = requestAnimationFrame(countFrame)
}

/** The hold ends once it has lasted HOLD_MS and the page drew HOLD_FRAMES frames meanwhile. */
function expire(): void {
  if (framesDrawn >= HOLD_FRAMES) stop()
  else timer = setTimeout(expire, 100)
}

function stop(): void {
  held = null
  heldFor = null
  composing = false
  clearTimeout(timer)
  cancelAnimationFrame(frameCounter)
  window.removeEventListener('keydown', onKeyDown, true)
  if (catcher) {
    // no editor took the focus: it goes back where it was (a toolbar button), not to the page
    if (document.activeElement === catcher) {
      if (focusedBefore?.isConnected) focusedBefore.focus({ preventScroll: true })
      else catcher.blur()
    }
    catcher.value = ''
    // out of the page between editors: no stray field for a screen reader to find
    catcher.remove()
  }
  focusedBefore = null
}

/** The editor of `owner` is about to open: hold the keys typed until it takes them. */
export function holdKeysForEditor(owner: string): void {
  if (typeof window === 'undefined') return
  if (!held) {
    window.addEventListener('keydown', onKeyDown, true)
    frameCounter = requestAnimationFrame(countFrame)
  }
  held = []
  heldFor = owner
  framesDrawn = 0
  clearTimeout(timer)
  timer = setTimeout(expire, HOLD_MS)
  // The catcher takes the text for now, unless the focus is in another text field: what is
  // typed there stays there until the editor takes the focus. A list is left (the actor just
  // chosen to add a commitment for): a letter there would choose another one.
  const active = document.activeElement
  if ((isTyping(active) && active?.tagName !== 'SELECT') || active === catcher) return
  focusedBefore = active instanceof HTMLElement && active !== document.body ? active : null
  catcherField().focus({ preventScroll: true })
}

/**
 * Someone's edit of `owner` started (the record being edited changed): its editor is about to
 * open, so the keys are held for it, unless the person is already in a text field. A field that
 * marks its record as being written when focused (an actor's name, a pact text) takes its keys
 * itself; holding them for an editor that never came swallowed the Tab and Space pressed next
 * on a button, for the 3 s of the hold (keyboard walkthrough, actor card).
 */
export function editStarted(owner: string): void {
  if (typeof document === 'undefined') return
  const active = document.activeElement
  if (isTyping(active) && active?.tagName !== 'SELECT') return
  holdKeysForEditor(owner)
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
  takeInserted()
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

/**
 * Focuses the field `selector` finds as soon as it is drawn (a few frames at most), after a
 * button that adds a record (a rule, a body, a commitment), with what is typed meanwhile: the
 * keys are held from the click and typed into the field once it has the focus. Without them
 * the first letters were lost (the button had the focus) or pressed it again (a space, Enter).
 */
export function focusNewField(selector: string): void {
  holdKeysForEditor(selector)
  let tries = 0
  const attempt = () => {
    const field = document.querySelector<HTMLElement>(selector)
    if (field && field.getClientRects().length > 0) {
      // taken before the focus moves, and typed once it is there
      const keys = takeHeldKeys(selector)
      field.focus()
      if (document.activeElement === field) typeInto(field, keys)
    } else if (tries++ < 30) requestAnimationFrame(attempt)
    else dropHeldKeys(selector)
  }
  attempt()
}

/**
 * Types held keys into a plain field as the browser would have: letters at the caret,
 * Backspace, and Enter or Tab on to the next field (as a form's fields take them), where the
 * rest goes. Escape drops what follows.
 */
function typeInto(field: HTMLElement, keys: TypedKey[]): void {
  let at: Element | null = field
  for (const k of keys) {
    if (!isTyping(at)) return
    if ('char' in k) document.execCommand('insertText', false, k.char)
    else if (k.key === 'Backspace') document.execCommand('delete')
    else if (k.key === 'Escape' || (k.key === 'Tab' && k.shift)) return
    else {
      focusAfter(at)
      at = document.activeElement
    }
  }
}
