import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react'
import { holdKey } from '../text/typeAhead.ts'

/**
 * A small menu under a toolbar button: focus moves into it when it opens, ↑ ↓ move between its
 * items (Home and End to the first and the last), Escape or a click elsewhere closes it and gives
 * the focus back to the button. Keys typed inside it never reach the canvas shortcuts.
 */
export function ToolbarMenu({
  label,
  title,
  disabled,
  className,
  typeToChoose = false,
  arrowOpens = false,
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
  children: (close: () => void) => ReactNode
}) {
  const [open, setOpen] = useState(false)
  const root = useRef<HTMLDivElement>(null)
  const button = useRef<HTMLButtonElement>(null)
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
        <div className="tree-menu" role="menu" aria-label={title} onKeyDown={onKeyDown}>
          {children(close)}
        </div>
      )}
    </div>
  )
}
