const indexes = new WeakMap<readonly { id: string }[], Map<string, { id: string }>>()

/**
 * A card of a canvas by id, from an index built once per node list the store holds (the store
 * replaces a canvas's list when one of its cards changes). Cards and links that read another
 * card at every store update (an objective its problem, a link its two ends) searched the list
 * each time: on a large board, every update cost cards × cards.
 */
export function nodeById<N extends { id: string }>(nodes: readonly N[], id: string): N | undefined {
  let index = indexes.get(nodes)
  if (!index) indexes.set(nodes, (index = new Map(nodes.map((n) => [n.id, n]))))
  return index.get(id) as N | undefined
}
