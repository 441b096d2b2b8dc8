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

  /** Focuses the toolbar's first usable tool, remembering the card; false when there is none. */
  leave(cardId: string | null): boolean {
    const tool = firstTool(this.toolbarId)
    if (!tool) return false
    this.leftFor = cardId
    tool.focus()
    return true
  }

  /** The card to go back to (the one T left, else `fallback`), forgotten as it is answered. */
  takeBack(fallback: string | null): string | null {
    const back = this.leftFor ?? fallback
    this.leftFor = null
    return back
  }
}

/** A toolbar's first control that can be used now (one on screen, not disabled). */
function firstTool(toolbarId: string): HTMLElement | undefined {
  const bar = document.getElementById(toolbarId)
  return [
    ...(bar?.querySelectorAll<HTMLElement>('button:not([disabled]), select:not([disabled])') ?? []),
  ].find((el) => el.getClientRects().length > 0)
}
