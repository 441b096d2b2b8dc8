import { useEffect, useRef, useState, type KeyboardEvent } from 'react'

interface DraftOptions {
  value: string
  /** Returns false to refuse the value: the field then shows the stored one again. */
  onCommit(value: string): boolean | void
  /** Called with true on focus and false on blur (presence: who is writing where). */
  onEditing?(editing: boolean): void
}

/**
 * A text being typed stays local until the field is left (or Enter), then it is written once:
 * one undo step and one update per edit, not one per keystroke. Until the person types, the
 * field follows the document, focused or not, so others' edits show up live, and leaving it
 * writes nothing (it wrote the text it had when focused back over a newer one).
 */
function useDraft({ value, onCommit, onEditing }: DraftOptions) {
  // what the person typed; null while they have not
  const [draft, setDraft] = useState<string | null>(null)
  const focused = useRef(false)
  const latest = useRef({ draft, value, onCommit, onEditing })
  latest.current = { draft, value, onCommit, onEditing }
  const presence = useEditingPresence(latest)
  // a field removed while focused (another actor selected, the actor deleted) still commits,
  // and no longer shows its writer to the others
  useEffect(
    () => () => {
      const { draft: d, value: v, onCommit: commit } = latest.current
      if (focused.current && d !== null && d !== v) commit(d)
      if (focused.current) presence.stop()
    },
    [presence],
  )
  const commit = () => {
    setDraft(null)
    if (draft !== null && draft !== value) onCommit(draft)
  }
  return {
    value: draft ?? value,
    onChange: (e: { target: { value: string } }) => {
      setDraft(e.target.value)
      presence.typed()
    },
    onFocus: () => {
      focused.current = true
      presence.typed()
    },
    onBlur: () => {
      focused.current = false
      commit()
      presence.stop()
    },
    revert: () => setDraft(null),
  }
}

/** After this long without typing, a focused field no longer says "… is writing". */
export const EDITING_IDLE_MS = 20_000

/**
 * "Who is writing where" for the others: on while the field has focus and the person types,
 * off when the field is left or after EDITING_IDLE_MS without a keystroke (a field left focused
 * while someone talks or walks away must not show them writing for ever).
 */
function useEditingPresence(latest: { current: { onEditing?(editing: boolean): void } }) {
  const [presence] = useState(() => {
    let on = false
    let timer: ReturnType<typeof setTimeout> | undefined
    const stop = () => {
      clearTimeout(timer)
      timer = undefined
      if (on) latest.current.onEditing?.(false)
      on = false
    }
    return {
      typed() {
        clearTimeout(timer)
        if (!on) latest.current.onEditing?.(true)
        on = true
        timer = setTimeout(stop, EDITING_IDLE_MS)
      },
      stop,
    }
  })
  return presence
}

type FieldProps = DraftOptions & {
  id?: string
  className?: string
  placeholder?: string
  maxLength?: number
  disabled?: boolean
  autoFocus?: boolean
  'aria-label'?: string
  'data-field'?: string
}

/**
 * Enter writes what was typed, Escape gives it up; either way the keyboard stays in the field
 * (leaving it for the page's body, a keyboard started again from the top of the page).
 */
export function TextField({ value, onCommit, onEditing, ...rest }: FieldProps) {
  const { revert, ...draft } = useDraft({ value, onCommit, onEditing })
  // leaving the field writes it (useDraft's onBlur); the field is taken again at once
  const settle = (field: HTMLInputElement) => {
    field.blur()
    field.focus({ preventScroll: true })
  }
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') settle(e.currentTarget)
    // what was typed goes, the field shows the stored value again (leaving the field a frame
    // later could write the draft still in the handler that React had not yet drawn anew)
    else if (e.key === 'Escape') revert()
  }
  return <input type="text" {...rest} {...draft} onKeyDown={onKeyDown} />
}

/**
 * A 0..1 value as a slider with its number; the value is written when the slider is released,
 * not at every step of the thumb.
 */
export function UnitSlider({
  value,
  onCommit,
  disabled,
  label,
  id,
  unset = false,
}: {
  value: number
  onCommit(value: number): void
  disabled?: boolean
  label: string
  id: string
  /** No value yet (an actor nobody placed): shown as —, and any value let go sets it. */
  unset?: boolean
}) {
  const [draft, setDraft] = useState(value)
  const active = useRef(false)
  useEffect(() => {
    if (!active.current) setDraft(value)
  }, [value])
  const commit = () => {
    // only a value the person set: a key released on the slider (the Tab that reached it) is not
    const moved = active.current
    active.current = false
    if (moved && (draft !== value || unset)) onCommit(draft)
  }
  return (
    <div className="unit-slider" data-unset={unset || undefined}>
      <input
        id={id}
        type="range"
        min={0}
        max={1}
        step={0.05}
        value={draft}
        disabled={disabled}
        aria-label={label}
        onChange={(e) => {
          active.current = true
          setDraft(Number(e.target.value))
        }}
        onPointerUp={commit}
        onKeyUp={commit}
        onBlur={() => active.current && commit()}
      />
      <output htmlFor={id}>{unset && !active.current ? '—' : Math.round(draft * 100)}</output>
    </div>
  )
}

/** Power or interest as a number 0..100 in a table cell (people think in percent). */
export function PercentField({
  value,
  onCommit,
  label,
}: {
  /** null: no value yet (an actor nobody placed), shown blank. */
  value: number | null
  onCommit(value: number): void
  label: string
}) {
  const shown = value === null ? '' : String(Math.round(value * 100))
  return (
    <TextField
      className="cell-input cell-number"
      value={shown}
      placeholder={value === null ? '—' : undefined}
      aria-label={label}
      maxLength={3}
      onCommit={(raw) => {
        const n = Number(raw.replace(',', '.'))
        if (raw.trim() === '' || !Number.isFinite(n)) return false
        const next = Math.round(Math.min(100, Math.max(0, n))) / 100
        if (next === value) return false // e.g. 150 clamped to the 100 already stored
        onCommit(next)
      }}
    />
  )
}
