import { controlKeepsKey } from '../lib/dom.ts'
import { focusCardFrom } from './treeWalk.ts'

/**
 * T on a tree takes the keyboard to the canvas's toolbar, whose tools act on the chosen card;
 * Escape there takes it back to the card it came from. Each tree keeps one of these.
 */
export class ToolbarJump {
  /** The card T left for the toolbar. */
  private leftFor: string | null = null

  constructor(
    /** The toolbar's element id. */
    readonly toolbarId: string,
  ) {}

  /** Whether a key went to a control inside the toolbar. */
  within(target: EventTarget | null): boolean {
    return target instanceof Element && !!target.closest(`#${this.toolbarId}`)
  }

  /**
   * Whether the focused control keeps this key for itself (lib/dom.ts), but for an Escape in the
   * toolbar, on its lists too: the way back to the card.
   */
  controlKeeps(e: KeyboardEvent): boolean {
    return controlKeepsKey(e.target, e.key) && !(e.key === 'Escape' && this.within(e.target))
  }

  /** Focuses the toolbar's first usable tool, remembering the card; false when there is none. */
  leave(cardId: string | null): boolean {
    const tool = firstTool(this.toolbarId)
    if (!tool) return false
    this.leftFor = cardId
    tool.focus()
    return true
  }

  /**
   * Escape: from the toolbar, back to the card T left (else `selected`) while it is among
   * `cards`; false when the key was not in the toolbar or that card is gone (the tree then
   * deselects). The card left is forgotten either way.
   */
  escape(
    target: EventTarget | null,
    selected: string | null,
    cards: readonly { id: string }[],
  ): boolean {
    const back = this.leftFor ?? selected
    this.leftFor = null
    if (!back || !this.within(target) || !cards.some((c) => c.id === back)) return false
    focusCardFrom(target as Element, back)
    return true
  }
}

/** A toolbar's first control that can be used now (one on screen, not disabled). */
function firstTool(toolbarId: string): HTMLElement | undefined {
  const bar = document.getElementById(toolbarId)
  return [
    ...(bar?.querySelectorAll<HTMLElement>('button:not([disabled]), select:not([disabled])') ?? []),
  ].find((el) => el.getClientRects().length > 0)
}
