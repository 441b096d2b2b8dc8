import {
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type KeyboardEvent,
  type ReactNode,
} from 'react'
import { holdKey } from '../text/typeAhead.ts'

/**
 * A small menu under a toolbar button: focus moves into it when it opens, ↑ ↓ move between its
 * items (Home and End to the first and the last), Escape or a click elsewhere closes it and gives
 * the focus back to the button. Keys typed inside it never reach the canvas shortcuts.
 *
 * Its items can change while it is open (another person adds the actor one of them offered): an
 * item taken away with the focus on it hands the focus to the first item left, or to the button;
 * the whole menu taken away with the focus in it hands it to `onRemovedWithFocus`. Either way
 * the focus stays where the person was, not on the page's body.
 */
export function ToolbarMenu({
  label,
  title,
  disabled,
  className,
  typeToChoose = false,
  arrowOpens = false,
  onRemovedWithFocus,
  children,
}: {
  label: ReactNode
  title: string
  disabled?: boolean
  className?: string
  /**
   * A letter typed in the menu takes the item that has the focus (the first, as it opens) and
   * goes to the editor that item opens, with what follows: «+ Aggiungi problema» then typing at
   * once lost the first word, and the space pressed the item.
   */
  typeToChoose?: boolean
  /** ↓ on the button opens the menu too, as Enter and Space do (a page's menu, not a canvas's). */
  arrowOpens?: boolean
  /**
   * Where the focus goes when the owner stops drawing the menu (its last choice taken, here or by
   * someone else) while the button or an item has it: the place that follows the menu.
   */
  onRemovedWithFocus?: () => void
  children: (close: () => void) => ReactNode
}) {
  const [open, setOpen] = useState(false)
  const root = useRef<HTMLDivElement>(null)
  const button = useRef<HTMLButtonElement>(null)
  /** The item (or field) of the open menu that last had the focus. */
  const focusedItem = useRef<HTMLElement | null>(null)
  const onRemovedRef = useRef(onRemovedWithFocus)
  onRemovedRef.current = onRemovedWithFocus
  const close = () => {
    setOpen(false)
    button.current?.focus()
  }
  useEffect(() => {
    if (!open) return
    root.current?.querySelector<HTMLElement>('[data-menu-item], input')?.focus()
    const onDown = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false)
    }
    document.addEventListener('pointerdown', onDown)
    return () => document.removeEventListener('pointerdown', onDown)
  }, [open])
  useEffect(() => {
    if (disabled) setOpen(false)
  }, [disabled])
  // after every change of the items: the one that had the focus gone, the body would have it
  useLayoutEffect(() => {
    const gone = focusedItem.current
    if (!gone || gone.isConnected) return
    focusedItem.current = null
    const at = document.activeElement
    if (!open || (at && at !== document.body)) return
    const next =
      root.current?.querySelector<HTMLElement>('[data-menu-item], input') ?? button.current
    next?.focus()
  })
  // a layout effect's clean-up runs before its elements leave the page: the focus still in them
  useLayoutEffect(() => {
    const el = root.current
    return () => {
      if (el?.contains(document.activeElement)) onRemovedRef.current?.()
    }
  }, [])
  const onKeyDown = (e: KeyboardEvent) => {
    e.stopPropagation()
    if (e.key === 'Escape') {
      e.preventDefault()
      close()
      return
    }
    if (
      typeToChoose &&
      e.key.length === 1 &&
      e.key !== ' ' &&
      !e.ctrlKey &&
      !e.metaKey &&
      !e.altKey
    ) {
      const focused = document.activeElement as HTMLElement | null
      const item = focused?.hasAttribute('data-menu-item')
        ? focused
        : root.current?.querySelector<HTMLElement>('[data-menu-item]')
      if (!item) return
      e.preventDefault()
      // the item opens its editor, which starts holding keys (typeAhead.ts): this one first
      item.click()
      holdKey({ char: e.key })
      return
    }
    const items = [...(root.current?.querySelectorAll<HTMLElement>('[data-menu-item]') ?? [])]
    const at = items.indexOf(document.activeElement as HTMLElement)
    // Home and End from an item only: in a field of the menu they move its caret
    const onItem = at >= 0
    const next =
      e.key === 'ArrowDown'
        ? at + 1
        : e.key === 'ArrowUp'
          ? at - 1
          : e.key === 'Home' && onItem
            ? 0
            : e.key === 'End' && onItem
              ? items.length - 1
              : null
    if (next === null || !items.length) return
    e.preventDefault()
    items[(next + items.length) % items.length]!.focus()
  }
  return (
    <div className="tree-menu-anchor" ref={root}>
      <button
        ref={button}
        className={className}
        aria-haspopup="menu"
        aria-expanded={open}
        disabled={disabled}
        title={title}
        onClick={() => setOpen((o) => !o)}
        onKeyDown={
          arrowOpens
            ? (e) => {
                if (e.key !== 'ArrowDown' || open) return
                e.preventDefault()
                setOpen(true)
              }
            : undefined
        }
      >
        {label}
      </button>
      {open && (
        <div
          className="tree-menu"
          role="menu"
          aria-label={title}
          onKeyDown={onKeyDown}
          onFocus={(e) => {
            focusedItem.current = e.target
          }}
        >
          {children(close)}
        </div>
      )}
    </div>
  )
}
