/**
 * Where the keyboard goes when an actor's sheet closes or an actor goes: back to what stands for
 * the actor in the view shown (its card on the grid or the map, its row's ✎ in the register, its
 * name in the coverage); for an actor deleted, to the next actor's (the previous one's, for the
 * last), else to the view's tab. Never the page's body, where Tab starts again from the top.
 */

/** The elements that open an actor's sheet in the view shown, in the page's order. */
function actorElements(): HTMLElement[] {
  const stage = document.querySelector('.sh-stage')
  if (!stage) return []
  return [...stage.querySelectorAll<HTMLElement>('.react-flow__node[tabindex], [data-opens-actor]')]
}

const actorOf = (el: HTMLElement) => el.dataset.opensActor ?? el.dataset.id ?? ''

const shown = (el: HTMLElement) => el.isConnected && el.getClientRects().length > 0

/**
 * Taken while the actors in `from` are still drawn; the function it returns, called once they
 * closed or went, gives the focus to the first of them still drawn (a sheet closed; not when
 * they are `gone`, being deleted), else to `origin` (the button that made an actor just given
 * up), else to the actor drawn after them (before them, for the last), else to the view's tab.
 */
export function actorFocusTarget(
  from: ReadonlySet<string>,
  { origin, gone = false }: { origin?: HTMLElement | null; gone?: boolean } = {},
): () => void {
  const all = actorElements()
  const at = all.findIndex((el) => from.has(actorOf(el)))
  return () => {
    const own = gone ? undefined : all.find((el) => from.has(actorOf(el)) && shown(el))
    const others = (list: HTMLElement[]) => list.find((el) => !from.has(actorOf(el)) && shown(el))
    const target =
      own ??
      (origin && shown(origin) ? origin : undefined) ??
      (at >= 0 ? (others(all.slice(at)) ?? others(all.slice(0, at).reverse())) : undefined) ??
      document.querySelector<HTMLElement>('.sh-phase .view-switch [aria-selected=true]')
    target?.focus({ preventScroll: true })
  }
}
