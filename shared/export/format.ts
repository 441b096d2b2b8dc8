import { z } from 'zod'
import { CANVASES, PHASES, type CanvasName } from '../schema/roots.ts'
import { PROBLEM_ROLES } from '../schema/cards.ts'
import { SCHEMA_VERSION } from '../schema/version.ts'

export const EXPORT_FORMAT = 'trama.board'
/** Limits that keep one import from exhausting the server. */
export const MAX_CARDS_PER_CANVAS = 10_000
export const MAX_LABEL_LENGTH = 2_000

const id = z.string().regex(/^[A-Za-z0-9_:.-]{1,128}$/, 'ids are 1–128 letters, digits, _ : . -')
const coord = z.number().finite().min(-1e7).max(1e7)

const cardBase = {
  id,
  kind: z.string().min(1).max(64),
  label: z.string().max(MAX_LABEL_LENGTH),
  x: coord,
  y: coord,
}

/** Unknown fields are kept (forward compatibility), but must be JSON. */
const genericCard = z.object(cardBase).catchall(z.json())

export const problemCardSchema = z
  .object({ ...cardBase, kind: z.literal('problem'), role: z.enum(PROBLEM_ROLES) })
  .catchall(z.json())

export const linkSchema = z
  .object({ id, source: id, target: id, kind: z.string().min(1).max(64) })
  .catchall(z.json())

function canvasSchema<N extends z.ZodType<{ id: string }>>(node: N) {
  return z
    .object({
      nodes: z.array(node).max(MAX_CARDS_PER_CANVAS),
      edges: z.array(linkSchema).max(MAX_CARDS_PER_CANVAS * 4),
    })
    .superRefine((canvas, ctx) => {
      const ids = new Set<string>()
      canvas.nodes.forEach((n, i) => {
        if (ids.has(n.id))
          ctx.addIssue({
            code: 'custom',
            path: ['nodes', i, 'id'],
            message: `duplicate card id ${n.id}`,
          })
        ids.add(n.id)
      })
      const linkIds = new Set<string>()
      canvas.edges.forEach((e, i) => {
        if (linkIds.has(e.id))
          ctx.addIssue({
            code: 'custom',
            path: ['edges', i, 'id'],
            message: `duplicate link id ${e.id}`,
          })
        linkIds.add(e.id)
        for (const end of ['source', 'target'] as const) {
          if (!ids.has(e[end]))
            ctx.addIssue({
              code: 'custom',
              path: ['edges', i, end],
              message: `link points to unknown card ${e[end]}`,
            })
        }
      })
    })
}

const emptyCanvas = { nodes: [], edges: [] }

/** The JSON export of schema version 1. */
export const boardExportV1 = z.object({
  format: z.literal(EXPORT_FORMAT),
  schemaVersion: z.literal(SCHEMA_VERSION),
  title: z.string().max(200),
  exportedAt: z.string().max(64),
  createdAt: z.string().max(64).default(''),
  phase: z.enum(PHASES).default('problems'),
  canvases: z.object({
    problems: canvasSchema(problemCardSchema).default(emptyCanvas),
    objectives: canvasSchema(genericCard).default(emptyCanvas),
    stakeholders: canvasSchema(genericCard).default(emptyCanvas),
  }),
})

export type BoardExport = z.output<typeof boardExportV1>
export type CanvasExport = BoardExport['canvases'][CanvasName]

export const EXPORT_CANVASES: readonly CanvasName[] = CANVASES
