import type * as Y from 'yjs'
import { patchRecord, type Fields } from '../schema/index.ts'
import type { Actor } from './actors.ts'
import type { ImportedActorFields, ImportedRow } from './csv.ts'
import { addActors } from './doc.ts'
import { normaliseName } from './names.ts'

export interface ActorUpdate {
  id: string
  row: number
  /** Only the fields that differ from the actor on the board. */
  patch: Partial<ImportedActorFields>
}

/** What an import would do to the register: nothing is written until it is applied. */
export interface ImportPlan {
  added: ImportedRow[]
  updated: ActorUpdate[]
  /** Rows that match an actor and would change nothing (e.g. re-importing an export). */
  unchanged: number
}

const sameValue = (key: keyof ImportedActorFields, a: unknown, b: unknown): boolean => {
  if (key === 'objectives') {
    const x = a as string[]
    const y = b as string[]
    return x.length === y.length && x.every((id) => y.includes(id))
  }
  // a spreadsheet trims cells: spaces around a text are no change
  if (typeof a === 'string' && typeof b === 'string') return a.trim() === b.trim()
  return a === b
}

/**
 * Matches the rows of a file with the actors on the board, so importing the same register twice
 * never duplicates it: first by the `id` column (a file exported from this board), else by name,
 * ignoring case, accents and spacing. Each actor matches at most one row; a row that matches
 * none is a new actor. A matched row updates only the fields the file gives.
 */
export function planImport(actors: readonly Actor[], rows: readonly ImportedRow[]): ImportPlan {
  const byId = new Map(actors.map((a) => [a.id, a]))
  const byName = new Map<string, Actor[]>()
  for (const a of actors) {
    const key = normaliseName(a.label)
    if (key) byName.set(key, [...(byName.get(key) ?? []), a])
  }
  const used = new Set<string>()
  // rows with a known id claim their actor first, so a renamed actor is not taken by name
  const claimed = new Map<ImportedRow, Actor>()
  for (const row of rows) {
    const actor = row.id ? byId.get(row.id) : undefined
    if (actor && !used.has(actor.id)) {
      used.add(actor.id)
      claimed.set(row, actor)
    }
  }
  const plan: ImportPlan = { added: [], updated: [], unchanged: 0 }
  for (const row of rows) {
    let actor = claimed.get(row)
    if (!actor) {
      actor = byName.get(normaliseName(row.fields.label))?.find((a) => !used.has(a.id))
      if (actor) used.add(actor.id)
    }
    if (!actor) {
      plan.added.push(row)
      continue
    }
    const patch: Partial<ImportedActorFields> = {}
    for (const key of row.given)
      if (!sameValue(key, row.fields[key], actor[key]))
        (patch as Record<string, unknown>)[key] = row.fields[key]
    // power or interest given to an actor still in the tray places it on the grid
    if (!actor.placed && (row.given.includes('power') || row.given.includes('interest')))
      patch.placed = true
    if (Object.keys(patch).length) plan.updated.push({ id: actor.id, row: row.row, patch })
    else plan.unchanged++
  }
  return plan
}

/** Writes a plan: updates first, then the new actors. Call inside one transaction. */
export function applyImport(
  doc: Y.Doc,
  plan: ImportPlan,
  newId: () => string,
  options: { update: boolean } = { update: true },
): string[] {
  if (options.update)
    for (const u of plan.updated) patchRecord(doc, 'stakeholders.nodes', u.id, u.patch as Fields)
  return addActors(
    doc,
    // a row without power and interest says nothing of them: its actor waits in the tray
    plan.added.map((r) => ({
      ...r.fields,
      placed: r.given.includes('power') || r.given.includes('interest'),
    })),
    newId,
  )
}
