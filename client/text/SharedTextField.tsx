import { useEffect, useRef, type ClipboardEvent, type FocusEvent, type KeyboardEvent } from 'react'
import type * as Y from 'yjs'
import { useBoardActions } from '../store/context.tsx'
import { nextLoss, type LostEdit } from '../store/boardStore.ts'
import { composingAhead, takeHeldKeys, dropHeldKeys, type TypedKey } from './typeAhead.ts'
import { useSharedText, type TextTarget } from './useSharedText.ts'
import { usePresenceMark } from './usePresenceMark.ts'
import { ReadOnlyText } from './ReadOnlyText.tsx'
import { focusQuietly, focusedByTab, focusedQuietly } from '../lib/dom.ts'

/** How an edit ended: a key (Tab only with `tabEnds`: the canvas goes on from there) or a blur. */
export type DoneReason = 'enter' | 'escape' | 'tab' | 'blur'

/**
 * After Enter or Escape the field lets go of the focus: the edit is over (a card's field
 * closes). Whatever its `onDone` gave the focus to keeps it (the card, the next field); else,
 * once the page has settled, the field takes it back (quietly: the page gives it, so no edit
 * starts until a key does), as a field of a form keeps it, rather than leave it on the page's
 * body, where a keyboard starts again from the top and a screen reader loses its place.
 */
function letGo(el: HTMLElement): void {
  if (document.activeElement !== el) return
  el.blur()
  queueMicrotask(() => {
    const at = document.activeElement
    if ((at && at !== document.body) || !el.isConnected || el.closest('[inert]')) return
    focusQuietly(el)
  })
}

/** Keys typed again, as the page's shortcuts and the next editor's held keys receive them. */
function typeAgain(keys: TypedKey[]): void {
  for (const k of keys)
    document.body.dispatchEvent(
      new KeyboardEvent('keydown', {
        key: 'char' in k ? k.char : k.key,
        shiftKey: 'shift' in k && k.shift,
        bubbles: true,
        cancelable: true,
      }),
    )
}

/**
 * The one text field of the board, for every text people write: live shared text (see
 * {@link useSharedText}), the limit of the schema, and the same keys everywhere — Enter keeps
 * the text and leaves, Shift+Enter starts a new line (multi-line fields), Escape gives up this
 * person's edit (a card just made for it goes too), leaving the field keeps the text. After
 * Enter or Escape the keyboard is still there, never on the page's body: on what `onDone` gave
 * the focus to, else on the field itself ({@link letGo}), where a second Escape is its
 * container's. A field that opens with `autoFocus` takes the keys typed while it was opening.
 */
interface SharedTextFieldProps {
  target: TextTarget
  label: string
  placeholder?: string
  className?: string
  multiline?: boolean
  rows?: number
  autoFocus?: boolean
  readOnly?: boolean
  /** For people who may not write here (a projector): the text, read-only ({@link ReadOnlyText}). */
  disabled?: boolean
  /** A record made for this text (a new card) and left empty goes away when the edit ends. */
  discardEmptyNew?: boolean
  /**
   * A card's field: Tab (Shift+Tab) keeps the text and goes to the canvas's shortcuts (on the
   * problem tree, a cause or an effect of the card), as it does when typed before the field
   * opened.
   */
  tabEnds?: boolean
  alongside?: (doc: Y.Doc, text: string) => void
  onFocus?: () => void
  onDone?: (reason: DoneReason) => void
  /** "Who is writing where" for the others: on while the person writes here (see below). */
  onPresence?: (writing: boolean) => void
  id?: string
  'data-field'?: string
  style?: React.CSSProperties
}

export function SharedTextField(props: SharedTextFieldProps) {
  // Who may only watch reads the words as text, whole (a disabled field cut them at its width).
  // Another component, not a branch of the field: a field that comes back (a phase unlocked)
  // mounts afresh and fills itself from the document, or its first key would replace the text.
  if (props.disabled) {
    const { collection, id, field } = props.target
    return (
      <ReadOnlyText
        collection={collection}
        id={id}
        field={field}
        label={props.label}
        multiline={props.multiline ?? true}
        className={props.className}
      />
    )
  }
  return <EditableTextField {...props} />
}

function EditableTextField({
  target,
  label,
  placeholder,
  className,
  multiline = true,
  rows = 1,
  autoFocus = false,
  readOnly = false,
  disabled: _readOnlyView,
  discardEmptyNew = false,
  tabEnds = false,
  alongside,
  onFocus,
  onDone,
  onPresence,
  ...attributes
}: SharedTextFieldProps) {
  const actions = useBoardActions()
  const { collection, id, field } = target
  const finished = useRef(false)
  /** Whether the person typed in the field since it took the focus. */
  const typed = useRef(false)
  /** This person's edit of the field was just undone from inside it (Ctrl+Y brings it back). */
  const undone = useRef(false)
  /**
   * The page gave the field the focus (it took it back after an Enter or an Escape, {@link
   * letGo}, or Enter in the field before it passed it on, focusQuietly) and nothing was typed
   * since: no edit is under way (nobody is told this person writes), it has nothing of its own
   * to give up, and the next Escape is its container's (the sheet, the panel it is in closes).
   */
  const rested = useRef(false)
  // Someone else deleted what this person is writing in, or a version restored replaced its
  // text: their words are kept aside, and the keys they type next go to the notice that offers
  // them back (LostEditNotice), not to the canvas's shortcuts ("n" would make a card of them).
  const setAside = (lost: Omit<LostEdit, 'collection' | 'id' | 'field' | 'n'>) => {
    if (finished.current || document.activeElement !== text.ref.current) return
    finished.current = true
    presence.stop()
    actions.endTextEdit()
    actions.noteLostEdit({ collection, id, field, n: nextLoss(), ...lost })
    // the editor closes (its card, when still there, shows the text the board now holds)
    onDone?.('blur')
  }
  const text = useSharedText(
    target,
    alongside,
    (shown, cause) =>
      setAside({ text: shown, kind: 'deleted', ...(cause && { restoredBy: cause.restoredBy }) }),
    // only words this person typed in the field: someone whose caret merely stood in it has
    // nothing to put back over the restored version
    (shown, restoredBy, restored) => {
      if (typed.current) setAside({ text: shown, kind: 'replaced', restoredBy, restored })
    },
  )
  const presence = usePresenceMark(onPresence)

  const finish = (reason: DoneReason) => {
    if (finished.current && reason !== 'blur') return
    const value = text.current()
    if (reason === 'escape') actions.cancelTextEdit(collection, id, field)
    else {
      const trimmed = value.trim()
      // A card made for this text and left empty is not kept.
      if (!trimmed && discardEmptyNew && actions.isNewRecord(collection, id, field))
        actions.cancelTextEdit(collection, id, field)
      else {
        // this person's own blanks at the ends only: a space another writer typed last is
        // where their next word goes
        if (trimmed !== value) text.trim()
        actions.endTextEdit()
      }
    }
    finished.current = true
    presence.stop()
    onDone?.(reason)
  }

  const replay = (keys: TypedKey[]) => {
    const el = text.ref.current
    if (!el) return
    for (const [i, k] of keys.entries()) {
      const start = el.selectionStart ?? el.value.length
      const end = el.selectionEnd ?? start
      if ('char' in k) el.setRangeText(k.char, start, end, 'end')
      else if (k.key === 'Backspace') {
        if (start !== end) el.setRangeText('', start, end, 'end')
        else if (start > 0) el.setRangeText('', start - 1, start, 'end')
      } else {
        text.write()
        finish(k.key === 'Escape' ? 'escape' : k.key === 'Tab' ? 'tab' : 'enter')
        // as a typed Enter does: the field lets go of the focus now, not when React removes
        // it, or the next keys (N for the next card) are typed into the card just left
        if (k.key === 'Tab') el.blur()
        else letGo(el)
        // What was typed after it, before this field appeared, is what the person did next
        // (N, then the next card's text; a Tab itself: a cause of this card): it goes on as if
        // typed now, to the page's shortcuts and to the next editor's held keys.
        typeAgain(keys.slice(k.key === 'Tab' ? i : i + 1))
        return
      }
    }
    if (keys.length) {
      typed.current = true
      text.write()
      presence.typed()
    }
  }

  useEffect(() => {
    if (!autoFocus) return
    // A new card is hidden until React Flow has measured it, and a hidden field cannot take
    // focus: try again on the next frames until it does. Keys typed meanwhile are held.
    let frames = 0
    let composed = 0
    let raf = 0
    const focus = () => {
      const el = text.ref.current
      if (!el) return
      // a letter being composed meanwhile ends first, where it started (for a second at most:
      // a touch keyboard composes whole words)
      if (composingAhead() && composed++ < 60) {
        raf = requestAnimationFrame(focus)
        return
      }
      el.focus()
      if (document.activeElement === el) {
        el.setSelectionRange(el.value.length, el.value.length)
        replay(takeHeldKeys(id))
      } else if (frames++ < 60) raf = requestAnimationFrame(focus)
      else dropHeldKeys(id)
    }
    focus()
    return () => {
      cancelAnimationFrame(raf)
      dropHeldKeys(id)
    }
  }, [autoFocus])

  // A field removed while in use (its card closed or deleted) ends its edit all the same.
  useEffect(
    () => () => {
      if (!finished.current) actions.endTextEdit()
      presence.stop()
    },
    [actions, presence],
  )

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement | HTMLInputElement>) => {
    if (e.key === 'Escape' && rested.current && !e.repeat) return
    // The canvas's shortcuts never see what a person types.
    e.stopPropagation()
    const key = e.key.toLowerCase()
    if ((e.ctrlKey || e.metaKey) && !e.altKey && (key === 'z' || key === 'y')) {
      // The board's undo, not the field's: the browser's own knows nothing of the letters
      // others type meanwhile, and took back only part of this person's edit. This takes back
      // their edit of the field whole, and nobody else's; and only that: with nothing typed
      // here, a change elsewhere on the board is not undone from inside a text.
      e.preventDefault()
      if (key === 'y' || e.shiftKey) {
        if (!undone.current) return
        undone.current = false
        typed.current = true
        actions.redo()
      } else if (typed.current) {
        typed.current = false
        undone.current = true
        actions.undo()
      }
    } else if (e.key === 'Enter' && !(multiline && e.shiftKey)) {
      e.preventDefault()
      finish('enter')
      letGo(e.currentTarget)
    } else if (e.key === 'Escape') {
      e.preventDefault()
      finish('escape')
      letGo(e.currentTarget)
    } else if (tabEnds && e.key === 'Tab' && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault()
      finish('tab')
      e.currentTarget.blur()
      typeAgain([{ key: 'Tab', shift: e.shiftKey }])
    }
  }
  const common = {
    ...attributes,
    className,
    'aria-label': label,
    placeholder,
    maxLength: text.maxLength,
    readOnly,
    onInput: () => {
      // the field's edit starts again with what is typed, not with the focus it took back
      if (rested.current) {
        rested.current = false
        onFocus?.()
      }
      typed.current = true
      undone.current = false
      text.write()
      presence.typed()
    },
    onKeyDown,
    // the field holds `maxLength` characters and the browser cuts a longer paste without a
    // word (5,000 pasted into the territory kept 200): the page says so
    onPaste: (e: ClipboardEvent<HTMLTextAreaElement | HTMLInputElement>) => {
      const el = e.currentTarget
      const limit = text.maxLength
      if (limit === undefined || el.readOnly) return
      const selected = (el.selectionEnd ?? 0) - (el.selectionStart ?? 0)
      const room = limit - (el.value.length - selected)
      // a one-line field drops the line breaks of what is pasted
      const pasted = e.clipboardData.getData('text')
      const kept = multiline ? pasted : pasted.replace(/[\r\n]/g, '')
      if (kept.length > room) actions.noteTextCut(limit)
    },
    onFocus: (e: FocusEvent) => {
      finished.current = false
      typed.current = false
      undone.current = false
      // the page gave it the focus: the edit starts with a key
      if (focusedQuietly(e.currentTarget)) rested.current = true
      if (rested.current) return
      // clicked into, or opened to write: the others see it at once; tabbed into: once typed in
      if (!focusedByTab()) presence.typed()
      onFocus?.()
    },
    onBlur: () => {
      if (!finished.current) finish('blur')
      rested.current = false
    },
  }
  return multiline ? (
    <textarea ref={text.ref as React.RefObject<HTMLTextAreaElement>} rows={rows} {...common} />
  ) : (
    <input ref={text.ref as React.RefObject<HTMLInputElement>} type="text" {...common} />
  )
}
