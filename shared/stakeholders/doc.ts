import type * as Y from 'yjs'
import {
  canvasRoots,
  forEachRecord,
  putRecord,
  readFields,
  type ActorCategory,
} from '../schema/index.ts'
import { newActorFields, readActor, type Actor } from './actors.ts'
import type { ImportedActorFields } from './csv.ts'
import { mapSpots } from './layout.ts'

/** The actors of a board's stakeholder canvas, as plain data. */
export function readActors(doc: Y.Doc): Actor[] {
  const out: Actor[] = []
  forEachRecord(canvasRoots(doc, 'stakeholders').nodes, (map, id) => {
    const fields = readFields(map)
    if (fields.kind === 'actor') out.push(readActor(id, fields))
  })
  return out
}

/**
 * Adds imported actors, each a whole card, placed on the relationship map in its category's
 * column below the actors already there. Call inside one transaction (an import is one step).
 */
export function addActors(
  doc: Y.Doc,
  actors: readonly ImportedActorFields[],
  newId: () => string,
): string[] {
  const { nodes } = canvasRoots(doc, 'stakeholders')
  const taken: { x: number; y: number }[] = []
  forEachRecord(nodes, (map) => {
    const x = map.get('x')
    const y = map.get('y')
    if (typeof x === 'number' && typeof y === 'number') taken.push({ x, y })
  })
  const spots = mapSpots(
    actors.map((a) => a.category as ActorCategory),
    taken,
  )
  return actors.map((actor, i) => {
    const id = newId()
    const { category, ...init } = actor
    putRecord(doc, 'stakeholders.nodes', id, {
      ...newActorFields(category, init),
      x: Math.round(spots[i]!.x),
      y: Math.round(spots[i]!.y),
    })
    return id
  })
}
